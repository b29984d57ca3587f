/**
 * The English word n-gram language model: loading and per-token scoring.
 *
 * The model is an interpolated modified Kneser–Ney n-gram model built by `scripts/train-lm.mjs`,
 * stored in backoff form (as in an ARPA file: every kept n-gram has its probability, every kept
 * context its backoff weight), pruned by count and quantised to 8 bits per value.
 *
 * File `data/lm-en.bin` (all numbers little-endian, every section padded to 4 bytes):
 *
 *   "TQLM" u32 version (2) u32 headerBytes  header (JSON)  vocabulary (UTF-8, one word a line, by id)
 *   u32 word starts [V + 1]  i32 word slots [S]  u32 ids of the words outside ASCII   (see vocabulary.ts)
 *   f32 unigram log10 p [V]   f32 unigram log10 backoff [V]   f32 log10 relative frequency [V]
 *   for n = 2 … order: f32 probability codebook [256]  f32 backoff codebook [256]
 *   u32 n-gram table [header.tableLength]
 *
 * Nothing is decoded or copied on load: every section is used as a typed-array view of the buffer
 * read from disk, so loading is reading 9 MB (the file version 1 was a gzip of sorted keys, which
 * took 200 ms to inflate and put into a table).
 *
 * The n-gram table holds the keys `hashOf(n-gram)` (see hash.ts) of the kept n-grams of every
 * order with their codes, in open addressing with linear probing; a key's home slot is its top
 * `bits` bits. `ngramTable` (run by scripts/train-lm.mjs) fills it from the sorted keys: their home
 * slots come in the same order, so the table is filled in one sweep and stays sorted, and a lookup
 * stops at the first larger key. A slot is one 32-bit word, 0 when empty, so a lookup touches one
 * word:
 *
 *   low bits of the key [32 − bits] | distance from home + 1 [bits − 16] | probability code [8] | backoff code [8]
 *
 * (the key's top bits are its home slot). Where two orders share a key (a hash collision: 122 of
 * 1.2 million keys), the lower order's codes are kept: the entry a lookup met first in version 1.
 */
import fs from 'node:fs'
import zlib from 'node:zlib'
import { SEED, extend } from './hash.js'
import { BOS, EOS, UNK, type Tokens } from './tokenize.js'
import { Vocabulary } from './vocabulary.js'

export const MODEL_FILE = 'lm-en.bin'
/** The file format version `readModel` reads and `scripts/train-lm.mjs` writes. */
export const MODEL_VERSION = 2

export interface ModelHeader {
  order: number
  vocabSize: number
  vocabBytes: number
  /** Slots of the vocabulary's hash table, and words outside ASCII it leaves out. */
  vocabSlots: number
  vocabOther: number
  /** Kept n-grams of each order 2 … order. */
  counts: number[]
  /** Keys in the table: the kept n-grams of all orders, keys shared by two orders counted once. */
  keys: number
  /** Home bits and length (slots) of the n-gram table. */
  tableBits: number
  tableLength: number
  sections: string[]
  license: string
}

export interface NgramModel {
  readonly header: ModelHeader
  readonly order: number
  readonly vocab: Vocabulary
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
  /** The open-addressing table of n-grams, one packed word per slot (see the file comment). */
  readonly table: Uint32Array
  /** Bits of a key that give its home slot. */
  readonly bits: number
  /** Bytes of the file on disk. */
  readonly fileBytes: number
}

let loaded: NgramModel | null | undefined

/** The shipped English model, read once per process on first call; `null` when the data file is missing. */
export function englishModel(): NgramModel | null {
  if (loaded === undefined) {
    const url = new URL(`../../data/${MODEL_FILE}`, import.meta.url)
    loaded = fs.existsSync(url) ? readModel(fs.readFileSync(url)) : null
  }
  return loaded
}

/** Parse a model file (gzip-compressed or not). */
export function readModel(file: Buffer): NgramModel {
  let data: Uint8Array = file[0] === 0x1f && file[1] === 0x8b ? zlib.gunzipSync(file) : file
  // Typed-array views need 4-byte alignment; a buffer read from a file starts its own allocation,
  // but one cut from Node's shared pool may not.
  if (data.byteOffset % 4 !== 0) data = new Uint8Array(data)
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const latin1 = (from: number, to: number): string => String.fromCharCode(...data.subarray(from, to))
  if (latin1(0, 4) !== 'TQLM') throw new Error('not a tq language model file')
  const version = view.getUint32(4, true)
  if (version !== MODEL_VERSION) throw new Error(`tq language model version ${version}; this tq reads version ${MODEL_VERSION} (retrain with scripts/train-lm.mjs)`)
  const decoder = new TextDecoder()
  const headerBytes = view.getUint32(8, true)
  let offset = 12
  const header = JSON.parse(decoder.decode(data.subarray(offset, offset + headerBytes))) as ModelHeader
  offset = pad(offset + headerBytes)
  const vocabBytes = data.subarray(offset, offset + header.vocabBytes)
  offset = pad(offset + header.vocabBytes)
  const V = header.vocabSize
  const u32 = (count: number): Uint32Array => {
    const array = new Uint32Array(data.buffer, data.byteOffset + offset, count)
    offset += 4 * count
    return array
  }
  const starts = u32(V + 1)
  const slots = new Int32Array(data.buffer, data.byteOffset + offset, header.vocabSlots)
  offset += 4 * header.vocabSlots
  const vocab = new Vocabulary(vocabBytes, { starts, slots, other: u32(header.vocabOther) })
  const f32 = (count: number): Float32Array => {
    const array = new Float32Array(data.buffer, data.byteOffset + offset, count)
    offset += 4 * count
    return array
  }
  const uniProb = f32(V)
  const uniBow = f32(V)
  const uniFrequency = f32(V)
  const probBook: Float32Array[] = [new Float32Array(0), new Float32Array(0)]
  const bowBook: Float32Array[] = [new Float32Array(0), new Float32Array(0)]
  for (let n = 2; n <= header.order; n++) {
    probBook[n] = f32(256)
    bowBook[n] = f32(256)
  }
  const table = u32(header.tableLength)
  const bits = header.tableBits
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
    table,
    bits,
    fileBytes: file.length,
  }
}

/**
 * The n-gram table of `sorted` keys (ascending, unique) and their codes, at a load of about 0.6, or
 * larger when a cluster grows longer than the distance field holds (used by scripts/train-lm.mjs).
 */
export function ngramTable(sorted: Uint32Array, probCodes: Uint8Array, bowCodes: Uint8Array): { table: Uint32Array; bits: number } {
  let bits = 17
  while (2 ** bits * 0.6 < sorted.length) bits++
  for (; bits <= 24; bits++) {
    const table = fill(sorted, probCodes, bowCodes, bits)
    if (table) return { table, bits }
  }
  throw new Error('n-gram keys too clustered for the table')
}

/** The table with `2^bits` home slots, or undefined when a key lands farther from home than the distance field can say. */
function fill(sorted: Uint32Array, probCodes: Uint8Array, bowCodes: Uint8Array, bits: number): Uint32Array | undefined {
  const lowBits = 32 - bits
  const lowMask = (1 << lowBits) - 1
  const maxDistance = (1 << (bits - 16)) - 2
  let slot = 0
  let last = 0
  for (let i = 0; i < sorted.length; i++) {
    slot = Math.max(slot, sorted[i]! >>> lowBits)
    if (slot - (sorted[i]! >>> lowBits) > maxDistance) return undefined
    last = slot++
  }
  // Clusters may run past the last home slot; one empty slot after them ends every probe.
  const table = new Uint32Array(Math.max(2 ** bits, last + 1) + 1)
  slot = 0
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i]!
    const home = key >>> lowBits
    if (slot < home) slot = home
    table[slot] = (((key & lowMask) << bits) | ((slot - home + 1) << 16) | (probCodes[i]! << 8) | bowCodes[i]!) >>> 0
    slot++
  }
  return table
}

function pad(offset: number): number {
  return (offset + 3) & ~3
}

/** The slot of the n-gram whose hash is `key` in the model's table, or −1 (its codes: `table[slot] >>> 8 & 255`, `table[slot] & 255`). */
export function findNgram(model: NgramModel, key: number): number {
  return find(model.table, model.bits, key)
}

/** The slot of `key` in `table` (with `bits` home bits), or −1. */
function find(table: Uint32Array, bits: number, key: number): number {
  const lowBits = 32 - bits
  const home = key >>> lowBits
  const low = key & ((1 << lowBits) - 1)
  const distanceMask = (1 << (bits - 16)) - 1
  for (let slot = home; ; slot++) {
    const entry = table[slot]!
    if (entry === 0) return -1
    // The table is sorted: past a larger key, `key` is not there.
    const entryHome = slot - ((entry >>> 16) & distanceMask) + 1
    if (entryHome === home) {
      const entryLow = entry >>> bits
      if (entryLow === low) return slot
      if (entryLow > low) return -1
    } else if (entryHome > home) return -1
  }
}

/**
 * The entry of `key` in `table` (with `bits` home bits), or 0: `find` for the scorer, which needs
 * the entry's codes and not its slot. The entries are sorted by key, so each one's key, rebuilt
 * from its slot, its distance from home and its low bits, is compared whole.
 */
function entryOf(table: Uint32Array, bits: number, key: number): number {
  const lowBits = 32 - bits
  const distanceMask = (1 << (bits - 16)) - 1
  for (let slot = key >>> lowBits; ; slot++) {
    const entry = table[slot]!
    if (entry === 0) return 0
    const entryKey = (((slot - ((entry >>> 16) & distanceMask) + 1) << lowBits) | (entry >>> bits)) >>> 0
    if (entryKey === key) return entry
    if (entryKey > key) return 0
  }
}

/** Slots per token in `SentenceScores.keys`: orders up to 7 (the shipped model has order 4). */
const KEY_STRIDE = 8

/** Where the reads of `scoreSentence`'s second pass go, so that the compiler cannot drop them. Its value means nothing. */
let touched = 0

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
  /** Scratch: the key of the n-gram of order n ending at token k, at `k * KEY_STRIDE + n` (n ≥ 2). */
  keys = new Uint32Array(64 * KEY_STRIDE)
  /** Scratch: the home slots of those keys, one after another. */
  homes = new Int32Array(64 * KEY_STRIDE)
  /** Scratch: log10 p(w) and the log10 backoff weight of w, by token. */
  wordProb = new Float64Array(64)
  wordBow = new Float64Array(64)

  ensure(size: number): void {
    if (size <= this.ids.length) return
    let capacity = this.ids.length
    while (capacity < size) capacity *= 2
    this.ids = new Int32Array(capacity)
    this.logp = new Float64Array(capacity)
    this.unigram = new Float64Array(capacity)
    this.matched = new Uint8Array(capacity)
    this.keys = new Uint32Array(capacity * KEY_STRIDE)
    this.homes = new Int32Array(capacity * KEY_STRIDE)
    this.wordProb = new Float64Array(capacity)
    this.wordBow = new Float64Array(capacity)
  }
}

/**
 * Score the tokens `tokens[from … to)` as one sentence: `<s>` before, `</s>` after. Results go to
 * `out` (index k = token from + k; the last entry is `</s>`).
 *
 * The table is 8 MB and a sentence's n-grams lie in it at random, so nearly every lookup misses the
 * cache and waits for memory (140 ns on the machine measured), and a token needs 1.9 of them on
 * average; one after another, they were most of the time a sentence took. So the scoring runs in
 * passes: the keys of every n-gram a lookup may ask for (every order at every token, 1.5 times as
 * many as the lookups need); a read of each one's home slot, the result thrown away; then the
 * lookups, which find their slots in the cache. The reads of the second pass do not depend on each
 * other, so the processor has many of them in flight at once, and a read costs a fifth of its
 * latency (a sentence's scoring takes half the time it took).
 */
export function scoreSentence(model: NgramModel, tokens: Tokens, out: SentenceScores, from = 0, to = tokens.length): SentenceScores {
  const count = to - from + 1
  out.ensure(count)
  out.length = count
  const { vocab, unk, bos, order, uniProb, uniBow, uniFrequency, probBook, bowBook, table, bits } = model
  if (order >= KEY_STRIDE) throw new Error(`n-gram order ${order} is above ${KEY_STRIDE - 1}`)
  const ids = out.ids
  if (tokens.vocabulary === vocab) {
    for (let k = 0; k < count - 1; k++) {
      const id = tokens.ids[from + k]!
      ids[k] = id < 0 ? unk : id
    }
  } else for (let k = 0; k < count - 1; k++) ids[k] = vocab.get(tokens.words[from + k]!) ?? unk
  ids[count - 1] = model.eos
  // First pass: the keys of the n-grams ending at each token, w, (w₋₁ w), (w₋₂ w₋₁ w)…, where
  // position −1 is `<s>`, and their home slots.
  const { keys, homes, logp: logps, unigram, matched: orders, wordProb, wordBow } = out
  const lowBits = 32 - bits
  let touches = 0
  for (let k = 0; k < count; k++) {
    const base = k * KEY_STRIDE
    const longest = Math.min(order, k + 2)
    let key = extend(SEED, ids[k]!)
    for (let n = 2; n <= longest; n++) {
      key = extend(key, n - 2 < k ? ids[k - n + 1]! : bos)
      keys[base + n] = key
      homes[touches++] = key >>> lowBits
    }
  }
  // Second pass: read every home slot. The loop does nothing else, and four reads a turn, so that
  // the processor, which can look only so many instructions ahead of a read still waiting for
  // memory, sees as many reads as possible at once (with the keys hashed in the same loop, about
  // half as many, and the pass took 40% longer).
  let t0 = 0
  let t1 = 0
  let t2 = 0
  let t3 = 0
  let j = 0
  for (; j + 4 <= touches; j += 4) {
    t0 ^= table[homes[j]!]!
    t1 ^= table[homes[j + 1]!]!
    t2 ^= table[homes[j + 2]!]!
    t3 ^= table[homes[j + 3]!]!
  }
  for (; j < touches; j++) t0 ^= table[homes[j]!]!
  touched ^= t0 ^ t1 ^ t2 ^ t3
  // The unigram values of each word, from three tables of 128 kB read at random: read in a loop
  // of their own too, for the same reason.
  for (let k = 0; k < count; k++) {
    const w = ids[k]!
    unigram[k] = uniFrequency[w]!
    wordProb[k] = uniProb[w]!
    wordBow[k] = uniBow[w]!
  }
  // Third pass: the lookups.
  // The backoff weight of the previous word as a context (`<s>` before the first).
  let previousBow = uniBow[bos]!
  // Longest n-gram found ending at the previous token, and its entry. A kept n-gram's context is
  // kept too (count cutoffs grow with the order), so nothing longer than that + 1 can end here, and
  // a context longer than that has no backoff weight: those lookups are skipped.
  let previousMatched = 1
  let previousEntry = 0
  for (let k = 0; k < count; k++) {
    const base = k * KEY_STRIDE
    const longest = Math.min(order, k + 2, previousMatched + 1)
    let backoff = 0
    let logp = 0
    let matched = 1
    let matchedEntry = 0
    for (let n = longest; n >= 2; n--) {
      const entry = entryOf(table, bits, keys[base + n]!)
      if (entry !== 0) {
        logp = backoff + probBook[n]![(entry >>> 8) & 255]!
        matched = n
        matchedEntry = entry
        break
      }
      // Not seen: back off through the context w₋ₙ₊₁ … w₋₁, the (n−1)-gram that ended one token ago.
      if (n - 1 >= 2) {
        const context = n - 1 === previousMatched ? previousEntry : entryOf(table, bits, keys[base - KEY_STRIDE + n - 1]!)
        if (context !== 0) backoff += bowBook[n - 1]![context & 255]!
      } else backoff += previousBow
    }
    if (matched === 1) logp = backoff + wordProb[k]!
    logps[k] = logp
    orders[k] = matched
    previousBow = wordBow[k]!
    previousMatched = matched
    previousEntry = matchedEntry
  }
  return out
}
