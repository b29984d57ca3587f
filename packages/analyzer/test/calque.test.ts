/**
 * translation/calque: every catalogue entry on its own example and on the English it must leave
 * alone, the seed lines it exists for, and the density gate that sets its severity.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/index.js'
import { CATALOGUE, PASSAGE } from '../src/rules/translation/calque.js'

const RULE = 'translation/calque'

function calques(text: string, lang = 'en') {
  return analyze(text, { lang }).findings.filter((f) => f.ruleId === RULE)
}

const seed = (name: string): string => readFileSync(new URL(`../../../fixtures/seeds/${name}`, import.meta.url), 'utf8')

describe('translation/calque catalogue', () => {
  it('has unique ids', () => {
    expect(new Set(CATALOGUE.map((entry) => entry.id)).size).toBe(CATALOGUE.length)
  })

  it.each(CATALOGUE.map((entry) => [entry.id, entry] as const))('%s flags its example', (_id, entry) => {
    const found = calques(entry.example)
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain(entry.from)
  })

  it.each(CATALOGUE.filter((entry) => entry.near).map((entry) => [entry.id, entry] as const))('%s leaves its English near miss alone', (_id, entry) => {
    expect(calques(entry.near!)).toEqual([])
  })
})

describe('translation/calque on the seeds', () => {
  it('finds the two German calques of npr-garbled.txt, on lines 13 and 37', () => {
    const found = calques(seed('npr-garbled.txt'))
    expect(found.map((f) => [f.line, f.excerpt])).toEqual([
      [13, 'image signature'],
      [37, 'social media contribution'],
    ])
    expect(found[0]!.expected).toEqual(['caption'])
    expect(found[1]!.expected).toBeUndefined()
  })

  it.each(['afp-original.txt', 'ndtv-boilerplate.txt', 'aljazeera-rewrite.txt', 'afp-roundtrip.txt'])('finds none in %s', (name) => {
    expect(calques(seed(name))).toEqual([])
  })
})

describe('translation/calque severity and suggestions', () => {
  const filler = 'The committee met again on Tuesday and published its report on the budget. '

  it('reports a lone calque as info', () => {
    const found = calques(`${filler}He has lived in Berlin since three years. ${filler}`)
    expect(found.map((f) => [f.excerpt, f.severity])).toEqual([['since three years', 'info']])
  })

  it('reports two calques within a page as warnings', () => {
    const found = calques(`He has lived in Berlin since three years. ${filler}The price depends of the season.`)
    expect(found.map((f) => [f.excerpt, f.severity])).toEqual([
      ['since three years', 'warning'],
      ['depends of', 'warning'],
    ])
  })

  it('counts the same phrase repeated once: a paragraph pasted three times stays info', () => {
    const paragraph = `He has lived in Berlin since three years. ${filler}`
    const found = calques([paragraph, paragraph, paragraph].join('\n\n'))
    expect(found.map((f) => [f.excerpt, f.severity])).toEqual(Array.from({ length: 3 }, () => ['since three years', 'info']))
  })

  it('still warns when another calque falls between or beside the repeats', () => {
    const paragraph = `He has lived in Berlin since three years. ${filler}`
    const found = calques(`${paragraph}\n\n${paragraph}\n\nThe price depends of the season.`)
    expect(found.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning'])
  })

  it('keeps two calques far apart as info', () => {
    const gap = filler.repeat(Math.ceil(PASSAGE / filler.length) + 1)
    const found = calques(`He has lived in Berlin since three years. ${gap}\n\nThe price depends of the season.`)
    expect(found.map((f) => f.severity)).toEqual(['info', 'info'])
  })

  it('suggests a replacement in the case of the phrase', () => {
    expect(calques('With other words, the plan has failed.')[0]!.expected).toEqual(['In other words'])
    expect(calques('The price depends of the season.')[0]!.expected).toEqual(['depends on'])
  })

  it('judges English text only', () => {
    expect(calques('He has lived in Berlin since three years.', 'fr')).toEqual([])
  })
})
