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
import type { Analysis, Finding, LineResult, Severity } from '@tq/analyzer'

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
/** Fewer words than this count as this many, so one slip in a tweet does not sink the score. */
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
 * The calibration of translation badness b to a score: a logistic curve, 100 at b = 0, through
 * the dev data's anchors (fitted on half A of the doc_key split, scripts/eval-scores.mjs): the
 * 98.5th percentile of the human originals (b ≈ 0.71) at 70, the median Apertium round trip
 * (b ≈ 1.03) at 45.
 */
const TRANSLATION_MIDPOINT = 0.94
const TRANSLATION_WIDTH = 0.31
/** Weight of the share of characters beside the share of lines in the boilerplate share. */
const BOILERPLATE_CHAR_WEIGHT = 0.25
/** Boilerplate share at which the boilerplate score falls to 1/e of 100: a stray line in ten ≈ 82, a quarter ≈ 61, half ≈ 37. */
const BOILERPLATE_SCALE = 0.5
/** Weight of a hard sentence, by severity, in the share of hard sentences. */
const READABILITY_WEIGHT: Record<Severity, number> = { error: 1, warning: 1, info: 0.5 }
/** Points the readability score loses when every sentence is very hard. */
const READABILITY_SPAN = 60
/** Weights of the sub-scores in `overall`. */
const OVERALL_WEIGHTS = { translation: 0.4, boilerplate: 0.35, readability: 0.25 }

/** Scores and verdict of one analysed text. */
export function score(analysis: Analysis, options: ScoreOptions = {}): Verdict {
  const translation = translationScore(analysis)
  const boilerplate = boilerplateScore(analysis)
  const readability = readabilityScore(analysis)
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

/** Whether `scores` reach the overall bar and every per-score bar of `options`. */
export function passes(scores: Scores, options: ScoreOptions = {}): boolean {
  if (scores.overall < (options.minScore ?? DEFAULT_MIN_SCORE)) return false
  for (const name of SCORE_NAMES) {
    const bar = options.minScores?.[name]
    if (bar !== undefined && scores[name] < bar) return false
  }
  return true
}

/** The parts of the translation badness (see `translationScore`). */
interface TranslationParts {
  words: number
  /** Weight of each counted finding (its share of the density term). */
  findings: Array<{ finding: Finding; badness: number }>
  /** Badness each content line adds through its excess line value. */
  lines: Array<{ line: number; badness: number }>
  badness: number
}

function translationParts(analysis: Analysis): TranslationParts {
  const words = Math.max(analysis.stats.contentWords, MIN_WORDS)
  // Per line, the factor the copy findings put on (1 − value).
  const copyKeep = new Map<number, number>()
  for (const finding of analysis.findings) {
    if (finding.ruleId !== COPY_RULE) continue
    for (let line = finding.line; line <= finding.endLine; line++) copyKeep.set(line, (copyKeep.get(line) ?? 1) * (1 - LINE_FINDING_WEIGHT[finding.severity]))
  }
  const lineValue = (line: LineResult): number => {
    const keep = copyKeep.get(line.line)
    return keep === undefined ? line.translation : Math.max(0, 1 - (1 - line.translation) / keep)
  }
  const findings: TranslationParts['findings'] = []
  for (const finding of analysis.findings) {
    if ((finding.category !== 'translation' && finding.category !== 'language') || finding.ruleId === COPY_RULE) continue
    findings.push({ finding, badness: (TRANSLATION_WEIGHT[finding.severity] / words) * (100 / TRANSLATION_SCALE) })
  }
  const judged = analysis.lines.filter((line) => line.kind === 'content')
  const lines = judged.map((line) => ({ line: line.line, badness: (LINE_SCALE * Math.max(0, lineValue(line) - LINE_FLOOR)) / judged.length }))
  let badness = 0
  for (const part of findings) badness += part.badness
  for (const part of lines) badness += part.badness
  return { words, findings, lines, badness }
}

/**
 * Calibrated from the badness b = density / TRANSLATION_SCALE + LINE_SCALE × excess, where
 * - density = severity-weighted translation (and language) findings per 100 content words, and
 * - excess = mean over content lines of how far each line's `translation` value (the analyzer's
 *   learned per-line model: language-model signals and findings) rises above `LINE_FLOOR`.
 * Lines below the floor add nothing, so fluent human text keeps 100; boilerplate lines do not
 * count, and a copy of an earlier sentence counts as the sentence it copies (see `COPY_RULE`).
 */
export function translationScore(analysis: Analysis): number {
  return calibrateTranslation(translationParts(analysis).badness)
}

/** The logistic calibration curve: 100 at b = 0, 50 a little past the midpoint, towards 0 beyond. */
export function calibrateTranslation(badness: number): number {
  const atZero = 1 + Math.exp(-TRANSLATION_MIDPOINT / TRANSLATION_WIDTH)
  return (100 * atZero) / (1 + Math.exp((badness - TRANSLATION_MIDPOINT) / TRANSLATION_WIDTH))
}

/** The boilerplate share: mostly of lines (what a reader sees), a quarter of characters. */
function boilerplateShare(analysis: Analysis): number {
  const { lines, chars, boilerplateChars } = analysis.stats
  if (lines === 0) return 0
  const boilerplateLines = analysis.lines.filter((line) => line.kind === 'boilerplate').length
  const charShare = chars > 0 ? boilerplateChars / chars : 0
  return (1 - BOILERPLATE_CHAR_WEIGHT) * (boilerplateLines / lines) + BOILERPLATE_CHAR_WEIGHT * charShare
}

/** 100 × e^(−s / BOILERPLATE_SCALE), s = the boilerplate share of lines (¾) and characters (¼). */
export function boilerplateScore(analysis: Analysis): number {
  return 100 * Math.exp(-boilerplateShare(analysis) / BOILERPLATE_SCALE)
}

/** 100 − span × weighted share of hard sentences among the sentences judged. */
export function readabilityScore(analysis: Analysis): number {
  const { sentences } = analysis.stats
  if (sentences === 0) return 100
  return 100 - READABILITY_SPAN * Math.min(1, readabilityWeight(analysis.findings) / sentences)
}

function readabilityWeight(findings: readonly Finding[]): number {
  let total = 0
  for (const finding of findings) if (finding.category === 'readability') total += READABILITY_WEIGHT[finding.severity]
  return total
}

// ---------------------------------------------------------------------------------------------

/** One cause of lost points: a rule (or the line model) and the lines involved. */
export interface Deduction {
  /** A rule id, or `translation/wording` for the line model's values, `boilerplate/lines` for junk lines. */
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
 * Share out the points each sub-score lost among its causes, in proportion to what each adds to
 * the sub-score's badness (translation, boilerplate) or hard-sentence weight (readability).
 */
export function explain(analysis: Analysis): Explanation {
  return { translation: explainTranslation(analysis), boilerplate: explainBoilerplate(analysis), readability: explainReadability(analysis) }
}

/** A cause being tallied: its badness and, per line, the badness it adds there. */
interface Cause {
  reason: (count: number) => string
  count: number
  badness: number
  lines: Map<number, number>
}

function tally(causes: Map<string, Cause>, ruleId: string, reason: Cause['reason'], badness: number, line: number): void {
  const cause = causes.get(ruleId) ?? { reason, count: 0, badness: 0, lines: new Map<number, number>() }
  cause.count++
  cause.badness += badness
  cause.lines.set(line, (cause.lines.get(line) ?? 0) + badness)
  causes.set(ruleId, cause)
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

function explainTranslation(analysis: Analysis): Deduction[] {
  const parts = translationParts(analysis)
  const lost = 100 - translationScore(analysis)
  if (parts.badness <= 0 || lost <= 0) return []
  const causes = new Map<string, Cause>()
  for (const { finding, badness } of parts.findings) tally(causes, finding.ruleId, (n) => `${plural(n, 'finding')} of ${finding.ruleId}`, badness, finding.line)
  for (const { line, badness } of parts.lines) {
    if (badness > 0) tally(causes, 'translation/wording', (n) => `${plural(n, 'line')} whose wording reads like machine translation`, badness, line)
  }
  return deductions(causes, (badness) => (lost * badness) / parts.badness)
}

function explainBoilerplate(analysis: Analysis): Deduction[] {
  const lost = 100 - boilerplateScore(analysis)
  const junk = analysis.lines.filter((line) => line.kind === 'boilerplate').map((line) => line.line)
  if (lost <= 0 || junk.length === 0) return []
  // Junk lines by the boilerplate rule that flagged them; the classifier alone for the rest.
  const ruleOf = new Map<number, string>()
  for (const finding of analysis.findings) if (finding.category === 'boilerplate' && !ruleOf.has(finding.line)) ruleOf.set(finding.line, finding.ruleId)
  const causes = new Map<string, Cause>()
  for (const line of junk) {
    const ruleId = ruleOf.get(line)
    if (ruleId === undefined) tally(causes, 'boilerplate/lines', (n) => `${plural(n, 'line')} of page junk (boilerplate classifier)`, 1, line)
    else tally(causes, ruleId, (n) => `${plural(n, 'line')} of page junk (${ruleId})`, 1, line)
  }
  return deductions(causes, (count) => (lost * count) / junk.length)
}

function explainReadability(analysis: Analysis): Deduction[] {
  const lost = 100 - readabilityScore(analysis)
  const total = readabilityWeight(analysis.findings)
  if (lost <= 0 || total <= 0) return []
  const causes = new Map<string, Cause>()
  for (const finding of analysis.findings) {
    if (finding.category !== 'readability') continue
    tally(causes, finding.ruleId, (n) => `${plural(n, 'finding')} of ${finding.ruleId}`, READABILITY_WEIGHT[finding.severity], finding.line)
  }
  return deductions(causes, (weight) => (lost * weight) / total)
}

function deductions(causes: Map<string, Cause>, points: (badness: number) => number): Deduction[] {
  return [...causes.entries()]
    .map(([ruleId, cause]) => ({
      ruleId,
      reason: cause.reason(cause.count),
      points: Math.round(10 * points(cause.badness)) / 10,
      lines: [...cause.lines.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, MAX_LINES)
        .map(([line]) => line),
    }))
    .filter((deduction) => deduction.points > 0)
    .sort((a, b) => b.points - a.points || a.ruleId.localeCompare(b.ruleId))
}

function round(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)))
}
