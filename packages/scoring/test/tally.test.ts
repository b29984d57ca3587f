/**
 * A text analysed in sections (`analyzeSections`, for huge files) is scored by adding the
 * sections to one `Tally`. These tests take the real analysis of each seed, cut it into parts the
 * way sections are cut (by line), and check that the parts add up to exactly the whole: the same
 * scores, verdict and explanation.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze, type Analysis } from '@tq/analyzer'
import { explain, score, Tally } from '../src/index.js'

const seeds = new URL('../../../fixtures/seeds/', import.meta.url)
const names = fs.readdirSync(seeds).filter((name) => name.endsWith('.txt'))

/** The part of `analysis` on lines from..to (inclusive), with stats split the way each line contributes. */
function part(analysis: Analysis, text: string, from: number, to: number, sentences: number): Analysis {
  const textLines = text.split('\n')
  const lines = analysis.lines.filter((line) => line.line >= from && line.line <= to)
  const findings = analysis.findings.filter((finding) => finding.line >= from && finding.line <= to)
  const count = (pick: (kind: string) => boolean, measure: (line: string) => number): number =>
    lines.filter((line) => pick(line.kind)).reduce((sum, line) => sum + measure(textLines[line.line - 1]!), 0)
  const words = (line: string): number => line.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0
  const chars = (line: string): number => line.trim().length
  return {
    language: analysis.language,
    findings,
    lines,
    notes: [],
    stats: {
      chars: count(() => true, chars),
      words: count(() => true, words),
      contentWords: count((kind) => kind === 'content', words),
      lines: lines.length,
      sentences,
      boilerplateWords: count((kind) => kind === 'boilerplate', words),
      boilerplateChars: count((kind) => kind === 'boilerplate', chars),
    },
  }
}

describe('Tally', () => {
  for (const name of names) {
    it(`adds the parts of ${name} up to the whole`, () => {
      const text = fs.readFileSync(new URL(name, seeds), 'utf8')
      const whole = analyze(text)
      const middle = Math.ceil(text.split('\n').length / 2)
      // The judged sentences may be split any way that keeps their total.
      const half = Math.floor(whole.stats.sentences / 2)
      const first = part(whole, text, 1, middle, half)
      const second = part(whole, text, middle + 1, Number.MAX_SAFE_INTEGER, whole.stats.sentences - half)
      // The hand-made parts must add up to the analyzer's own totals, or the test proves nothing.
      expect(first.stats.contentWords + second.stats.contentWords).toBe(whole.stats.contentWords)
      expect(first.findings.length + second.findings.length).toBe(whole.findings.length)

      const tally = new Tally({ explain: true }).add(first).add(second)
      expect(tally.verdict({ minScore: 70 })).toEqual(score(whole, { minScore: 70 }))
      expect(tally.explanation()).toEqual(explain(whole))
    })
  }

  it('scores npr-garbled.txt below the bar whether whole or in parts', () => {
    const text = fs.readFileSync(new URL('npr-garbled.txt', seeds), 'utf8')
    const whole = analyze(text)
    const { sentences } = whole.stats
    const tally = new Tally().add(part(whole, text, 1, 10, 0)).add(part(whole, text, 11, 30, 0)).add(part(whole, text, 31, 1e9, sentences))
    expect(tally.verdict().pass).toBe(false)
    expect(tally.verdict().scores.overall).toBe(score(whole).scores.overall)
  })

  it('refuses to explain when it was not asked to keep the causes', () => {
    expect(() => new Tally().explanation()).toThrow(/explain/)
  })
})
