/**
 * The language model's tokenizer: one function at training time (scripts/train-lm.mjs imports it
 * from dist) and at run time, so the model sees text cut the same way in both.
 *
 *   `Zelenskyy's 1,000 "drones" didn't-arrive…`
 *   → zelenskyy 's <num> " drones " did n't - arrive ...
 *
 * - Words are lowercased; the case of each token is kept in `flags` (`CAPITAL`), so a caller can
 *   tell a name in mid-sentence from a common word.
 * - Anything with a digit is the class token `<num>` (`1,000`, `3.5`, `G7`; `2019-20` is
 *   `<num> - <num>`): numbers carry no fluency information and would otherwise all be unknown words.
 * - Punctuation marks are tokens; quote, dash and ellipsis variants are folded to one form each
 *   (`“ ” „ « »` → `"`, `‘ ’` → `'`, `– —` → `--`, `…` → `...`), so typography does not count as wording.
 * - English clitics are split as the Penn Treebank does (`didn't` → `did n't`, `Putin's` → `putin 's`);
 *   other apostrophes stay inside the word (`O'Brien`).
 * - Sentence boundaries are the tokens `<s>` and `</s>`, added by the caller around each sentence.
 */
import retextEnglish from 'retext-english'
import { unified } from 'unified'
import type { Root } from 'nlcst'

export const BOS = '<s>'
export const EOS = '</s>'
export const UNK = '<unk>'
export const NUM = '<num>'

/** Token flags. */
export const CAPITAL = 1
export const NUMBER = 2
export const PUNCTUATION = 4

/** Tokens of one piece of text: normalised forms and their character spans in that text. */
export class Tokens {
  length = 0
  words: string[] = []
  start = new Int32Array(64)
  end = new Int32Array(64)
  flags = new Uint8Array(64)

  clear(): void {
    this.length = 0
  }

  push(word: string, start: number, end: number, flags: number): void {
    const index = this.length
    if (index === this.start.length) this.grow()
    this.words[index] = word
    this.start[index] = start
    this.end[index] = end
    this.flags[index] = flags
    this.length = index + 1
  }

  private grow(): void {
    const size = this.start.length * 2
    const start = new Int32Array(size)
    const end = new Int32Array(size)
    const flags = new Uint8Array(size)
    start.set(this.start)
    end.set(this.end)
    flags.set(this.flags)
    this.start = start
    this.end = end
    this.flags = flags
  }
}

// A number (`1,000.5`), a word (letters and digits, with inner apostrophes), `...`, or one mark.
const TOKEN = /(\p{N}+(?:[.,:]\p{N}+)*)|([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)|(\.\.\.|[^\s\p{L}\p{M}\p{N}])/gu
const DIGIT = /\p{N}/u
const UPPER = /\p{Lu}/u
const CLITIC = /^(?:s|re|ve|ll|d|m|t)$/

const FOLD: Record<string, string> = {
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '‟': '"', '″': '"',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': "'",
  '–': '--', '—': '--', '―': '--', '…': '...',
}

/**
 * Append the tokens of `text.slice(from, to)` to `out`; spans are offsets in `text`.
 * No sentence boundary tokens are added.
 */
export function tokenize(text: string, out: Tokens, from = 0, to = text.length): Tokens {
  const slice = from === 0 && to === text.length ? text : text.slice(0, to)
  TOKEN.lastIndex = from
  for (let match = TOKEN.exec(slice); match; match = TOKEN.exec(slice)) {
    const start = match.index
    const raw = match[0]
    const end = start + raw.length
    if (match[1] !== undefined) {
      out.push(NUM, start, end, NUMBER)
    } else if (match[2] !== undefined) {
      const capital = UPPER.test(raw[0]!) ? CAPITAL : 0
      if (DIGIT.test(raw)) {
        out.push(NUM, start, end, NUMBER | capital)
        continue
      }
      // `didn't` → `did` `n't`; `Putin's` → `putin` `'s`; `O'Brien` stays whole.
      const apostrophe = Math.max(raw.lastIndexOf("'"), raw.lastIndexOf('’'))
      const suffix = apostrophe > 0 ? raw.slice(apostrophe + 1).toLowerCase() : ''
      if (apostrophe > 0 && CLITIC.test(suffix)) {
        let cut = apostrophe
        if (suffix === 't' && (raw[cut - 1] === 'n' || raw[cut - 1] === 'N') && cut > 1) cut--
        const word = raw.slice(0, cut).toLowerCase()
        const clitic = cut < apostrophe ? "n't" : `'${suffix}`
        out.push(word, start, start + cut, capital)
        out.push(clitic, start + cut, end, 0)
      } else {
        out.push(raw.toLowerCase(), start, end, capital)
      }
    } else {
      out.push(FOLD[raw] ?? raw, start, end, PUNCTUATION)
    }
  }
  return out
}

/** The normalised tokens of `text` (a convenience for scripts and tests). */
export function tokenWords(text: string): string[] {
  const out = tokenize(text, new Tokens())
  return out.words.slice(0, out.length)
}

let parser: ReturnType<typeof unified> | undefined

/**
 * Sentence spans `[start, end]` of `text`, cut by retext-english: the same parser that cuts the
 * sentences tq checks, so the model is trained on sentences cut the way it will see them.
 */
export function sentenceSpans(text: string): Array<[number, number]> {
  parser ??= unified().use(retextEnglish) as unknown as ReturnType<typeof unified>
  const root = parser.parse(text) as Root
  const spans: Array<[number, number]> = []
  for (const paragraph of root.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      const start = sentence.position?.start.offset
      const end = sentence.position?.end.offset
      if (start !== undefined && end !== undefined) spans.push([start, end])
    }
  }
  return spans
}
