/**
 * @tq/scoring: pure functions from analyzer output to scores, a verdict and an explanation.
 * Nothing here reads text; everything comes from findings, line values and document counts.
 *
 *   findings + line values + stats ─► badness per sub-score ─► calibrated 0–100 (100 = clean)
 *                                  ─► overall ─► pass against the bar (and any per-score bars)
 *
 * The scores are calibrated on the dev data (scripts/eval-scores.mjs; the bands and the data they
 * come from are in this package's README): 90+ ready to publish, 70–89 minor issues (passes the
 * default bar), 50–69 needs an editor, below 50 garbled or mostly junk.
 */
import type { Analysis, LineResult, Severity } from '@tq/analyzer'

export interface Scores {
  overall: number
  translation: number
  boilerplate: number
  readability: number
}

export type ScoreName = keyof Scores
export const SCORE_NAMES: readonly ScoreName[] = ['overall', 'translation', 'boilerplate', 'readability']
export type SubScoreName = Exclude<ScoreName, 'overall'>
export const SUB_SCORE_NAMES: readonly SubScoreName[] = ['translation', 'boilerplate', 'readability']

export interface Verdict {
  scores: Scores
  pass: boolean
}

export interface ScoreOptions {
  /** The bar `overall` must reach to pass (default `DEFAULT_MIN_SCORE`). */
  minScore?: number
  /** Further bars, per score: a text passes only when every score named here reaches its bar. */
  minScores?: Partial<Record<ScoreName, number>>
}

/** Default bar for `pass`: the bottom of the "minor issues" band. */
export const DEFAULT_MIN_SCORE = 70

/** Weight of one translation finding, by severity, in the per-100-words density. */
const TRANSLATION_WEIGHT: Record<Severity, number> = { error: 3, warning: 1.5, info: 0.3 }
/** Density (weighted findings per 100 words) that adds 1 to the translation badness. */
const TRANSLATION_SCALE = 8
/** Line `translation` values up to this are noise a fluent human line also shows; only the excess counts. */
const LINE_FLOOR = 0.1
/** Weight of the mean excess line value in the translation badness. */
const LINE_SCALE = 5
/**
 * Fewer words than this count as this many, the missing ones as clean prose, so one slip in a
 * tweet, or one terse line that is all a short text has (`Lowercase the keys of an object`, a
 * package's one-line description, 0.99 with its end judged), does not sink the score: the findings' density and the line values'
 * mean are both taken over at least this many words.
 */
const MIN_WORDS = 50
/**
 * A copy of an earlier sentence is judged as the sentence it copies: its finding is reported but
 * adds nothing to the score, and its line keeps the value it would have without the finding, so a
 * text pasted twice scores as the text. The analyzer joins a finding of a rule its line model was
 * not trained on (this one) into the line value as 1 − (1 − p) × (1 − w), w by severity
 * (packages/analyzer/src/lines.ts); `lineValue` takes that factor out again.
 */
const COPY_RULE = 'translation/repeated-sentence'
/** The analyzer's w of an untrained rule's finding, by severity (packages/analyzer/src/lines.ts). */
const LINE_FINDING_WEIGHT: Record<Severity, number> = { error: 0.6, warning: 0.35, info: 0.1 }
/**
 * The calibration of translation badness b to a score: a logistic curve, 100 at b = 0, set on
 * half A of the doc_key split of mt-docs-dev.jsonl by two anchors that say what the bands mean
 * (scripts/eval-scores.mjs fits them and prints the fit beside these constants):
 * - 90, ready to publish, at the 95th percentile human original (b = 0.31);
 * - 60, needs an editor, at the median human original with a quarter of its lines swapped for
 *   the same lines of its Apertium round trip (b = 0.77).
 * The default bar, 70, then falls at b = 0.64; the median round trip scores 0.
 */
export const TRANSLATION_CURVE = { midpoint: 0.846, width: 0.332 } as const
/** Weight of the share of characters beside the share of lines in the boilerplate share. */
const BOILERPLATE_CHAR_WEIGHT = 0.25
/**
 * Boilerplate share at which the boilerplate score falls to 1/e of 100: a stray line in ten ≈ 83,
 * a fifth of the lines ≈ 69 (fails the default bar), a quarter ≈ 63, half ≈ 39 (with the junk
 * lines a quarter of the characters their share of lines would give).
 */
const BOILERPLATE_SCALE = 0.4
/**
 * A content line whose boilerplate probability is above this counts as part junk, rising to a
 * whole junk line at 0.5: the classifier's unsure lines. Junk spliced into an article (`Kylie
 * Jenner`, `Dow Jones Newswires`, `Accessibility Statement` between paragraphs) sits at 0.3–0.5 a
 * third of the time, where human article lines rarely are (1.6% of them above 0.3), so counting
 * these lines in part makes the score see junk the line-by-line decision misses. The score does
 * not depend on the flagging threshold (`boilerplateThreshold`), only on the probabilities.
 */
const UNSURE_JUNK_FROM = 0.25
/** Weight of a hard sentence, by severity, in the share of hard sentences. */
const READABILITY_WEIGHT: Record<Severity, number> = { error: 1, warning: 1, info: 0.5 }
/** Points the readability score loses when every sentence is very hard. */
const READABILITY_SPAN = 60
/** Weights of the sub-scores in `overall`. */
const OVERALL_WEIGHTS = { translation: 0.4, boilerplate: 0.35, readability: 0.25 }

/** Scores and verdict of one analysed text. */
export function score(analysis: Analysis, options: ScoreOptions = {}): Verdict {
  return new Tally().add(analysis).verdict(options)
}

/** Whether `scores` reach the overall bar and every per-score bar of `options`. */
export function passes(scores: Scores, options: ScoreOptions = {}): boolean {
  if (scores.overall < (options.minScore ?? DEFAULT_MIN_SCORE)) return false
  for (const name of SCORE_NAMES) {
    const bar = options.minScores?.[name]
    if (bar !== undefined && scores[name] < bar) return false
  }
  return true
}

/** How much of a junk line a content line with boilerplate probability `p` counts as (see `UNSURE_JUNK_FROM`). */
function unsureJunk(p: number): number {
  return Math.min(1, Math.max(0, (p - UNSURE_JUNK_FROM) / (0.5 - UNSURE_JUNK_FROM)))
}

/** The translation sub-score of one analysed text (see `Tally`). */
export function translationScore(analysis: Analysis): number {
  return new Tally().add(analysis).subScores().translation
}

/** The boilerplate sub-score of one analysed text (see `Tally`). */
export function boilerplateScore(analysis: Analysis): number {
  return new Tally().add(analysis).subScores().boilerplate
}

/** The readability sub-score of one analysed text (see `Tally`). */
export function readabilityScore(analysis: Analysis): number {
  return new Tally().add(analysis).subScores().readability
}

/** The logistic calibration curve: 100 at b = 0, 50 a little past the midpoint, towards 0 beyond. */
export function calibrateTranslation(badness: number, curve: { midpoint: number; width: number } = TRANSLATION_CURVE): number {
  const atZero = 1 + Math.exp(-curve.midpoint / curve.width)
  return (100 * atZero) / (1 + Math.exp((badness - curve.midpoint) / curve.width))
}

/** The translation badness of one analysed text, before calibration (see `Tally`). */
export function translationBadness(analysis: Analysis): number {
  const badness = new Tally().add(analysis).translationBadness()
  return badness.findings + badness.lines
}

/** What pulled each sub-score down, biggest cause first. A sub-score at 100 has none. */
export function explain(analysis: Analysis): Explanation {
  return new Tally({ explain: true }).add(analysis).explanation()
}

// ---------------------------------------------------------------------------------------------

/** One cause of lost points: a rule (or the line model) and the lines involved. */
export interface Deduction {
  /** A rule id, or `translation/wording` for the line model's values, `boilerplate/lines` for junk lines, `boilerplate/unsure` for lines the classifier was unsure of. */
  ruleId: string
  /** What pulled the score down, for people. */
  reason: string
  /** Points of the sub-score this cause accounts for (one decimal). */
  points: number
  /** Lines involved (1-based), worst first for the line model, else in order. */
  lines: number[]
}

/** What pulled each sub-score down, biggest cause first. A sub-score at 100 has none. */
export type Explanation = Record<SubScoreName, Deduction[]>

/** Lines listed per deduction at most. */
const MAX_LINES = 20

/**
 * A cause being tallied: how much it adds to its sub-score's badness, in the cause's own unit
 * (severity weights of findings, or excess line values), and per line the amount it adds there
 * (only the `MAX_LINES` largest are kept).
 */
interface Cause {
  reason: (count: number) => string
  unit: 'finding' | 'line'
  count: number
  amount: number
  lines: Map<number, number>
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

/**
 * The sums every score is made of, added up over one analysis or over the sections of a text
 * analysed piece by piece (`analyzeSections`), so a 100 MB file is scored without holding its
 * findings:
 *
 * - translation: badness b = density / TRANSLATION_SCALE + LINE_SCALE × excess, calibrated by
 *   `calibrateTranslation`, where density = severity-weighted translation (and language) findings
 *   per 100 content words, and excess = the mean, over the words of content lines, of how far
 *   their line's `translation` value (the analyzer's learned per-line model) rises above
 *   `LINE_FLOOR` (both over at least `MIN_WORDS` words). Weighting lines by their words keeps a short line (a headline, a dateline) from
 *   counting as much as a paragraph, which makes the score steadier when a text is cut short and
 *   separates round trips from originals better (scripts/eval-scores.mjs). Lines below the floor
 *   add nothing, so fluent human text keeps 100; boilerplate lines do not count, and a copy of an
 *   earlier sentence counts as the sentence it copies (see `COPY_RULE`).
 * - boilerplate: 100 × e^(−s / BOILERPLATE_SCALE), s = the boilerplate share of lines (¾) and
 *   characters (¼); a content line the classifier was unsure of counts in part (`unsureJunk`), and
 *   a paragraph hard-wrapped over several lines (`LineResult.paragraph`) as one line, so wrapping
 *   an article at 72 columns does not dilute its junk lines among three times as many prose lines.
 * - readability: 100 − span × weighted share of hard sentences among the sentences judged.
 *
 * A copy finding and the line it lowers always fall in the same section, so the copy correction
 * is exact per part.
 */
export class Tally {
  private contentWords = 0
  /** Σ severity weight of the counted translation and language findings. */
  private findingWeight = 0
  /** Words of content lines, and Σ over those words of their line value's excess above `LINE_FLOOR`. */
  private judged = 0
  private excess = 0
  private lines = 0
  private chars = 0
  private boilerplateChars = 0
  private boilerplateLines = 0
  private sentences = 0
  private hardWeight = 0
  private readonly causes: Record<SubScoreName, Map<string, Cause>> | undefined

  /** With `explain`, also keep what each cause adds, for `explanation()`. */
  constructor(options: { explain?: boolean } = {}) {
    this.causes = options.explain ? { translation: new Map(), boilerplate: new Map(), readability: new Map() } : undefined
  }

  /** Add one analysis: a whole text, or one section of it. */
  add(part: Analysis): this {
    const { stats } = part
    this.contentWords += stats.contentWords
    this.lines += stats.lines
    this.chars += stats.chars
    this.boilerplateChars += stats.boilerplateChars
    this.sentences += stats.sentences

    // Per line, the factor the copy findings put on (1 − value).
    const copyKeep = new Map<number, number>()
    const ruleOfJunk = new Map<number, string>()
    for (const finding of part.findings) {
      if (finding.ruleId === COPY_RULE) {
        for (let line = finding.line; line <= finding.endLine; line++) copyKeep.set(line, (copyKeep.get(line) ?? 1) * (1 - LINE_FINDING_WEIGHT[finding.severity]))
        continue
      }
      if (finding.category === 'translation' || finding.category === 'language') {
        const weight = TRANSLATION_WEIGHT[finding.severity]
        this.findingWeight += weight
        this.note('translation', finding.ruleId, 'finding', (n) => `${plural(n, 'finding')} of ${finding.ruleId}`, weight, finding.line)
      } else if (finding.category === 'readability') {
        const weight = READABILITY_WEIGHT[finding.severity]
        this.hardWeight += weight
        this.note('readability', finding.ruleId, 'finding', (n) => `${plural(n, 'finding')} of ${finding.ruleId}`, weight, finding.line)
      } else if (finding.category === 'boilerplate' && !ruleOfJunk.has(finding.line)) ruleOfJunk.set(finding.line, finding.ruleId)
    }
    // Lines of each paragraph wrapped over several lines, which counts as one line (`stats.lines` counts it once).
    const wrapped = new Map<number, number>()
    for (const line of part.lines) if (line.paragraph !== undefined) wrapped.set(line.paragraph, (wrapped.get(line.paragraph) ?? 0) + 1)
    // A wrapped paragraph's junk is counted once in the explanation's "n lines", as in the score.
    const explained = new Set<string>()
    const counted = (ruleId: string, line: LineResult): number => {
      if (line.paragraph === undefined) return 1
      const key = `${ruleId} ${line.paragraph}`
      if (explained.has(key)) return 0
      explained.add(key)
      return 1
    }
    for (const line of part.lines) {
      const share = line.paragraph === undefined ? 1 : 1 / wrapped.get(line.paragraph)!
      if (line.kind === 'boilerplate') {
        this.boilerplateLines += share
        // Junk lines by the boilerplate rule that flagged them; the classifier alone for the rest.
        const ruleId = ruleOfJunk.get(line.line)
        if (ruleId === undefined) this.note('boilerplate', 'boilerplate/lines', 'line', (n) => `${plural(n, 'line')} of page junk (boilerplate classifier)`, share, line.line, counted('boilerplate/lines', line))
        else this.note('boilerplate', ruleId, 'line', (n) => `${plural(n, 'line')} of page junk (${ruleId})`, share, line.line, counted(ruleId, line))
        continue
      }
      const junk = share * unsureJunk(line.boilerplate)
      if (junk > 0) {
        this.boilerplateLines += junk
        this.note('boilerplate', 'boilerplate/unsure', 'line', (n) => `${plural(n, 'line')} that may be page junk (boilerplate classifier unsure)`, junk, line.line, counted('boilerplate/unsure', line))
      }
      // A line without words (only digits or symbols) still counts as one.
      const weight = Math.max(1, line.words)
      this.judged += weight
      const keep = copyKeep.get(line.line)
      const value = keep === undefined ? line.translation : Math.max(0, 1 - (1 - line.translation) / keep)
      const excess = weight * Math.max(0, value - LINE_FLOOR)
      this.excess += excess
      if (excess > 0) this.note('translation', 'translation/wording', 'line', (n) => `${plural(n, 'line')} whose wording reads like machine translation`, excess, line.line)
    }
    if (this.causes) for (const causes of Object.values(this.causes)) for (const cause of causes.values()) prune(cause.lines)
    return this
  }

  /** The translation badness of the findings and of the line values so far. */
  translationBadness(): { findings: number; lines: number } {
    const words = Math.max(this.contentWords, MIN_WORDS)
    return {
      findings: (this.findingWeight / words) * (100 / TRANSLATION_SCALE),
      lines: this.judged > 0 ? (LINE_SCALE * this.excess) / Math.max(this.judged, MIN_WORDS) : 0,
    }
  }

  /** The boilerplate share: mostly of lines (what a reader sees), a quarter of characters. */
  private boilerplateShare(): number {
    if (this.lines === 0) return 0
    const charShare = this.chars > 0 ? this.boilerplateChars / this.chars : 0
    return (1 - BOILERPLATE_CHAR_WEIGHT) * (this.boilerplateLines / this.lines) + BOILERPLATE_CHAR_WEIGHT * charShare
  }

  /** The sub-scores, unrounded. */
  subScores(): Record<SubScoreName, number> {
    const badness = this.translationBadness()
    return {
      translation: calibrateTranslation(badness.findings + badness.lines),
      boilerplate: 100 * Math.exp(-this.boilerplateShare() / BOILERPLATE_SCALE),
      readability: this.sentences === 0 ? 100 : 100 - READABILITY_SPAN * Math.min(1, this.hardWeight / this.sentences),
    }
  }

  /** Scores (rounded) and whether they pass the bars of `options`. */
  verdict(options: ScoreOptions = {}): Verdict {
    const { translation, boilerplate, readability } = this.subScores()
    const weighted =
      OVERALL_WEIGHTS.translation * translation +
      OVERALL_WEIGHTS.boilerplate * boilerplate +
      OVERALL_WEIGHTS.readability * readability
    // Garbled or junk-ridden text fails however readable it is: overall never exceeds the worse of
    // translation and boilerplate; readability, which an editor fixes without a translator, only
    // lowers it through the weighted mean.
    const overall = Math.min(weighted, translation, boilerplate)
    const scores: Scores = {
      overall: round(overall),
      translation: round(translation),
      boilerplate: round(boilerplate),
      readability: round(readability),
    }
    return { scores, pass: passes(scores, options) }
  }

  /**
   * Share out the points each sub-score lost among its causes, in proportion to what each adds to
   * the sub-score's badness (translation, boilerplate) or hard-sentence weight (readability).
   * Needs `explain` in the constructor.
   */
  explanation(): Explanation {
    if (!this.causes) throw new Error('Tally was created without { explain: true }')
    const sub = this.subScores()
    const badness = this.translationBadness()
    const words = Math.max(this.contentWords, MIN_WORDS)
    // Each unit's amounts as translation badness.
    const perUnit = { finding: 100 / (TRANSLATION_SCALE * words), line: this.judged > 0 ? LINE_SCALE / Math.max(this.judged, MIN_WORDS) : 0 }
    const translationTotal = badness.findings + badness.lines
    const translationLost = 100 - sub.translation
    const boilerplateLost = 100 - sub.boilerplate
    const readabilityLost = 100 - sub.readability
    return {
      translation:
        translationTotal > 0 && translationLost > 0
          ? deductions(this.causes.translation, (cause) => (translationLost * cause.amount * perUnit[cause.unit]) / translationTotal)
          : [],
      boilerplate:
        boilerplateLost > 0 && this.boilerplateLines > 0
          ? deductions(this.causes.boilerplate, (cause) => (boilerplateLost * cause.amount) / this.boilerplateLines)
          : [],
      readability:
        readabilityLost > 0 && this.hardWeight > 0
          ? deductions(this.causes.readability, (cause) => (readabilityLost * cause.amount) / this.hardWeight)
          : [],
    }
  }

  /** Add `amount` to a cause of `score`, on `line`; `count` is how many it adds to the cause's "n lines" or "n findings". */
  private note(score: SubScoreName, ruleId: string, unit: Cause['unit'], reason: Cause['reason'], amount: number, line: number, count = 1): void {
    if (!this.causes) return
    const causes = this.causes[score]
    let cause = causes.get(ruleId)
    if (!cause) {
      cause = { reason, unit, count: 0, amount: 0, lines: new Map<number, number>() }
      causes.set(ruleId, cause)
    }
    cause.count += count
    cause.amount += amount
    cause.lines.set(line, (cause.lines.get(line) ?? 0) + amount)
  }
}

/** Worst first, then in line order. */
const worstFirst = (a: [number, number], b: [number, number]): number => b[1] - a[1] || a[0] - b[0]

/** Keep only the `MAX_LINES` lines a deduction can list (a later part never adds to these lines). */
function prune(lines: Map<number, number>): void {
  if (lines.size <= 4 * MAX_LINES) return
  const kept = [...lines.entries()].sort(worstFirst).slice(0, MAX_LINES)
  lines.clear()
  for (const [line, amount] of kept) lines.set(line, amount)
}

function deductions(causes: Map<string, Cause>, points: (cause: Cause) => number): Deduction[] {
  return [...causes.entries()]
    .map(([ruleId, cause]) => ({
      ruleId,
      reason: cause.reason(cause.count),
      points: Math.round(10 * points(cause)) / 10,
      lines: [...cause.lines.entries()]
        .sort(worstFirst)
        .slice(0, MAX_LINES)
        .map(([line]) => line),
    }))
    .filter((deduction) => deduction.points > 0)
    .sort((a, b) => b.points - a.points || a.ruleId.localeCompare(b.ruleId))
}

function round(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)))
}
