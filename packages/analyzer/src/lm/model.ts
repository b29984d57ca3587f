/**
 * The English word n-gram language model: loading and per-token scoring.
 *
 * The model is an interpolated modified Kneser–Ney n-gram model built by `scripts/train-lm.mjs`,
 * stored in backoff form (as in an ARPA file: every kept n-gram has its probability, every kept
 * context its backoff weight), pruned by count and quantised to 8 bits per value.
 *
 * File `data/lm-en.bin.gz` (gzip of, all numbers little-endian, every section padded to 4 bytes):
 *
 *   "TQLM" u32 version u32 headerBytes  header (JSON)  vocabulary (UTF-8, one word a line, by id)
 *   f32 unigram log10 p [V]   f32 unigram log10 backoff [V]   f32 log10 relative frequency [V]
 *   for n = 2 … order: f32 probability codebook [256]  f32 backoff codebook [256]
 *                      u32 keys [count]  u8 probability codes [count]  u8 backoff codes [count]
 *
 * Keys are `hashOf(n-gram)` (see hash.ts), sorted. On load they go into one open-addressing table
 * (linear probing, load ≤ 0.5), so a lookup is one hash step and usually one probe.
 */
import fs from 'node:fs'
import zlib from 'node:zlib'
import { SEED, extend } from './hash.js'
import { BOS, EOS, UNK, type Tokens } from './tokenize.js'

export const MODEL_FILE = 'lm-en.bin.gz'

export interface ModelHeader {
  order: number
  vocabSize: number
  vocabBytes: number
  /** Kept n-grams of each order 2 … order. */
  counts: number[]
  sections: string[]
  license: string
}

export interface NgramModel {
  readonly header: ModelHeader
  readonly order: number
  readonly vocab: ReadonlyMap<string, number>
  readonly unk: number
  readonly bos: number
  readonly eos: number
  /** log10 p(w) and the log10 backoff weight of w as a context, by word id (Kneser–Ney). */
  readonly uniProb: Float32Array
  readonly uniBow: Float32Array
  /** log10 relative frequency of w in the training text: the unigram model SLOR subtracts. */
  readonly uniFrequency: Float32Array
  /** Codebooks by order (index n), 256 values each. */
  readonly probBook: Float32Array[]
  readonly bowBook: Float32Array[]
  readonly keys: Uint32Array
  readonly probCode: Uint8Array
  readonly bowCode: Uint8Array
  readonly mask: number
  /** Bytes of the file on disk. */
  readonly fileBytes: number
}

let loaded: NgramModel | null | undefined

/** The shipped English model, read once per process; `null` when the data file is missing. */
export function englishModel(): NgramModel | null {
  if (loaded === undefined) {
    const url = new URL(`../../data/${MODEL_FILE}`, import.meta.url)
    loaded = fs.existsSync(url) ? readModel(fs.readFileSync(url)) : null
  }
  return loaded
}

/** Parse a model file (gzip-compressed or not). */
export function readModel(file: Buffer): NgramModel {
  const data = file[0] === 0x1f && file[1] === 0x8b ? zlib.gunzipSync(file) : file
  if (data.toString('latin1', 0, 4) !== 'TQLM') throw new Error('not a tq language model file')
  let offset = 12
  const headerBytes = data.readUInt32LE(8)
  const header = JSON.parse(data.toString('utf8', offset, offset + headerBytes)) as ModelHeader
  offset = pad(offset + headerBytes)
  const words = data.toString('utf8', offset, offset + header.vocabBytes).split('\n')
  offset = pad(offset + header.vocabBytes)
  const vocab = new Map<string, number>()
  words.forEach((word, id) => vocab.set(word, id))
  const V = header.vocabSize
  // One aligned copy, so sections can be viewed as typed arrays (the file is little-endian, as
  // every platform Node runs on).
  const bytes = new Uint8Array(data.length)
  bytes.set(data)
  const f32 = (count: number): Float32Array => {
    const array = new Float32Array(bytes.buffer, offset, count).slice()
    offset += 4 * count
    return array
  }
  const uniProb = f32(V)
  const uniBow = f32(V)
  const uniFrequency = f32(V)

  const total = header.counts.reduce((sum, count) => sum + count, 0)
  let capacity = 1024
  while (capacity < total * 2) capacity *= 2
  const mask = capacity - 1
  const keys = new Uint32Array(capacity)
  const probCode = new Uint8Array(capacity)
  const bowCode = new Uint8Array(capacity)
  const probBook: Float32Array[] = [new Float32Array(0), new Float32Array(0)]
  const bowBook: Float32Array[] = [new Float32Array(0), new Float32Array(0)]
  for (let n = 2; n <= header.order; n++) {
    probBook[n] = f32(256)
    bowBook[n] = f32(256)
    const count = header.counts[n - 2]!
    const keyStart = offset
    const probStart = pad(keyStart + 4 * count)
    const bowStart = pad(probStart + count)
    const sorted = new Uint32Array(bytes.buffer, keyStart, count)
    for (let i = 0; i < count; i++) {
      const key = sorted[i]!
      let slot = key & mask
      while (keys[slot] !== 0) slot = (slot + 1) & mask
      keys[slot] = key
      probCode[slot] = bytes[probStart + i]!
      bowCode[slot] = bytes[bowStart + i]!
    }
    offset = pad(bowStart + count)
  }
  return {
    header,
    order: header.order,
    vocab,
    unk: vocab.get(UNK) ?? 0,
    bos: vocab.get(BOS) ?? 0,
    eos: vocab.get(EOS) ?? 0,
    uniProb,
    uniBow,
    uniFrequency,
    probBook,
    bowBook,
    keys,
    probCode,
    bowCode,
    mask,
    fileBytes: file.length,
  }
}

function pad(offset: number): number {
  return (offset + 3) & ~3
}

/** The slot of `key` in the table, or −1. */
function find(model: NgramModel, key: number): number {
  const { keys, mask } = model
  let slot = key & mask
  for (;;) {
    const found = keys[slot]!
    if (found === key) return slot
    if (found === 0) return -1
    slot = (slot + 1) & mask
  }
}

/** Per-token scores of one sentence, reused from sentence to sentence. */
export class SentenceScores {
  /** Tokens scored: the sentence's words and a final `</s>` (no `<s>`). */
  length = 0
  ids = new Int32Array(64)
  /** log10 p(token | up to order − 1 previous tokens). */
  logp = new Float64Array(64)
  /** log10 relative frequency of the token (the unigram model of SLOR). */
  unigram = new Float64Array(64)
  /** Order of the longest n-gram the model knew (1 = it backed off to the unigram). */
  matched = new Uint8Array(64)
  /** Scratch: hashes of the n-grams ending at the previous and current token, by order. */
  previous = new Uint32Array(8)
  current = new Uint32Array(8)

  ensure(size: number): void {
    if (size <= this.ids.length) return
    let capacity = this.ids.length
    while (capacity < size) capacity *= 2
    this.ids = new Int32Array(capacity)
    this.logp = new Float64Array(capacity)
    this.unigram = new Float64Array(capacity)
    this.matched = new Uint8Array(capacity)
  }
}

/**
 * Score the tokens `tokens[from … to)` as one sentence: `<s>` before, `</s>` after. Results go to
 * `out` (index k = token from + k; the last entry is `</s>`).
 */
export function scoreSentence(model: NgramModel, tokens: Tokens, out: SentenceScores, from = 0, to = tokens.length): SentenceScores {
  const count = to - from + 1
  out.ensure(count)
  out.length = count
  const { vocab, unk, order, uniProb, uniBow, uniFrequency, probBook, bowBook, probCode, bowCode } = model
  const ids = out.ids
  for (let k = 0; k < count - 1; k++) ids[k] = vocab.get(tokens.words[from + k]!) ?? unk
  ids[count - 1] = model.eos
  let previous = out.previous
  let current = out.current
  previous[1] = extend(SEED, model.bos)
  let previousWord = model.bos
  // Longest n-gram found ending at the previous token, and its slot. A kept n-gram's context is
  // kept too (count cutoffs grow with the order), so nothing longer than that + 1 can end here, and
  // a context longer than that has no backoff weight: those lookups are skipped.
  let previousMatched = 1
  let previousSlot = -1
  for (let k = 0; k < count; k++) {
    const w = ids[k]!
    // Hashes of the n-grams ending here: w, (w₋₁ w), (w₋₂ w₋₁ w)…; position −1 is `<s>`.
    const longest = Math.min(order, k + 2, previousMatched + 1)
    current[1] = extend(SEED, w)
    for (let n = 2; n <= longest; n++) current[n] = extend(current[n - 1]!, n - 2 < k ? ids[k - n + 1]! : model.bos)
    let backoff = 0
    let logp = 0
    let matched = 1
    let matchedSlot = -1
    for (let n = longest; n >= 2; n--) {
      const slot = find(model, current[n]!)
      if (slot >= 0) {
        logp = backoff + probBook[n]![probCode[slot]!]!
        matched = n
        matchedSlot = slot
        break
      }
      // Not seen: back off through the context w₋ₙ₊₁ … w₋₁, the (n−1)-gram that ended one token ago.
      if (n - 1 >= 2) {
        const context = n - 1 === previousMatched ? previousSlot : find(model, previous[n - 1]!)
        if (context >= 0) backoff += bowBook[n - 1]![bowCode[context]!]!
      } else backoff += uniBow[previousWord]!
    }
    if (matched === 1) logp = backoff + uniProb[w]!
    out.logp[k] = logp
    out.unigram[k] = uniFrequency[w]!
    out.matched[k] = matched
    previousWord = w
    previousMatched = matched
    previousSlot = matchedSlot
    const swap = previous
    previous = current
    current = swap
  }
  out.previous = previous
  out.current = current
  return out
}
