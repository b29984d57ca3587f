/**
 * What the calibrated scores promise a gate: per-score bars, explanations that add up, copies
 * judged once, and (on the real samples) the default bar and length robustness.
 */
import fs from 'node:fs'
import { analyze, type Analysis, type Finding, type LineResult } from '@tq/analyzer'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MIN_SCORE, explain, passes, score, type Scores } from '../src/index.js'

function finding(ruleId: string, category: Finding['category'], severity: Finding['severity'], line = 1): Finding {
  return { ruleId, category, severity, message: 'm', line, column: 1, endLine: line, endColumn: 2, excerpt: 'x', url: '' }
}

function analysis(lines: Array<Partial<LineResult>>, findings: Finding[] = [], words = 400): Analysis {
  const results: LineResult[] = lines.map((line, index) => ({ line: index + 1, kind: 'content', boilerplate: 0.1, translation: 0, words: 20, ...line }))
  const junk = results.filter((line) => line.kind === 'boilerplate').length
  const perLine = words / Math.max(1, results.length)
  return {
    language: 'en',
    findings,
    lines: results,
    notes: [],
    stats: {
      chars: words * 6,
      words,
      contentWords: Math.round(perLine * (results.length - junk)),
      lines: results.length,
      sentences: 20,
      boilerplateWords: Math.round(perLine * junk),
      boilerplateChars: Math.round(perLine * junk * 6),
    },
  }
}

const clean = (count: number): Array<Partial<LineResult>> => Array.from({ length: count }, () => ({}))

describe('per-score bars', () => {
  const scores: Scores = { overall: 80, translation: 85, boilerplate: 90, readability: 75 }

  it('fails a text below any bar it is given, and passes one that reaches every bar', () => {
    expect(passes(scores)).toBe(true)
    expect(passes(scores, { minScores: { translation: 85, boilerplate: 90, readability: 75 } })).toBe(true)
    expect(passes(scores, { minScores: { translation: 86 } })).toBe(false)
    expect(passes(scores, { minScores: { readability: 76 } })).toBe(false)
    expect(passes(scores, { minScore: 81 })).toBe(false)
  })

  it('is what score() applies', () => {
    const text = analysis(clean(20), [finding('readability/hard-sentence', 'readability', 'warning'), finding('readability/hard-sentence', 'readability', 'warning', 2)])
    const { scores: got } = score(text)
    expect(got.readability).toBeLessThan(100)
    expect(score(text, { minScores: { readability: got.readability } }).pass).toBe(true)
    expect(score(text, { minScores: { readability: got.readability + 1 } }).pass).toBe(false)
  })
})

describe('explain', () => {
  it('accounts for the points each sub-score lost, biggest cause first, with the lines involved', () => {
    const lines = clean(20)
    lines[0] = { kind: 'boilerplate', boilerplate: 0.9 }
    lines[4] = { translation: 0.9 }
    lines[9] = { translation: 0.6 }
    const findings = [finding('translation/quote-misplaced', 'translation', 'error', 7), finding('boilerplate/ui-string', 'boilerplate', 'warning', 1)]
    const text = analysis(lines, findings)
    const { scores } = score(text)
    const why = explain(text)
    for (const name of ['translation', 'boilerplate'] as const) {
      const total = why[name].reduce((sum, deduction) => sum + deduction.points, 0)
      expect(Math.abs(total - (100 - scores[name]))).toBeLessThan(1)
      const points = why[name].map((deduction) => deduction.points)
      expect(points).toEqual([...points].sort((a, b) => b - a))
    }
    expect(why.translation.map((deduction) => deduction.ruleId)).toEqual(['translation/wording', 'translation/quote-misplaced'])
    expect(why.translation[0]!.lines).toEqual([5, 10])
    expect(why.translation[1]!.lines).toEqual([7])
    expect(why.boilerplate).toEqual([expect.objectContaining({ ruleId: 'boilerplate/ui-string', lines: [1] })])
    expect(why.readability).toEqual([])
  })

  it('counts a hard-wrapped paragraph of junk as one line, as the score does, and names all its lines', () => {
    const lines = clean(20)
    // Lines 3-5 are one paragraph wrapped over three lines, all junk.
    for (const index of [2, 3, 4]) lines[index] = { kind: 'boilerplate', boilerplate: 0.9, paragraph: 3 }
    const why = explain(analysis(lines))
    expect(why.boilerplate).toEqual([expect.objectContaining({ ruleId: 'boilerplate/lines', reason: '1 line of page junk (boilerplate classifier)', lines: [3, 4, 5] })])
  })

  it('has nothing to say about a clean text', () => {
    expect(explain(analysis(clean(10)))).toEqual({ translation: [], boilerplate: [], readability: [] })
  })
})

describe('copies of earlier sentences', () => {
  it('count as the sentence they copy: a text pasted twice scores as the text', () => {
    const once = [{ translation: 0.5 }, { translation: 0.2 }, {}, { translation: 0.3 }]
    // The analyzer joins the copy's finding (an untrained rule, warning w = 0.35) into the line value.
    const copied = once.map((line) => ({ translation: 1 - (1 - (line.translation ?? 0)) * (1 - 0.35) }))
    const copies = copied.map((_, index) => finding('translation/repeated-sentence', 'translation', 'warning', once.length + index + 1))
    const whole = score(analysis(once, [], 200)).scores
    const twice = score(analysis([...once, ...copied], copies, 400)).scores
    expect(whole.translation).toBeLessThan(100)
    expect(Math.abs(twice.translation - whole.translation)).toBeLessThanOrEqual(1)
  })
})

// ---------------------------------------------------------------------------------------------
const seeds = new URL('../../../fixtures/seeds/', import.meta.url)
const labels = JSON.parse(fs.readFileSync(new URL('labels.json', seeds), 'utf8')) as { files: Record<string, { boilerplate: number[] }> }
const read = (name: string): string => fs.readFileSync(new URL(name, seeds), 'utf8')
/** A seed with its labelled boilerplate lines removed: the article alone. */
const article = (name: string): string => {
  const junk = new Set(labels.files[name]!.boilerplate)
  return read(name)
    .split('\n')
    .filter((_, index) => !junk.has(index + 1))
    .join('\n')
}
const firstWords = (text: string, count: number): string => {
  const out: string[] = []
  let seen = 0
  for (const line of text.split('\n')) {
    const words = line.split(/\s+/).filter(Boolean)
    if (seen + words.length > count) {
      out.push(words.slice(0, count - seen).join(' '))
      break
    }
    out.push(line)
    seen += words.length
  }
  return out.join('\n')
}
const scoresOf = (text: string): Scores => score(analyze(text)).scores

describe('the default bar on the samples', () => {
  it(`is ${DEFAULT_MIN_SCORE}, and passes afp-original.txt once its labelled boilerplate lines are removed`, () => {
    expect(score(analyze(article('afp-original.txt'))).pass).toBe(true)
  })

  it('fails every sample with a quarter or more of its lines labelled page junk', () => {
    for (const name of ['afp-original.txt', 'ndtv-boilerplate.txt', 'npr-garbled.txt']) {
      const lines = read(name).split('\n').filter((line) => line.trim() !== '').length
      expect(labels.files[name]!.boilerplate.length / lines, name).toBeGreaterThanOrEqual(0.25)
      expect(score(analyze(read(name))).pass, name).toBe(false)
    }
  })

  it('passes the human articles without their junk lines', () => {
    for (const name of ['afp-original.txt', 'ndtv-boilerplate.txt', 'aljazeera-rewrite.txt']) expect(score(analyze(article(name))).pass, name).toBe(true)
  })
})

describe('length robustness on the samples', () => {
  const within = (a: Scores, b: Scores): void => {
    for (const key of Object.keys(a) as Array<keyof Scores>) expect(Math.abs(a[key] - b[key]), key).toBeLessThanOrEqual(5)
  }

  it.each(['afp-original.txt', 'npr-garbled.txt', 'aljazeera-rewrite.txt'])('%s (article only) repeated ten times scores within 5 points of it', (name) => {
    const text = article(name).trim()
    within(scoresOf(Array.from({ length: 10 }, () => text).join('\n\n')), scoresOf(text))
  })

  it.each(['afp-original.txt', 'aljazeera-rewrite.txt'])('%s (article only) cut to its first 150 words scores within 5 points of it', (name) => {
    const text = article(name)
    within(scoresOf(firstWords(text, 150)), scoresOf(text))
  })
})
