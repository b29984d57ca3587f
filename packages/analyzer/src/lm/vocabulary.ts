/**
 * The language model's vocabulary, looked up in place in the model file's bytes.
 *
 * The file holds the words one a line, by id, and next to them the lookup table this class reads
 * (see model.ts): where each word starts, and an open-addressing table of word ids by FNV-1a hash
 * of the word (linear probing, load ≤ 0.5). A `Map` of the words cost more to build (32,000 strings
 * made and hashed) than the rest of the model took to load, and building even this table took
 * 30 ms before the code warmed up, so `scripts/train-lm.mjs` builds it (`vocabularyTables`) and a
 * load only views it. A lookup hashes the word's characters, probes the table and compares the
 * bytes of the candidate.
 *
 * Exception: a word with a character outside ASCII (`café`, `naïve`) is UTF-8 in the file but
 * UTF-16 in a JS string, so bytes and characters differ. Those few words (191) are not in the hash
 * table but listed by id; on load they go into a small `Map`, where a word with such a character
 * is looked up.
 */
import type { Tokens } from './tokenize.js'

/** FNV-1a, the hash of the vocabulary's table: start from `FNV_OFFSET`, one `fnv` step a character. */
export const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

export function fnv(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME)
}

const NEWLINE = 10

/**
 * Where the reads of `idsOfAsciiWords` that only bring data into the cache go, so that the compiler
 * cannot drop them as unused. Its value means nothing.
 */
let touched = 0

/** Entries of `Vocabulary.recent` (a power of two). */
const RECENT_SIZE = 8192
const RECENT_MASK = RECENT_SIZE - 1

/** Scratch of `idsOfAsciiWords`: where in `words` each word not found in `recent` is, and the word in its first slot. */
let missed = new Int32Array(64)
let firsts = new Int32Array(64)

/** The lookup tables of a vocabulary section (words separated by `\n`), as the model file stores them. */
export interface VocabularyTables {
  /** Byte offset of each word, by id; `starts[size]` is one past the last word's end + 1. */
  starts: Uint32Array
  /** Word id + 1 by hash slot; 0 is an empty slot. The length is a power of two. */
  slots: Int32Array
  /** Ids of the words with a byte outside ASCII, which `slots` leaves out. */
  other: Uint32Array
}

/** Build the tables of a vocabulary section (used by scripts/train-lm.mjs; a load reads them from the file). */
export function vocabularyTables(bytes: Uint8Array): VocabularyTables {
  let size = 1
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === NEWLINE) size++
  const starts = new Uint32Array(size + 1)
  let capacity = 1024
  while (capacity < size * 2) capacity *= 2
  const mask = capacity - 1
  const slots = new Int32Array(capacity)
  const other: number[] = []
  let id = 0
  let start = 0
  let hash = FNV_OFFSET
  let ascii = true
  for (let i = 0; i <= bytes.length; i++) {
    const byte = i < bytes.length ? bytes[i]! : NEWLINE
    if (byte !== NEWLINE) {
      if (byte >= 128) ascii = false
      hash = Math.imul(hash ^ byte, FNV_PRIME)
      continue
    }
    starts[id] = start
    if (ascii) {
      // A word listed twice keeps its last id, as a Map would.
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const previous = slots[slot]! - 1
        if (previous < 0 || sameBytes(bytes, starts[previous]!, starts[previous + 1]! - 1, start, i)) {
          slots[slot] = id + 1
          break
        }
      }
    } else other.push(id)
    id++
    start = i + 1
    hash = FNV_OFFSET
    ascii = true
  }
  starts[size] = bytes.length + 1
  return { starts, slots, other: Uint32Array.from(other) }
}

function sameBytes(bytes: Uint8Array, start: number, end: number, from: number, to: number): boolean {
  if (end - start !== to - from) return false
  for (let i = 0; i < to - from; i++) if (bytes[start + i] !== bytes[from + i]) return false
  return true
}

export class Vocabulary {
  /** Words in the vocabulary. */
  readonly size: number
  /** The vocabulary section of the file: UTF-8 words separated by `\n`. */
  private readonly bytes: Uint8Array
  private readonly starts: Uint32Array
  private readonly slots: Int32Array
  private readonly mask: number
  /** Words with a character outside ASCII. */
  private readonly other = new Map<string, number>()
  /**
   * ASCII words of up to 8 characters looked up lately (see `idsOfAsciiWords`), 4 ints an entry,
   * by the low bits of their hash: the packed characters (two ints), and the id
   * (−1 for a word the model does not know). Made on first use.
   */
  private recent: Int32Array | undefined

  constructor(bytes: Uint8Array, tables: VocabularyTables = vocabularyTables(bytes)) {
    this.bytes = bytes
    this.starts = tables.starts
    this.slots = tables.slots
    this.mask = tables.slots.length - 1
    this.size = tables.starts.length - 1
    const decoder = new TextDecoder()
    for (const id of tables.other) this.other.set(decoder.decode(bytes.subarray(tables.starts[id], tables.starts[id + 1]! - 1)), id)
  }

  /** The id of `word`, or undefined when the model does not know it. */
  get(word: string): number | undefined {
    const length = word.length
    let hash = FNV_OFFSET
    for (let i = 0; i < length; i++) {
      const code = word.charCodeAt(i)
      if (code >= 128) return this.other.get(word)
      hash = Math.imul(hash ^ code, FNV_PRIME)
    }
    const { slots, starts, bytes, mask } = this
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1
      if (id < 0) return undefined
      const start = starts[id]!
      if (starts[id + 1]! - 1 - start !== length) continue
      let same = true
      for (let i = 0; i < length; i++) {
        if (bytes[start + i] !== word.charCodeAt(i)) {
          same = false
          break
        }
      }
      if (same) return id
    }
  }

  /**
   * The id of `text.slice(from, to)` in lowercase, read in place (no string is made when the span is
   * ASCII, as nearly every word is), or −1 when the model does not know it.
   */
  idOfSpan(text: string, from: number, to: number): number {
    let hash = FNV_OFFSET
    for (let i = from; i < to; i++) {
      let code = text.charCodeAt(i)
      if (code >= 128) return this.get(text.slice(from, to).toLowerCase()) ?? -1
      if (code >= 65 && code <= 90) code += 32
      hash = fnv(hash, code)
    }
    return this.idOfAsciiSpan(text, from, to, hash)
  }

  /**
   * `idOfSpan` of an ASCII span whose lowercase hash (`fnv` over its characters from `FNV_OFFSET`)
   * the caller computed while reading it: the tokenizer, which looks at each character anyway.
   */
  idOfAsciiSpan(text: string, from: number, to: number, hash: number): number {
    const length = to - from
    const { slots, starts, bytes, mask } = this
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1
      if (id < 0) return -1
      const start = starts[id]!
      if (starts[id + 1]! - 1 - start !== length) continue
      let same = true
      for (let i = 0; i < length; i++) {
        let code = text.charCodeAt(from + i)
        if (code >= 65 && code <= 90) code += 32
        if (bytes[start + i] !== code) {
          same = false
          break
        }
      }
      if (same) return id
    }
  }

  /**
   * `idOfAsciiSpan` of many words at once, each given by 4 ints of `words` (word j at `4 * j`):
   * the index of its token in `tokens`, which gets the id in `tokens.ids`; the hash of its span;
   * and its last 8 characters, lowercase, a byte each, packed into two ints (the last character in
   * the lowest byte of the first; zeros before the first character of a shorter word).
   *
   * A lookup reads three places that depend on each other (the word's slot, the start of the word
   * found there, its bytes), 600 kB that a large text's other work pushes out of the cache between
   * one paragraph and the next, so a lookup often waited for memory three times in a row. Two
   * things make that rarer:
   *
   * - A word of up to 8 characters is first looked for in `recent`, which keeps the last word seen
   *   in each of its 8,192 entries with its id: one read, from 128 kB that its common words keep
   *   in the cache, and a comparison of the packed characters (a word has no character 0, so the
   *   zeros tell the lengths apart). Four words in five are found there on English prose.
   * - The other words are looked up together, in rounds: each round reads one of the three places
   *   for every word, the reads of a round independent of each other, so the processor has them in
   *   flight together; the lookups then find their data in the cache. (A word whose first slot
   *   holds another word probes on unaided; few do, at a load of 0.5.)
   */
  idsOfAsciiWords(text: string, tokens: Pick<Tokens, 'ids' | 'start' | 'end'>, words: Int32Array, count: number): void {
    const { slots, starts, bytes, mask } = this
    const { ids, start, end } = tokens
    const recent = (this.recent ??= new Int32Array(RECENT_SIZE * 4))
    if (missed.length < count) missed = new Int32Array(Math.max(count, missed.length * 2))
    let misses = 0
    for (let j = 0; j < 4 * count; j += 4) {
      const k = words[j]!
      if (end[k]! - start[k]! <= 8) {
        const at = (words[j + 1]! & RECENT_MASK) << 2
        if (recent[at] === words[j + 2] && recent[at + 1] === words[j + 3]) {
          ids[k] = recent[at + 2]!
          continue
        }
      }
      missed[misses++] = j
    }
    if (misses === 0) return
    let touch = 0
    for (let m = 0; m < misses; m++) touch ^= slots[words[missed[m]! + 1]! & mask]!
    // The word in each first slot (word 0 for an empty slot: a harmless read).
    if (firsts.length < misses) firsts = new Int32Array(missed.length)
    for (let m = 0; m < misses; m++) {
      const id = Math.max(slots[words[missed[m]! + 1]! & mask]! - 1, 0)
      firsts[m] = id
      touch ^= starts[id]!
    }
    for (let m = 0; m < misses; m++) touch ^= bytes[starts[firsts[m]!]!]!
    touched ^= touch
    for (let m = 0; m < misses; m++) {
      const j = missed[m]!
      const k = words[j]!
      const from = start[k]!
      const to = end[k]!
      const hash = words[j + 1]!
      const id = this.idOfAsciiSpan(text, from, to, hash)
      ids[k] = id
      if (to - from <= 8) {
        const at = (hash & RECENT_MASK) << 2
        recent[at] = words[j + 2]!
        recent[at + 1] = words[j + 3]!
        recent[at + 2] = id
      }
    }
  }

  has(word: string): boolean {
    return this.get(word) !== undefined
  }
}
