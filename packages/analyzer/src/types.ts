/**
 * Public types of the analyzer: what a finding, a line and an analysis look like.
 * These are the shapes the JSON contract (see the root README) is built from.
 */

export type Category = 'translation' | 'boilerplate' | 'readability' | 'language'
export type Severity = 'error' | 'warning' | 'info'
/** A rule setting in config: a severity, or `off`. */
export type RuleSetting = Severity | 'off'

export interface Finding {
  ruleId: string
  category: Category
  severity: Severity
  message: string
  /** 1-based line of the first character. */
  line: number
  /** 1-based column of the first character, counted in UTF-16 code units. */
  column: number
  /** 1-based line of the end point. */
  endLine: number
  /** 1-based column just past the last character (exclusive end). */
  endColumn: number
  /** The flagged text, shortened to at most 80 characters. */
  excerpt: string
  /** Link to the rule's documentation. */
  url: string
  /** Suggested replacements, when the rule has one. */
  expected?: string[]
}

export type LineKind = 'content' | 'boilerplate'

export interface LineResult {
  /** 1-based line number in the input. */
  line: number
  kind: LineKind
  /** Probability (0–1) that the line is page junk. */
  boilerplate: number
  /** How strongly the line shows machine-translation artifacts (0 none, 1 certain). */
  translation: number
  /** Words on the line (runs of letters or digits): a line's weight in the document's scores. */
  words: number
  /**
   * In a hard-wrapped text (an e-mail, a .txt README), on each line of a paragraph wrapped over
   * several lines: the line the paragraph starts on. Its lines share one verdict, and the scores
   * count the paragraph once, as one line, so wrapping a text does not change its share of junk.
   */
  paragraph?: number
}

/** Counts the scoring package needs; scoring never looks at the text itself. */
export interface DocumentStats {
  /** Characters of non-blank lines. */
  chars: number
  /** Words in the whole document. */
  words: number
  /** Words on lines classified as content. */
  contentWords: number
  /** Non-blank lines, a paragraph hard-wrapped over several lines counting once (`LineResult.paragraph`). */
  lines: number
  /** Sentences with at least `minWords` words that retext-readability judged. */
  sentences: number
  /** Words on lines classified as boilerplate. */
  boilerplateWords: number
  /** Characters on lines classified as boilerplate. */
  boilerplateChars: number
}

export interface Analysis {
  /** ISO 639-1 where one exists, else 639-3; `und` when unknown. */
  language: string
  findings: Finding[]
  /** One entry per non-blank input line. */
  lines: LineResult[]
  stats: DocumentStats
  /** Remarks about the input as a whole (for example that it is empty). */
  notes: string[]
  /**
   * The numeric signals detectors wrote on each line (index = line number − 1), for training and
   * evaluation scripts; present only when `AnalyzeOptions.signals` is set.
   */
  signals?: Array<Record<string, number>>
  /**
   * With `AnalyzeOptions.signals`: the frame hashes (lm/skeleton.ts) of the sentences the line
   * model reads on each line (index = line number − 1), what scripts/train-translation.mjs learns
   * the frame table from.
   */
  frames?: number[][]
}

export interface AnalyzeOptions {
  /** Expected language of the text (ISO 639-1 or 639-3); detected when absent. */
  lang?: string
  /** Per-rule severity overrides or `off`, by rule id. */
  rules?: Record<string, RuleSetting>
  /** Probability above which a line counts as boilerplate (default 0.5). */
  boilerplateThreshold?: number
  /** Return the per-line signals (`Analysis.signals`), for training and evaluation scripts. */
  signals?: boolean
  /**
   * Names and jargon written on purpose (`Soschi`, `stdout`, `New York Times`): a translation or
   * language finding on one of them is dropped and the language model does not blame them
   * (accept.ts). Whole words or phrases, case-sensitive; a lower-case term also matches capitalised
   * where a sentence starts.
   */
  accept?: readonly string[]
}
