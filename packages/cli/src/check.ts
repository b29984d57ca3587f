/**
 * Checking one text: analyze, score, and shape the result the output formats share. Also the
 * report around a run's results and its exit code.
 *
 * Result objects are built field by field, so the JSON contract stays what the README says even
 * if the analyzer's own types grow.
 */
import { analyzeSource, type AnalyzeSourceOptions, type Finding, type LineResult, type RuleSetting, type Severity, type Syntax } from '@tq/analyzer/lazy'
import { explain, score, DEFAULT_MIN_SCORE, type Explanation, type Scores, type SubScoreName } from '@tq/scoring'
import { TOOL_NAME, toolVersion } from './version.js'

export interface CheckOptions {
  /** Language of the text; detected when absent. */
  lang?: string
  /** Per-rule severity or `off`. */
  rules?: Record<string, RuleSetting>
  /** Probability above which a line counts as boilerplate. */
  boilerplateThreshold?: number
  /** Names and jargon written on purpose (config `accept`): no translation finding on them. */
  accept?: string[]
  /** Bar for `overall` (default 70). */
  minScore?: number
  /** Bars per sub-score; a text must reach each. */
  minScores?: Partial<Record<SubScoreName, number>>
  /** Add `explain` to the result: what pulled each sub-score down. */
  explain?: boolean
  /** Keep only error-severity findings. Scores and `pass` are computed from all findings. */
  quiet?: boolean
  /** How to read the text (default `text`). */
  syntax?: Syntax
  /** The source locale file's text, when the text is its translation (syntax `json`). */
  source?: string
  /** Language of the source locale file; detected when absent. */
  sourceLang?: string
}

/** A finding as the JSON contract prints it: the analyzer's finding, fields in contract order. */
export type FindingResult = Finding

/** A line as the JSON contract prints it. */
export type LineEntry = LineResult

/** The outcome of checking one text: a `files[]` entry without its `path`. */
export interface CheckResult {
  language: string
  scores: Scores
  pass: boolean
  findings: FindingResult[]
  lines: LineEntry[]
  notes: string[]
  /** Only when asked for (`--explain`), so the JSON contract is unchanged without it. */
  explain?: Explanation
}

/**
 * A list an output format walks: an array, or for a file too large to hold, a spool on disk that
 * is read back on each walk (large.ts). Formats iterate it and read its `length`; nothing else.
 */
export type Items<T> = Iterable<T> & { readonly length: number }

export interface FileResult extends Omit<CheckResult, 'findings' | 'lines'> {
  /** Path as shown to the user (relative to the working directory when below it), or `<stdin>`. */
  path: string
  findings: Items<FindingResult>
  lines: Items<LineEntry>
}

export interface Summary {
  files: number
  passed: number
  failed: number
  findings: Record<Severity, number>
}

export interface Report {
  tool: { name: string; version: string }
  files: FileResult[]
  summary: Summary
}

/** Analyze and score `text`. A leading byte-order mark is ignored, as when reading a file. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const analysis = analyzeSource(body, analyzeOptions(options))
  const verdict = score(analysis, { minScore: options.minScore ?? DEFAULT_MIN_SCORE, minScores: options.minScores ?? {} })
  const shown = options.quiet ? analysis.findings.filter((finding) => finding.severity === 'error') : analysis.findings
  const result: CheckResult = {
    language: analysis.language,
    scores: { ...verdict.scores },
    pass: verdict.pass,
    findings: shown.map(findingResult),
    lines: analysis.lines.map(lineEntry),
    notes: [...analysis.notes],
  }
  if (options.explain) result.explain = explain(analysis)
  return result
}

export function analyzeOptions(options: CheckOptions): AnalyzeSourceOptions {
  const result: AnalyzeSourceOptions = {}
  if (options.lang !== undefined) result.lang = options.lang
  if (options.rules !== undefined) result.rules = options.rules
  if (options.boilerplateThreshold !== undefined) result.boilerplateThreshold = options.boilerplateThreshold
  if (options.accept !== undefined) result.accept = options.accept
  if (options.syntax !== undefined) result.syntax = options.syntax
  if (options.source !== undefined) result.source = options.source.charCodeAt(0) === 0xfeff ? options.source.slice(1) : options.source
  if (options.sourceLang !== undefined) result.sourceLang = options.sourceLang
  return result
}

function findingResult(finding: Finding): FindingResult {
  const result: FindingResult = {
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    excerpt: finding.excerpt,
    url: finding.url,
  }
  if (finding.expected && finding.expected.length > 0) result.expected = [...finding.expected]
  return result
}

function lineEntry(line: LineResult): LineEntry {
  const entry: LineEntry = { line: line.line, kind: line.kind, boilerplate: line.boilerplate, translation: line.translation, words: line.words }
  if (line.paragraph !== undefined) entry.paragraph = line.paragraph
  return entry
}

/** The report of a run: tool, per-file results, totals. */
export function buildReport(files: FileResult[]): Report {
  return { tool: { name: TOOL_NAME, version: toolVersion() }, files, summary: summarize(files) }
}

export function summarize(results: ReadonlyArray<Pick<FileResult, 'pass' | 'findings'>>): Summary {
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  let passed = 0
  for (const result of results) {
    if (result.pass) passed++
    for (const finding of result.findings) findings[finding.severity]++
  }
  return { files: results.length, passed, failed: results.length - passed, findings }
}

/** 0 when every result passes, 1 when any fails. (2, for bad input, is decided before checking.) */
export function exitCodeOf(results: ReadonlyArray<Pick<CheckResult, 'pass'>>): 0 | 1 {
  return results.every((result) => result.pass) ? 0 : 1
}
