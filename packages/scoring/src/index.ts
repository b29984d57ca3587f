/**
 * @tq/scoring: pure functions from analyzer output to scores and a verdict. Nothing here reads
 * text; everything comes from findings, line values and document counts.
 *
 *   findings + stats ─► translation, boilerplate, readability (0–100, 100 = clean)
 *                   ─► overall ─► pass against the bar
 */
import type { Analysis, Finding, Severity } from '@tq/analyzer'

export interface Scores {
  overall: number
  translation: number
  boilerplate: number
  readability: number
}

export interface Verdict {
  scores: Scores
  pass: boolean
}

export interface ScoreOptions {
  /** The bar `overall` must reach to pass (default `DEFAULT_MIN_SCORE`). */
  minScore?: number
}

/** Default bar for `pass`. */
export const DEFAULT_MIN_SCORE = 70

/** Weight of one translation finding, by severity, in the per-100-words density. */
const TRANSLATION_WEIGHT: Record<Severity, number> = { error: 3, warning: 1.5, info: 0.3 }
/** Density (weighted findings per 100 words) at which the translation score falls to 1/e of 100. */
const TRANSLATION_SCALE = 4
/** Line `translation` values up to this are noise a fluent human line also shows; only the excess counts. */
const LINE_FLOOR = 0.1
/** Weight of the mean excess line value: every content line at 0.6 takes the score to e^(−2.5) of 100. */
const LINE_SCALE = 5
/** Fewer words than this count as this many, so one slip in a tweet does not sink the score. */
const MIN_WORDS = 50
/** Weight of a hard sentence, by severity, in the share of hard sentences. */
const READABILITY_WEIGHT: Record<Severity, number> = { error: 1, warning: 1, info: 0.5 }
/** Points the readability score loses when every sentence is very hard. */
const READABILITY_SPAN = 60
/** Weights of the sub-scores in `overall`. */
const OVERALL_WEIGHTS = { translation: 0.4, boilerplate: 0.35, readability: 0.25 }
/** `overall` may not exceed the worst of translation and boilerplate by more than this. */
const OVERALL_SLACK = 25

/** Scores and verdict of one analysed text. */
export function score(analysis: Analysis, options: ScoreOptions = {}): Verdict {
  const translation = translationScore(analysis)
  const boilerplate = boilerplateScore(analysis)
  const readability = readabilityScore(analysis)
  const weighted =
    OVERALL_WEIGHTS.translation * translation +
    OVERALL_WEIGHTS.boilerplate * boilerplate +
    OVERALL_WEIGHTS.readability * readability
  const overall = Math.min(weighted, Math.min(translation, boilerplate) + OVERALL_SLACK)
  const scores: Scores = {
    overall: round(overall),
    translation: round(translation),
    boilerplate: round(boilerplate),
    readability: round(readability),
  }
  return { scores, pass: scores.overall >= (options.minScore ?? DEFAULT_MIN_SCORE) }
}

/**
 * 100 × e^(−density / scale − LINE_SCALE × excess), where
 * - density = severity-weighted translation (and language) findings per 100 content words, and
 * - excess = mean over content lines of how far each line's `translation` value (the analyzer's
 *   learned per-line model: language-model signals and findings) rises above `LINE_FLOOR`.
 * Lines below the floor add nothing, so fluent human text keeps 100; boilerplate lines do not count.
 */
export function translationScore(analysis: Analysis): number {
  const weight = sum(analysis.findings, (f) => (f.category === 'translation' || f.category === 'language' ? TRANSLATION_WEIGHT[f.severity] : 0))
  const density = (weight / Math.max(analysis.stats.contentWords, MIN_WORDS)) * 100
  let excess = 0
  let content = 0
  for (const line of analysis.lines) {
    if (line.kind !== 'content') continue
    content++
    excess += Math.max(0, line.translation - LINE_FLOOR)
  }
  const lineExcess = content > 0 ? excess / content : 0
  return 100 * Math.exp(-density / TRANSLATION_SCALE - LINE_SCALE * lineExcess)
}

/** 100 × (1 − s)², s = mean of the boilerplate share of lines and of characters. */
export function boilerplateScore(analysis: Analysis): number {
  const { lines, chars, boilerplateChars } = analysis.stats
  if (lines === 0) return 100
  const boilerplateLines = analysis.lines.filter((line) => line.kind === 'boilerplate').length
  const share = 0.5 * (boilerplateLines / lines) + 0.5 * (chars > 0 ? boilerplateChars / chars : 0)
  return 100 * (1 - share) ** 2
}

/** 100 − span × weighted share of hard sentences among the sentences judged. */
export function readabilityScore(analysis: Analysis): number {
  const { sentences } = analysis.stats
  if (sentences === 0) return 100
  const hard = sum(analysis.findings, (f) => (f.category === 'readability' ? READABILITY_WEIGHT[f.severity] : 0))
  return 100 - READABILITY_SPAN * Math.min(1, hard / sentences)
}

function sum(findings: readonly Finding[], weight: (finding: Finding) => number): number {
  let total = 0
  for (const finding of findings) total += weight(finding)
  return total
}

function round(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)))
}
