/**
 * Features of the boilerplate classifier: what each line looks like on its own, and where it sits
 * on the page. The one definition shared by the classifier (`classifier.ts`) and the training
 * script (`scripts/train-boilerplate.mjs`, which imports this module from `dist/`).
 *
 * Memory: a page of n lines costs a few typed arrays of n entries (about 60 bytes a line), never an
 * object per line. Feature rows are built on demand, one line at a time, into a reused buffer.
 *
 * ```text
 * Home                                ← own: 1 word, no final punctuation; page: one of 5 short lines
 * News                                   in a row, 12 lines above the main body
 * …
 * Trump and Putin talk about 2 hours  ← the headline: just above the body, Title Case
 * Moscow – President Trump spoke …    ← own: 40 words, a sentence; page: inside the body
 * - Push for sanctions -              ← own: short; page: prose one line above and below
 * ```
 *
 * Besides length, punctuation, case, character classes and the named shapes, a line is described by:
 * - the learned lexicon (`Lexicon`): how much its words lean towards page chrome ("subscribe",
 *   "share") or reporting ("said"), learned from the dev pages and shipped in the model file;
 * - its segment: the run of lines that are all prose or all not, with the lines just outside it
 *   (a list opened by "… tour dates:" after a paragraph is the article's; a list after the last
 *   paragraph, before the footer, is teasers), and the run of lines of the same skeleton
 *   (punctuation and digits in order: "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL");
 * - its length against the page's median and its rank among the page's lines.
 *
 * Exceptions handled:
 * - Languages without a stop-word list get `stopShare = -1` and `hasStopList = 0`, so the model
 *   falls back on punctuation, length and case instead of reading "no function words" as junk;
 *   a language the lexicon barely covers gets `lexCoverage` near 0 likewise.
 * - Chinese and Japanese characters (no spaces) count half a word each.
 * - Repeats are found on a 53-bit hash of the comparison form, not on stored strings.
 *
 * Speed: every line is read once by one character loop (`measureLine`) that classifies ASCII by
 * table and other characters by a table filled on first sight (chars.ts), and on the way counts
 * the character classes, hashes the repeat key, finds the words without a regular expression and
 * looks each up, from its lower-cased code units, in one index of stop words and lexicon. The
 * patterns of the named shapes run only on lines that hold what they need (a ticker's currency
 * sign, a menu's separator), which the loop noted (`LineHints`). Every value is the same to the
 * last bit as the patterns and look-ups it replaces computed: on 1 MB of prose the page table
 * takes about a third of the time it did, on the scraped dev pages two fifths. The same look-up
 * notes the words the credit patterns need (`CREDIT_WORDS` in credit.ts), so those two scans of the
 * line run on the few lines that have one (188 of the 5,888 lines of the benchmark's 1 MB of prose).
 */
import { countWords } from '../../document.js'
import { byline } from './byline.js'
import {
  ASCII_KIND,
  ASCII_MARKS,
  DIGIT,
  hasAsciiDigit,
  isSpace,
  isUpper,
  LOWER,
  lowerUnit,
  MARK_CREDIT_WORD,
  MARK_NOTICE_WORD,
  MARK_URL,
  markOf,
  MULTI,
  pointAt,
  PUNCTUATION,
  SPACE,
  SYMBOL,
  U_LETTER,
  U_LOWER,
  U_NUMBER,
  U_PROSE_MARK,
  U_SPACE,
  U_SYMBOL,
  U_UPPER,
  unicodeKind,
  unitSet,
  UPPER,
  type LineHints,
} from './chars.js'
import { credit, CREDIT_WORDS } from './credit.js'
import { inlineMenu, runLengths } from './menu.js'
import { NOTICE_WORDS, uiString } from './ui-string.js'
import { repeatKey } from './repeated.js'
import { ticker } from './ticker.js'

/** Prose for the body search: a sentence of at least this many words, or a line this long. */
const PROSE_MIN_WORDS = 8
const LONG_LINE_WORDS = 20
/** What a line that is not prose costs the body search, in words. */
const GAP_COST = 8
/** Prose words that must come before a comment marker for it to open the comment section. */
const ARTICLE_BEFORE_COMMENTS = 150
/** A short line that opens the reader comments. */
const COMMENT_MARKER = /^\d+\s+(?:thoughts?|responses?|comments?|replies|reactions?)\s+(?:on|to)\b|^(?:\[?\s*\(?\d+\)?\s+)?(?:comments?|responses?|replies|reader comments|leave a (?:comment|reply)|post a comment|add a comment|show comments|view comments|join the discussion|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarze|комментарии)\b|\b\d+\s+(?:comments?|responses|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarz\w*|комментари\w*)\s*\]?$/iu
const COMMENT_MARKER_INITIALS = unitSet('[(cCrRlLpPaAsSſvVjJkK\u212aкК')
/**
 * Whether `COMMENT_MARKER` may match the trimmed `text`: each of its forms holds a digit or starts
 * with a bracket or the first letter of one of its words, in any case its case folding allows
 * ("ſ" is an "s", the Kelvin sign a "k"). Most short lines have neither ("Home", "World News").
 */
function mayBeCommentMarker(text: string, hasDigit: boolean): boolean {
  return hasDigit || COMMENT_MARKER_INITIALS.has(text.charCodeAt(0))
}

/** How far above the body the headline may be, in non-blank lines. */
const HEADLINE_WINDOW = 8

/** What may follow the end of a sentence on its line: white space, closing quotes and brackets. */
const CLOSERS = new Set([...' \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u1680\v\f\r\n"\'”’»)]'].map((char) => char.charCodeAt(0)))
/** Characters that end a sentence: . ! ? and their full-width forms. */
const SENTENCE_ENDS = new Set([...'.!?。！？'].map((char) => char.charCodeAt(0)))
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
const URL_LIKE = /https?:\/\/|www\.|\S@\S+\.\w|\.(?:com|org|net)\b/iu
const BULLET = /^[•·*►▶■□◦‣-]\s/u
const QUOTE_START = /^["“„«‘'‹]/u
/** A label: at most four capitalised words and a colon ("Related Topics:", "Al Jazeera :", "TRENDING:"). */
const LABEL = /^\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,3}\s*[:：]$/u
/** The header of a reader comment: "Milan on September 12, 2018 at 4:47 pm said:". */
const SAID_HEADER = /\b(?:says|said|wrote|writes|sagt|schreibt|dit|écrit|dice|disse|escreveu|zegt|pisze|пишет|написал[аи]?)\s*:\s*$/iu
/**
 * The dateline that opens a news story: "NEW YORK (Reuters) - Oil prices fell …", "HAYWARD, Calif.
 * (AP) — The Latest …", "NEW DELHI: Their American dream …", "Moscow (AFP) – President …".
 */
const DATELINE = /^(?:\p{Lu}{2}[\p{Lu}.'’ -]{1,30}|\p{Lu}[\p{L}.'’ -]{1,30}(?=\s*\())(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?\s*(?:\([^)]{2,30}\))?\s*(?:[—–-]{1,2}|:)\s+\S/u
/** Whether `text` starts with two capitals (`/^\p{Lu}{2}/u`). */
function twoCapitals(text: string): boolean {
  if (text.length === 0) return false
  const first = pointAt(text, 0)
  const next = first > 0xffff ? 2 : 1
  return isUpper(first) && next < text.length && isUpper(pointAt(text, next))
}
/** A word: letters and digits, joined by single apostrophes, dots or hyphens (`measureLine` reads the same words without it). */
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu

/**
 * The learned lexicon: how strongly each word, lower-cased and with digit runs folded to `0`,
 * leans towards page junk (positive) or text (negative), as log-odds learned from the dev pages by
 * scripts/train-boilerplate.mjs and shipped in the model file. Words of fewer than a few pages are
 * left out, so it holds the vocabulary of page chrome ("subscribe", "share", "newsletter",
 * "comments") and of reporting ("said", "told"), not the topics of single pages. A language the
 * pages barely cover gets low `lexCoverage`, and the trees fall back on the other features.
 */
export type Lexicon = ReadonlyMap<string, number>

/** Values of the lexicon stored per line: mean, highest and lowest word score, share of known words, first word's score. */
export const LEX_VALUES = 5

/** Everything known about one line on its own (the object form; the classifier keeps `LineTable`). */
export interface LineFeatures {
  text: string
  words: number
  terminal: boolean
  ellipsis: boolean
  colonEnd: boolean
  question: boolean
  /** Share of function words, or -1 when tq has no list for the language. */
  stopShare: number
  titleCase: number
  allCaps: boolean
  letterShare: number
  digitShare: number
  symbolShare: number
  /** Commas per word (capped at 1): prose has them, menus and titles rarely. */
  commaShare: number
  /** Capitals among the letters that have case. */
  upperShare: number
  meanWordLength: number
  /** Sentence boundaries inside the line ("… said. The …"). */
  innerSentences: number
  lowerStart: boolean
  url: boolean
  bullet: boolean
  quoteStart: boolean
  ui?: string
  ticker?: string
  credit?: string
  byline?: string
  inlineMenu?: string
  subhead: boolean
  /** A full sentence or a long line. */
  prose: boolean
  /** Short and not a sentence: a candidate menu item or label. */
  short: boolean
  /** `LEX_VALUES` lexicon values (all 0 without a lexicon or a known word). */
  lex: [number, number, number, number, number]
  /**
   * Hash of the line's punctuation, symbols and digit runs in order, letters and spaces left out:
   * "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL" and "June 10 -- PPL Center, Allentown,
   * PA" share it. A run of lines sharing it is a list, a table or a menu.
   */
  skeleton: number
}

/**
 * Whether a match of `/[.!?。！？]["”’»)]?\s+["“„«]?\p{Lu}/u` starts at the end mark at `i` of
 * `text`: maybe a closing quote or bracket, white space, maybe an opening quote, then a capital
 * ("… said. The …"). No character of a match after its end mark is an end mark, so the global
 * pattern's matches never overlap, and counting the end marks that start one counts its matches.
 */
function innerSentenceAt(text: string, i: number): number {
  const n = text.length
  let j = i + 1
  if (j < n) {
    const closer = text.charCodeAt(j)
    if (closer === 34 || closer === 0x201d || closer === 0x2019 || closer === 0xbb || closer === 41) j++
  }
  const spaces = j
  while (j < n && isSpace(text.charCodeAt(j))) j++
  if (j === spaces || j >= n) return 0
  const opener = text.charCodeAt(j)
  if (opener === 34 || opener === 0x201c || opener === 0x201e || opener === 0xab) j++
  return j < n && isUpper(pointAt(text, j)) ? 1 : 0
}

/**
 * Whether `URL_LIKE` may match `text`: it needs "://", an "@", "www." or ".com", ".org", ".net" in
 * any case (none of these letters has a case variant outside ASCII). The pattern decides.
 */
function maybeUrl(text: string): boolean {
  if (text.includes('://') || text.includes('@')) return true
  const n = text.length
  for (let i = text.indexOf('.'); i !== -1; i = text.indexOf('.', i + 1)) {
    if (i >= 3 && (text.charCodeAt(i - 3) | 32) === 119 && (text.charCodeAt(i - 2) | 32) === 119 && (text.charCodeAt(i - 1) | 32) === 119) return true
    if (i + 3 < n) {
      const a = text.charCodeAt(i + 1) | 32
      const b = text.charCodeAt(i + 2) | 32
      const c = text.charCodeAt(i + 3) | 32
      if ((a === 99 && b === 111 && c === 109) || (a === 111 && b === 114 && c === 103) || (a === 110 && b === 101 && c === 116)) return true
    }
  }
  return false
}

/** Any Chinese or Japanese character: the cheap test before counting them. */
const MAYBE_CJK = /[\u2e80-\u9fff\uf900-\ufaff]|[\ud840-\ud87f]/u

/**
 * Word count where Chinese and Japanese characters (no spaces) count as half a word each.
 * `tokens` is the number of the line's `WORD` matches, the same words `countWords` counts.
 */
function wordsOf(text: string, tokens: number, maybeCjk = MAYBE_CJK.test(text)): number {
  if (!maybeCjk) return tokens
  let cjk = 0
  const rest = text.replace(CJK, () => {
    cjk++
    return ' '
  })
  return countWords(rest) + cjk / 2
}

/** The lexicon key of a word: lower case, runs of digits folded to `0` ("2019" and "15" are both "0"). */
export function lexiconKey(token: string): string {
  const lower = token.toLowerCase()
  return hasAsciiDigit(lower) ? lower.replace(/[0-9]+/g, '0') : lower
}

const STOP_WORD = 1
const IN_LEXICON = 2

/**
 * Words that shape patterns need, with the `MARK_*` bit a line holding one gets: the patterns run
 * only on lines with their bit (`CREDIT_WORDS` of credit.ts → `MARK_CREDIT_WORD`, `NOTICE_WORDS` of
 * ui-string.ts → `MARK_NOTICE_WORD`). A line with a letter outside ASCII gets every bit
 * (`GATE_MARKS`): its words are not looked up here in full. The bits sit in the token table's
 * `flags` beside `STOP_WORD` and `IN_LEXICON`, which they do not overlap.
 */
const GATE_WORDS = new Map<string, number>()
for (const [words, mark] of [[CREDIT_WORDS, MARK_CREDIT_WORD], [NOTICE_WORDS, MARK_NOTICE_WORD]] as const) {
  for (const word of words) GATE_WORDS.set(word, (GATE_WORDS.get(word) ?? 0) | mark)
}
const GATE_MARKS = MARK_CREDIT_WORD | MARK_NOTICE_WORD
const SHORTEST_GATE_WORD = Math.min(...[...GATE_WORDS.keys()].map((word) => word.length))
const LONGEST_GATE_WORD = Math.max(...[...GATE_WORDS.keys()].map((word) => word.length))

/**
 * The stop words of a language and a lexicon in one index: word → entry of `flags` and `scores`.
 * `index` answers any string; `slots` answers a word given as lower-cased code units without
 * making a string of it (open addressing on `unitHash`: slot → entry + 1, 0 when empty).
 */
interface TokenTable {
  index: Map<string, number>
  flags: Uint8Array
  scores: Float64Array
  /** Code units of every word, one after the other: word `at` is `pool[start[at], start[at + 1])`. */
  pool: Uint16Array
  start: Int32Array
  slots: Int32Array
  mask: number
}

const tokenTables = new WeakMap<object, Map<Set<string> | undefined, TokenTable>>()
const NO_LEXICON = {}

// The offset as a signed 32-bit integer (`| 0`): the first step XORs it, which makes it one anyway,
// and a hash that starts as one stays in an integer register (0x811c9dc5 itself is above 2^31).
const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193

/** FNV-1a of `length` code units, the hash of `TokenTable.slots`. */
function unitHash(units: ArrayLike<number>, length: number): number {
  let hash = FNV_OFFSET
  for (let j = 0; j < length; j++) hash = Math.imul(hash ^ units[j]!, FNV_PRIME)
  return hash
}

/** The one table for `stopWords` and `lexicon`, built once per process. */
function tokenTable(stopWords: Set<string> | undefined, lexicon: Lexicon | undefined): TokenTable {
  const lexiconKey = lexicon && lexicon.size > 0 ? lexicon : NO_LEXICON
  let byStopWords = tokenTables.get(lexiconKey)
  if (!byStopWords) tokenTables.set(lexiconKey, (byStopWords = new Map()))
  let table = byStopWords.get(stopWords)
  if (!table) {
    const index = new Map<string, number>()
    const words = [...new Set([...(stopWords ?? []), ...(lexiconKey === NO_LEXICON ? [] : lexicon!.keys()), ...GATE_WORDS.keys()])]
    const flags = new Uint8Array(words.length)
    const scores = new Float64Array(words.length)
    let size = 16
    while (size < 4 * words.length) size *= 2
    const slots = new Int32Array(size)
    const mask = size - 1
    const start = new Int32Array(words.length + 1)
    words.forEach((word, at) => (start[at + 1] = start[at]! + word.length))
    const pool = new Uint16Array(start[words.length]!)
    words.forEach((word, at) => {
      for (let j = 0; j < word.length; j++) pool[start[at]! + j] = word.charCodeAt(j)
      index.set(word, at)
      if (stopWords?.has(word)) flags[at]! |= STOP_WORD
      flags[at]! |= GATE_WORDS.get(word) ?? 0
      const score = lexiconKey === NO_LEXICON ? undefined : lexicon!.get(word)
      if (score !== undefined) {
        flags[at]! |= IN_LEXICON
        scores[at] = score
      }
      let slot = unitHash(pool.subarray(start[at]!, start[at + 1]!), word.length) & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = at + 1
    })
    table = { index, flags, scores, pool, start, slots, mask }
    byStopWords.set(stopWords, table)
  }
  return table
}

/** Entry of `table` for the word in `units[0, length)` (of `unitHash` `hash`), or -1. */
function findUnits(table: TokenTable, units: Uint16Array, length: number, hash: number): number {
  const { slots, mask, pool, start } = table
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[slot]! - 1
    if (entry < 0) return -1
    const from = start[entry]!
    if (start[entry + 1]! - from !== length) continue
    let j = 0
    while (j < length && pool[from + j] === units[j]) j++
    if (j === length) return entry
  }
}

/**
 * The `GATE_WORDS` bits of the parts of a joined word: the ASCII letters and digits just before the
 * joiner at `joiner`, and from `i` on (the letter that continues the word), each a word to the
 * patterns ("Photo.By", "AFP-Shutterstock", "l’Alamy" for the credits, "ad-blocker" for the
 * notices). Parts with letters outside ASCII need no look: such a letter marks the line anyway.
 */
function joinedWordMarks(text: string, joiner: number, i: number): number {
  let start = joiner
  while (start > 0 && isAsciiAlphanumeric(text.charCodeAt(start - 1))) start--
  let end = i
  while (end < text.length && isAsciiAlphanumeric(text.charCodeAt(end))) end++
  return gateMarksOf(text, start, joiner) | gateMarksOf(text, i, end)
}

/** The `GATE_WORDS` bits of `text[start, end)`, in any case; 0 when it is none of them. */
function gateMarksOf(text: string, start: number, end: number): number {
  const length = end - start
  if (length < SHORTEST_GATE_WORD || length > LONGEST_GATE_WORD) return 0
  return GATE_WORDS.get(text.slice(start, end).toLowerCase()) ?? 0
}

function isAsciiAlphanumeric(code: number): boolean {
  if (code >= 128) return false
  const kind = ASCII_KIND[code]!
  return kind === UPPER || kind === LOWER || kind === DIGIT
}

/** What `measureLine` learns of a line's words (the `WORD` matches): one record, reused line after line. */
const scanned = { tokens: 0, letters: 0, stops: 0, content: 0, capitalised: 0, known: 0, sum: 0, max: 0, min: 0, first: 0, wordMarks: 0 }
/** The lower-cased code units of the word being read (grown to the longest line). */
let units = new Uint16Array(256)
/**
 * The hashes of content words of `COHESION_MIN_LENGTH` or more code units, as `measureLine` read
 * them, appended line after line (`contentHashCount` of them): `buildPage` starts it empty and
 * notes where each line's end, for `cohesionOf` to compare them across lines.
 */
let contentHashes = new Int32Array(1024)
let contentHashCount = 0
/**
 * Shortest word `cohesionOf` counts: shorter ones are function words in most languages (the stop
 * lists miss some, and a language without one has only this).
 */
const COHESION_MIN_LENGTH = 4
/**
 * Fewest such words a line needs for `cohesionOf` to judge it. A short line shares nothing with
 * the text around it for good reasons: the signature under a letter to the editor (`Department of
 * Psychiatry`, `Johns Hopkins University`), a subhead, a place name. A teaser or a promotion is a
 * sentence or a headline, with words enough to tell its topic.
 */
const COHESION_MIN_WORDS = 5
/** Length of `contentHashes` kept for the next page; a huge page's is let go. */
const MAX_KEPT_HASHES = 1 << 20

/**
 * Count the word `text[start, end)` into `scanned`: `units[0, n)` are its code units lower-cased
 * one by one (`hash` their `unitHash`), `slow` when that is not its lower case (see
 * `measureLine`), `digit` when it holds an ASCII digit, `firstKind` what its first character is
 * (1 a capital, 2 another letter, 3 a digit or number: `UPPER`, `LOWER`, `DIGIT` for ASCII). The
 * word is looked up in `table` once for both lists, from its units without making a string of it.
 */
function endWord(text: string, table: TokenTable | undefined, start: number, end: number, n: number, hash: number, slow: boolean, digit: boolean, firstKind: number): void {
  const t = scanned.tokens++
  scanned.letters += end - start
  if (table) {
    let entry = -1
    let folded = false
    if (!slow) {
      entry = findUnits(table, units, n, hash)
      // A lexicon key holds no digit but single `0`s: a word with digits is looked up folded too.
      if (entry < 0 && digit) {
        // Folded in place: the folded form is never longer.
        let m = 0
        let run = false
        for (let j = 0; j < n; j++) {
          const unit = units[j]!
          const isDigit = unit >= 48 && unit <= 57
          if (!isDigit || !run) units[m++] = isDigit ? 48 : unit
          run = isDigit
        }
        entry = findUnits(table, units, m, unitHash(units, m))
        folded = entry >= 0
      }
    } else {
      const low = text.slice(start, end).toLowerCase()
      entry = table.index.get(low) ?? -1
      if (entry < 0 && hasAsciiDigit(low)) {
        entry = table.index.get(low.replace(/[0-9]+/g, '0')) ?? -1
        folded = entry >= 0
      }
    }
    // Stop words have no digits: the folded form only answers the lexicon.
    if (folded && (table.flags[entry]! & IN_LEXICON) === 0) entry = -1
    if (entry >= 0) {
      const flags = table.flags[entry]!
      scanned.wordMarks |= flags & GATE_MARKS
      if ((flags & IN_LEXICON) !== 0) {
        const score = table.scores[entry]!
        if (t === 0) scanned.first = score
        if (scanned.known === 0 || score > scanned.max) scanned.max = score
        if (scanned.known === 0 || score < scanned.min) scanned.min = score
        scanned.sum += score
        scanned.known++
      }
      if (!folded && (flags & STOP_WORD) !== 0) {
        scanned.stops++
        return
      }
    }
  }
  // Content words start with a letter.
  if (firstKind === 3) return
  scanned.content++
  if (firstKind === 1) scanned.capitalised++
  if (end - start >= COHESION_MIN_LENGTH) {
    // `hash` leaves out what lower-cases to more than one unit (see `measureLine`): such a word is
    // hashed from its lower case, so `İstanbul` and `istanbul`, `ΚΟΣΜΟΣ` and `κοσμος` are one word.
    if (slow) hash = foldedHash(text.slice(start, end))
    if (contentHashCount === contentHashes.length) {
      const grown = new Int32Array(2 * contentHashes.length)
      grown.set(contentHashes)
      contentHashes = grown
    }
    contentHashes[contentHashCount++] = hash
  }
}

/** `unitHash` of the lower case of `word`, without the dot that `İ` lower-cases with (`i̇`). */
function foldedHash(word: string): number {
  const lower = word.toLowerCase().replace(/\u0307/gu, '')
  let hash = FNV_OFFSET
  for (let j = 0; j < lower.length; j++) hash = Math.imul(hash ^ lower.charCodeAt(j), FNV_PRIME)
  return hash
}

/**
 * The lexicon values of a line's `tokens` into `out` (at `at`): what `lineFeatures` computes in its
 * own word loop, for `withLexicon`.
 */
function lexiconValues(tokens: readonly string[], lexicon: Lexicon | undefined, out: Float32Array, at: number): void {
  let known = 0
  let sum = 0
  let max = 0
  let min = 0
  let first = 0
  if (lexicon && lexicon.size > 0) {
    for (let t = 0; t < tokens.length; t++) {
      const lower = tokens[t]!.toLowerCase()
      // A key holds no digit but single `0`s, so a word found as it is needs no folding.
      let score = lexicon.get(lower)
      if (score === undefined && hasAsciiDigit(lower)) score = lexicon.get(lower.replace(/[0-9]+/g, '0'))
      if (score === undefined) continue
      if (t === 0) first = score
      if (known === 0 || score > max) max = score
      if (known === 0 || score < min) min = score
      sum += score
      known++
    }
  }
  out[at] = known > 0 ? sum / known : 0
  out[at + 1] = max
  out[at + 2] = min
  out[at + 3] = tokens.length > 0 ? known / tokens.length : 0
  out[at + 4] = first
}

/** Features of one line on its own. */
export function lineFeatures(text: string, stopWords: Set<string> | undefined, lexicon?: Lexicon): LineFeatures {
  const trimmed = text.trim()
  const hashesBefore = contentHashCount
  measureLine(trimmed, stopWords, lexicon)
  // One line has no page to compare its words with: its hashes are taken back.
  contentHashCount = hashesBefore
  const line = measureShapes(trimmed)
  const features: LineFeatures = {
    text,
    words: line.words,
    terminal: line.terminal,
    ellipsis: line.ellipsis,
    colonEnd: line.colonEnd,
    question: line.question,
    stopShare: line.stopShare,
    titleCase: line.titleCase,
    allCaps: line.allCaps,
    letterShare: line.letterShare,
    digitShare: line.digitShare,
    symbolShare: line.symbolShare,
    commaShare: line.commaShare,
    upperShare: line.upperShare,
    meanWordLength: line.meanWordLength,
    innerSentences: line.innerSentences,
    lowerStart: line.lowerStart,
    url: line.url,
    bullet: line.bullet,
    quoteStart: line.quoteStart,
    subhead: line.subhead,
    prose: line.prose,
    short: line.short,
    lex: [line.lex[0]!, line.lex[1]!, line.lex[2]!, line.lex[3]!, line.lex[4]!],
    skeleton: line.skeleton,
  }
  if (line.ui) features.ui = line.ui
  if (line.ticker) features.ticker = line.ticker
  if (line.credit) features.credit = line.credit
  if (line.byline) features.byline = line.byline
  if (line.inlineMenu) features.inlineMenu = line.inlineMenu
  return features
}

/**
 * `LineFeatures` as `measureLine` leaves them: one record of fixed shape, reused line after line
 * (the page table copies what it keeps), with every shape name present (undefined when not
 * found) and the repeat key's hash.
 */
interface MeasuredLine extends Omit<LineFeatures, 'text' | 'lex' | 'ui' | 'ticker' | 'credit' | 'byline' | 'inlineMenu'> {
  lex: Float64Array
  ui: string | undefined
  ticker: string | undefined
  credit: string | undefined
  byline: string | undefined
  inlineMenu: string | undefined
  /** `hashKey(repeatKey(text))`, as `lineHash` computes it. */
  hash: number
  /** Letters and digits. */
  alphanumerics: number
}

/** The `LineHints` of the line `measureLine` reads, passed to the shape tests. */
const hints: LineHints = { marks: 0, spaceRuns: 0 }

const measured: MeasuredLine = {
  words: 0,
  terminal: false,
  ellipsis: false,
  colonEnd: false,
  question: false,
  stopShare: 0,
  titleCase: 0,
  allCaps: false,
  letterShare: 0,
  digitShare: 0,
  symbolShare: 0,
  commaShare: 0,
  upperShare: 0,
  meanWordLength: 0,
  innerSentences: 0,
  lowerStart: false,
  url: false,
  bullet: false,
  quoteStart: false,
  subhead: false,
  prose: false,
  short: false,
  lex: new Float64Array(LEX_VALUES),
  skeleton: 0,
  ui: undefined,
  ticker: undefined,
  credit: undefined,
  byline: undefined,
  inlineMenu: undefined,
  hash: 0,
  alphanumerics: 0,
}

/**
 * The features of the trimmed line `trimmed` that one pass over its characters gives, in
 * `measured` (overwritten by the next call; `measureShapes` adds the rest).
 *
 * One loop reads the line's characters once, for everything: the counts of letters, digits,
 * symbols and commas, the skeleton, the first letter, the sentence boundaries inside the line, the
 * repeat key's hash (what `lineHash` computes; white space at the ends is a gap there, so the
 * trimmed line has the same key) and the words (`WORD` matches). On 1 MB of prose each further
 * pass over the characters cost as much as a fifth of all the page work.
 *
 * A word is looked up from its code units lower-cased one by one, which is what `toLowerCase`
 * does except for a capital sigma (its lower case depends on where it stands: "ΟΔΟΣ" → "οδος"
 * ends in "ς"), a character whose lower case takes two units ("İ") and characters beyond the Basic
 * Multilingual Plane: a word with any of those (`slow`) is looked up as the string `toLowerCase`
 * makes of it.
 */
function measureLine(trimmed: string, stopWords: Set<string> | undefined, lexicon: Lexicon | undefined): MeasuredLine {
  // How the line ends, read backwards past closing quotes and brackets: the same as the patterns
  // TERMINAL, ELLIPSIS and QUESTION, without scanning the whole line for each.
  let end = trimmed.length - 1
  while (end >= 0 && CLOSERS.has(trimmed.charCodeAt(end))) end--
  const last = end >= 0 ? trimmed.charCodeAt(end) : 0
  const ellipsis = last === 0x2026 || (last === 46 && end >= 1 && trimmed.charCodeAt(end - 1) === 46)
  const terminal = !ellipsis && SENTENCE_ENDS.has(last)
  const question = last === 63 || last === 0xff1f
  const finalCode = trimmed.length > 0 ? trimmed.charCodeAt(trimmed.length - 1) : 0
  const colonEnd = finalCode === 58 || finalCode === 0xff1a

  // One look-up a word answers both lists (see `tokenTable`).
  const table = stopWords || (lexicon && lexicon.size > 0) ? tokenTable(stopWords, lexicon) : undefined
  scanned.tokens = 0
  scanned.letters = 0
  scanned.stops = 0
  scanned.content = 0
  scanned.capitalised = 0
  scanned.known = 0
  scanned.sum = 0
  scanned.max = 0
  scanned.min = 0
  scanned.first = 0
  scanned.wordMarks = 0
  const hashesBefore = contentHashCount
  const length = trimmed.length
  if (units.length < length) units = new Uint16Array(Math.max(length, 2 * units.length))

  let letters = 0
  let digits = 0
  let symbols = 0
  let visible = 0
  let upper = 0
  let lower = 0
  let commas = 0
  // The skeleton: a hash of the line's punctuation, symbols and digit runs (as one `0` each), in order.
  let skeleton = FNV_OFFSET
  let inDigits = false
  let maybeCjk = false
  let unspaced = false
  // The first letter: 1 lower case, 2 any other (`/^\P{L}*\p{Ll}/u` asks for 1).
  let firstLetter = 0
  let inner = 0
  // The repeat key's hash (`lineHash`): its state, and whether a gap waits for the next character.
  // As int32 (see `FNV_OFFSET`); `lineHash` starts from the same bits.
  let h1 = 0xdeadbeef | 0
  let h2 = 0x41c6ce57
  let empty = true
  let gap = false
  // The word being read: its start (-1 when none), units, and a joiner (' ’ . -) that continues it
  // only when a letter or digit follows (at `joiner`, -1 when none).
  let wordStart = -1
  let n = 0
  let wordHash = FNV_OFFSET
  let slow = false
  let digit = false
  let firstKind = 0
  let joiner = -1
  // For the shape tests (`LineHints`): the marks seen, and runs of white space after a character.
  let marks = 0
  let spaceRuns = 0
  let inSpace = false
  // The word buffer, in a local: read from the module's binding at every letter, it cost a check.
  const wordUnits = units
  for (let i = 0; i < length; i++) {
    const code = trimmed.charCodeAt(i)
    // ASCII by table, without regular expressions: most of the text on most pages.
    if (code < 128) {
      const kind = ASCII_KIND[code]!
      if (kind === UPPER || kind === LOWER || kind === DIGIT) {
        // A letter or digit: part of a word and of the repeat key.
        const unit = kind === UPPER ? code + 32 : code
        if (wordStart < 0) {
          wordStart = i
          n = 0
          wordHash = FNV_OFFSET
          slow = false
          digit = false
          firstKind = kind
        } else if (joiner >= 0) {
          const mark = trimmed.charCodeAt(joiner)
          wordUnits[n++] = mark
          wordHash = Math.imul(wordHash ^ mark, FNV_PRIME)
          // The word's parts, each a word to the gated patterns ("Photo.By", "l’Alamy", "ad-blocker").
          marks |= joinedWordMarks(trimmed, joiner, i)
          joiner = -1
        }
        wordUnits[n++] = unit
        wordHash = Math.imul(wordHash ^ unit, FNV_PRIME)
        if (!empty && gap) {
          h1 = Math.imul(h1 ^ 32, 2654435761)
          h2 = Math.imul(h2 ^ 32, 1597334677)
        }
        gap = false
        empty = false
        h1 = Math.imul(h1 ^ unit, 2654435761)
        h2 = Math.imul(h2 ^ unit, 1597334677)
        inSpace = false
        visible++
        if (kind === DIGIT) {
          digit = true
          digits++
          if (!inDigits) skeleton = Math.imul(skeleton ^ 48, 0x01000193)
          inDigits = true
          continue
        }
        letters++
        if (kind === UPPER) {
          upper++
          if (firstLetter === 0) firstLetter = 2
        } else {
          lower++
          if (firstLetter === 0) firstLetter = 1
        }
        inDigits = false
        // The ASCII letters that follow ("resident" after the "P" of "President"), in a loop of
        // their own: after a letter, each only adds to the word, the two hashes and the counts of
        // letters, and every other variable of the line stays as the letter above left it (a digit,
        // "3rd", or a letter outside ASCII, "naïve", goes back to the step above). Most characters
        // of prose are such letters; with this loop, which has few variables to keep, this function
        // took a quarter less time on 5 MB of prose than with every letter taking the step above.
        let j = i + 1
        let capitals = 0
        while (j < length) {
          const next = trimmed.charCodeAt(j)
          // An ASCII letter is "a"–"z" once bit 5 is set ("A" 65 | 32 = "a" 97); no other code unit is.
          const letter = next | 32
          if (letter < 97 || letter > 122) break
          // A capital lacks bit 5 (65–90 against 97–122).
          capitals += ((next >> 5) & 1) ^ 1
          wordUnits[n++] = letter
          wordHash = Math.imul(wordHash ^ letter, FNV_PRIME)
          h1 = Math.imul(h1 ^ letter, 2654435761)
          h2 = Math.imul(h2 ^ letter, 1597334677)
          j++
        }
        const run = j - i - 1
        letters += run
        visible += run
        upper += capitals
        lower += run - capitals
        i = j - 1
        continue
      }
      // White space, punctuation or a symbol: a gap in the repeat key, the end of a word unless it
      // joins two parts of one.
      gap = true
      if (wordStart >= 0) {
        if (joiner < 0 && (code === 39 || code === 46 || code === 45)) joiner = i
        else {
          endWord(trimmed, table, wordStart, joiner >= 0 ? joiner : i, n, wordHash, slow, digit, firstKind)
          wordStart = -1
          joiner = -1
        }
      }
      if (kind === SPACE) {
        // Code units up to 32 count as space here; `\s` is only tab to carriage return and space.
        if (code === 32 || (code >= 9 && code <= 13)) {
          if (!inSpace && i > 0) spaceRuns++
          inSpace = true
        } else inSpace = false
        continue
      }
      inSpace = false
      marks |= ASCII_MARKS[code]!
      visible++
      if (kind === SYMBOL) symbols++
      else if (code === 44) commas++
      else if (code === 46 || code === 33 || code === 63) inner += innerSentenceAt(trimmed, i)
      skeleton = Math.imul(skeleton ^ code, 0x01000193)
      inDigits = false
      continue
    }
    // The characters `MAYBE_CJK` looks for, noted on the way (its surrogate range, read by code
    // point, only holds unpaired surrogates).
    if ((code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) maybeCjk = true
    // Thai, Lao, Myanmar, Khmer: written without spaces between words, as Chinese and Japanese.
    else if ((code >= 0x0e00 && code <= 0x0eff) || (code >= 0x1000 && code <= 0x109f) || (code >= 0x1780 && code <= 0x17ff)) unspaced = true
    // A character outside the Basic Multilingual Plane takes two code units.
    let point = code
    if (code >= 0xd800 && code <= 0xdbff) {
      point = trimmed.codePointAt(i)!
      if (point <= 0xffff && code >= 0xd840 && code <= 0xd87f) maybeCjk = true
    }
    const kind = unicodeKind(point)
    const isGap = kind === U_SPACE || kind === U_PROSE_MARK || kind === U_SYMBOL
    // Lower case, one unit (`MULTI` beyond the plane or when it takes more).
    const lowered = isGap ? 0 : point <= 0xffff ? lowerUnit(point) : MULTI
    // As `firstKind` of `endWord`: 1 a capital, 2 another letter, 3 a number, 0 no part of a word.
    const wordKind = kind === U_UPPER ? 1 : kind === U_LOWER || kind === U_LETTER ? 2 : kind === U_NUMBER ? 3 : 0
    if (wordKind !== 0) {
      if (wordStart < 0) {
        wordStart = i
        n = 0
        wordHash = FNV_OFFSET
        slow = false
        digit = false
        firstKind = wordKind
      } else if (joiner >= 0) {
        const mark = trimmed.charCodeAt(joiner)
        wordUnits[n++] = mark
        wordHash = Math.imul(wordHash ^ mark, FNV_PRIME)
        joiner = -1
      }
      // A letter outside ASCII: a credit word of its own (crédit, фото), or a `\b` next to one
      // ("éAlamy"); the credit and notice patterns decide (see `CREDIT_WORDS`, `NOTICE_WORDS`).
      marks |= GATE_MARKS
      if (lowered === MULTI || point === 0x3a3) slow = true
      else {
        wordUnits[n++] = lowered
        wordHash = Math.imul(wordHash ^ lowered, FNV_PRIME)
      }
    } else if (wordStart >= 0) {
      if (joiner < 0 && code === 0x2019) joiner = i
      else {
        endWord(trimmed, table, wordStart, joiner >= 0 ? joiner : i, n, wordHash, slow, digit, firstKind)
        wordStart = -1
        joiner = -1
      }
    }
    if (isGap) gap = true
    else {
      if (!empty && gap) {
        h1 = Math.imul(h1 ^ 32, 2654435761)
        h2 = Math.imul(h2 ^ 32, 1597334677)
      }
      gap = false
      empty = false
      if (lowered !== MULTI) {
        h1 = Math.imul(h1 ^ lowered, 2654435761)
        h2 = Math.imul(h2 ^ lowered, 1597334677)
      } else {
        const multi = String.fromCodePoint(point).toLowerCase()
        for (let j = 0; j < multi.length; j++) {
          h1 = Math.imul(h1 ^ multi.charCodeAt(j), 2654435761)
          h2 = Math.imul(h2 ^ multi.charCodeAt(j), 1597334677)
        }
      }
    }
    if (point > 0xffff) i++
    if (kind === U_SPACE) {
      if (!inSpace && i > 0) spaceRuns++
      inSpace = true
      continue
    }
    inSpace = false
    if (isGap) marks |= markOf(point)
    visible++
    if (kind === U_UPPER) {
      letters++
      upper++
      if (firstLetter === 0) firstLetter = 2
    } else if (kind === U_LOWER) {
      letters++
      lower++
      if (firstLetter === 0) firstLetter = 1
    } else if (kind === U_LETTER) {
      letters++
      if (firstLetter === 0) firstLetter = 2
    } else if (kind === U_NUMBER) {
      digits++
      if (!inDigits) skeleton = Math.imul(skeleton ^ 48, 0x01000193)
      inDigits = true
      continue
    } else {
      if (kind !== U_PROSE_MARK) {
        symbols++
        // Full-width, ideographic and Arabic commas.
        if (point === 0xff0c || point === 0x3001 || point === 0x060c) commas++
        else if (point === 0x3002 || point === 0xff01 || point === 0xff1f) inner += innerSentenceAt(trimmed, i)
      }
      skeleton = Math.imul(skeleton ^ (point & 0xffff), 0x01000193)
    }
    inDigits = false
  }
  if (wordStart >= 0) endWord(trimmed, table, wordStart, joiner >= 0 ? joiner : length, n, wordHash, slow, digit, firstKind)
  if (empty) measured.hash = 0
  else {
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
    measured.hash = 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1
  }

  const { tokens, stops, capitalised, content: contentTokens, letters: tokenLetters, known, sum, max, min, first: firstScore } = scanned
  const words = wordsOf(trimmed, tokens, maybeCjk)
  // In a script written without spaces, a "word" of the scan is a clause: no word to compare.
  if (maybeCjk || unspaced) contentHashCount = hashesBefore
  const line = measured
  line.words = words
  line.terminal = terminal
  line.ellipsis = ellipsis
  line.colonEnd = colonEnd
  line.question = question
  line.stopShare = stopWords && tokens > 0 ? stops / tokens : -1
  line.titleCase = tokens >= 2 && contentTokens > 0 ? capitalised / contentTokens : 0
  line.allCaps = upper >= 3 && lower === 0
  line.letterShare = visible > 0 ? letters / visible : 0
  line.digitShare = visible > 0 ? digits / visible : 0
  line.symbolShare = visible > 0 ? symbols / visible : 0
  line.commaShare = tokens > 0 ? Math.min(1, commas / tokens) : 0
  line.upperShare = upper + lower > 0 ? upper / (upper + lower) : 0
  line.meanWordLength = tokens > 0 ? tokenLetters / tokens : 0
  line.innerSentences = inner
  line.lowerStart = firstLetter === 1
  line.lex[0] = known > 0 ? sum / known : 0
  line.lex[1] = max
  line.lex[2] = min
  line.lex[3] = tokens > 0 ? known / tokens : 0
  line.lex[4] = firstScore
  line.skeleton = skeleton >>> 0
  line.alphanumerics = letters + digits
  // Without a table the words were not looked up: the credit and notice patterns decide.
  hints.marks = marks | (table ? scanned.wordMarks : GATE_MARKS)
  hints.spaceRuns = spaceRuns
  return line
}

/**
 * The rest of the line's features, after `measureLine` read it: the patterns and the named shapes,
 * into `measured`.
 *
 * A function apart, called after `measureLine` rather than from it: many of these tests run on
 * few lines (on prose, a byline or a menu test goes past its first line once in hundreds of
 * lines), and when V8 first meets such a path in optimised code it throws that code away. Apart,
 * that costs this function's code, not the character loop's, which on a cold start (one file
 * checked by the CLI) was thrown away and rebuilt a dozen times in its first thousands of lines.
 */
function measureShapes(trimmed: string): MeasuredLine {
  const line = measured
  const { words, terminal } = line
  line.url = (hints.marks & MARK_URL) !== 0 && maybeUrl(trimmed) && URL_LIKE.test(trimmed)
  line.bullet = BULLET.test(trimmed)
  line.quoteStart = QUOTE_START.test(trimmed)
  line.subhead = /^[-–—]\s*\S.*\S\s*[-–—]$/u.test(trimmed) && words <= 10
  line.ui = uiString(trimmed, words, line.alphanumerics, hints.marks)
  line.ticker = ticker(trimmed, hints)
  line.credit = credit(trimmed, words, hints)
  line.byline = line.credit ? undefined : byline(trimmed, words, terminal, line.digitShare > 0)
  line.inlineMenu = inlineMenu(trimmed, terminal, hints)
  const shaped = Boolean(line.ui || line.ticker || line.credit || line.byline || line.inlineMenu)
  line.prose = !shaped && ((terminal && words >= PROSE_MIN_WORDS) || words >= LONG_LINE_WORDS)
  line.short = !line.prose && !line.subhead && (!terminal || words < PROSE_MIN_WORDS) && words < LONG_LINE_WORDS
  return line
}

// Bits of `LineTable.flags`.
const TERMINAL_BIT = 1 << 0
const ELLIPSIS_BIT = 1 << 1
const COLON_BIT = 1 << 2
const QUESTION_BIT = 1 << 3
const ALL_CAPS_BIT = 1 << 4
const UI_BIT = 1 << 5
const TICKER_BIT = 1 << 6
const CREDIT_BIT = 1 << 7
const BYLINE_BIT = 1 << 8
const MENU_BIT = 1 << 9
const SUBHEAD_BIT = 1 << 10
const PROSE_BIT = 1 << 11
const SHORT_BIT = 1 << 12
const LOWER_START_BIT = 1 << 13
const URL_BIT = 1 << 14
const BULLET_BIT = 1 << 15
const QUOTE_BIT = 1 << 16
const COMMENT_MARKER_BIT = 1 << 17
const DATE_BIT = 1 << 18
const SAID_BIT = 1 << 19
const LABEL_BIT = 1 << 20
const DATELINE_BIT = 1 << 21
const SHAPED = UI_BIT | TICKER_BIT | CREDIT_BIT | BYLINE_BIT | MENU_BIT

/** Shares stored as bytes: 0–250 for 0–1, 255 for "unknown" (no stop-word list). */
const SHARE_SCALE = 250
const UNKNOWN_SHARE = 255
const SHARES = 8 // stop, titleCase, letter, digit, symbol, mean word length / 20, commas per word, capitals among cased letters

/**
 * The names the shape tests give (`LineFeatures.ticker`, `.credit`, `.byline`, `.ui`,
 * `.inlineMenu`), stored per line as an index into this list so a finding's message needs no
 * second look at the line. Index 0: none.
 */
export const SHAPE_NAMES: readonly string[] = [
  '', 'stock ticker', 'list of stock exchanges', 'news agency credit', 'photo credit', 'signature initials', 'agency signature',
  'comment header', 'byline', 'date line', 'UI string', 'share bar', 'copyright notice', 'breadcrumb', 'inline menu',
  'site notice', 'archive link', 'reading time', 'language link',
]

function shapeIndex(name: string | undefined): number {
  if (name === undefined) return 0
  const index = SHAPE_NAMES.indexOf(name)
  // A shape test that learned a new name: still a shape, named generically.
  return index >= 0 ? index : SHAPE_NAMES.indexOf('UI string')
}

/**
 * What the page is made of: the own-line features of every non-blank line, compact, and the
 * page structure derived from them.
 */
export interface Page {
  n: number
  words: Float32Array
  chars: Float32Array
  flags: Uint32Array
  /** `SHARES` bytes a line. */
  shares: Uint8Array
  innerSentences: Uint8Array
  /** The line's first named shape in the order findings name them (ticker, credit, byline, UI string), as a `SHAPE_NAMES` index. */
  shape: Uint8Array
  /** Its inline-menu shape, as a `SHAPE_NAMES` index. */
  menuShape: Uint8Array
  hasStopList: boolean
  /** Run of consecutive short lines each line belongs to (0 when not short). */
  shortRun: Int32Array
  /** Run of consecutive prose lines each line belongs to. */
  proseRun: Int32Array
  /** Index of another line with the same text, or -1. */
  other: Int32Array
  /** Copies of the line's text on the page (1 when unique). */
  copies: Uint16Array
  /** Main body of prose, or start = -1. */
  bodyStart: number
  bodyEnd: number
  bodyWords: number
  headline: number
  /** Lines that contain the headline without being it. */
  headlineEcho: Uint8Array
  /** First line of the reader comments, or n. */
  comments: number
  /** Run of consecutive lines without sentence punctuation each line belongs to. */
  openRun: Int32Array
  /** Prefix sums (length n + 1) of prose words, prose lines, lines ending a sentence, and date or comment-header lines. */
  proseWordsBefore: Float64Array
  proseLinesBefore: Int32Array
  terminalBefore: Int32Array
  metaBefore: Int32Array
  totalWords: number
  meanLogWords: number
  /** `log1p` of the median words of a line. */
  medianLogWords: number
  /** Share of the page's lines with fewer words than the line. */
  lengthRank: Float32Array
  /** `log1p` of each line's words: a row reads it up to nine times (the line's and its neighbours'). */
  logWords: Float64Array
  /** `LEX_VALUES` lexicon values a line (see `Lexicon`). */
  lex: Float32Array
  /** Prefix sums (length n + 1) of the lines' mean lexicon score. */
  lexBefore: Float64Array
  /** Run of consecutive lines of the same look (`lookOf`) each line belongs to: a list or a menu. */
  lookRun: Int32Array
  /** Run of consecutive lines of the same skeleton (`LineFeatures.skeleton`) each line belongs to, and its first line. */
  skeletonRun: Int32Array
  skeletonStart: Int32Array
  /**
   * The segment of each line: the run of consecutive lines that are all prose or all not prose.
   * A list inside the article is a segment of non-prose lines between two of prose; a teaser list
   * after it, one between prose and the footer.
   */
  segmentStart: Int32Array
  segmentEnd: Int32Array
  /** Lines from the nearest line above that ends in a colon, within the line's segment or just above it; 0 when none. */
  colonAbove: Int32Array
  /** Share of the line's content words found on another line of the page (`cohesionOf`); -1 when it has too few. */
  cohesion: Float32Array
}

/**
 * What a line looks like at a glance, as a small number: its length class, whether it ends a
 * sentence or in a colon, and how it starts. Consecutive lines of the same look are a list (tour
 * dates, a table) or a menu; the trees tell which by the rest.
 */
function lookOf(words: number, bits: number, firstKind: number): number {
  const size = words <= 1 ? 0 : words <= 2 ? 1 : words <= 4 ? 2 : words <= 8 ? 3 : words <= 16 ? 4 : 5
  const end = (bits & TERMINAL_BIT) !== 0 ? 1 : (bits & COLON_BIT) !== 0 ? 2 : 0
  return size * 100 + end * 10 + firstKind
}

/** Class of a line's first visible character: 1 capital, 2 lower case, 3 digit, 4 other. */
function firstKindOf(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 128) {
      const kind = ASCII_KIND[code]!
      if (kind === SPACE) continue
      return kind === UPPER ? 1 : kind === LOWER ? 2 : kind === DIGIT ? 3 : 4
    }
    let point = code
    if (code >= 0xd800 && code <= 0xdbff) point = text.codePointAt(i)!
    const kind = unicodeKind(point)
    if (kind === U_SPACE) continue
    return kind === U_UPPER ? 1 : kind === U_LOWER ? 2 : kind === U_NUMBER ? 3 : 4
  }
  return 0
}

/**
 * The same page with the lexicon values of another lexicon: what the training script uses to give
 * each page the values of a lexicon learned without it (cross-fitting), without rebuilding the rest.
 */
export function withLexicon(page: Page, texts: readonly string[], lexicon: Lexicon | undefined): Page {
  const lex = new Float32Array(page.n * LEX_VALUES)
  for (let k = 0; k < page.n; k++) lexiconValues(texts[k]!.trim().match(WORD) ?? [], lexicon, lex, k * LEX_VALUES)
  return { ...page, lex, lexBefore: lexPrefix(lex, page.n) }
}

function lexPrefix(lex: Float32Array, n: number): Float64Array {
  const before = new Float64Array(n + 1)
  for (let k = 0; k < n; k++) before[k + 1] = before[k]! + lex[k * LEX_VALUES]!
  return before
}

/** Build the page table of the non-blank `texts` of a document in `stopWords`' language. */
export function buildPage(texts: readonly string[], stopWords: Set<string> | undefined, lexicon?: Lexicon): Page {
  const n = texts.length
  const words = new Float32Array(n)
  const chars = new Float32Array(n)
  const flags = new Uint32Array(n)
  const shares = new Uint8Array(n * SHARES)
  const innerSentences = new Uint8Array(n)
  const shape = new Uint8Array(n)
  const menuShape = new Uint8Array(n)
  const keys = new Float64Array(n)
  const lex = new Float32Array(n * LEX_VALUES)
  const looks = new Int32Array(n)
  const skeletons = new Int32Array(n)
  const share = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * SHARE_SCALE)
  let totalWords = 0
  let logWords = 0
  // Every line's content-word hashes, one line after another (`contentHashes`): line k's are
  // `[hashStart[k], hashStart[k + 1])`.
  contentHashCount = 0
  const hashStart = new Int32Array(n + 1)
  for (let k = 0; k < n; k++) {
    const text = texts[k]!
    const trimmedText = text.trim()
    measureLine(trimmedText, stopWords, lexicon)
    hashStart[k + 1] = contentHashCount
    const line = measureShapes(trimmedText)
    keys[k] = line.hash
    words[k] = line.words
    chars[k] = trimmedText.length
    totalWords += line.words
    logWords += Math.log1p(line.words)
    let bits = 0
    if (line.terminal) bits |= TERMINAL_BIT
    if (line.ellipsis) bits |= ELLIPSIS_BIT
    if (line.colonEnd) bits |= COLON_BIT
    if (line.question) bits |= QUESTION_BIT
    if (line.allCaps) bits |= ALL_CAPS_BIT
    if (line.ui) bits |= UI_BIT
    if (line.ticker) bits |= TICKER_BIT
    if (line.credit) bits |= CREDIT_BIT
    if (line.byline) bits |= BYLINE_BIT
    if (line.inlineMenu) bits |= MENU_BIT
    if (line.subhead) bits |= SUBHEAD_BIT
    if (line.prose) bits |= PROSE_BIT
    if (line.short) bits |= SHORT_BIT
    if (line.lowerStart) bits |= LOWER_START_BIT
    if (line.url) bits |= URL_BIT
    if (line.bullet) bits |= BULLET_BIT
    if (line.quoteStart) bits |= QUOTE_BIT
    // Both end in a colon: the regular expressions only run on lines that do.
    if (line.colonEnd && LABEL.test(trimmedText)) bits |= LABEL_BIT
    // The pattern's two forms need two capitals first or a bracket: test those cheaply first.
    if (line.words >= 8 && (twoCapitals(trimmedText) || trimmedText.includes('(')) && DATELINE.test(trimmedText)) bits |= DATELINE_BIT
    if (line.byline === 'date line') bits |= DATE_BIT
    if (line.words <= 14 && (line.byline === 'comment header' || (line.colonEnd && SAID_HEADER.test(text)))) bits |= SAID_BIT
    if (!line.prose && line.words <= 8 && ((mayBeCommentMarker(trimmedText, line.digitShare > 0) && COMMENT_MARKER.test(trimmedText)) || line.byline === 'comment header')) {
      bits |= COMMENT_MARKER_BIT
    }
    flags[k] = bits
    const at = k * SHARES
    shares[at] = line.stopShare < 0 ? UNKNOWN_SHARE : share(line.stopShare)
    shares[at + 1] = share(line.titleCase)
    shares[at + 2] = share(line.letterShare)
    shares[at + 3] = share(line.digitShare)
    shares[at + 4] = share(line.symbolShare)
    shares[at + 5] = share(line.meanWordLength / 20)
    shares[at + 6] = share(line.commaShare)
    shares[at + 7] = share(line.upperShare)
    for (let v = 0; v < LEX_VALUES; v++) lex[k * LEX_VALUES + v] = line.lex[v]!
    looks[k] = lookOf(line.words, bits, firstKindOf(text))
    skeletons[k] = line.skeleton | 0
    innerSentences[k] = Math.min(line.innerSentences, 255)
    shape[k] = shapeIndex(line.ticker ?? line.credit ?? line.byline ?? line.ui)
    menuShape[k] = shapeIndex(line.inlineMenu)
  }

  const { other, copies } = repeatLinks(keys)
  const shortRun = runLengths(flags.map((bits) => ((bits & SHORT_BIT) !== 0 ? 1 : 0)))
  const proseRun = runLengths(flags.map((bits) => ((bits & PROSE_BIT) !== 0 ? 1 : 0)))

  const openRun = runLengths(flags.map((bits) => ((bits & TERMINAL_BIT) === 0 ? 1 : 0)))
  const lookRun = equalRuns(looks)
  const skeletonRun = equalRuns(skeletons)
  const skeletonStart = new Int32Array(n)
  for (let k = 1; k < n; k++) skeletonStart[k] = skeletons[k] === skeletons[k - 1] ? skeletonStart[k - 1]! : k
  const segmentStart = new Int32Array(n)
  const segmentEnd = new Int32Array(n)
  const colonAbove = new Int32Array(n)
  {
    const proseAt = (k: number): boolean => (flags[k]! & PROSE_BIT) !== 0
    let start = 0
    for (let k = 1; k <= n; k++) {
      if (k < n && proseAt(k) === proseAt(k - 1)) continue
      segmentStart.fill(start, start, k)
      segmentEnd.fill(k - 1, start, k)
      start = k
    }
    let colon = -1
    for (let k = 0; k < n; k++) {
      // A colon line counts for the rest of its segment and for the next segment (the list it opens).
      const counts = colon >= 0 && (segmentStart[colon] === segmentStart[k] || segmentEnd[colon]! + 1 === segmentStart[k])
      colonAbove[k] = counts ? Math.min(k - colon, DISTANCE_CAP) : 0
      if ((flags[k]! & COLON_BIT) !== 0) colon = k
    }
  }
  const logWordsOf = new Float64Array(n)
  for (let k = 0; k < n; k++) logWordsOf[k] = Math.log1p(words[k]!)
  const sortedWords = Float32Array.from(words).sort()
  const lengthRank = new Float32Array(n)
  for (let k = 0; k < n; k++) {
    // Lines with fewer words: the first index of the line's word count in the sorted list.
    let low = 0
    let high = n
    while (low < high) {
      const mid = (low + high) >> 1
      if (sortedWords[mid]! < words[k]!) low = mid + 1
      else high = mid
    }
    lengthRank[k] = n > 1 ? low / (n - 1) : 0
  }
  const medianLogWords = n > 0 ? Math.log1p(sortedWords[n >> 1]!) : 0

  const proseWordsBefore = new Float64Array(n + 1)
  const proseLinesBefore = new Int32Array(n + 1)
  const terminalBefore = new Int32Array(n + 1)
  const metaBefore = new Int32Array(n + 1)
  for (let k = 0; k < n; k++) {
    const bits = flags[k]!
    const isProse = (bits & PROSE_BIT) !== 0
    proseWordsBefore[k + 1] = proseWordsBefore[k]! + (isProse ? words[k]! : 0)
    proseLinesBefore[k + 1] = proseLinesBefore[k]! + (isProse ? 1 : 0)
    terminalBefore[k + 1] = terminalBefore[k]! + ((bits & TERMINAL_BIT) !== 0 ? 1 : 0)
    metaBefore[k + 1] = metaBefore[k]! + ((bits & (DATE_BIT | SAID_BIT)) !== 0 ? 1 : 0)
  }

  const body = maxRun(n, (k) => ((flags[k]! & PROSE_BIT) !== 0 ? Math.min(words[k]!, 60) : -GAP_COST))
  const bodyWords = body.start >= 0 ? proseWordsBefore[body.end + 1]! - proseWordsBefore[body.start]! : 0
  const headline = body.start >= 0 ? findHeadline(texts, words, flags, shares, body.start) : -1
  const headlineEcho = new Uint8Array(n)
  if (headline >= 0 && words[headline]! >= 4) {
    const headlineKey = repeatKey(texts[headline]!)
    // The cheap tests first: only a line at least as long as the headline, holding its longest
    // word, can contain it.
    const longestWord = headlineKey.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '')
    for (let k = 0; k < n; k++) {
      if (k === headline || chars[k]! < headlineKey.length || !texts[k]!.toLowerCase().includes(longestWord)) continue
      if (repeatKey(texts[k]!).includes(headlineKey)) headlineEcho[k] = 1
    }
  }
  let comments = n
  for (let k = 0; k < n; k++) {
    if ((flags[k]! & COMMENT_MARKER_BIT) !== 0 && proseWordsBefore[k]! >= ARTICLE_BEFORE_COMMENTS) {
      comments = k
      break
    }
  }
  const result: Page = {
    n,
    words,
    chars,
    flags,
    shares,
    innerSentences,
    shape,
    menuShape,
    hasStopList: stopWords !== undefined,
    shortRun,
    proseRun,
    other,
    copies,
    bodyStart: body.start,
    bodyEnd: body.end,
    bodyWords,
    headline,
    headlineEcho,
    comments,
    openRun,
    proseWordsBefore,
    proseLinesBefore,
    terminalBefore,
    metaBefore,
    totalWords,
    meanLogWords: n > 0 ? logWords / n : 0,
    medianLogWords,
    lengthRank,
    logWords: logWordsOf,
    lex,
    lexBefore: lexPrefix(lex, n),
    lookRun,
    skeletonRun,
    skeletonStart,
    segmentStart,
    segmentEnd,
    colonAbove,
    cohesion: cohesionOf(contentHashes, hashStart, other),
  }
  contentHashCount = 0
  if (contentHashes.length > MAX_KEPT_HASHES) contentHashes = new Int32Array(1024)
  return result
}

/**
 * For each line, the share of its distinct content words (of `COHESION_MIN_LENGTH` or more code
 * units, by hash) that some other line of the page also has; -1 for a line with fewer than
 * `COHESION_MIN_WORDS` of them. A page's
 * paragraphs come back to the words of its topic; a teaser for another story, a cookie notice or a
 * promotion pasted amid them shares few (the values are what this computes on these four lines):
 *
 * ```text
 * Wheatgrass juice is no miracle cure, a review of the research on wheatgrass has found.  ← 0.43
 * Here is where two traders say to invest with the stock market at record highs         ← 0
 * The review found only limited evidence for the claims made for the juice, and …       ← 0.3
 * Marketers say the juice purifies blood; the review found no study that showed it.     ← 0.38
 * ```
 *
 * Copies of a line (`other`, see `repeatLinks`) count as that one line: a text pasted twice, or a
 * teaser that repeats on the page, shares its words only with itself, so each copy gets the value
 * of the first.
 *
 * One open-addressing table of the page's distinct hashes, grown as they come (a 100 MB page has
 * some hundred thousand): whether one line or more hold each, and the last line that counted it
 * (so a word twice on a line counts once). Nine bytes a slot, at most half the slots in use.
 */
function cohesionOf(hashes: Int32Array, start: Int32Array, other: Int32Array): Float32Array {
  const n = other.length
  let mask = 1023
  let keys = new Int32Array(mask + 1)
  // -1: an empty slot; a line number: the last line that counted the word (pass 1); -2 - k: line
  // k counted it in pass 2.
  let last = new Int32Array(mask + 1).fill(-1)
  // 1 line, or 2 for more than one.
  let lines = new Uint8Array(mask + 1)
  let distinctWords = 0
  // A copy links to the first line of its text, which links to the second.
  const isCopy = (k: number): boolean => other[k]! >= 0 && other[k]! < k
  for (let k = 0; k < n; k++) {
    if (isCopy(k)) continue
    for (let at = start[k]!, end = start[k + 1]!; at < end; at++) {
      const hash = hashes[at]!
      let slot = probe(keys, last, mask, hash)
      if (last[slot] === -1) {
        if (2 * (distinctWords + 1) > mask + 1) {
          // Twice the size, every word moved to its slot there.
          const oldKeys = keys
          const oldLast = last
          const oldLines = lines
          mask = 2 * mask + 1
          keys = new Int32Array(mask + 1)
          last = new Int32Array(mask + 1).fill(-1)
          lines = new Uint8Array(mask + 1)
          for (let old = 0; old < oldKeys.length; old++) {
            if (oldLast[old] === -1) continue
            const moved = probe(keys, last, mask, oldKeys[old]!)
            keys[moved] = oldKeys[old]!
            last[moved] = oldLast[old]!
            lines[moved] = oldLines[old]!
          }
          slot = probe(keys, last, mask, hash)
        }
        distinctWords++
        keys[slot] = hash
      }
      if (last[slot] !== k) {
        last[slot] = k
        if (lines[slot]! < 2) lines[slot]!++
      }
    }
  }
  const cohesion = new Float32Array(n)
  for (let k = 0; k < n; k++) {
    if (isCopy(k)) {
      cohesion[k] = cohesion[other[k]!]!
      continue
    }
    let distinct = 0
    let shared = 0
    for (let at = start[k]!, end = start[k + 1]!; at < end; at++) {
      const slot = probe(keys, last, mask, hashes[at]!)
      if (last[slot] === -2 - k) continue
      last[slot] = -2 - k
      distinct++
      if (lines[slot] === 2) shared++
    }
    cohesion[k] = distinct >= COHESION_MIN_WORDS ? shared / distinct : -1
  }
  return cohesion
}

/** The slot of `hash` in `cohesionOf`'s table: where it is, or the empty slot it would go to. */
function probe(keys: Int32Array, last: Int32Array, mask: number, hash: number): number {
  let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask
  while (last[slot] !== -1 && keys[slot] !== hash) slot = (slot + 1) & mask
  return slot
}

/** For each position, the length of the run of equal values it belongs to. */
function equalRuns(values: Int32Array): Int32Array {
  const n = values.length
  const runs = new Int32Array(n)
  let start = 0
  for (let k = 1; k <= n; k++) {
    if (k < n && values[k] === values[k - 1]) continue
    runs.fill(k - start, start, k)
    start = k
  }
  return runs
}

/** 53-bit hash of a string (cyrb53); 0 is kept for the empty string ("no key"). */
export function hashKey(text: string): number {
  if (text === '') return 0
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1
}

/**
 * `hashKey(repeatKey(text))` in one pass without building the key: letters and digits lower-cased,
 * every run of punctuation, symbols and white space one separator, none at the ends.
 */
export function lineHash(text: string): number {
  // The hash state stays in locals (a closure updating them was a tenth of the page work on prose).
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  let empty = true
  let gap = false
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    let multi: string | undefined
    if (code < 128) {
      const kind = ASCII_KIND[code]!
      if (kind === SPACE || kind === PUNCTUATION || kind === SYMBOL) {
        gap = true
        continue
      }
      if (kind === UPPER) code += 32
    } else {
      let point = code
      if (code >= 0xd800 && code <= 0xdbff) {
        point = text.codePointAt(i)!
        if (point > 0xffff) i++
      }
      const kind = unicodeKind(point)
      if (kind === U_SPACE || kind === U_PROSE_MARK || kind === U_SYMBOL) {
        gap = true
        continue
      }
      const lower = point <= 0xffff ? lowerUnit(point) : MULTI
      if (lower === MULTI) multi = String.fromCodePoint(point).toLowerCase()
      else code = lower
    }
    if (!empty && gap) {
      h1 = Math.imul(h1 ^ 32, 2654435761)
      h2 = Math.imul(h2 ^ 32, 1597334677)
    }
    gap = false
    empty = false
    if (multi === undefined) {
      h1 = Math.imul(h1 ^ code, 2654435761)
      h2 = Math.imul(h2 ^ code, 1597334677)
    } else {
      for (let j = 0; j < multi.length; j++) {
        h1 = Math.imul(h1 ^ multi.charCodeAt(j), 2654435761)
        h2 = Math.imul(h2 ^ multi.charCodeAt(j), 1597334677)
      }
    }
  }
  if (empty) return 0
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1
}

/**
 * `repeats(keys)` and the copies of each line's key (1 when unique or without a key), from one
 * open-addressing table of the 53-bit keys: a `Map` of number keys boxed every key it was given
 * (a heap number each), twice over. The key's low 32 bits (`h1` of `lineHash`) spread it.
 */
function repeatLinks(keys: Float64Array): { other: Int32Array; copies: Uint16Array } {
  const n = keys.length
  let size = 16
  while (size < 2 * n) size *= 2
  const mask = size - 1
  // Per slot: the first line with the key (+1, 0 when empty), the second (-1 when none), and how many.
  const first = new Int32Array(size)
  const second = new Int32Array(size).fill(-1)
  const count = new Int32Array(size)
  const slotOf = new Int32Array(n)
  for (let k = 0; k < n; k++) {
    const key = keys[k]!
    if (key === 0) continue
    let slot = (key >>> 0) & mask
    while (first[slot] !== 0 && keys[first[slot]! - 1] !== key) slot = (slot + 1) & mask
    if (first[slot] === 0) first[slot] = k + 1
    else if (second[slot] === -1) second[slot] = k
    count[slot]!++
    slotOf[k] = slot
  }
  const other = new Int32Array(n).fill(-1)
  const copies = new Uint16Array(n)
  for (let k = 0; k < n; k++) {
    if (keys[k] === 0) {
      copies[k] = 1
      continue
    }
    const slot = slotOf[k]!
    const head = first[slot]! - 1
    other[k] = head !== k ? head : second[slot]!
    copies[k] = Math.min(count[slot]!, 65535)
  }
  return { other, copies }
}

/** The run of lines with the highest sum of `value` (maximum subarray, linear); start = -1 when none is positive. */
export function maxRun(n: number, value: (k: number) => number): { start: number; end: number } {
  let best = 0
  let bestStart = -1
  let bestEnd = -1
  let sum = 0
  let start = 0
  for (let k = 0; k < n; k++) {
    if (sum <= 0) {
      sum = 0
      start = k
    }
    sum += value(k)
    if (sum > best) {
      best = sum
      bestStart = start
      bestEnd = k
    }
  }
  return { start: bestStart, end: bestEnd }
}

/**
 * The headline: the most title-like line in the few lines above the body (3–30 words, no final
 * full stop, no junk shape), preferring Title Case and nearness to the body.
 */
function findHeadline(texts: readonly string[], words: Float32Array, flags: Uint32Array, shares: Uint8Array, bodyStart: number): number {
  let best = -1
  let bestScore = -Infinity
  for (let k = bodyStart - 1; k >= 0 && k >= bodyStart - HEADLINE_WINDOW; k--) {
    if (words[k]! < 3 || words[k]! > 30) continue
    if ((flags[k]! & SHAPED) !== 0) continue
    if (/\.[\s"'”’»)]*$/u.test(texts[k]!.trim()) && (flags[k]! & ELLIPSIS_BIT) === 0) continue
    const titleCase = shares[k * SHARES + 1]! / SHARE_SCALE
    const score = Math.min(words[k]!, 15) + 5 * titleCase - 0.5 * (bodyStart - k)
    if (score > bestScore) {
      bestScore = score
      best = k
    }
  }
  return best
}

/** Whether line `k` has one of the named junk shapes, by name. */
export function shapeOf(page: Page, k: number): { ui: boolean; ticker: boolean; credit: boolean; byline: boolean; menu: boolean } {
  const bits = page.flags[k]!
  return {
    ui: (bits & UI_BIT) !== 0,
    ticker: (bits & TICKER_BIT) !== 0,
    credit: (bits & CREDIT_BIT) !== 0,
    byline: (bits & BYLINE_BIT) !== 0,
    menu: (bits & MENU_BIT) !== 0,
  }
}

export function isProse(page: Page, k: number): boolean {
  return (page.flags[k]! & PROSE_BIT) !== 0
}

export function isShaped(page: Page, k: number): boolean {
  return (page.flags[k]! & SHAPED) !== 0
}

/** A short label ending in a colon ("Related Topics:", "Al Jazeera :"). */
export function isLabel(page: Page, k: number): boolean {
  return (page.flags[k]! & LABEL_BIT) !== 0
}

/** Outside the main body of prose (false on a page without one). */
export function outsideBody(page: Page, k: number): boolean {
  return page.bodyStart >= 0 && (k < page.bodyStart || k > page.bodyEnd)
}

export function isTerminal(page: Page, k: number): boolean {
  return (page.flags[k]! & TERMINAL_BIT) !== 0
}

export function endsInColon(page: Page, k: number): boolean {
  return (page.flags[k]! & COLON_BIT) !== 0
}

export function isAllCaps(page: Page, k: number): boolean {
  return (page.flags[k]! & ALL_CAPS_BIT) !== 0
}

/** Neighbours described in each row: offsets in non-blank lines. */
const OFFSETS = [-3, -2, -1, 1, 2, 3] as const
const NEIGHBOUR_FEATURES = ['logWords', 'terminal', 'stopShare', 'prose', 'shaped', 'titleCase', 'credit', 'lexMean', 'cohesion'] as const
/** Lines either way over which the lexicon's mean score is averaged. */
const LEX_WINDOW = 5
/** Windows (± lines) over which the share of prose lines is measured. */
const WINDOWS = [2, 5, 15] as const
/** Distances are capped here. */
const DISTANCE_CAP = 40

/** Names of the stage-1 features, in row order. */
export const FEATURES: readonly string[] = [
  'logWords', 'logChars', 'terminal', 'ellipsis', 'colonEnd', 'question', 'stopShare', 'titleCase', 'allCaps',
  'letterShare', 'digitShare', 'symbolShare', 'meanWordLength', 'innerSentences', 'lowerStart', 'url', 'bullet',
  'quoteStart', 'dateLine', 'commentHeader', 'uiString', 'ticker', 'credit', 'byline', 'inlineMenu', 'subhead', 'prose', 'short',
  ...OFFSETS.flatMap((offset) => NEIGHBOUR_FEATURES.map((name) => `${offset < 0 ? 'prev' : 'next'}${Math.abs(offset)}.${name}`)),
  'shortRun', 'proseRun', 'hasBody', 'inBody', 'linesAboveBody', 'linesBelowBody', 'bodyShare', 'headline', 'headlineEcho',
  'repeated', 'copies', 'fromTop', 'fromBottom', 'position', 'logLines', 'commentZone', 'proseWordsBefore', 'proseWordsAfter',
  ...WINDOWS.map((w) => `proseShare${w}`), 'proseAbove', 'proseBelow', 'pageProseShare', 'pageMeanLogWords', 'relativeLength',
  'hasStopList', 'openRun', 'terminalShare3', 'metaLines10', 'label',
  'commaShare', 'upperShare', 'lexMean', 'lexMax', 'lexMin', 'lexCoverage', 'lexFirst', `lexWindow${LEX_WINDOW}`,
  'relativeToMedian', 'lengthRank', 'lookRun', 'headlineDistance',
  'skeletonRun', 'segmentLength', 'segmentIndex', 'segmentToEnd', 'segmentAboveWords', 'segmentBelowWords', 'segmentAboveInBody',
  'segmentBelowInBody', 'colonAbove', 'dateline', 'cohesion',
]

/** Share `index` of line `k` (0 stop words, 1 Title Case, 2 letters, 3 digits, 4 symbols); -1 when unknown. */
export function shareAt(page: Page, k: number, index: number): number {
  const value = page.shares[k * SHARES + index]!
  return value === UNKNOWN_SHARE ? -1 : value / SHARE_SCALE
}

/** Lines from `k` to the nearest prose line in direction `step` (±1), capped; the cap when none. */
function proseDistance(page: Page, k: number, step: 1 | -1): number {
  for (let d = 1; d <= DISTANCE_CAP; d++) {
    const j = k + step * d
    if (j < 0 || j >= page.n) return DISTANCE_CAP
    if ((page.flags[j]! & PROSE_BIT) !== 0) return d
  }
  return DISTANCE_CAP
}

/** `Math.log1p(v)` and `Math.log(v)` of the integers `v` below the tables' length (grown by `growLogTables`). */
let LOG1P_OF_INT = new Float64Array(0)
let LOG_OF_INT = new Float64Array(0)
/** The page `featureRow` last read, by its lines, and `Math.log` of them. */
let loggedLines = -1
let logLines = 0

/** Grow the tables of `log1p` and `log` of integers to at least `size` entries. */
function growLogTables(size: number): void {
  let length = Math.max(64, LOG_OF_INT.length)
  while (length < size) length *= 2
  LOG1P_OF_INT = new Float64Array(length)
  LOG_OF_INT = new Float64Array(length)
  for (let v = 0; v < length; v++) {
    LOG1P_OF_INT[v] = Math.log1p(v)
    LOG_OF_INT[v] = Math.log(v)
  }
}

/** Fill `out` (length `FEATURES.length`) with the stage-1 features of line `k`. */
export function featureRow(page: Page, k: number, out: Float32Array): Float32Array {
  const { n, flags, logWords } = page
  const bits = flags[k]!
  const flag = (bit: number): number => ((bits & bit) !== 0 ? 1 : 0)
  if (n !== loggedLines) {
    loggedLines = n
    logLines = Math.log(n)
    if (LOG_OF_INT.length < n + 2) growLogTables(n + 2)
  }
  // Logarithms of counts up to n + 1 (runs, copies) from the tables: each the value `Math.log1p` or
  // `Math.log` gives, computed once per process rather than a dozen times a row.
  const log1pInt = LOG1P_OF_INT
  let i = 0
  out[i++] = logWords[k]!
  out[i++] = Math.log1p(page.chars[k]!)
  out[i++] = flag(TERMINAL_BIT)
  out[i++] = flag(ELLIPSIS_BIT)
  out[i++] = flag(COLON_BIT)
  out[i++] = flag(QUESTION_BIT)
  out[i++] = shareAt(page, k, 0)
  out[i++] = shareAt(page, k, 1)
  out[i++] = flag(ALL_CAPS_BIT)
  out[i++] = shareAt(page, k, 2)
  out[i++] = shareAt(page, k, 3)
  out[i++] = shareAt(page, k, 4)
  out[i++] = shareAt(page, k, 5) * 20
  out[i++] = page.innerSentences[k]!
  out[i++] = flag(LOWER_START_BIT)
  out[i++] = flag(URL_BIT)
  out[i++] = flag(BULLET_BIT)
  out[i++] = flag(QUOTE_BIT)
  out[i++] = flag(DATE_BIT)
  out[i++] = flag(SAID_BIT)
  out[i++] = flag(UI_BIT)
  out[i++] = flag(TICKER_BIT)
  out[i++] = flag(CREDIT_BIT)
  out[i++] = flag(BYLINE_BIT)
  out[i++] = flag(MENU_BIT)
  out[i++] = flag(SUBHEAD_BIT)
  out[i++] = flag(PROSE_BIT)
  out[i++] = flag(SHORT_BIT)
  for (const offset of OFFSETS) {
    const j = k + offset
    if (j < 0 || j >= n) {
      // Beyond the edge of the page: a value no real line has.
      for (let f = 0; f < NEIGHBOUR_FEATURES.length; f++) out[i++] = -1
      continue
    }
    const other = flags[j]!
    out[i++] = logWords[j]!
    out[i++] = (other & TERMINAL_BIT) !== 0 ? 1 : 0
    out[i++] = shareAt(page, j, 0)
    out[i++] = (other & PROSE_BIT) !== 0 ? 1 : 0
    out[i++] = (other & SHAPED) !== 0 ? 1 : 0
    out[i++] = shareAt(page, j, 1)
    out[i++] = (other & CREDIT_BIT) !== 0 ? 1 : 0
    out[i++] = page.lex[j * LEX_VALUES]!
    out[i++] = page.cohesion[j]!
  }
  const hasBody = page.bodyStart >= 0
  out[i++] = log1pInt[page.shortRun[k]!]!
  out[i++] = log1pInt[page.proseRun[k]!]!
  out[i++] = hasBody ? 1 : 0
  out[i++] = hasBody && k >= page.bodyStart && k <= page.bodyEnd ? 1 : 0
  out[i++] = hasBody && k < page.bodyStart ? Math.min(page.bodyStart - k, DISTANCE_CAP) : 0
  out[i++] = hasBody && k > page.bodyEnd ? Math.min(k - page.bodyEnd, DISTANCE_CAP) : 0
  out[i++] = page.totalWords > 0 ? page.bodyWords / page.totalWords : 0
  out[i++] = k === page.headline ? 1 : 0
  out[i++] = page.headlineEcho[k]!
  // A repeated sentence is junk only in its later copies; a repeated short line in all of them.
  const other = page.other[k]!
  out[i++] = other >= 0 && ((bits & PROSE_BIT) === 0 || other < k) && k !== page.headline ? 1 : 0
  out[i++] = LOG_OF_INT[page.copies[k]!]!
  out[i++] = Math.min(k, DISTANCE_CAP)
  out[i++] = Math.min(n - 1 - k, DISTANCE_CAP)
  out[i++] = n > 1 ? k / (n - 1) : 0.5
  out[i++] = logLines
  out[i++] = k > page.comments ? 1 : 0
  const totalProse = page.proseWordsBefore[n]!
  out[i++] = totalProse > 0 ? page.proseWordsBefore[k]! / totalProse : 0
  out[i++] = totalProse > 0 ? (totalProse - page.proseWordsBefore[k + 1]!) / totalProse : 0
  for (const w of WINDOWS) {
    const from = Math.max(0, k - w)
    const to = Math.min(n, k + w + 1)
    // Prose lines around the line, itself excluded.
    const count = page.proseLinesBefore[to]! - page.proseLinesBefore[from]! - flag(PROSE_BIT)
    out[i++] = to - from > 1 ? count / (to - from - 1) : 0
  }
  out[i++] = proseDistance(page, k, -1)
  out[i++] = proseDistance(page, k, 1)
  out[i++] = page.proseLinesBefore[n]! / n
  out[i++] = page.meanLogWords
  out[i++] = logWords[k]! - page.meanLogWords
  out[i++] = page.hasStopList ? 1 : 0
  out[i++] = log1pInt[page.openRun[k]!]!
  {
    const from = Math.max(0, k - 3)
    const to = Math.min(n, k + 4)
    out[i++] = to - from > 1 ? (page.terminalBefore[to]! - page.terminalBefore[from]! - flag(TERMINAL_BIT)) / (to - from - 1) : 0
  }
  out[i++] = page.metaBefore[Math.min(n, k + 11)]! - page.metaBefore[Math.max(0, k - 10)]!
  out[i++] = flag(LABEL_BIT)
  out[i++] = shareAt(page, k, 6)
  out[i++] = shareAt(page, k, 7)
  for (let v = 0; v < LEX_VALUES; v++) out[i++] = page.lex[k * LEX_VALUES + v]!
  {
    const from = Math.max(0, k - LEX_WINDOW)
    const to = Math.min(n, k + LEX_WINDOW + 1)
    out[i++] = to - from > 1 ? (page.lexBefore[to]! - page.lexBefore[from]! - page.lex[k * LEX_VALUES]!) / (to - from - 1) : 0
  }
  out[i++] = logWords[k]! - page.medianLogWords
  out[i++] = page.lengthRank[k]!
  out[i++] = log1pInt[page.lookRun[k]!]!
  // Lines below the headline (negative above it); beyond the cap, or no headline: the cap.
  out[i++] = page.headline < 0 ? DISTANCE_CAP : Math.max(-DISTANCE_CAP, Math.min(DISTANCE_CAP, k - page.headline))
  out[i++] = log1pInt[page.skeletonRun[k]!]!
  const start = page.segmentStart[k]!
  const end = page.segmentEnd[k]!
  const inBody = (j: number): number => (!hasBody ? -1 : j >= page.bodyStart && j <= page.bodyEnd ? 1 : 0)
  out[i++] = log1pInt[end - start + 1]!
  out[i++] = Math.min(k - start, DISTANCE_CAP)
  out[i++] = Math.min(end - k, DISTANCE_CAP)
  out[i++] = start > 0 ? logWords[start - 1]! : -1
  out[i++] = end < n - 1 ? logWords[end + 1]! : -1
  out[i++] = start > 0 ? inBody(start - 1) : -2
  out[i++] = end < n - 1 ? inBody(end + 1) : -2
  out[i++] = page.colonAbove[k]!
  out[i++] = flag(DATELINE_BIT)
  out[i++] = page.cohesion[k]!
  return out
}

/**
 * The neighbourhood as the first model saw it: stage-1 probabilities `p1` of the lines around,
 * summed up for the second model (stacking). Built once per page.
 */
export interface Stack {
  /** Prefix sums (length n + 1) of p1 and of the words of lines p1 calls content. */
  p1Before: Float64Array
  contentWordsBefore: Float64Array
  /** Nearest line p1 calls content, above and below (distance, capped). */
  contentAbove: Uint8Array
  contentBelow: Uint8Array
  /** The run of lines with the most content words by p1 (maximum subarray). */
  blockStart: number
  blockEnd: number
}

/** Offsets whose stage-1 probability enters the stage-2 row. */
const STACK_OFFSETS = [-3, -2, -1, 1, 2, 3] as const
const STACK_WINDOWS = [3, 10] as const

export const STACK_FEATURES: readonly string[] = [
  'p1',
  ...STACK_OFFSETS.map((offset) => `p1.${offset < 0 ? 'prev' : 'next'}${Math.abs(offset)}`),
  ...STACK_WINDOWS.map((w) => `p1.mean${w}`),
  'contentAbove', 'contentBelow', 'contentWordsBefore', 'contentWordsAfter', 'inContentBlock', 'aboveContentBlock',
  'belowContentBlock', 'pageContentShare',
  'p1.segmentAbove', 'p1.segmentBelow', 'p1.segmentMean', 'p1.colonLine', 'p1.skeletonMean',
]

/** Summarise the stage-1 probabilities of a page for `stackRow`. */
export function buildStack(page: Page, p1: ArrayLike<number>): Stack {
  const n = page.n
  const p1Before = new Float64Array(n + 1)
  const contentWordsBefore = new Float64Array(n + 1)
  for (let k = 0; k < n; k++) {
    p1Before[k + 1] = p1Before[k]! + p1[k]!
    contentWordsBefore[k + 1] = contentWordsBefore[k]! + (p1[k]! < 0.5 ? page.words[k]! : 0)
  }
  const contentAbove = new Uint8Array(n)
  const contentBelow = new Uint8Array(n)
  let last = -Infinity
  for (let k = 0; k < n; k++) {
    contentAbove[k] = Math.min(k - last, DISTANCE_CAP)
    if (p1[k]! < 0.5) last = k
  }
  last = Infinity
  for (let k = n - 1; k >= 0; k--) {
    contentBelow[k] = Math.min(last - k, DISTANCE_CAP)
    if (p1[k]! < 0.5) last = k
  }
  // The main block by the first model: content lines earn their words, junk lines cost a few.
  const block = maxRun(n, (k) => (p1[k]! < 0.5 ? Math.min(page.words[k]!, 60) : -4 * (p1[k]! - 0.25)))
  return { p1Before, contentWordsBefore, contentAbove, contentBelow, blockStart: block.start, blockEnd: block.end }
}

/** Fill `out` (length `FEATURES.length + STACK_FEATURES.length`): the stage-1 row, then the stacked features. */
export function stackRow(page: Page, stack: Stack, p1: ArrayLike<number>, k: number, out: Float32Array): Float32Array {
  featureRow(page, k, out)
  const n = page.n
  let i = FEATURES.length
  out[i++] = p1[k]!
  for (const offset of STACK_OFFSETS) {
    const j = k + offset
    out[i++] = j < 0 || j >= n ? -1 : p1[j]!
  }
  for (const w of STACK_WINDOWS) {
    const from = Math.max(0, k - w)
    const to = Math.min(n, k + w + 1)
    out[i++] = to - from > 1 ? (stack.p1Before[to]! - stack.p1Before[from]! - p1[k]!) / (to - from - 1) : -1
  }
  out[i++] = stack.contentAbove[k]!
  out[i++] = stack.contentBelow[k]!
  const total = stack.contentWordsBefore[n]!
  out[i++] = total > 0 ? stack.contentWordsBefore[k]! / total : 0
  out[i++] = total > 0 ? (total - stack.contentWordsBefore[k + 1]!) / total : 0
  const hasBlock = stack.blockStart >= 0
  out[i++] = hasBlock && k >= stack.blockStart && k <= stack.blockEnd ? 1 : 0
  out[i++] = hasBlock && k < stack.blockStart ? Math.min(stack.blockStart - k, DISTANCE_CAP) : 0
  out[i++] = hasBlock && k > stack.blockEnd ? Math.min(k - stack.blockEnd, DISTANCE_CAP) : 0
  out[i++] = page.totalWords > 0 ? total / page.totalWords : 0
  const start = page.segmentStart[k]!
  const end = page.segmentEnd[k]!
  out[i++] = start > 0 ? p1[start - 1]! : -1
  out[i++] = end < n - 1 ? p1[end + 1]! : -1
  out[i++] = end > start ? (stack.p1Before[end + 1]! - stack.p1Before[start]! - p1[k]!) / (end - start) : -1
  out[i++] = page.colonAbove[k]! > 0 ? p1[k - page.colonAbove[k]!]! : -1
  {
    // The run of lines of the same skeleton around the line (a list decides as one).
    const run = page.skeletonRun[k]!
    const first = page.skeletonStart[k]!
    out[i++] = run > 1 ? (stack.p1Before[first + run]! - stack.p1Before[first]! - p1[k]!) / (run - 1) : -1
  }
  return out
}
