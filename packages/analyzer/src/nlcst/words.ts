/**
 * The sentence plugins of parse-english / parse-latin 7: they build words out of tokens.
 *
 * Part of tq's port of parse-latin / parse-english 7 for speed (see ./index.ts); the reference
 * parsers are the oracle. Each pass below is one plugin, run in the same order over the same
 * sequence: parse-latin runs its sentence plugins on the whole paragraph before cutting it into
 * sentences, so `end.Next` becomes one word across what looks like a sentence break.
 *
 * Every merge joins neighbours, so a word is always a run of consecutive leaves (`first..last`),
 * and its position is always its leaves' span: merging is moving a bound.
 *
 * Each pass compacts the sequence in place instead of splicing it: `sequence[0..w)` holds the
 * items already passed and `sequence[r..length)` those still to come, so the reference's array is
 * their concatenation and its current index is `w`. Removing the current item is `r++`; going
 * back one item (a plugin returning `index - 1`) moves `sequence[w - 1]` back in front of `r`.
 * The loops keep the reference's exact iteration order, including its quirks, because the order
 * decides the result:
 *
 * - `unist-util-visit-children` (elision) moves on to the next index even after removing the
 *   current node, so the node that slid into its place is skipped: in `w/'em` the `/` joins `w`,
 *   and the `'` is then never looked at, so `'em` stays apart.
 * - `unist-util-modify-children` (the others) continues at the index a plugin returns
 *   (a negative one means 0).
 */
import {
  HAS_AMPERSAND,
  HAS_APOSTROPHE,
  HAS_FULL_STOP,
  HAS_HYPHEN,
  HAS_INNER,
  HAS_SLASH,
  isInnerWordSymbol,
  PUNCTUATION,
  SYMBOL,
  TEXT,
  WHITE_SPACE,
} from './classify.js'
import { elisionAffix, elisionPrefix, numerical } from './expressions.js'
import type { State } from './tokenize.js'

/**
 * Run the sentence plugins of parse-english (`english`) or parse-latin on `state`'s sequence.
 *
 * A plugin acts only on a punctuation or symbol item with its trigger character (see
 * `triggers`), and is a no-op on every other item, so it runs only when its trigger occurs, and
 * only from its first trigger to its last (what precedes and follows is left in place).
 */
export function mergeWords(state: State, english: boolean): void {
  const flags = state.flags
  state.innerFullStop = false
  // `sequence[0..untouched)` is still one item per leaf: ids equal indices.
  let untouched = state.length
  if (english && (flags & (HAS_SLASH | HAS_APOSTROPHE)) !== 0) untouched = run(state, HAS_SLASH | HAS_APOSTROPHE, untouched, mergeElisions)
  if ((flags & HAS_AMPERSAND) !== 0) untouched = run(state, HAS_AMPERSAND, untouched, mergeInitialWordSymbol)
  if ((flags & HAS_HYPHEN) !== 0) untouched = run(state, HAS_HYPHEN, untouched, mergeFinalWordSymbol)
  if ((flags & HAS_INNER) !== 0) untouched = run(state, HAS_INNER, untouched, mergeInnerWordSymbol)
  if ((flags & HAS_SLASH) !== 0) untouched = run(state, HAS_SLASH, untouched, mergeInnerWordSlash)
  // An initialism is a word with a full stop inside (`U.S`), which only the inner-word pass makes.
  if ((flags & HAS_FULL_STOP) !== 0 && state.innerFullStop) run(state, HAS_FULL_STOP, untouched, mergeInitialisms)
}

/**
 * Run `pass` from the first to the last item with a trigger in `bits`; returns the new bound of
 * the untouched prefix. Before `untouched` an item's index is its id; past it, an item sits at or
 * before its id, so starting at the smaller of the two skips only items the pass cannot change.
 */
function run(state: State, bits: number, untouched: number, pass: (state: State, from: number, last: number) => void): number {
  const flags = state.flags
  let first = state.length
  let last = -1
  for (let bit = 0; bit < 6; bit++) {
    if ((bits & flags & (1 << bit)) === 0) continue
    first = Math.min(first, state.triggerFirst[bit]!)
    last = Math.max(last, state.triggerLast[bit]!)
  }
  const from = Math.min(first, untouched)
  pass(state, from, last)
  return from
}

/**
 * End a compacting pass that stopped at `r` (past its last trigger, or at the end): the items
 * from `r` on stay, moved down to `w`.
 */
function finish(state: State, from: number, w: number, r: number): void {
  const sequence = state.sequence
  const length = state.length
  if (w === r) return
  // Something merged, so the sequence changed from `from` on.
  if (from < state.clean) state.clean = from
  while (r < length) sequence[w++] = sequence[r++]!
  state.length = w
}

function isMark(type: number): boolean {
  return type === PUNCTUATION || type === SYMBOL
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019
}

/**
 * parse-english's `mergeEnglishElisionExceptions`: `w/` (with), `o'` before white space
 * (`rock 'n' roll` keeps its `'n'`, `o' the` its `o'`), `'tis`, `'em`, `'99`.
 */
function mergeElisions(state: State, from: number, end: number): void {
  const sequence = state.sequence
  const itemType = state.type
  const length = state.length
  let w = from
  let r = from
  while (r < length) {
    const child = sequence[r]!
    if (child > end) break
    if (isMark(itemType[child]!) && state.size(child) === 1) {
      const code = state.code(child)
      // The reference's array length and index of `child`.
      const size = w + length - r
      const index = w
      if (code === 0x2f) {
        if (index > 0) {
          const sibling = sequence[w - 1]!
          if (itemType[sibling] === TEXT && state.value(sibling).toLowerCase() === 'w') {
            state.extendEnd(sibling, child)
            r++
            // The item that slid into the slash's place is not visited.
            if (r < length) sequence[w++] = sequence[r++]!
            continue
          }
        }
      } else if (isApostrophe(code)) {
        if (index > 2 && index < size - 1) {
          const sibling = sequence[w - 1]!
          if (
            itemType[sibling] === TEXT &&
            itemType[sequence[w - 2]!] === WHITE_SPACE &&
            itemType[sequence[r + 1]!] === WHITE_SPACE &&
            elisionPrefix.test(state.value(sibling).toLowerCase())
          ) {
            state.extendEnd(sibling, child)
            r++
            if (r < length) sequence[w++] = sequence[r++]!
            continue
          }
        }
        if (index !== size - 1 && itemType[sequence[r + 1]!] === TEXT && (index === 0 || itemType[sequence[w - 1]!] !== TEXT)) {
          const sibling = sequence[r + 1]!
          const value = state.value(sibling).toLowerCase()
          if (elisionAffix.test(value)) {
            state.extendStart(sibling, child)
            // Remove the apostrophe; the word slides into its place and is not visited.
            r++
            sequence[w++] = sequence[r++]!
            continue
          }
          if (value === 'n' && index + 2 < size) {
            const other = sequence[r + 2]!
            if (itemType[other] === PUNCTUATION && state.size(other) === 1 && isApostrophe(state.code(other))) {
              state.extendStart(sibling, child)
              state.extendEnd(sibling, other)
              // Both apostrophes go; the word is not visited, what follows it is.
              sequence[w++] = sibling
              r += 3
              continue
            }
          }
        }
      }
    }
    sequence[w++] = sequence[r++]!
  }
  finish(state, from, w, r)
}

/** parse-latin's `mergeInitialWordSymbol`: `&` before a word that follows no word (`&c`). */
function mergeInitialWordSymbol(state: State, from: number, end: number): void {
  const sequence = state.sequence
  const itemType = state.type
  const length = state.length
  let w = from
  let r = from
  while (r < length) {
    const child = sequence[r]!
    if (child > end) break
    if (isMark(itemType[child]!) && state.is(child, 0x26)) {
      const next = r + 1 < length ? sequence[r + 1]! : -1
      if (!((w > 0 && itemType[sequence[w - 1]!] === TEXT) || !(next !== -1 && itemType[next] === TEXT))) {
        state.extendStart(next, child)
        r++
        // The plugin returns `index - 1`: look at the previous item again.
        if (w > 0) sequence[--r] = sequence[--w]!
        continue
      }
    }
    sequence[w++] = sequence[r++]!
  }
  finish(state, from, w, r)
}

/** parse-latin's `mergeFinalWordSymbol`: `-` after a word and before no word (`pre- and`). */
function mergeFinalWordSymbol(state: State, from: number, end: number): void {
  const sequence = state.sequence
  const itemType = state.type
  const length = state.length
  let w = from
  let r = from
  while (r < length) {
    const child = sequence[r]!
    if (child > end) break
    if (w > 0 && isMark(itemType[child]!) && state.is(child, 0x2d)) {
      const previous = sequence[w - 1]!
      const next = r + 1 < length ? sequence[r + 1]! : -1
      if ((next === -1 || itemType[next] !== TEXT) && itemType[previous] === TEXT) {
        state.extendEnd(previous, child)
        r++
        continue
      }
    }
    sequence[w++] = sequence[r++]!
  }
  finish(state, from, w, r)
}

/**
 * parse-latin's `mergeInnerWordSymbol`: words joined by inner-word symbols (`'`, `-`, `.`, `:`,
 * `_`, …) become one word: `don't`, `e-mail`, `e.g`, `3.5`, `snake_case`; a trailing symbol stays out.
 */
function mergeInnerWordSymbol(state: State, from: number, end: number): void {
  const sequence = state.sequence
  const itemType = state.type
  const length = state.length
  let w = from
  let r = from
  while (r < length) {
    const child = sequence[r]!
    if (child > end) break
    if (w > 0 && isMark(itemType[child]!) && itemType[sequence[w - 1]!] === TEXT) {
      let position = r - 1
      let queue = 0
      let word = -1
      while (++position < length) {
        const sibling = sequence[position]!
        const type = itemType[sibling]!
        if (type === TEXT) {
          word = sibling
          queue = 0
        } else if (isMark(type) && isInnerWordSymbol(state.code(sibling), state.size(sibling))) {
          queue++
        } else break
      }
      if (word !== -1) {
        state.extendEnd(sequence[w - 1]!, word)
        const to = position - queue
        for (; r < to; r++) if (itemType[sequence[r]!] === PUNCTUATION && state.is(sequence[r]!, 0x2e)) state.innerFullStop = true
        continue
      }
    }
    sequence[w++] = sequence[r++]!
  }
  finish(state, from, w, r)
}

/** parse-latin's `mergeInnerWordSlash`: short words around `/` become one (`and/or` does not, `km/h` does). */
function mergeInnerWordSlash(state: State, from: number, end: number): void {
  const sequence = state.sequence
  const itemType = state.type
  const length = state.length
  let w = from
  let r = from
  while (r < length) {
    const child = sequence[r]!
    if (child > end) break
    if (w > 0 && itemType[sequence[w - 1]!] === TEXT && isMark(itemType[child]!) && state.is(child, 0x2f)) {
      const previous = sequence[w - 1]!
      let tail = child
      let count = 1
      let nextSize = 0
      if (r + 1 < length) {
        const next = sequence[r + 1]!
        if (itemType[next] === TEXT) {
          nextSize = state.size(next)
          tail = next
          count++
        }
      }
      if (state.size(previous) < 3 && (nextSize === 0 || nextSize < 3)) {
        state.extendEnd(previous, tail)
        r += count
        continue
      }
    }
    sequence[w++] = sequence[r++]!
  }
  finish(state, from, w, r)
}

/**
 * parse-latin's `mergeInitialisms`: a full stop after a word of single characters joined by full
 * stops joins it (`U.S` + `.`), unless those characters are all numerals (`1.2` + `.`).
 */
function mergeInitialisms(state: State, from: number, end: number): void {
  const sequence = state.sequence
  const itemType = state.type
  const first = state.first
  const last = state.last
  const start = state.start
  const text = state.text
  const length = state.length
  let w = from
  let r = from
  while (r < length) {
    const child = sequence[r]!
    if (child > end) break
    if (w > 0 && itemType[child] === PUNCTUATION && state.is(child, 0x2e)) {
      const previous = sequence[w - 1]!
      const from = first[previous]!
      const count = last[previous]! - from + 1
      if (itemType[previous] === TEXT && count !== 1 && count % 2 !== 0) {
        let position = count
        let allDigits = true
        let initialism = true
        while (--position >= 0) {
          const leaf = from + position
          const size = start[leaf + 1]! - start[leaf]!
          if (position % 2 === 0) {
            if (size > 1) {
              initialism = false
              break
            }
            if (!numerical.test(text.charAt(start[leaf]!))) allDigits = false
          } else if (size !== 1 || text.charCodeAt(start[leaf]!) !== 0x2e) {
            if (position < count - 2) break
            initialism = false
            break
          }
        }
        if (initialism && !allDigits) {
          state.extendEnd(previous, child)
          r++
          continue
        }
      }
    }
    sequence[w++] = sequence[r++]!
  }
  finish(state, from, w, r)
}
