/**
 * The orderings of fixtures/seeds/labels.json ("expect"), which any sensible scorer must respect,
 * checked on the real samples through the analyzer and this package.
 */
import fs from 'node:fs'
import { analyze } from '@tq/analyzer'
import { describe, expect, it } from 'vitest'
import { score, type Scores } from '../src/index.js'

const seeds = new URL('../../../fixtures/seeds/', import.meta.url)
const labels = JSON.parse(fs.readFileSync(new URL('labels.json', seeds), 'utf8')) as {
  files: Record<string, { boilerplate: number[] }>
}
const read = (name: string): string => fs.readFileSync(new URL(name, seeds), 'utf8')
const scoresOf = (text: string): Scores => score(analyze(text)).scores
const scores = Object.fromEntries(Object.keys(labels.files).map((name) => [name, scoresOf(read(name))])) as Record<string, Scores>
const translation = (name: string): number => scores[name]!.translation

describe('orderings every scorer must respect (labels.json "expect")', () => {
  it('npr-garbled.txt has the lowest translation score of the five, by a clear margin', () => {
    const others = Object.keys(scores).filter((name) => name !== 'npr-garbled.txt').map(translation)
    expect(translation('npr-garbled.txt')).toBeLessThanOrEqual(Math.min(...others) - 10)
  })

  it('afp-original.txt and ndtv-boilerplate.txt score higher on translation than npr-garbled.txt and afp-roundtrip.txt', () => {
    for (const clean of ['afp-original.txt', 'ndtv-boilerplate.txt']) {
      for (const machine of ['npr-garbled.txt', 'afp-roundtrip.txt']) expect(translation(clean), `${clean} vs ${machine}`).toBeGreaterThan(translation(machine))
    }
  })

  it('afp-original.txt scores higher on translation than afp-roundtrip.txt', () => {
    expect(translation('afp-original.txt')).toBeGreaterThan(translation('afp-roundtrip.txt'))
  })

  it.each(Object.entries(labels.files).filter(([, file]) => file.boilerplate.length > 0))(
    '%s scores lower on boilerplate than the same text with its boilerplate lines removed',
    (name, file) => {
      const junk = new Set(file.boilerplate)
      const cleaned = read(name).split('\n').filter((_, index) => !junk.has(index + 1)).join('\n')
      expect(scores[name]!.boilerplate).toBeLessThan(scoresOf(cleaned).boilerplate)
    },
  )
})

describe('the default bar', () => {
  it('fails npr-garbled.txt', () => {
    expect(score(analyze(read('npr-garbled.txt'))).pass).toBe(false)
  })
})
