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
 *   → of W of us in the us Wd what W is        (`of W of`: a frame human news rarely has)
 *
 * A word-by-word translation keeps the source language's frame, its prepositions, articles and
 * word order, with English words in it; that is what the n-gram model misses when each word pair is
 * plausible on its own (`the future of execution of law`). The frame knows no topic words, so the
 * table cannot learn what an article is about, only how its sentences are built.
 *
 * Table file `data/translation-skeleton.json`: `{ functionWords, bits, scale, table, model }`, where
 * `table` is base64 of 2^bits signed bytes, log-odds × `scale`, indexed by the top `bits` bits of an
 * n-gram's hash; 0 where the training data had too little to say.
 */
import fs from 'node:fs'
import { SEED, extend } from './hash.js'
import type { NgramModel } from './model.js'
import { STAND_IN } from '../markup/stand-in.js'
import { insideOccurrence } from '../accept.js'
import { CAPITAL, NUMBER, PUNCTUATION, type Tokens } from './tokenize.js'

/** The learned table, as `data/translation-skeleton.json` stores it. */
export interface SkeletonFile {
  /** How many of the model's most frequent tokens keep their identity. */
  functionWords: number
  bits: number
  /** A table byte is log-odds × scale. */
  scale: number
  /** base64 of 2^bits signed bytes. */
  table: string
  /** The language model the table was learned with (its class codes are that vocabulary's ids). */
  model: LanguageModelId
  /** `FRAME_VERSION` when the table was learned. */
  frameVersion: number
  about?: unknown
}

/** What tells one language model file from another, as far as the table is concerned. */
export interface LanguageModelId {
  vocabSize: number
  keys: number
}

/** The `LanguageModelId` of `model`. */
export function languageModelId(model: NgramModel): LanguageModelId {
  return { vocabSize: model.header.vocabSize, keys: model.header.keys }
}

export interface Skeleton {
  readonly bits: number
  readonly scale: number
  readonly table: Int8Array
}

/**
 * Which tokens keep their identity, and as what. A contraction is read as its full form
 * (`does n't` as `does not`, `it 's` as `it is`): whether a writer contracts is style, not
 * translation, and the round trips, which never contract, would otherwise teach the table that
 * `does not` or `it is` is machine output.
 */
export interface KeptTokens {
  /** By vocabulary id: the class code of a token that keeps its identity (its own id, or its full form's), −1 for the others. */
  readonly codes: Int32Array
  /** Ids of `'s` and of `is` (−1 when the vocabulary lacks one). */
  readonly s: number
  readonly is: number
  /** By vocabulary id: 1 for the words after which `'s` is `is` (`it's`, `that's`, `there's`), not a possessive. */
  readonly isBefore: Uint8Array
}

/** Contractions (as the tokenizer splits them) and the full forms they are read as; `'s` is `is` only after `IS_BEFORE`. */
const CONTRACTIONS: ReadonlyArray<readonly [string, string]> = [
  ["n't", 'not'],
  ["'re", 'are'],
  ["'ll", 'will'],
  ["'ve", 'have'],
  ["'m", 'am'],
]
const IS_BEFORE = ['it', 'he', 'she', 'that', 'there', 'what', 'here', 'who', 'where', 'how', 'when', 'why', 'this', 'everything', 'nothing', 'something', 'everyone', 'someone']

/**
 * How many of the language model's most frequent tokens keep their identity in a frame. Compared
 * once, by the cross-validated line AUC of a first version of the feature: 100 tokens 0.956, 200
 * 0.965, 400 0.965 (with more content words in the frame, so more topic); chosen on the same folds
 * the figures are reported on.
 */
export const FUNCTION_WORDS = 200

/**
 * The version of what a frame is (the classes, `keptTokens`, the contractions, `wordClass`, the
 * hashing): the table file records the one it was learned with, and a table of another is not read.
 * Raise it with any change to how `frameHashes` reads a sentence.
 */
export const FRAME_VERSION = 1

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

const keptByModel = new WeakMap<NgramModel, KeptTokens>()

/**
 * The tokens of `model` that keep their identity in a frame (the `FUNCTION_WORDS` most frequent),
 * made once per model: what a frame is does not depend on the table, so training can read frames
 * before there is one.
 */
export function keptOf(model: NgramModel): KeptTokens {
  let kept = keptByModel.get(model)
  if (!kept) keptByModel.set(model, (kept = keptTokens(model, FUNCTION_WORDS)))
  return kept
}

/** The `count` most frequent tokens of `model` (not `<s>`, `</s>`, `<unk>`), contractions read as their full forms. */
function keptTokens(model: NgramModel, count: number): KeptTokens {
  const frequency = model.uniFrequency
  // The `count` most frequent, ties by id, in one pass: sorting the whole vocabulary to take them
  // cost 13 ms of every start-up.
  const before = (a: number, b: number): boolean => frequency[a]! > frequency[b]! || (frequency[a] === frequency[b] && a < b)
  const top: number[] = []
  for (let id = 0; id < frequency.length; id++) {
    if (id === model.bos || id === model.eos || id === model.unk) continue
    if (top.length === count && !before(id, top[count - 1]!)) continue
    if (top.length === count) top.pop()
    let at = top.length
    while (at > 0 && before(id, top[at - 1]!)) at--
    top.splice(at, 0, id)
  }
  const codes = new Int32Array(frequency.length).fill(-1)
  for (const id of top) codes[id] = id
  const id = (word: string): number => model.vocab.get(word) ?? -1
  // A full form keeps its identity too (`am` is not among the most frequent), so that the
  // contraction and the full form read the same.
  for (const [short, full] of CONTRACTIONS) {
    if (id(short) >= 0 && id(full) >= 0) codes[id(short)] = codes[id(full)] = id(full)
  }
  const isBefore = new Uint8Array(frequency.length)
  for (const word of IS_BEFORE) if (id(word) >= 0) isBefore[id(word)] = 1
  const is = id('is')
  if (is >= 0) codes[is] = is
  return { codes, s: id("'s"), is, isBefore }
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
  const { codes, s, is, isBefore } = kept
  const V = codes.length
  const { ids, flags, start, end } = tokens
  classes[0] = V + BOS
  // The first word of a sentence is capitalised whatever it is: not a name.
  let first = true
  for (let k = 0; k < length; k++) {
    const id = ids[k]!
    const tokenFlags = flags[k]!
    let code: number
    if (tokenFlags & NUMBER) code = V + NUMERAL
    else if (id === s && k > 0 && ids[k - 1]! >= 0 && isBefore[ids[k - 1]!]) code = is
    else if (id >= 0 && codes[id]! >= 0) code = codes[id]!
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

/** Positions (tokens and `</s>`, each the end of a bigram and a trigram) in the window `FrameScore.window` sums. */
export const FRAME_WINDOW = 3

/** Sum of the table's log-odds over the frame's n-grams of a sentence, and their count. */
export class FrameScore {
  sum = 0
  count = 0
  /**
   * The highest sum of log-odds over `FRAME_WINDOW` consecutive positions (the bigram and trigram
   * ending at each), −Infinity when the sentence has none; and the tokens [first, last) its bigrams
   * cover (`</s>` left out). A window over a number, a symbol or a placeholder's stand-in is not a
   * candidate: their frames (`of %2$s of storage`, `element 118 decays`) are rare in any text, and
   * their log-odds say little.
   */
  window = -Infinity
  first = 0
  last = 0

  /** No frame read (no table). */
  clear(): void {
    this.sum = 0
    this.count = 0
    this.window = -Infinity
  }
}

let positions = new Float64Array(64)

/**
 * Score into `out` the frame of the sentence in `tokens`, whose `count` n-gram hashes `frameHashes`
 * gave. The window (`FrameScore.window`) leaves out `</s>` when the sentence is `open` (it has no
 * end of its own: a heading, a list item), and every n-gram over a token inside `accepted` (offsets
 * [start, end) in `text` as pairs, in order: a project's accepted names and jargon, `point of
 * sale`), as over numbers, symbols and stand-ins.
 */
export function frameScore(
  skeleton: Skeleton,
  hashes: Uint32Array,
  count: number,
  tokens: Tokens,
  text: string,
  out: FrameScore,
  open = false,
  accepted?: Int32Array,
): FrameScore {
  const { table, bits, scale } = skeleton
  const shift = 32 - bits
  // The log-odds ending at each position p (1 … tokens + 1): its bigram, and its trigram after the first.
  const length = tokens.length
  if (positions.length < length + 2) positions = new Float64Array(Math.max(length + 2, 2 * positions.length))
  let sum = 0
  for (let p = 1, i = 0; p <= length + 1; p++) {
    let value = table[hashes[i++]! >>> shift]!
    if (p >= 2) value += table[hashes[i++]! >>> shift]!
    positions[p] = value
    sum += value
  }
  out.sum = sum / scale
  out.count = count
  out.window = -Infinity
  if (length + 1 >= FRAME_WINDOW) {
    const { flags, start, end } = tokens
    let run = 0
    // The last token (index) that is a number, a symbol, a stand-in or accepted, so far.
    let lastOdd = -1
    const lastPosition = open ? length : length + 1
    for (let p = 1; p <= lastPosition; p++) {
      run += positions[p]!
      if (p > FRAME_WINDOW) run -= positions[p - FRAME_WINDOW]!
      const token = p - 1
      if (token < length) {
        const from = start[token]!
        const to = end[token]!
        const odd =
          (flags[token]! & NUMBER) !== 0 ||
          ((flags[token]! & PUNCTUATION) !== 0 && SYMBOL.test(text[from]!)) ||
          isStandIn(text, from, to) ||
          (accepted !== undefined && insideOccurrence(accepted, from, to))
        if (odd) lastOdd = token
      }
      // Positions p − W + 1 … p: their bigrams cover classes p − W … p, their trigrams from class
      // p − W − 1, that is tokens p − W − 2 … p − 1. The span shown is what the bigrams cover.
      if (p >= FRAME_WINDOW && lastOdd < Math.max(0, p - FRAME_WINDOW - 2) && run / scale > out.window) {
        out.window = run / scale
        out.first = Math.max(0, p - FRAME_WINDOW - 1)
        out.last = Math.min(length, p)
      }
    }
  }
  return out
}

/** Whether `text[from, to)` is the word that stands in for a placeholder or code (markup/stand-in.ts). */
function isStandIn(text: string, from: number, to: number): boolean {
  return to - from === STAND_IN.length && text.startsWith(STAND_IN, from)
}

/** Marks that are symbols rather than sentence punctuation. */
const SYMBOL = /[^\p{L}\p{N}\s,.;:!?'"‘’“”«»()\[\]\-–—…]/u

const loaded = new WeakMap<NgramModel, Skeleton | null>()

/**
 * The shipped table for `model`, read once per model; `null` when the file is missing or was
 * learned with another language model file (its class codes are that vocabulary's ids, so it would
 * read every frame as noise) or another `FRAME_VERSION`: the line model then gives way to the rules
 * (lines.ts) until scripts/train-translation.mjs is run again. A test checks that the shipped pair
 * fits.
 */
export function skeletonOf(model: NgramModel): Skeleton | null {
  let skeleton = loaded.get(model)
  if (skeleton === undefined) {
    const url = new URL('../../data/translation-skeleton.json', import.meta.url)
    if (!fs.existsSync(url)) skeleton = null
    else {
      const file = JSON.parse(fs.readFileSync(url, 'utf8')) as SkeletonFile
      const id = languageModelId(model)
      const fits = file.model?.vocabSize === id.vocabSize && file.model?.keys === id.keys && file.functionWords === FUNCTION_WORDS && file.frameVersion === FRAME_VERSION
      if (!fits) skeleton = null
      else {
        const bytes = Buffer.from(file.table, 'base64')
        skeleton = {
          bits: file.bits,
          scale: file.scale,
          table: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
        }
      }
    }
    loaded.set(model, skeleton)
  }
  return skeleton
}

/**
 * For training and evaluation scripts: read `model`'s frames with `table` (log-odds × `scale`,
 * 2^`bits` bytes; a table learned without some documents, to measure the rule on them) instead of
 * the shipped one; `undefined` goes back to the shipped file.
 */
export function useSkeletonTable(model: NgramModel, table: { bits: number; scale: number; table: Int8Array } | undefined): void {
  if (table === undefined) loaded.delete(model)
  else loaded.set(model, table)
}
