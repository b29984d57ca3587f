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
 * Memory stays bounded: a 53-bit hash of each sentence is kept, for at most 200,000 sentences.
 */
import type { Root } from 'nlcst'
import { toString } from 'nlcst-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { context, report, stateOf, type Detector, type RuleMeta } from '../../rule.js'

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
const TERMINAL = /[.!?…]["'”’»)\]]*$/u

function repeatedSentence() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    const seen = stateOf(file, meta.id, () => {
      const value = new Map<number, number>()
      ctx.atEnd.push(() => value.clear())
      return value
    })
    visit(tree, 'SentenceNode', (sentence) => {
      const start = sentence.position?.start
      if (!start) return SKIP
      let words = 0
      for (const child of sentence.children) if (child.type === 'WordNode') words++
      const text = toString(sentence).trim()
      if (words < MIN_WORDS || !TERMINAL.test(text)) return SKIP
      const key = hash(normalise(text))
      const first = seen.get(key)
      if (first === undefined) {
        if (seen.size < MAX_KEPT) seen.set(key, start.line)
      } else {
        report(file, meta, sentence, `Sentence repeated from line ${first}`)
      }
      return SKIP
    })
  }
}

/** Case, white space and quote marks folded; final punctuation kept out. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/["'“”„‟‘’‚‛«»]/gu, '')
    .replace(/[.!?…]+$/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
}

/** Two 32-bit FNV-1a hashes folded into one 53-bit number. */
function hash(text: string): number {
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
