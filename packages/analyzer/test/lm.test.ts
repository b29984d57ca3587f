/**
 * The language model: its tokenizer, the shipped model file, sentence scores, and the
 * translation/improbable-wording rule and line values built on it.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/index.js'
import { tokenWords, tokenize, Tokens, CAPITAL, NUMBER, PUNCTUATION } from '../src/lm/tokenize.js'
import { englishModel, MODEL_FILE } from '../src/lm/model.js'
import { sentenceFluency } from '../src/lm/fluency.js'

const model = englishModel()!
const seed = (name: string): string => fs.readFileSync(new URL(`../../../fixtures/seeds/${name}`, import.meta.url), 'utf8')

describe('tokenizer', () => {
  it('lowercases, splits clitics and punctuation, folds numbers, quotes and dashes', () => {
    expect(tokenWords('Zelenskyy’s 1,000 “drones” didn’t arrive — in 2019-20…')).toEqual([
      'zelenskyy', "'s", '<num>', '"', 'drones', '"', 'did', "n't", 'arrive', '--', 'in', '<num>', '-', '<num>', '...',
    ])
    expect(tokenWords("O'Brien can't go, G7 said.")).toEqual(["o'brien", 'ca', "n't", 'go', ',', '<num>', 'said', '.'])
  })

  it('keeps spans into the text and flags capitals, numbers and punctuation', () => {
    const text = 'He met Putin in 2019.'
    const tokens = tokenize(text, new Tokens())
    const spans = Array.from({ length: tokens.length }, (_, k) => text.slice(tokens.start[k], tokens.end[k]))
    expect(spans).toEqual(['He', 'met', 'Putin', 'in', '2019', '.'])
    expect(tokens.flags[2]! & CAPITAL).toBe(CAPITAL)
    expect(tokens.flags[4]! & NUMBER).toBe(NUMBER)
    expect(tokens.flags[5]! & PUNCTUATION).toBe(PUNCTUATION)
  })
})

describe('model', () => {
  it('loads once, is at most 15 MB on disk and knows common words', () => {
    expect(model).not.toBeNull()
    expect(englishModel()).toBe(model)
    const bytes = fs.statSync(new URL(`../data/${MODEL_FILE}`, import.meta.url)).size
    expect(bytes).toBeLessThanOrEqual(15 * 1024 * 1024)
    expect(model.fileBytes).toBe(bytes)
    for (const word of ['the', 'president', 'said', ',', '<num>']) expect(model.vocab.has(word)).toBe(true)
    expect(model.order).toBeGreaterThanOrEqual(3)
  })

  it('scores a fluent sentence above its scrambled version', () => {
    const pairs = [
      ['The president said on Monday that the talks would resume next week.', 'Week the said president talks on resume that Monday next would the.'],
      ['Scientists have found a new species of frog in the rainforest.', 'Found species scientists of in frog new have a the rainforest.'],
    ]
    for (const [fluent, scrambled] of pairs) {
      const a = sentenceFluency(model, fluent!)
      const slorA = a.pmi / a.tokens
      const b = sentenceFluency(model, scrambled!)
      expect(slorA).toBeGreaterThan(b.pmi / b.tokens)
      expect(a.logp).toBeGreaterThan(b.logp)
    }
  })

  it('does not blame a rare name: an unknown name in a fluent sentence keeps its score', () => {
    const common = sentenceFluency(model, 'The minister told reporters that the talks had failed.')
    const name = sentenceFluency(model, 'The minister told Zbigniewski that the talks had failed.')
    expect(name.minWindow).toBeGreaterThan(-1)
    expect(common.minWindow).toBeGreaterThan(-1)
  })
})

describe('translation/improbable-wording', () => {
  const rule = (text: string) => analyze(text, { lang: 'en' }).findings.filter((f) => f.ruleId === 'translation/improbable-wording')

  it('marks the improbable span and says it in plain words', () => {
    const [finding] = rule('The new drug was designed to work more than blocking the so a lot of other drugs to do.')
    expect(finding).toBeDefined()
    expect(finding!.message).toMatch(/^Improbable (wording|word order): `.+`$/)
    expect(finding!.excerpt.length).toBeGreaterThan(3)
    expect('The new drug was designed to work more than blocking the so a lot of other drugs to do.').toContain(finding!.excerpt)
  })

  it('leaves clean AFP prose and other languages alone', () => {
    expect(rule('US President Donald Trump will hold a phone call with Russia’s Vladimir Putin on Monday as part of his effort to end the war.')).toEqual([])
    expect(analyze('Die Verhandlungen in Istanbul endeten ohne eine Zusage für einen Waffenstillstand, sagten Beamte am Montag.', { lang: 'de' }).findings.filter((f) => f.ruleId === 'translation/improbable-wording')).toEqual([])
  })

  it('afp-original.txt: no improbable-wording finding above info', () => {
    const found = analyze(seed('afp-original.txt')).findings.filter((f) => f.ruleId === 'translation/improbable-wording')
    expect(found.filter((f) => f.severity !== 'info')).toEqual([])
  })
})

describe('line translation values', () => {
  it('a garbled line gets a higher value than a fluent one', () => {
    const text = 'The new drug was designed to work better than most of the other drugs on the market.\n\nThe new drug was designed to work more than blocking the so a lot of other drugs to do.\n'
    const [fluent, garbled] = analyze(text, { lang: 'en' }).lines
    expect(garbled!.translation).toBeGreaterThan(fluent!.translation)
  })

  it('npr-garbled.txt has the lowest line-driven translation values of the seeds on average', () => {
    const mean = (name: string): number => {
      const lines = analyze(seed(name)).lines.filter((l) => l.kind === 'content')
      return lines.reduce((s, l) => s + l.translation, 0) / lines.length
    }
    const npr = mean('npr-garbled.txt')
    for (const name of ['afp-original.txt', 'ndtv-boilerplate.txt', 'aljazeera-rewrite.txt']) expect(npr).toBeGreaterThan(mean(name))
  })
})
