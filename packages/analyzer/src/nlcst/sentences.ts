/**
 * The paragraph and root plugins of parse-english / parse-latin 7: they cut the words into
 * sentences, and the sentences into paragraphs.
 *
 * Part of tq's port of parse-latin / parse-english 7 for speed (see ./index.ts); the reference
 * parsers are the oracle. Each pass is one plugin, in the reference's order, with its iteration
 * order (see ./words.ts).
 *
 * A sentence holds item ids and its position as two boundary indices (see ./tokenize.ts).
 * The reference moves a sentence's bounds only when a plugin says so, so a bound can be left
 * behind: when `"` moves from the sentence after `Hi."` to the one before, the sentence it leaves
 * keeps its old start if nothing follows the `"`. Storing the bounds as values, updated exactly
 * where the reference updates them, keeps those stale positions too.
 */
import { isTerminal, PUNCTUATION, SYMBOL, TEXT, WHITE_SPACE } from './classify.js'
import { abbreviations, abbreviationsSensitive, affixSymbol, lowerInitial } from './expressions.js'
import type { State } from './tokenize.js'

/** A sentence: its items, and its position as boundary indices. */
export interface Sentence {
  items: number[]
  start: number
  end: number
  /**
   * Whether items of another sentence joined it. Cut after each terminal marker, a sentence holds
   * one at most, as its last item, until then; so `mergeRemainingFullStops` has nothing to do in
   * it (it leaves the last terminal marker alone).
   */
  merged: boolean
}

/** A plain object (cheaper to make than a class instance with fields). */
function sentence(items: number[], start: number, end: number): Sentence {
  return { items, start, end, merged: false }
}

/** A paragraph or root child: a sentence, or the item id of white space. */
export type Entry = Sentence | number

/** A paragraph: its children and its position as boundary indices. */
export interface Block {
  children: Entry[]
  start: number
  end: number
}

/** A root child: a paragraph, or the item id of white space. */
export type RootEntry = Block | number

/** parse-latin's case-insensitive abbreviations (`etc.`, `cf.`, single letters, 1 to 3 digits). */
const abbreviationPrefix = new RegExp(
  '^(' +
    '[0-9]{1,3}|' +
    '[a-z]|' +
    'al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|' +
    'fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz' +
    ')$',
)

/**
 * `array[index]`, or undefined out of bounds. Reading `array[-1]` in V8 is a slow property
 * lookup (`"-1"` is not an index), and the reference's `children[index - 1]` at index 0 is one.
 */
function at<T>(array: readonly T[], index: number): T | undefined {
  return index >= 0 && index < array.length ? array[index] : undefined
}

function isMark(type: number): boolean {
  return type === PUNCTUATION || type === SYMBOL
}

/** Start boundary of an item. */
function itemStart(state: State, item: number): number {
  return state.first[item]!
}

/** End boundary of an item. */
function itemEnd(state: State, item: number): number {
  return state.last[item]! + 1
}

/**
 * Cut `state`'s sequence into sentences after each terminal marker (parse-latin's `splitNode`).
 * The tokenizer listed the terminal markers; those the word passes did not merge into a word
 * (`e.g`) are still items, found in the sequence by id (it is in id order).
 */
function splitSentences(state: State): Entry[] {
  const sequence = state.sequence
  const length = state.length
  const terminal = state.terminal
  const result: Entry[] = []
  let from = 0
  let index = 0
  for (let at = 0; at < state.terminals; at++) {
    const marker = terminal[at]!
    while (index < length && sequence[index]! < marker) index++
    if (index === length) break
    if (sequence[index] !== marker) continue
    result.push(sentence(sequence.slice(from, index + 1), itemStart(state, sequence[from]!), itemEnd(state, marker)))
    from = ++index
  }
  if (from < length) result.push(sentence(sequence.slice(from, length), itemStart(state, sequence[from]!), itemEnd(state, sequence[length - 1]!)))
  return result
}

/** Run `state`'s sentences through the paragraph plugins, then cut them into paragraphs. */
export function buildRoot(state: State, english: boolean): RootEntry[] {
  let children = splitSentences(state)
  // Each plugin has its own loop (rather than one generic loop calling each): a call site that sees
  // one function is inlined, one that sees ten is not.
  let index = 0
  if (english) {
    for (index = 0; index < children.length; ) index = next(index, mergeEnglishPrefixExceptions(state, children, children[index]!, index))
  }
  for (index = 0; index < children.length; ) index = next(index, mergeNonWordSentences(state, children, children[index]!, index))
  for (index = 0; index < children.length; ) index = next(index, mergeAffixSymbol(state, children, children[index]!, index))
  for (index = 0; index < children.length; ) {
    index = next(index, mergeInitialLowerCaseLetterSentences(state, children, children[index]!, index))
  }
  for (index = 0; index < children.length; ) index = next(index, mergeInitialDigitSentences(state, children, children[index]!, index))
  for (index = 0; index < children.length; ) index = next(index, mergePrefixExceptions(state, children, children[index]!, index))
  for (index = 0; index < children.length; ) index = next(index, mergeAffixExceptions(state, children, children[index]!, index))
  for (const child of children) if (typeof child !== 'number' && child.merged) mergeRemainingFullStops(state, child)
  children = makeWhiteSpaceSiblings(state, children)
  if (state.newline) {
    for (index = 0; index < children.length; ) index = next(index, breakImplicitSentences(state, children, children[index]!, index))
  }
  for (index = 0; index < children.length; ) {
    const child = children[index]!
    if (typeof child !== 'number' && child.items.length === 0) children.splice(index, 1)
    else index++
  }
  return splitParagraphs(state, children)
}

/**
 * `unist-util-modify-children`: after a plugin ran on the child at `index`, go on at the index it
 * returned (a negative one means 0), or else at the next child.
 */
function next(index: number, result: number | undefined): number {
  return result === undefined ? index + 1 : result < 0 ? 0 : result
}

/** Move `items` (of another sentence) to the end of `to`. */
function append(to: Sentence, items: readonly number[]): void {
  const into = to.items
  for (let index = 0; index < items.length; index++) into.push(items[index]!)
  to.merged = true
}

/**
 * `abbreviations.test(value.toLowerCase()) || abbreviationsSensitive.test(value)` for word `word`.
 * Every match of the first is at most 5 code units long, and of the second at most 9 and starts
 * with an ASCII capital (lower-casing never shortens a string), so most words are ruled out
 * before their text is sliced.
 */
function isEnglishAbbreviation(state: State, word: number): boolean {
  const size = state.size(word)
  if (size > 9) return false
  const code = state.code(word)
  const capital = code >= 0x41 && code <= 0x5a
  if (size > 5 && !capital) return false
  const value = state.value(word)
  return (size <= 5 && abbreviations.test(value.toLowerCase())) || (capital && abbreviationsSensitive.test(value))
}

/**
 * The sentence `child` (at `index`) ends in a full stop that belongs to the word before it (`Mr.`,
 * `e.g.`): the stop joins that word, and the next sentence joins this one. Returns the index to
 * look at next, as the merge plugins do.
 */
function joinAtFullStop(state: State, children: Entry[], child: Sentence, index: number, word: number, period: number): number | undefined {
  state.extendEnd(word, period)
  child.items.pop()
  const next = at(children, index + 1)
  if (next !== undefined && typeof next !== 'number') {
    append(child, next.items)
    children.splice(index + 1, 1)
    child.end = next.end
    return index - 1
  }
  return undefined
}

/** parse-english: a full stop after an English abbreviation (`Mr.`, `Sept.`) joins it and the next sentence. */
function mergeEnglishPrefixExceptions(state: State, children: Entry[], child: Entry, index: number): number | undefined {
  if (typeof child === 'number') return undefined
  const items = child.items
  const period = at(items, items.length - 1)
  const word = at(items, items.length - 2)
  if (
    period === undefined ||
    word === undefined ||
    state.type[period] !== PUNCTUATION ||
    !state.is(period, 0x2e) ||
    state.type[word] !== TEXT
  ) {
    return undefined
  }
  if (!isEnglishAbbreviation(state, word)) return undefined
  return joinAtFullStop(state, children, child, index, word, period)
}

/** parse-latin: a sentence without words joins the previous sentence, else the next. */
function mergeNonWordSentences(state: State, children: Entry[], child: Entry, index: number): number | undefined {
  if (typeof child === 'number') return undefined
  const itemType = state.type
  for (const item of child.items) if (itemType[item] === TEXT) return undefined
  const previous = at(children, index - 1)
  if (previous !== undefined && typeof previous !== 'number') {
    append(previous, child.items)
    children.splice(index, 1)
    previous.end = child.end
    return index
  }
  const next = at(children, index + 1)
  if (next !== undefined && typeof next !== 'number') {
    // (Not `unshift(...items)`, which overflows the stack on a very long sentence.)
    next.items = child.items.concat(next.items)
    next.merged = true
    next.start = child.start
    children.splice(index, 1)
  }
  return undefined
}

/** Closing punctuation is in `affixSymbol` and repeated (`"`, `))`); a lazily filled table of the first. */
const affixFirst = new Uint8Array(65536)

function isAffixSymbol(state: State, item: number): boolean {
  const code = state.code(item)
  let known = affixFirst[code]!
  if (known === 0) {
    known = affixSymbol.test(String.fromCharCode(code)) ? 1 : 2
    affixFirst[code] = known
  }
  if (known !== 1) return false
  const text = state.text
  const to = state.start[state.last[item]! + 1]!
  for (let at = state.start[state.first[item]!]! + 1; at < to; at++) if (text.charCodeAt(at) !== code) return false
  return true
}

/** parse-latin: closing punctuation after a terminal marker moves back to that sentence (`"Hi."`). */
function mergeAffixSymbol(state: State, children: Entry[], child: Entry, index: number): number | undefined {
  if (typeof child === 'number' || child.items.length === 0 || index === 0) return undefined
  const previous = at(children, index - 1)
  const items = child.items
  const head = items[0]!
  if (previous === undefined || typeof previous === 'number' || !isMark(state.type[head]!) || !isAffixSymbol(state, head)) {
    return undefined
  }
  const second = items[1]
  items.shift()
  previous.items.push(head)
  previous.merged = true
  previous.end = itemEnd(state, head)
  if (second !== undefined) child.start = itemStart(state, second)
  return index - 1
}

function startsLowerCase(state: State, word: number): boolean {
  const code = state.code(word)
  if (code < 0x80) return code >= 0x61 && code <= 0x7a
  return lowerInitial.test(state.value(word))
}

/** parse-latin: a sentence whose first word starts in lower case continues the previous one. */
function mergeInitialLowerCaseLetterSentences(state: State, children: Entry[], child: Entry, index: number): number | undefined {
  if (typeof child === 'number' || index === 0) return undefined
  const previous = children[index - 1]!
  const items = child.items
  if (items.length === 0 || typeof previous === 'number') return undefined
  const itemType = state.type
  for (const item of items) {
    const type = itemType[item]!
    if (type === TEXT) {
      if (!startsLowerCase(state, item)) return undefined
      append(previous, items)
      children.splice(index, 1)
      previous.end = child.end
      return index
    }
    if (isMark(type)) return undefined
  }
  return undefined
}

/** parse-latin: a sentence starting with a digit continues the previous one (`1.` + `5 km`). */
function mergeInitialDigitSentences(state: State, children: Entry[], child: Entry, index: number): number | undefined {
  const previous = at(children, index - 1)
  if (previous === undefined || typeof previous === 'number' || typeof child === 'number') return undefined
  const head = child.items[0]
  if (head === undefined || state.type[head] !== TEXT) return undefined
  const code = state.code(head)
  if (code < 0x30 || code > 0x39) return undefined
  append(previous, child.items)
  children.splice(index, 1)
  previous.end = child.end
  return index
}

/** parse-latin: a full stop after an abbreviation (`etc.`, `cf.`, `a.`, `12.`) joins it and the next sentence. */
function mergePrefixExceptions(state: State, children: Entry[], child: Entry, index: number): number | undefined {
  if (typeof child === 'number' || child.items.length <= 1) return undefined
  const items = child.items
  const period = items[items.length - 1]!
  if (!isMark(state.type[period]!) || !state.is(period, 0x2e)) return undefined
  const node = items[items.length - 2]!
  // Every match of `abbreviationPrefix` is at most 4 code units long.
  if (state.type[node] !== TEXT || state.size(node) > 4 || !abbreviationPrefix.test(state.value(node).toLowerCase())) {
    return undefined
  }
  return joinAtFullStop(state, children, child, index, node, period)
}

/** parse-latin: a sentence starting with `,` or `;` (before any word) continues the previous one. */
function mergeAffixExceptions(state: State, children: Entry[], child: Entry, index: number): number | undefined {
  const previous = at(children, index - 1)
  if (previous === undefined || typeof previous === 'number' || typeof child === 'number' || child.items.length === 0) {
    return undefined
  }
  const itemType = state.type
  for (const item of child.items) {
    const type = itemType[item]!
    if (type === TEXT) return undefined
    if (isMark(type)) {
      if (!state.is(item, 0x2c) && !state.is(item, 0x3b)) return undefined
      append(previous, child.items)
      previous.end = child.end
      children.splice(index, 1)
      return index
    }
  }
  return undefined
}

/**
 * parse-latin: every full stop but a sentence's last terminal marker joins the word before it, or
 * else the word after it (`.NET`), unless white space and another full stop follow (`word. .`).
 */
function mergeRemainingFullStops(state: State, sentence: Sentence): void {
  const items = sentence.items
  const itemType = state.type
  let position = items.length
  let found = false
  while (--position >= 0 && position < items.length) {
    const item = items[position]!
    const type = itemType[item]!
    if (!isMark(type)) {
      if (type === TEXT) found = true
      continue
    }
    if (type !== PUNCTUATION || !isTerminal(state.code(item))) continue
    if (!found) {
      found = true
      continue
    }
    if (!state.is(item, 0x2e)) continue
    const previous = at(items, position - 1)
    const next = at(items, position + 1)
    if (previous !== undefined && itemType[previous] === TEXT) {
      const nextNext = at(items, position + 2)
      if (next !== undefined && nextNext !== undefined && itemType[next] === WHITE_SPACE && state.is(nextNext, 0x2e)) continue
      items.splice(position, 1)
      state.extendEnd(previous, item)
      position--
    } else if (next !== undefined && itemType[next] === TEXT) {
      items.splice(position, 1)
      state.extendStart(next, item)
    }
  }
}

/**
 * parse-latin's `makeInitialWhiteSpaceSiblings` then `makeFinalWhiteSpaceSiblings` (on paragraph
 * children): white space starting a sentence moves before it, white space ending it after it.
 * The reference splices each one into the paragraph's children (quadratic on a long paragraph);
 * this builds the new list in one go. Each plugin looks at a sentence again after a move, so all
 * leading (then all trailing) white space moves, and the sentence's start (end) is set at each
 * move from the item then first (last), as here.
 */
function makeWhiteSpaceSiblings(state: State, children: Entry[]): Entry[] {
  const itemType = state.type
  const out: Entry[] = []
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (typeof child === 'number') {
      out.push(child)
      continue
    }
    const items = child.items
    let head = 0
    while (head < items.length && itemType[items[head]!] === WHITE_SPACE) {
      out.push(items[head]!)
      head++
      if (head < items.length) child.start = itemStart(state, items[head]!)
    }
    let tail = items.length
    while (tail > head && itemType[items[tail - 1]!] === WHITE_SPACE) {
      tail--
      if (tail > head) child.end = itemEnd(state, items[tail - 1]!)
    }
    out.push(child)
    for (let at = tail; at < items.length; at++) out.push(items[at]!)
    if (head > 0 || tail < items.length) child.items = items.slice(head, tail)
  }
  return out
}

/** Number of line endings (`\r\n`, `\r`, `\n`) in item `item`. */
function lineBreaks(state: State, item: number): number {
  const text = state.text
  const to = state.start[state.last[item]! + 1]!
  let count = 0
  for (let at = state.start[state.first[item]!]!; at < to; at++) {
    const code = text.charCodeAt(at)
    if (code === 13) {
      count++
      if (at + 1 < to && text.charCodeAt(at + 1) === 10) at++
    } else if (code === 10) count++
  }
  return count
}

/** parse-latin's `breakImplicitSentences`: white space with two or more line endings inside a sentence breaks it. */
function breakImplicitSentences(state: State, children: Entry[], child: Entry, index: number): number | undefined {
  if (typeof child === 'number') return undefined
  const items = child.items
  for (let position = 1; position < items.length - 1; position++) {
    const node = items[position]!
    if (state.type[node] !== WHITE_SPACE || lineBreaks(state, node) < 2) continue
    child.items = items.slice(0, position)
    const tail = items[position - 1]!
    const head = items[position + 1]!
    const insertion = sentence(items.slice(position + 1), itemStart(state, head), child.end)
    children.splice(index + 1, 0, node, insertion)
    child.end = itemEnd(state, tail)
    return index + 1
  }
  return undefined
}

/** parse-latin's `newLine`, `/^[ \t]*((\r?\n|\r)[\t ]*)+$/`: spaces and tabs around one or more line endings. */
function isNewLine(state: State, item: number): boolean {
  const text = state.text
  const to = state.start[state.last[item]! + 1]!
  let breaks = false
  for (let at = state.start[state.first[item]!]!; at < to; at++) {
    const code = text.charCodeAt(at)
    if (code === 10 || code === 13) breaks = true
    else if (code !== 32 && code !== 9) return false
  }
  return breaks
}

function entryStart(state: State, entry: Entry): number {
  return typeof entry === 'number' ? itemStart(state, entry) : entry.start
}

function entryEnd(state: State, entry: Entry): number {
  return typeof entry === 'number' ? itemEnd(state, entry) : entry.end
}

/** parse-latin's `tokenizeRoot`: cut the paragraph after white space holding a line ending, then its root plugins. */
function splitParagraphs(state: State, children: Entry[]): RootEntry[] {
  const root: RootEntry[] = []
  let from = 0
  const newline = state.newline
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (index === children.length - 1 || (newline && typeof child === 'number' && isNewLine(state, child))) {
      // One paragraph (the usual case) keeps the array.
      const entries = from === 0 && index === children.length - 1 ? children : children.slice(from, index + 1)
      root.push({ children: entries, start: entryStart(state, children[from]!), end: entryEnd(state, child) })
      from = index + 1
    }
  }
  // makeInitialWhiteSpaceSiblings (visit: the paragraph is seen again after each move).
  for (let index = 0; index < root.length; index++) {
    const block = root[index]!
    if (typeof block === 'number') continue
    const head = block.children[0]
    if (head !== undefined && typeof head === 'number') {
      block.children.shift()
      root.splice(index, 0, head)
      const next = block.children[0]
      if (next !== undefined) block.start = entryStart(state, next)
    }
  }
  // makeFinalWhiteSpaceSiblings: the paragraph is seen again after each move.
  for (let index = 0; index < root.length; ) {
    const block = root[index]!
    const tail = typeof block === 'number' ? undefined : at(block.children, block.children.length - 1)
    if (typeof block === 'number' || tail === undefined || typeof tail !== 'number') {
      index++
      continue
    }
    block.children.pop()
    root.splice(index + 1, 0, tail)
    const previous = at(block.children, block.children.length - 1)
    if (previous !== undefined) block.end = entryEnd(state, previous)
  }
  // removeEmptyNodes.
  for (let index = 0; index < root.length; ) {
    const block = root[index]!
    if (typeof block !== 'number' && block.children.length === 0) root.splice(index, 1)
    else index++
  }
  return root
}
