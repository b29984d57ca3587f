/**
 * Scoring is pure: these tests build analyzer output by hand (no text is parsed) and check the
 * properties a gate relies on.
 */
import { describe, expect, it } from 'vitest'
import type { Analysis, Finding, LineResult } from '@tq/analyzer'
import { DEFAULT_MIN_SCORE, score } from '../src/index.js'

function finding(category: Finding['category'], severity: Finding['severity'], line = 1): Finding {
  return { ruleId: `${category}/x`, category, severity, message: 'm', line, column: 1, endLine: line, endColumn: 2, excerpt: 'x', url: '' }
}

function analysis(options: { words?: number; lines?: number; boilerplateLines?: number; findings?: Finding[]; sentences?: number; translation?: (index: number) => number } = {}): Analysis {
  const lineCount = options.lines ?? 20
  const junk = options.boilerplateLines ?? 0
  const words = options.words ?? 400
  const perLine = lineCount > 0 ? words / lineCount : 0
  const lines: LineResult[] = Array.from({ length: lineCount }, (_, index) => ({
    line: index + 1,
    kind: index < junk ? 'boilerplate' : 'content',
    boilerplate: index < junk ? 0.9 : 0.1,
    translation: options.translation?.(index) ?? 0,
    words: Math.round(perLine),
  }))
  return {
    language: 'en',
    findings: options.findings ?? [],
    lines,
    notes: [],
    stats: {
      chars: words * 6,
      words,
      contentWords: Math.round(perLine * (lineCount - junk)),
      lines: lineCount,
      sentences: options.sentences ?? 20,
      boilerplateWords: Math.round(perLine * junk),
      boilerplateChars: Math.round(perLine * junk * 6),
    },
  }
}

describe('score', () => {
  it('gives a clean text 100 everywhere and passes it', () => {
    expect(score(analysis())).toEqual({ scores: { overall: 100, translation: 100, boilerplate: 100, readability: 100 }, pass: true })
  })

  it('lowers translation with more and graver translation findings', () => {
    const one = score(analysis({ findings: [finding('translation', 'warning')] })).scores.translation
    const two = score(analysis({ findings: [finding('translation', 'warning'), finding('translation', 'warning')] })).scores.translation
    const error = score(analysis({ findings: [finding('translation', 'error')] })).scores.translation
    expect(one).toBeLessThan(100)
    expect(two).toBeLessThan(one)
    expect(error).toBeLessThan(one)
  })

  it('judges translation by density: the same findings weigh less in a longer text', () => {
    const findings = [finding('translation', 'error'), finding('translation', 'warning')]
    const short = score(analysis({ words: 200, findings })).scores.translation
    const long = score(analysis({ words: 2000, findings })).scores.translation
    expect(long).toBeGreaterThan(short)
  })

  it('lowers translation with the line values, and more with more and higher ones', () => {
    const clean = score(analysis()).scores.translation
    const few = score(analysis({ translation: (i) => (i < 4 ? 0.8 : 0) })).scores.translation
    const many = score(analysis({ translation: (i) => (i < 12 ? 0.8 : 0) })).scores.translation
    const higher = score(analysis({ translation: (i) => (i < 4 ? 0.95 : 0) })).scores.translation
    expect(few).toBeLessThan(clean)
    expect(many).toBeLessThan(few)
    expect(higher).toBeLessThan(few)
  })

  it('takes the line values over at least 50 words, as the findings: one terse line is not a whole text of them', () => {
    // `Lowercase the keys of an object`, a package's one-line description, gets a line value of
    // 0.99 (its end judged, as in a text of one line); alone it is all the text there is.
    const oneLine = analysis({ lines: 1, words: 6, translation: () => 0.97 })
    expect(score(oneLine).scores.translation).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE)
    // Ten such lines are evidence: the same value over 60 words fails.
    const tenLines = analysis({ lines: 10, words: 60, translation: () => 0.97 })
    expect(score(tenLines).scores.translation).toBeLessThan(50)
    // Above 50 words nothing changes: the mean is over the words the text has.
    const fifty = score(analysis({ lines: 5, words: 50, translation: (i) => (i === 0 ? 0.97 : 0) })).scores.translation
    const hundred = score(analysis({ lines: 10, words: 100, translation: (i) => (i < 2 ? 0.97 : 0) })).scores.translation
    expect(hundred).toBe(fifty)
  })

  it('weights each line by its words: a garbled headline costs less than a garbled paragraph', () => {
    const base = analysis({ lines: 10, words: 400 })
    const withValue = (line: number, words: number): number => {
      const lines = base.lines.map((entry) => ({ ...entry, words: entry.line === line ? words : 44, translation: entry.line === line ? 0.9 : 0 }))
      return score({ ...base, lines }).scores.translation
    }
    const headline = withValue(1, 8)
    const paragraph = withValue(1, 80)
    expect(headline).toBeLessThan(100)
    expect(paragraph).toBeLessThan(headline)
  })

  it('ignores the low line values every fluent line shows, and line values on boilerplate lines', () => {
    expect(score(analysis({ translation: () => 0.05 })).scores.translation).toBe(100)
    expect(score(analysis({ boilerplateLines: 5, translation: (i) => (i < 5 ? 0.9 : 0) })).scores.translation).toBe(100)
  })

  it('lowers boilerplate with the share of junk lines', () => {
    const some = score(analysis({ boilerplateLines: 4 })).scores.boilerplate
    const more = score(analysis({ boilerplateLines: 10 })).scores.boilerplate
    expect(some).toBeLessThan(100)
    expect(more).toBeLessThan(some)
  })

  it('counts content lines the classifier was unsure of as part junk, and only those', () => {
    const unsure = (p: number): Analysis => {
      const text = analysis()
      for (const line of text.lines.slice(0, 4)) line.boilerplate = p
      return text
    }
    // Lines at 0.1–0.25 are ordinary content; from 0.25 they count in part, a whole line at 0.5.
    expect(score(unsure(0.2)).scores.boilerplate).toBe(100)
    const leaning = score(unsure(0.35)).scores.boilerplate
    const doubtful = score(unsure(0.48)).scores.boilerplate
    expect(leaning).toBeLessThan(100)
    expect(doubtful).toBeLessThan(leaning)
    // Still counted as content for translation, and never below the same lines flagged as junk.
    expect(doubtful).toBeGreaterThanOrEqual(score(analysis({ boilerplateLines: 4 })).scores.boilerplate)
  })

  it('lowers readability with the share of hard sentences, weighting warnings over info', () => {
    const info = score(analysis({ findings: [finding('readability', 'info')] })).scores.readability
    const warning = score(analysis({ findings: [finding('readability', 'warning')] })).scores.readability
    expect(info).toBeLessThan(100)
    expect(warning).toBeLessThan(info)
  })

  it('fails a text that is mostly junk or garbled, whatever its other scores', () => {
    const garbled = analysis({ words: 300, findings: Array.from({ length: 12 }, () => finding('translation', 'error')) })
    expect(score(garbled).pass).toBe(false)
    expect(score(analysis({ boilerplateLines: 14 })).pass).toBe(false)
  })

  it('applies the bar it is given', () => {
    const text = analysis({ findings: [finding('translation', 'warning'), finding('translation', 'warning')] })
    const { overall } = score(text).scores
    expect(score(text, { minScore: overall }).pass).toBe(true)
    expect(score(text, { minScore: overall + 1 }).pass).toBe(false)
    expect(DEFAULT_MIN_SCORE).toBeGreaterThan(0)
  })

  it('scores an empty text as clean', () => {
    const empty = analysis({ lines: 0, words: 0, sentences: 0 })
    expect(score(empty).scores.overall).toBe(100)
  })

  it('keeps every score an integer in 0–100', () => {
    const worst = analysis({ words: 10, boilerplateLines: 20, findings: Array.from({ length: 50 }, () => finding('translation', 'error')) })
    for (const value of Object.values(score(worst).scores)) {
      expect(Number.isInteger(value)).toBe(true)
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThanOrEqual(100)
    }
  })
})
