/**
 * The function-word skeleton of a sentence, and how strongly it reads like a literal translation.
 *
 * A sentence is reduced to its frame: each of the language model's most frequent tokens (`the`,
 * `of`, `is`, `,`, `'s`…) stays itself, every other word becomes its class (a number, a name in
 * mid-sentence, or a word by its ending: `-ing`, `-ed`, `-ly`, `-s`, other), and the bigrams and
 * trigrams of that frame are looked up in a table of log-odds learned from human articles and their
 * machine round trips (scripts/train-translation.mjs):
 *
 *   `of police of US in the US launched what say is`
 *   → of W of C in the C Wd what say is       (`of W of`, `what say is`: frames human news rarely has)
 *
 * A word-by-word translation keeps the source language's frame, its prepositions, articles and
 * word order, with English words in it; that is what the n-gram model misses when each word pair is
 * plausible on its own (`the future of execution of law`). The frame knows no topic words, so the
 * table cannot learn what an article is about, only how its sentences are built.
 *
 * Table file `data/translation-skeleton.json`: `{ functionWords, bits, scale, table }`, where
 * `table` is base64 of 2^bits signed bytes, log-odds × `scale`, indexed by the top `bits` bits of an
 * n-gram's hash; 0 where the training data had too little to say.
 */
import fs from 'node:fs'
import { SEED, extend } from './hash.js'
import type { NgramModel } from './model.js'
import { CAPITAL, NUMBER, PUNCTUATION, Tokens, sentenceSpans, tokenize } from './tokenize.js'

/** The learned table, as `data/translation-skeleton.json` stores it. */
export interface SkeletonFile {
  /** How many of the model's most frequent tokens keep their identity. */
  functionWords: number
  bits: number
  /** A table byte is log-odds × scale. */
  scale: number
  /** base64 of 2^bits signed bytes. */
  table: string
  about?: unknown
}

export interface Skeleton {
  readonly bits: number
  readonly scale: number
  readonly table: Int8Array
  /** Which tokens keep their identity, and as what (see `keptTokens`). */
  readonly kept: KeptTokens
}

/**
 * By vocabulary id, the class code of each token that keeps its identity (its own id, or the full
 * form's for a contraction), −1 for the others. A contraction is read as its full form
 * (`does n't` as `does not`): whether a writer contracts is style, not translation, and the round
 * trips, which never contract, would otherwise teach the table that `does not` is machine output.
 */
export type KeptTokens = Int32Array

/** Contractions (as the tokenizer splits them) and the full forms they are read as. */
const CONTRACTIONS: ReadonlyArray<readonly [string, string]> = [
  ["n't", 'not'],
  ["'re", 'are'],
  ["'ll", 'will'],
  ["'ve", 'have'],
  ["'m", 'am'],
]

/** Classes of the words that lose their identity, after the vocabulary's ids. */
const BOS = 0
const EOS = 1
const NUMERAL = 2
const NAME = 3
const WORD = 4
const WORD_ING = 5
const WORD_ED = 6
const WORD_LY = 7
const WORD_S = 8
const MARK = 9

/** The `count` most frequent tokens of `model` (not `<s>`, `</s>`, `<unk>`), contractions read as their full forms. */
export function keptTokens(model: NgramModel, count: number): KeptTokens {
  const frequency = model.uniFrequency
  const order = Array.from(frequency.keys())
    .filter((id) => id !== model.bos && id !== model.eos && id !== model.unk)
    .sort((a, b) => frequency[b]! - frequency[a]! || a - b)
  const kept = new Int32Array(frequency.length).fill(-1)
  for (const id of order.slice(0, count)) kept[id] = id
  for (const [short, full] of CONTRACTIONS) {
    const from = model.vocab.get(short)
    const to = model.vocab.get(full)
    if (from !== undefined && to !== undefined) kept[from] = to
  }
  return kept
}

const lower = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code)

/** The class of a word that lost its identity, by its ending (`text[start, end)`). */
function wordClass(text: string, start: number, end: number): number {
  const length = end - start
  const last = lower(text.charCodeAt(end - 1))
  const before = length > 1 ? lower(text.charCodeAt(end - 2)) : 0
  if (length > 4 && last === 103 && before === 110 && lower(text.charCodeAt(end - 3)) === 105) return WORD_ING
  if (length > 3 && last === 100 && before === 101) return WORD_ED
  if (length > 3 && last === 121 && before === 108) return WORD_LY
  if (length > 2 && last === 115 && before !== 115) return WORD_S
  return WORD
}

let classes = new Int32Array(64)
let hashes = new Uint32Array(128)

/**
 * The hashes of the bigrams and trigrams of the frame of the sentence in `tokens` (tokenized with
 * the model's vocabulary from `text`), `<s>` and `</s>` around it: written to a buffer that the next
 * call reuses, their count returned.
 */
export function frameHashes(kept: KeptTokens, tokens: Tokens, text: string): { hashes: Uint32Array; count: number } {
  const length = tokens.length
  if (classes.length < length + 2) classes = new Int32Array(Math.max(length + 2, classes.length * 2))
  if (hashes.length < 2 * length + 2) hashes = new Uint32Array(Math.max(2 * length + 2, hashes.length * 2))
  const V = kept.length
  const { ids, flags, start, end } = tokens
  classes[0] = V + BOS
  // The first word of a sentence is capitalised whatever it is: not a name.
  let first = true
  for (let k = 0; k < length; k++) {
    const id = ids[k]!
    const tokenFlags = flags[k]!
    let code: number
    if (tokenFlags & NUMBER) code = V + NUMERAL
    else if (id >= 0 && kept[id]! >= 0) code = kept[id]!
    else if (tokenFlags & PUNCTUATION) code = id >= 0 ? id : V + MARK
    else if (tokenFlags & CAPITAL && !first) code = V + NAME
    else code = V + wordClass(text, start[k]!, end[k]!)
    if (!(tokenFlags & PUNCTUATION)) first = false
    classes[k + 1] = code
  }
  classes[length + 1] = V + EOS
  let count = 0
  for (let k = 1; k <= length + 1; k++) {
    const bigram = extend(extend(SEED, classes[k]!), classes[k - 1]!)
    hashes[count++] = bigram
    if (k >= 2) hashes[count++] = extend(bigram, classes[k - 2]!)
  }
  return { hashes, count }
}

/** Sum of the table's log-odds over the frame's n-grams of a sentence, and their count. */
export class FrameScore {
  sum = 0
  count = 0
}

/** Score the frame of the sentence in `tokens` (see `frameHashes`) into `out`. */
export function frameScore(skeleton: Skeleton, tokens: Tokens, text: string, out: FrameScore): FrameScore {
  const { table, bits, scale, kept } = skeleton
  const { hashes, count } = frameHashes(kept, tokens, text)
  const shift = 32 - bits
  let sum = 0
  for (let i = 0; i < count; i++) sum += table[hashes[i]! >>> shift]!
  out.sum = sum / scale
  out.count = count
  return out
}

/**
 * The frame hashes of every sentence of `line` (cut as tq cuts sentences), as `frameScore` reads
 * them at run time: what scripts/train-translation.mjs learns the table from.
 */
export function lineFrameHashes(model: NgramModel, kept: KeptTokens, line: string): number[] {
  const all: number[] = []
  const tokens = new Tokens()
  for (const [start, end] of sentenceSpans(line)) {
    if (end - start < 2) continue
    const text = line.slice(start, end)
    tokens.clear()
    tokenize(text, tokens, 0, text.length, model.vocab)
    const { hashes, count } = frameHashes(kept, tokens, text)
    for (let i = 0; i < count; i++) all.push(hashes[i]!)
  }
  return all
}

let loaded: Skeleton | null | undefined

/** The shipped table for `model`, read once per process; `null` when the file is missing. */
export function skeletonOf(model: NgramModel): Skeleton | null {
  if (loaded === undefined) {
    const url = new URL('../../data/translation-skeleton.json', import.meta.url)
    if (!fs.existsSync(url)) loaded = null
    else {
      const file = JSON.parse(fs.readFileSync(url, 'utf8')) as SkeletonFile
      const bytes = Buffer.from(file.table, 'base64')
      loaded = {
        bits: file.bits,
        scale: file.scale,
        table: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
        kept: keptTokens(model, file.functionWords),
      }
    }
  }
  return loaded
}
