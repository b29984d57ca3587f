/**
 * The sentence frame the line model reads (src/lm/skeleton.ts): function words kept, other words
 * by class, bigrams and trigrams looked up in the shipped table.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze, analyzeSource } from '../src/index.js'
import { englishModel } from '../src/lm/model.js'
import { FrameScore, frameHashes, frameScore, keptOf, skeletonOf } from '../src/lm/skeleton.js'
import { Tokens, tokenize } from '../src/lm/tokenize.js'
import { sentenceFluency } from '../src/lm/fluency.js'
import { FEATURES, FRAME_PRIOR_GRAMS, lineFeatures, translationWeights } from '../src/lines.js'

const model = englishModel()!
const skeleton = skeletonOf(model)!
const seed = (name: string): string => fs.readFileSync(new URL(`../../../fixtures/seeds/${name}`, import.meta.url), 'utf8')
const labels = JSON.parse(seed('labels.json')) as { files: Record<string, { mt?: number[]; boilerplate?: number[] }> }

/** The frame's hashes and mean log-odds of one sentence. */
function frameOf(text: string): { hashes: number[]; mean: number } {
  const tokens = tokenize(text, new Tokens(), 0, text.length, model.vocab)
  const { hashes, count } = frameHashes(keptOf(model), tokens, text)
  const copy = Array.from(hashes.subarray(0, count))
  const score = frameScore(skeleton, hashes, count, tokens, text, new FrameScore())
  return { hashes: copy, mean: score.sum / score.count }
}

describe('sentence frames', () => {
  it('ships a table learned with the shipped language model, and every sentence has a bigram and a trigram per token and its end', () => {
    expect(skeletonOf(model)).not.toBeNull()
    expect(skeleton.table.length).toBe(2 ** skeleton.bits)
    // `<s> The cat sat on the mat . </s>`: 8 tokens after `<s>`, each the end of a bigram, and of a
    // trigram but for the first.
    expect(frameOf('The cat sat on the mat.').hashes).toHaveLength(15)
  })

  it('reads no table learned with another language model: the line model then gives way to the rules', () => {
    // The same model under another vocabulary size: the table's class codes would be another
    // vocabulary's ids.
    const other = { ...model, header: { ...model.header, vocabSize: model.header.vocabSize + 1 } }
    expect(skeletonOf(other)).toBeNull()
    const sentence = 'The minister said the talks would resume in the summer.'
    expect(sentenceFluency(other, sentence).framed).toBe(false)
    expect(sentenceFluency(model, sentence).framed).toBe(true)
    expect(sentenceFluency(model, sentence).frameGrams).toBeGreaterThan(0)
  })

  it('knows no topic: sentences built alike have one frame, whatever their content words', () => {
    const a = frameOf('The minister said the talks would resume in the summer.')
    const b = frameOf('The striker said the fans would return in the autumn.')
    expect(b.hashes).toEqual(a.hashes)
    expect(b.mean).toBe(a.mean)
    // Another ending is another class (`-ing`), another order another frame.
    expect(frameOf('The minister said the talks would resume in the spring.').hashes).not.toEqual(a.hashes)
    expect(frameOf('The minister of the talks said the summer would resume.').hashes).not.toEqual(a.hashes)
  })

  it('reads a contraction as its full form: contracting is style, not translation', () => {
    expect(frameOf('Money doesn’t move easily, he said.').hashes).toEqual(frameOf('Money does not move easily, he said.').hashes)
    expect(frameOf('They’re sure we’ll win.').hashes).toEqual(frameOf('They are sure we will win.').hashes)
    // `am` is not among the most frequent tokens: it keeps its identity as `'m`'s full form.
    expect(frameOf('I’m sure I am right.').hashes).toEqual(frameOf('I am sure I am right.').hashes)
    // `'s` is `is` after a pronoun, and stays a possessive after a name.
    expect(frameOf('It’s clear that he’s right.').hashes).toEqual(frameOf('It is clear that he is right.').hashes)
    expect(frameOf('Putin’s envoy is right.').hashes).not.toEqual(frameOf('Putin is envoy is right.').hashes)
  })

  it('translation/literal-frame marks the stretch whose frame reads most like a round trip', () => {
    const text = 'The police of the US launched what they say is the future of execution of law in the form of a drone.'
    const found = analyze(text, { lang: 'en' }).findings.filter((finding) => finding.ruleId === 'translation/literal-frame')
    expect(found).toHaveLength(1)
    expect(found[0]!.excerpt).toBe('of execution of law')
    expect(found[0]!.message).toBe('Reads like a word-for-word translation: `of execution of law`')
    expect(found[0]!.severity).toBe('info')
    // The human sentence it was made from passes.
    expect(analyze('US police launched what they say is the future of law enforcement in the form of a drone.', { lang: 'en' }).findings).toEqual([])
  })

  it('translation/literal-frame does not blame a frame over a placeholder or over accepted jargon', () => {
    const frameFindings = (analysis: { findings: Array<{ ruleId: string; excerpt: string }> }): string[] =>
      analysis.findings.filter((finding) => finding.ruleId === 'translation/literal-frame').map((finding) => finding.excerpt)
    // A locale string: the placeholder's stand-in just before the window used to lift it over the bar.
    expect(frameFindings(analyzeSource(JSON.stringify({ used: 'You have used %2$s of storage of your account today.' }), { syntax: 'json', lang: 'en' }))).toEqual([])
    // Jargon written on purpose (`accept`): the same sentence is flagged without the term accepted.
    const jargon = 'The network runs on a proof of stake of the validators.'
    expect(frameFindings(analyze(jargon, { lang: 'en' }))).toEqual(['proof of stake of'])
    expect(frameFindings(analyze(jargon, { lang: 'en', accept: ['proof of stake'] }))).toEqual([])
  })

  it('gives the training script the frames the line model sums on each line', () => {
    // A line that ends without a stop before a lower-case line: the analyzer decides which
    // sentence each line's frames belong to, and training must see the same.
    const text = [
      'Gotcha! A colourful, striking image can spark your interest',
      'Internet users can take just one-twentieth of a second to decide whether they like a web page.',
      'the police of the city said that the investigation of the case continues',
      'and that more arrests are expected.',
    ].join('\n')
    const analysis = analyze(text, { lang: 'en', signals: true })
    const lines = analysis.frames!.map((hashes, index) => ({ hashes, signals: analysis.signals![index]! }))
    expect(lines.filter((line) => line.hashes.length > 0).length).toBeGreaterThan(1)
    for (const { hashes, signals } of lines) {
      expect(hashes.length).toBe(signals['tr.frameGrams'] ?? 0)
      const sum = hashes.reduce((total, hash) => total + skeleton.table[hash >>> (32 - skeleton.bits)]! / skeleton.scale, 0)
      expect(sum).toBeCloseTo(signals['tr.frame'] ?? 0, 9)
      // The line model's `frame` feature is that sum over the line's n-grams and FRAME_PRIOR_GRAMS
      // more of log-odds 0 (scripts/train-translation.mjs's frameValue, which the weights learned from).
      const features = lineFeatures(signals)
      if (features) expect(features[FEATURES.indexOf('frame')]).toBeCloseTo(sum / (hashes.length + FRAME_PRIOR_GRAMS), 9)
    }
  })

  it('ships line weights learned on the frame feature as lines.ts reads it', () => {
    const weights = translationWeights()
    expect(weights).not.toBeNull()
    expect(weights!.features).toContain('frame')
    expect(weights!.framePriorGrams).toBe(FRAME_PRIOR_GRAMS)
  })

  it('reads the machine-translated lines of npr-garbled.txt as more literal than the lines of afp-original.txt', () => {
    const meanFrame = (file: string, keep: (line: number) => boolean): number => {
      const analysis = analyze(seed(file), { signals: true })
      const values: number[] = []
      analysis.signals!.forEach((signals, index) => {
        const grams = signals?.['tr.frameGrams'] ?? 0
        if (grams > 0 && (signals?.['tr.words'] ?? 0) >= 6 && keep(index + 1)) values.push(signals!['tr.frame']! / grams)
      })
      expect(values.length, file).toBeGreaterThan(5)
      return values.reduce((sum, value) => sum + value, 0) / values.length
    }
    const npr = labels.files['npr-garbled.txt']!
    const afp = labels.files['afp-original.txt']!
    const garbled = meanFrame('npr-garbled.txt', (line) => npr.mt!.includes(line))
    const original = meanFrame('afp-original.txt', (line) => !afp.boilerplate!.includes(line))
    expect(garbled - original).toBeGreaterThan(0.05)
  })
})
