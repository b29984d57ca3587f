/**
 * tq's readability rule runs retext-readability's algorithm with faster word-list lookups; these
 * tests hold it to the plugin's own verdicts on real text.
 */
import fs from 'node:fs'
import type { Root } from 'nlcst'
import retextEnglish from 'retext-english'
import retextReadability from 'retext-readability'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/index.js'
import { syllable } from 'syllable'
import { AGE, commonSyllables } from '../src/rules/readability/hard-sentence.js'
import { COMMON_SYLLABLES, COMMON_WORDS } from '../src/rules/readability/syllables.js'

const seeds = new URL('../../../fixtures/seeds/', import.meta.url)
// One paragraph a line, blank lines between, so a whole-text parse and tq's segmentation agree.
const texts = ['afp-original.txt', 'npr-garbled.txt', 'ndtv-boilerplate.txt', 'aljazeera-rewrite.txt'].map((name) =>
  fs.readFileSync(new URL(name, seeds), 'utf8').split('\n').filter((line) => line.trim()).join('\n\n'),
)

/** `line:column agreeing-formulas` of each sentence retext-readability itself flags at tq's age. */
function pluginVerdicts(text: string): string[] {
  const processor = unified().use(retextEnglish).use(retextReadability, { age: AGE })
  const file = new VFile(text)
  processor.runSync(processor.parse(file) as Root, file)
  return file.messages.map((message) => {
    const agreeing = /according to (all (\d+)|(\d+) out of)/.exec(message.reason)
    return `${message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}` : '?'} ${agreeing?.[2] ?? agreeing?.[3]}`
  })
}

describe('readability/hard-sentence', () => {
  it.each(texts.map((text, index) => [index, text] as const))('flags the same sentences as retext-readability (sample %i)', (_, text) => {
    const ours = analyze(text, { lang: 'en' })
      .findings.filter((finding) => finding.ruleId === 'readability/hard-sentence')
      .map((finding) => `${finding.line}:${finding.column} ${/: (\d+) of 7/.exec(finding.message)?.[1]}`)
    expect(ours).toEqual(pluginVerdicts(text))
  })

  it('flags something on real news, and not most of it', () => {
    const analysis = analyze(texts[0]!, { lang: 'en' })
    const hard = analysis.findings.filter((finding) => finding.ruleId === 'readability/hard-sentence').length
    expect(hard).toBeGreaterThan(0)
    expect(hard).toBeLessThan(analysis.stats.sentences / 2)
  })

  it('does not judge text in another language', () => {
    const german = 'Die verfassungsrechtlichen Auswirkungen der beispiellosen zwischenstaatlichen Neuordnung erforderten umfassende Beratungen zwischen den Vertretern aller beteiligten Gebietskörperschaften.'
    expect(analyze(german, { lang: 'de' }).findings.filter((finding) => finding.category === 'readability')).toEqual([])
  })

  it('counts words of more than 62 syllables as the plugin does', () => {
    const long = 'supercalifragilisticexpialidocious'.repeat(6)
    const text = `The committee found the ${long} arrangement unnecessarily complicated for every participating organisation.\n\nIt was a ${long} day.`
    const ours = analyze(text, { lang: 'en' })
      .findings.filter((finding) => finding.ruleId === 'readability/hard-sentence')
      .map((finding) => `${finding.line}:${finding.column} ${/: (\d+) of 7/.exec(finding.message)?.[1]}`)
    expect(syllable(long)).toBeGreaterThan(63)
    expect(ours).toEqual(pluginVerdicts(text))
    expect(ours.length).toBeGreaterThan(0)
  })

  it('takes syllables from a table that holds the syllable package’s own counts', () => {
    const list = COMMON_WORDS.split(' ')
    expect(list.length).toBe(COMMON_SYLLABLES.length)
    // The lookup is a binary search: the words must be in Array#sort's order, each once.
    for (let index = 1; index < list.length; index++) if (!(list[index - 1]! < list[index]!)) expect.fail(`${list[index - 1]} before ${list[index]}: rerun scripts/build-syllables.mjs`)
    let words = 0
    list.forEach((word, index) => {
      words++
      const count = COMMON_SYLLABLES.charCodeAt(index) - 48
      if (syllable(word) !== count) expect.fail(`${word}: the table says ${count}, syllable ${syllable(word)}; rerun scripts/build-syllables.mjs`)
      if (commonSyllables(word) !== count) expect.fail(`${word}: the lookup says ${commonSyllables(word)}, the table ${count}`)
    })
    for (const word of ['', 'zzzqx', 'abc ', 'talksx', 'a b']) expect(commonSyllables(word)).toBeUndefined()
    expect(words).toBeGreaterThan(20_000)
  })
})
