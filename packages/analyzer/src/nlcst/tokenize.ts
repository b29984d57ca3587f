/**
 * The tokenizer of parse-latin 7 (`ParseLatin#tokenize`), writing flat arrays instead of nodes.
 *
 * Part of tq's port of parse-latin / parse-english 7 for speed (see ./index.ts); the reference
 * parsers are the oracle.
 *
 * parse-latin cuts text into runs of one class: words and white space run on, punctuation and
 * symbols run only while they repeat one code unit (`...`, `--`), and a lone surrogate continues a
 * symbol (so `😀😀` is one symbol). Tokens tile the text, so token `i` spans
 * `start[i]..start[i + 1]`, and every position in the tree is one of these `n + 1` boundaries:
 * positions are kept as boundary indices until the tree is built.
 *
 * Lines and columns count as parse-latin counts them: `\r`, `\n` and `\r\n` each end a line, and a
 * column is a UTF-16 code unit.
 */
import { classes, classify, isTerminal, PUNCTUATION, TEXT, triggers, WHITE_SPACE } from './classify.js'

/**
 * Working state of one parse, reused from paragraph to paragraph (so no per-paragraph typed
 * arrays are allocated). Leaves are the tokens; items are what a sentence holds (a word is an item
 * spanning several leaves, `first..last`). Items start as one per leaf, with the leaf's index.
 */
export class State {
  text = ''
  /** Number of leaves. */
  n = 0
  /** Union of `triggers` over the punctuation and symbol tokens. */
  flags = 0
  /** First and last leaf with each trigger (by bit number), valid for the bits in `flags`. */
  triggerFirst = new Int32Array(8)
  triggerLast = new Int32Array(8)
  /** Leaves that are terminal markers (`.`, `?`, `!`, `…`, `‽` runs), in order, and their count. */
  terminal = new Int32Array(256)
  terminals = 0
  /** Whether the inner-word pass put a full stop inside a word (`U.S`, `3.5`). */
  innerFullStop = false
  /** Whether the text holds a line break (only then can white space break a sentence or paragraph). */
  newline = false
  type = new Uint8Array(256)
  /** Offset of leaf `i` in `text`; `start[n]` is the text's length. */
  start = new Int32Array(257)
  /** Line (1-based, relative to the text) of boundary `i`; set only if `newline` (else all are 1). */
  line = new Int32Array(257)
  /** Offset where each line starts, by line number (`lineStart[1]` is 0): a column is `offset - lineStart[line] + 1`. */
  lineStart: number[] = [0, 0]
  /**
   * Leaf range of each item, by item id. An item's type is `type[id]`: a word stays a word, keeps
   * the id of its first text leaf, and only words grow.
   */
  first = State.count(256)
  last = State.count(256)
  /**
   * The item ids of the one sentence the sentence plugins see (the whole text), and its length
   * (entries past it are stale). A plain array, so sentences are cut out of it with a fast `slice`.
   */
  sequence: number[] = []
  length = 0
  /**
   * Items whose range was extended (words), to reset before the next text: `first` and `last` are
   * kept at `i, i` for every other item, so setting up one item per leaf costs nothing.
   */
  extended: number[] = []
  /** `sequence[0..clean)` is `0, 1, 2, …` (the word passes rewrite it from where they merge). */
  clean = 0

  private static count(size: number): Int32Array {
    const array = new Int32Array(size)
    for (let index = 0; index < size; index++) array[index] = index
    return array
  }

  /** Word `word` now ends where item `item` ends. */
  extendEnd(word: number, item: number): void {
    this.last[word] = this.last[item]!
    this.extended.push(word)
  }

  /** Word `word` now starts where item `item` starts. */
  extendStart(word: number, item: number): void {
    this.first[word] = this.first[item]!
    this.extended.push(word)
  }

  /** Reset the items extended by the previous text to one leaf each. */
  reset(): void {
    const { first, last, extended } = this
    if (extended.length === 0) return
    for (let index = 0; index < extended.length; index++) {
      const item = extended[index]!
      first[item] = item
      last[item] = item
    }
    extended.length = 0
  }

  /** Make room for `size` leaves (before tokenizing: the arrays are not copied). */
  grow(size: number): void {
    let capacity = this.type.length
    if (size < capacity) return
    while (capacity <= size) capacity *= 2
    this.type = new Uint8Array(capacity)
    this.terminal = new Int32Array(capacity)
    this.start = new Int32Array(capacity + 1)
    this.line = new Int32Array(capacity + 1)
    this.reset()
    this.first = State.count(capacity)
    this.last = State.count(capacity)
  }

  /** The text of item `item` (a word's text includes the punctuation merged into it). */
  value(item: number): string {
    return this.text.slice(this.start[this.first[item]!]!, this.start[this.last[item]! + 1]!)
  }

  /** Length in code units of item `item`. */
  size(item: number): number {
    return this.start[this.last[item]! + 1]! - this.start[this.first[item]!]!
  }

  /** Whether item `item` is the one code unit `code`. */
  is(item: number, code: number): boolean {
    const from = this.start[this.first[item]!]!
    return this.start[this.last[item]! + 1]! - from === 1 && this.text.charCodeAt(from) === code
  }

  /** First code unit of item `item`. */
  code(item: number): number {
    return this.text.charCodeAt(this.start[this.first[item]!]!)
  }
}

/** `triggers` of each code unit below U+2028 (no trigger is above). */
const triggerTable = new Uint8Array(0x2028)
for (let code = 0; code < 0x2028; code++) triggerTable[code] = triggers(code)

/** Tokenize `text` into `state`'s leaves, and set up one item per leaf (item `i` is leaf `i`). */
export function tokenize(state: State, text: string): void {
  state.reset()
  state.text = text
  const table = classes
  const length = text.length
  let n = 0
  let terminals = 0
  let flags = 0
  let newline = false
  // A text has at most as many tokens as code units.
  state.grow(length)
  const type = state.type
  const start = state.start
  const lines = state.line
  // Entries past the last line are stale, and never read.
  const lineStarts = state.lineStart
  let line = 1
  let index = 0
  while (index < length) {
    let code = text.charCodeAt(index)
    let current = table[code]!
    if (current === 0) current = classify(code)
    type[n] = current
    start[n] = index
    // Lines are kept once a line ending was seen (before it, every line is 1).
    if (newline) lines[n] = line
    n++
    if (current === TEXT) {
      for (;;) {
        // Words run on.
        while (++index < length) {
          const next = text.charCodeAt(index)
          let nextType = table[next]!
          if (nextType === 0) nextType = classify(next)
          if (nextType !== TEXT) break
        }
        // Fast path for the commonest case, one space between two words: `word word`.
        if (index + 1 >= length || text.charCodeAt(index) !== 0x20) break
        const after = text.charCodeAt(index + 1)
        let afterType = table[after]!
        if (afterType === 0) afterType = classify(after)
        if (afterType !== TEXT) break
        type[n] = WHITE_SPACE
        start[n] = index
        if (newline) lines[n] = line
        n++
        index++
        type[n] = TEXT
        start[n] = index
        if (newline) lines[n] = line
        n++
      }
    } else if (current === WHITE_SPACE) {
      // White space runs on; line endings move the line.
      let previous = -1
      for (;;) {
        if (code === 13 || code === 10) {
          if (!newline) {
            lines.fill(1, 0, n)
            newline = true
          }
          // After `\r\n` the line starts after the `\n` (parse-latin leaves the column at 1 on a
          // `\n` that follows `\r`).
          if (code === 13 || previous !== 13) line++
          lineStarts[line] = index + 1
        }
        previous = code
        if (++index >= length) break
        code = text.charCodeAt(index)
        let nextType = table[code]!
        if (nextType === 0) nextType = classify(code)
        if (nextType !== WHITE_SPACE) break
      }
    } else {
      // Punctuation and symbols run on while the code unit repeats, or (a symbol) while a
      // surrogate follows: `...`, `--`, `😀😀`.
      if (current === PUNCTUATION && isTerminal(code)) state.terminal[terminals++] = n - 1
      const bits = code < 0x2028 ? triggerTable[code]! : 0
      if (bits !== 0) {
        const leaf = n - 1
        for (let bit = 0; bit < 6; bit++) {
          if ((bits & (1 << bit)) === 0) continue
          if ((flags & (1 << bit)) === 0) state.triggerFirst[bit] = leaf
          state.triggerLast[bit] = leaf
        }
        flags |= bits
      }
      let previous = code
      while (++index < length) {
        const next = text.charCodeAt(index)
        let nextType = table[next]!
        if (nextType === 0) nextType = classify(next)
        if (nextType !== current || (next !== previous && (next & 0xf800) !== 0xd800)) break
        previous = next
      }
    }
  }
  start[n] = length
  if (newline) lines[n] = line
  const sequence = state.sequence
  for (let item = state.clean; item < n; item++) sequence[item] = item
  if (n > state.clean) state.clean = n
  state.n = n
  state.terminals = terminals
  state.flags = flags
  state.newline = newline
  state.length = n
}
