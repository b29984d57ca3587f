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
import type { Root, Sentence } from 'nlcst'
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

let table: Map<string, WordCounts> | undefined

/** The English vocabulary, by lowercase word; loaded on first call. */
export function vocabulary(): ReadonlyMap<string, WordCounts> {
  if (table) return table
  const text = readFileSync(new URL('../../../data/en-words.txt', import.meta.url), 'utf8')
  const map = new Map<string, WordCounts>()
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (text.charCodeAt(start) !== 35 /* # */ && end > start) {
      const fields = text.slice(start, end).split(' ')
      const lower = Number(fields[1] ?? 0)
      const mid = Number(fields[2] ?? 0)
      const other = Number(fields[3] ?? 0)
      map.set(fields[0]!, { lower, mid, other, total: lower + mid + other })
    }
    start = end + 1
  }
  table = map
  return map
}

/** Counts of `word` (any case), or undefined when the corpus has it fewer than three times. */
export function countsOf(word: string): WordCounts | undefined {
  return vocabulary().get(word.toLowerCase())
}

/** One piece of a sentence: a word, a punctuation mark or symbol, or white space. */
export interface Token {
  kind: 'word' | 'punctuation' | 'space'
  text: string
  /** Offsets in the document; `end` exclusive. */
  start: number
  end: number
}

const cache = new WeakMap<Sentence, Token[]>()

/**
 * The tokens of an nlcst sentence, with document offsets (nodes without a position are skipped).
 * Built once per sentence and shared by the rules that read it.
 */
export function tokensOf(sentence: Sentence): Token[] {
  const cached = cache.get(sentence)
  if (cached) return cached
  const tokens: Token[] = []
  for (const child of sentence.children) {
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) continue
    const kind = child.type === 'WordNode' ? 'word' : child.type === 'WhiteSpaceNode' ? 'space' : 'punctuation'
    tokens.push({ kind, text: toString(child), start, end })
  }
  cache.set(sentence, tokens)
  return tokens
}

/** The tokens of every sentence of `tree`, sentence by sentence. */
export function* sentenceTokens(tree: Root): Generator<Token[]> {
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') yield tokensOf(sentence)
  }
}

/** Letters only, at least one: a word worth looking up. */
export const LETTERS = /^\p{L}+$/u
/** Starts with a capital and has a lowercase letter after it (`Before`, `McDonald`), not `NATO`. */
export const TITLE_CASE = /^\p{Lu}(?=.*\p{Ll})/u
export const LOWERCASE = /^\p{Ll}+$/u
