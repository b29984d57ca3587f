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
import { FNV_OFFSET, fnv, type Vocabulary } from './vocabulary.js'

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
  /** Normalised forms; not filled when `tokenize` was given a vocabulary, which fills `ids` instead. */
  words: string[] = []
  /** Vocabulary ids of the normalised forms (−1: not in the vocabulary), when `tokenize` was given `vocabulary`. */
  ids = new Int32Array(64)
  vocabulary: Vocabulary | undefined
  start = new Int32Array(64)
  end = new Int32Array(64)
  flags = new Uint8Array(64)

  clear(): void {
    this.length = 0
  }

  push(word: string, start: number, end: number, flags: number): void {
    const index = this.append(start, end, flags)
    this.words[index] = word
  }

  /** A token known by its vocabulary id rather than its normalised form. */
  pushId(id: number, start: number, end: number, flags: number): void {
    // Not `this.ids[this.append(…)] = id`: that reads `this.ids` before `append` runs, and when
    // `append` grows the arrays the id went to the old one, leaving the token at which they grew
    // (the 65th of the first sentence of more than 64 tokens, the 129th…) `<unk>` (id 0).
    const index = this.append(start, end, flags)
    this.ids[index] = id
  }

  /** A new token's span and flags; its index. */
  private append(start: number, end: number, flags: number): number {
    const index = this.length
    if (index === this.start.length) this.grow()
    this.start[index] = start
    this.end[index] = end
    this.flags[index] = flags
    this.length = index + 1
    return index
  }

  private grow(): void {
    const size = this.start.length * 2
    const start = new Int32Array(size)
    const end = new Int32Array(size)
    const flags = new Uint8Array(size)
    const ids = new Int32Array(size)
    ids.set(this.ids)
    this.ids = ids
    start.set(this.start)
    end.set(this.end)
    flags.set(this.flags)
    this.start = start
    this.end = end
    this.flags = flags
  }
}

/**
 * Tokens are what this expression matches, in order (it is the specification; the scanner below
 * implements it without a regex, a test holds the two equal):
 *
 *   /(\p{N}+(?:[.,:]\p{N}+)*)|([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)|(\.\.\.|[^\s\p{L}\p{M}\p{N}])/gu
 *
 * a number (`1,000.5`), a word (letters and digits, with inner apostrophes), `...`, or one mark.
 * The regex, with its Unicode classes, cost as much as scoring the tokens; the scanner reads plain
 * ASCII from a table and asks the Unicode classes once per other character.
 */
/** Character classes of a code point: \p{N}, \p{L} or \p{M}, \s, \p{Lu}; `KNOWN` marks a cached entry. */
const NUMERAL = 1
const LETTER = 2
const SPACE = 4
const UPPER = 8
const KNOWN = 16

const ASCII = new Uint8Array(128)
for (let code = 48; code <= 57; code++) ASCII[code] = NUMERAL
for (let code = 65; code <= 90; code++) ASCII[code] = LETTER | UPPER
for (let code = 97; code <= 122; code++) ASCII[code] = LETTER
for (const code of [9, 10, 11, 12, 13, 32]) ASCII[code] = SPACE
/** Classes of the other BMP code points, filled on first sight. */
const BMP = new Uint8Array(65536)
const ASTRAL = new Map<number, number>()

function classOf(code: number): number {
  if (code < 128) return ASCII[code]!
  if (code < 65536) {
    let found = BMP[code]!
    if (found === 0) BMP[code] = found = unicodeClass(code) | KNOWN
    return found
  }
  let found = ASTRAL.get(code)
  if (found === undefined) ASTRAL.set(code, (found = unicodeClass(code)))
  return found
}

function unicodeClass(code: number): number {
  // A lone surrogate is a code point of its own, in none of the classes, as in the expression.
  const char = String.fromCodePoint(code)
  return (/\p{N}/u.test(char) ? NUMERAL : 0) | (/[\p{L}\p{M}]/u.test(char) ? LETTER : 0) | (/\s/u.test(char) ? SPACE : 0) | (/\p{Lu}/u.test(char) ? UPPER : 0)
}

/** The code point at `i`, a surrogate pair read as one unless its second half lies at or past `to`. */
function codeAt(text: string, i: number, to: number): number {
  const high = text.charCodeAt(i)
  if (high >= 0xd800 && high <= 0xdbff && i + 1 < to) {
    const low = text.charCodeAt(i + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000
  }
  return high
}

/** Past the run of code points in `classes` that starts at `i` (before `to`). */
function skip(text: string, i: number, to: number, classes: number): number {
  while (i < to) {
    const code = codeAt(text, i, to)
    if (!(classOf(code) & classes)) break
    i += code > 0xffff ? 2 : 1
  }
  return i
}

const CLITIC = /^(?:s|re|ve|ll|d|m|t)$/

const FOLD: Record<string, string> = {
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '‟': '"', '″': '"',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': "'",
  '–': '--', '—': '--', '―': '--', '…': '...',
}

const FULL_STOP = 46

/**
 * The ASCII words of the text being tokenized, looked up together at the end: the indices of their
 * tokens, their vocabulary hashes and their last characters.
 */
const pending = {
  count: 0,
  /** 4 ints a word, as `Vocabulary.idsOfAsciiWords` reads them. */
  words: new Int32Array(4 * 64),
  grow(): void {
    const words = new Int32Array(this.words.length * 2)
    words.set(this.words)
    this.words = words
  },
}

/** Vocabulary ids of the ASCII characters as marks, by code, for the last vocabulary given. */
const marks = {
  vocabulary: undefined as Vocabulary | undefined,
  ids: new Int32Array(128),
  reset(vocabulary: Vocabulary): void {
    this.vocabulary = vocabulary
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code)
      this.ids[code] = vocabulary.get(FOLD[char] ?? char) ?? -1
    }
  },
}

const APOSTROPHE = 39
const RIGHT_QUOTE = 0x2019

/**
 * Append the tokens of `text.slice(from, to)` to `out`; spans are offsets in `text`. `from` is
 * the start of a token or of white space (not the middle of a surrogate pair, where the
 * expression would read differently). No sentence boundary tokens are added. Given a `vocabulary`, the tokens get their ids in it
 * (`out.ids`) instead of their normalised forms (`out.words`): an ASCII word is looked up where it
 * stands, without making its lowercase string. Not re-entrant: the words waiting for their lookup
 * are kept in module-level buffers.
 */
export function tokenize(text: string, out: Tokens, from = 0, to = text.length, vocabulary?: Vocabulary): Tokens {
  out.vocabulary = vocabulary
  pending.count = 0
  const numberId = vocabulary ? (vocabulary.get(NUM) ?? -1) : -1
  let i = from
  while (i < to) {
    const code = codeAt(text, i, to)
    const classes = classOf(code)
    const start = i
    if (classes & SPACE) {
      i += code > 0xffff ? 2 : 1
    } else if (classes & NUMERAL) {
      // \p{N}+ (?:[.,:] \p{N}+)*
      i = skip(text, i, to, NUMERAL)
      for (;;) {
        const mark = i + 1 < to ? text.charCodeAt(i) : 0
        if (!(mark === FULL_STOP || mark === 44 || mark === 58) || !(classOf(codeAt(text, i + 1, to)) & NUMERAL)) break
        i = skip(text, i + 1, to, NUMERAL)
      }
      if (vocabulary) out.pushId(numberId, start, i, NUMBER)
      else out.push(NUM, start, i, NUMBER)
    } else if (classes & LETTER) {
      // [\p{L}\p{M}\p{N}]+ (?:['’] [\p{L}\p{M}]+)*
      let digit = false
      // While the word is ASCII, what its lookup needs is gathered on the way, so that the lookup
      // does not go over the characters again: the vocabulary hash of the lowercase word, and its
      // last 8 characters, lowercase, packed a byte each (see `Vocabulary.idsOfAsciiWords`).
      let ascii = true
      let hash = FNV_OFFSET
      let low = 0
      let high = 0
      while (i < to) {
        const next = text.charCodeAt(i)
        if (next < 128) {
          const nextClasses = ASCII[next]!
          if (!(nextClasses & (LETTER | NUMERAL))) break
          if (nextClasses & NUMERAL) digit = true
          const lower = nextClasses & UPPER ? next + 32 : next
          hash = fnv(hash, lower)
          high = (high << 8) | (low >>> 24)
          low = (low << 8) | lower
          i++
          continue
        }
        const point = codeAt(text, i, to)
        const nextClasses = classOf(point)
        if (!(nextClasses & (LETTER | NUMERAL))) break
        if (nextClasses & NUMERAL) digit = true
        ascii = false
        i += point > 0xffff ? 2 : 1
      }
      let apostrophe = -1
      for (;;) {
        const mark = i + 1 < to ? text.charCodeAt(i) : 0
        if (!(mark === APOSTROPHE || mark === RIGHT_QUOTE) || !(classOf(codeAt(text, i + 1, to)) & LETTER)) break
        apostrophe = i - start
        i = skip(text, i + 1, to, LETTER)
      }
      // The first UTF-16 unit decides the capital (half of a surrogate pair is no letter).
      const capital = classOf(text.charCodeAt(start)) & UPPER ? CAPITAL : 0
      if (digit) {
        if (vocabulary) out.pushId(numberId, start, i, NUMBER | capital)
        else out.push(NUM, start, i, NUMBER | capital)
        continue
      }
      if (apostrophe < 0 && vocabulary) {
        if (ascii) {
          // Looked up with the sentence's other ASCII words once the text is read (see below).
          let at = pending.count++ * 4
          if (at === pending.words.length) pending.grow()
          const words = pending.words
          words[at++] = out.length
          words[at++] = hash
          words[at++] = low
          words[at] = high
          out.pushId(-1, start, i, capital)
        } else out.pushId(vocabulary.idOfSpan(text, start, i), start, i, capital)
        continue
      }
      const raw = text.slice(start, i)
      // `didn't` → `did` `n't`; `Putin's` → `putin` `'s`; `O'Brien` stays whole.
      const suffix = apostrophe > 0 ? raw.slice(apostrophe + 1).toLowerCase() : ''
      if (apostrophe > 0 && CLITIC.test(suffix)) {
        let cut = apostrophe
        if (suffix === 't' && (raw[cut - 1] === 'n' || raw[cut - 1] === 'N') && cut > 1) cut--
        const clitic = cut < apostrophe ? "n't" : `'${suffix}`
        if (vocabulary) {
          out.pushId(vocabulary.idOfSpan(text, start, start + cut), start, start + cut, capital)
          out.pushId(vocabulary.get(clitic) ?? -1, start + cut, i, 0)
        } else {
          out.push(raw.slice(0, cut).toLowerCase(), start, start + cut, capital)
          out.push(clitic, start + cut, i, 0)
        }
      } else if (vocabulary) {
        out.pushId(vocabulary.idOfSpan(text, start, i), start, i, capital)
      } else {
        out.push(raw.toLowerCase(), start, i, capital)
      }
    } else {
      // \.\.\. or one mark
      if (code === FULL_STOP && i + 2 < to && text.charCodeAt(i + 1) === FULL_STOP && text.charCodeAt(i + 2) === FULL_STOP) i += 3
      else if (code < 128 && vocabulary) {
        // One ASCII mark (`,` `.` `(`): its id is kept, rather than making its string each time.
        i++
        if (marks.vocabulary !== vocabulary) marks.reset(vocabulary)
        out.pushId(marks.ids[code]!, start, i, PUNCTUATION)
        continue
      } else i += code > 0xffff ? 2 : 1
      const raw = text.slice(start, i)
      const mark = FOLD[raw] ?? raw
      if (vocabulary) out.pushId(vocabulary.get(mark) ?? -1, start, i, PUNCTUATION)
      else out.push(mark, start, i, PUNCTUATION)
    }
  }
  if (vocabulary && pending.count > 0) vocabulary.idsOfAsciiWords(text, out, pending.words, pending.count)
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
