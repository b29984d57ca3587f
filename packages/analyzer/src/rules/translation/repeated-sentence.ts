/**
 * translation/repeated-sentence
 *
 * A full sentence that appears again later in the document: machine translation of overlapping
 * segments, a paragraph pasted twice, or a model repeating itself. Sentences are compared after
 * folding case, white space and quote marks; the later copies are flagged with the line of the
 * first.
 *
 * Only sentences of six words or more that end in `.`, `!`, `?` or `…` count. A repeated headline,
 * menu entry or caption without final punctuation is page chrome, which the boilerplate rules
 * judge:
 *
 * ```text
 * Trump to hold call with Putin in push for Ukraine ceasefire      ← twice on the page: not flagged
 * ```
 *
 * In documentation a copy is info (`TECHNICAL`). Memory stays bounded: a 53-bit hash of each
 * sentence is kept, for at most 200,000 sentences.
 */
import type { Root } from 'nlcst'
import { toString } from 'nlcst-to-string'
import type { VFile } from 'vfile'
import { context, report, stateOf, type Detector, type RuleMeta } from '../../rule.js'
import { tokensOf } from './vocabulary.js'

export const meta: RuleMeta = {
  id: 'translation/repeated-sentence',
  category: 'translation',
  severity: 'warning',
  description: 'The same sentence (six words or more) again later in the document.',
  invalid: [
    'The talks ended without any commitment to a ceasefire. Both sides left.\n\nThe talks ended without any commitment to a ceasefire.',
    'Russia said it had considered the request from Kyiv. Ukraine waited.\n“Russia said it had considered the request from Kyiv.”',
    'He said the war would end within a day. Nobody believed it. He said the war would end within a DAY!',
  ],
  valid: [
    'Trump to hold call with Putin in push for Ukraine ceasefire\n\nTrump to hold call with Putin in push for Ukraine ceasefire',
    'It is over. It is over. It is over.',
    'The talks ended without any commitment to a ceasefire. The talks ended without any commitment to a truce.',
  ],
}

const MIN_WORDS = 6
const MAX_KEPT = 200_000
/**
 * Technical weight (register.ts) from which a copy is info: reference documentation repeats a
 * sentence by design, once per option it describes (`Set this to true to accept such code.`); in
 * the READMEs of npm packages read as Markdown it was the most frequent warning, 1.35 per 1,000
 * words (scripts/eval-technical.mjs). The score counts no copy in any text (packages/scoring).
 */
const TECHNICAL = 0.5

function repeatedSentence() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    const seen = stateOf(file, meta.id, () => {
      const value = new Map<number, number>()
      ctx.atEnd.push(() => value.clear())
      return value
    })
    const text = ctx.document.text
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue
        const position = sentence.position
        if (!position) continue
        let words = 0
        for (const token of tokensOf(sentence)) if (token.kind === 'word') words++
        if (words < MIN_WORDS) continue
        // The sentence's text is the document's between its offsets (the parser loses nothing).
        const from = position.start.offset
        const to = position.end.offset
        const value = (from !== undefined && to !== undefined ? text.slice(from, to) : toString(sentence)).trim()
        if (!endsSentence(value)) continue
        const key = sentenceKey(value)
        const first = seen.get(key)
        if (first === undefined) {
          if (seen.size < MAX_KEPT) seen.set(key, position.start.line)
        } else {
          report(file, meta, sentence, `Sentence repeated from line ${first}`, ctx.technical >= TECHNICAL ? { severity: 'info' } : {})
        }
      }
    }
  }
}

/** Marks that close a quotation or bracket after a sentence's final punctuation. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']'])
const FINAL = new Set(['.', '!', '?', '…'])

/** `/[.!?…]["'”’»)\]]*$/u.test(text)`, read backwards from the end. */
function endsSentence(text: string): boolean {
  let index = text.length - 1
  while (index >= 0 && CLOSERS.has(text[index]!)) index--
  return index >= 0 && FINAL.has(text[index]!)
}

/**
 * `hash(normalise(text))`. Text in plain ASCII, nearly every sentence, is folded and hashed in one
 * pass over its characters, without the four intermediate strings `normalise` makes.
 */
export function sentenceKey(text: string): number {
  const length = text.length
  if (length > buffer.length) buffer = new Uint16Array(length * 2)
  // Lowercase, without quote marks.
  let size = 0
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 128) return hash(normalise(text))
    if (code === 34 || code === 39) continue
    buffer[size++] = code >= 65 && code <= 90 ? code + 32 : code
  }
  // Final punctuation off, then white space folded to single spaces and trimmed.
  while (size > 0 && (buffer[size - 1] === 46 || buffer[size - 1] === 33 || buffer[size - 1] === 63)) size--
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  let space = false
  let started = false
  for (let index = 0; index < size; index++) {
    const code = buffer[index]!
    if (code === 32 || (code >= 9 && code <= 13)) {
      space = true
      continue
    }
    if (space && started) {
      a = Math.imul(a ^ 32, 0x01000193)
      b = Math.imul(b ^ 32, 0x5bd1e995) ^ (b >>> 15)
    }
    space = false
    started = true
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15)
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff)
}

let buffer = new Uint16Array(1024)

/** Case, white space and quote marks folded; final punctuation kept out. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/["'“”„‟‘’‚‛«»]/gu, '')
    .replace(/[.!?…]+$/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
}

/** Two 32-bit FNV-1a hashes folded into one 53-bit number. */
export function hash(text: string): number {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15)
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff)
}

export const detector: Detector = { rules: [meta], plugin: repeatedSentence }
