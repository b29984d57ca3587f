/**
 * English word counts and word-level sentence access for the translation rules that judge single
 * words (`foreign-spelling`, `capitalized-noun`, `verb-final`, `untranslated-word`). Not a rule.
 *
 * The counts come from `data/en-words.txt`, built by `scripts/build-wordlists.mjs` from the
 * permissively licensed part of the training text (MASC, presidential addresses, Wikinews,
 * WikiText-2). Each word has three counts: written in lowercase, capitalised in mid-sentence,
 * capitalised elsewhere. The file is read once per process, on first use.
 */
import { readFileSync } from 'node:fs'
import type { Root, Sentence, SentenceContent } from 'nlcst'
import { toString } from 'nlcst-to-string'

export interface WordCounts {
  /** Written all in lowercase (`house`). */
  lower: number
  /** Capitalised in mid-sentence (`the White House`). */
  mid: number
  /** Capitalised at the start of a sentence or line, after a quote, or in capitals. */
  other: number
  /** All three. */
  total: number
}

let table: Map<string, number> | undefined
/** The three counts of word n of `table` at 3n, 3n + 1 and 3n + 2. */
let counts = new Int32Array(0)

/**
 * The English vocabulary: each lowercase word, by its number in the word list; loaded on first
 * call. The counts sit in one typed array rather than an object a word, which halves the load
 * (it runs in every short check) and leaves the garbage collector 25,000 fewer objects to copy.
 */
export function vocabulary(): ReadonlyMap<string, number> {
  if (table) return table
  const text = readFileSync(new URL('../../../data/en-words.txt', import.meta.url), 'utf8')
  const map = new Map<string, number>()
  let values = new Int32Array(3 * 32768)
  // `word lower mid other`, counts left off when zero; read by hand: splitting 25,000 lines into
  // fields took most of the load.
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (text.charCodeAt(start) !== 35 /* # */ && end > start) {
      let space = text.indexOf(' ', start)
      if (space === -1 || space > end) space = end
      const at = 3 * map.size
      if (at + 3 > values.length) {
        const grown = new Int32Array(values.length * 2)
        grown.set(values)
        values = grown
      }
      let field = -1
      for (let index = space; index < end; index++) {
        const code = text.charCodeAt(index)
        if (code === 32) field++
        else if (field < 3) values[at + field] = values[at + field]! * 10 + (code - 48)
      }
      map.set(text.slice(start, space), map.size)
    }
    start = end + 1
  }
  counts = values
  table = map
  return map
}

/** Counts of `word` (any case), or undefined when the corpus has it fewer than three times. */
export function countsOf(word: string): WordCounts | undefined {
  const index = vocabulary().get(word.toLowerCase())
  if (index === undefined) return undefined
  const lower = counts[3 * index]!
  const mid = counts[3 * index + 1]!
  const other = counts[3 * index + 2]!
  return { lower, mid, other, total: lower + mid + other }
}

/** One piece of a sentence: a word, a punctuation mark or symbol, or white space. */
export interface Token {
  kind: 'word' | 'punctuation' | 'space'
  text: string
  /** `text` in lowercase (the same string when it has no capital, as most words). */
  lower: string
  /** A word in title case (`TITLE_CASE`): `Before`, `McDonald`, not `NATO` or `talks`. */
  title: boolean
  /** Offsets of a word in the document, `end` exclusive; −1 on a shared token (see `tokensOf`). */
  start: number
  end: number
  /** The nlcst node of a word, for its position (line and column as the parser counted them). */
  node: SentenceContent | undefined
}

declare module 'nlcst' {
  interface SentenceData {
    /** The sentence's tokens, once a rule asked for them (see `tokensOf`). */
    tqTokens?: Token[]
  }
}

/**
 * Tokens of a single space and of one ASCII mark, shared by all their occurrences: half of a
 * sentence's tokens are these, and no rule needs where one of them is. (A sentence's tokens live
 * as long as its chunk of paragraphs, so every token allocated is copied by the garbage collector.)
 */
const SPACE: Token = { kind: 'space', text: ' ', lower: ' ', title: false, start: -1, end: -1, node: undefined }
const MARKS: Array<Token | undefined> = new Array(128)
const scratch: Token[] = []

/**
 * The tokens of an nlcst sentence (nodes without a position are skipped). Built once per sentence
 * and shared by the rules that read it, so each word's string is the same object in every rule
 * (its hash, computed by the first Map lookup, is kept on it).
 */
export function tokensOf(sentence: Sentence): Token[] {
  // Kept on the node's `data`, the field unist gives plugins for this: a WeakMap of 8,000
  // sentences a megabyte cost a quarter of the token pass, and more at garbage collection.
  const cached = sentence.data?.tqTokens
  if (cached) return cached
  const tokens = scratch
  tokens.length = 0
  for (const child of sentence.children) {
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) continue
    if (child.type === 'WordNode') {
      // A word is usually one text node (`talks`); `don't` and `U.S.` have several.
      const parts = child.children
      const text = parts.length === 1 ? parts[0]!.value : toString(child)
      // Most words are plain lowercase ASCII: one look at their characters settles both fields.
      let plain = true
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i)
        if (code >= 128 || (code >= 65 && code <= 90)) {
          plain = false
          break
        }
      }
      if (plain) tokens.push({ kind: 'word', text, lower: text, title: false, start, end, node: child })
      else tokens.push({ kind: 'word', text, lower: text.toLowerCase(), title: isTitleCase(text), start, end, node: child })
      continue
    }
    const kind = child.type === 'WhiteSpaceNode' ? 'space' : 'punctuation'
    const text = 'value' in child ? child.value : toString(child)
    if (kind === 'space' && text === ' ') {
      tokens.push(SPACE)
      continue
    }
    const code = text.length === 1 ? text.charCodeAt(0) : 128
    if (kind === 'punctuation' && code < 128) {
      tokens.push((MARKS[code] ??= { kind, text, lower: text, title: false, start: -1, end: -1, node: undefined }))
      continue
    }
    tokens.push({ kind, text, lower: text, title: false, start: -1, end: -1, node: undefined })
  }
  // A copy of the exact size: growing an array token by token allocates it several times over.
  const result = tokens.slice()
  if (sentence.data) sentence.data.tqTokens = result
  else sentence.data = { tqTokens: result }
  return result
}

const sentenceCache = new WeakMap<Root, Token[][]>()

/** The tokens of every sentence of `tree`, sentence by sentence (built once per tree). */
export function sentenceTokens(tree: Root): readonly Token[][] {
  let sentences = sentenceCache.get(tree)
  if (sentences) return sentences
  sentences = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') sentences.push(tokensOf(sentence))
  }
  sentenceCache.set(tree, sentences)
  return sentences
}

/** Letters only, at least one: a word worth looking up. */
export const LETTERS = /^\p{L}+$/u
/** Starts with a capital and has a lowercase letter after it (`Before`, `McDonald`), not `NATO`. */
export const TITLE_CASE = /^\p{Lu}(?=.*\p{Ll})/u
export const LOWERCASE = /^\p{Ll}+$/u

/** `TITLE_CASE.test(text)`, answered without the regex for a word in plain ASCII. */
export function isTitleCase(text: string): boolean {
  const first = text.charCodeAt(0)
  if (!(first < 128)) return TITLE_CASE.test(text)
  if (first < 65 || first > 90) return false
  for (let index = 1; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 97 && code <= 122) return true
    // Other lowercase letters (`Ölçer`), and line breaks, which the regex's `.` does not cross.
    if (code >= 128 || code === 10 || code === 13) return TITLE_CASE.test(text)
  }
  return false
}

/** `/^[a-z]+$/.test(text)` without a regex. */
export function isAsciiLower(text: string): boolean {
  if (text.length === 0) return false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 97 || code > 122) return false
  }
  return true
}
