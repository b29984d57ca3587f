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
 * Speed: every line is read once by a character loop that classifies ASCII by table and other
 * characters by a table filled on first sight (a Russian page asks for the same 60 letters
 * thousands of times), and each word is looked up once in one index of stop words and lexicon.
 */
import { countWords } from '../../document.js'
import { byline } from './byline.js'
import { credit } from './credit.js'
import { inlineMenu, runLengths } from './menu.js'
import { repeatKey, repeats } from './repeated.js'
import { ticker } from './ticker.js'
import { uiString } from './ui-string.js'

/** Prose for the body search: a sentence of at least this many words, or a line this long. */
const PROSE_MIN_WORDS = 8
const LONG_LINE_WORDS = 20
/** What a line that is not prose costs the body search, in words. */
const GAP_COST = 8
/** Prose words that must come before a comment marker for it to open the comment section. */
const ARTICLE_BEFORE_COMMENTS = 150
/** A short line that opens the reader comments. */
const COMMENT_MARKER = /^\d+\s+(?:thoughts?|responses?|comments?|replies|reactions?)\s+(?:on|to)\b|^(?:\[?\s*\(?\d+\)?\s+)?(?:comments?|responses?|replies|reader comments|leave a (?:comment|reply)|post a comment|add a comment|show comments|view comments|join the discussion|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarze|комментарии)\b|\b\d+\s+(?:comments?|responses|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarz\w*|комментари\w*)\s*\]?$/iu
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
const TWO_CAPITALS = /^\p{Lu}{2}/u
const INNER_SENTENCE = /[.!?。！？]["”’»)]?\s+["“„«]?\p{Lu}/gu
/** Punctuation of prose, not counted as symbols. */
const ASCII_PUNCTUATION = `.,;:'"!?()-`
// What each ASCII character counts as.
const SPACE = 0
const UPPER = 1
const LOWER = 2
const DIGIT = 3
const PUNCTUATION = 4
const SYMBOL = 5
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, code) =>
  code <= 32 ? SPACE
  : code >= 65 && code <= 90 ? UPPER
  : code >= 97 && code <= 122 ? LOWER
  : code >= 48 && code <= 57 ? DIGIT
  : ASCII_PUNCTUATION.includes(String.fromCharCode(code)) ? PUNCTUATION
  : SYMBOL,
)
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

/** Matches of the global `pattern` in `text`, without building the array of them. */
function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0
  let count = 0
  while (pattern.exec(text) !== null) count++
  return count
}

/** Any Chinese or Japanese character: the cheap test before counting them. */
const MAYBE_CJK = /[\u2e80-\u9fff\uf900-\ufaff]|[\ud840-\ud87f]/u

/**
 * Word count where Chinese and Japanese characters (no spaces) count as half a word each.
 * `tokens` is the line's `WORD` matches, the same words `countWords` counts.
 */
function wordsOf(text: string, tokens: readonly string[], maybeCjk = MAYBE_CJK.test(text)): number {
  if (!maybeCjk) return tokens.length
  let cjk = 0
  const rest = text.replace(CJK, () => {
    cjk++
    return ' '
  })
  return countWords(rest) + cjk / 2
}

// What a character outside ASCII is, from its Unicode properties: the same tests as before, asked
// once per code unit and process (a Russian page asks for the same 60 letters thousands of times).
const U_UNKNOWN = 0
const U_SPACE = 1
const U_UPPER = 2
const U_LOWER = 3
/** A letter without case (Han, Hangul, Arabic …). */
const U_LETTER = 4
const U_NUMBER = 5
/** Prose punctuation outside ASCII (’‘“”«»–—…): neither a symbol nor part of a word. */
const U_PROSE_MARK = 6
/** Other punctuation and symbols: a symbol, and a separator for the repeat key. */
const U_SYMBOL = 7
/** Anything else (combining marks, format characters): a symbol, but part of a word for the repeat key. */
const U_OTHER = 8
const UNICODE_KIND = new Uint8Array(0x10000)

function kindOfChar(char: string): number {
  if (/\s/u.test(char)) return U_SPACE
  if (/\p{L}/u.test(char)) return /\p{Lu}/u.test(char) ? U_UPPER : /\p{Ll}/u.test(char) ? U_LOWER : U_LETTER
  if (/\p{N}/u.test(char)) return U_NUMBER
  if (/[’‘“”«»–—…]/u.test(char)) return U_PROSE_MARK
  if (/[\p{P}\p{S}]/u.test(char)) return U_SYMBOL
  return U_OTHER
}

/** Kind of the code point `point` (any plane). */
function unicodeKind(point: number): number {
  if (point > 0xffff) return kindOfChar(String.fromCodePoint(point))
  let kind = UNICODE_KIND[point]!
  if (kind === U_UNKNOWN) {
    kind = kindOfChar(String.fromCharCode(point))
    UNICODE_KIND[point] = kind
  }
  return kind
}

/** Lower case of each code unit outside ASCII, filled lazily: 0 not yet known, `MULTI` when it takes more than one unit. */
const LOWER_OF = new Uint16Array(0x10000)
const MULTI = 0xffff

/** Whether `text` holds an ASCII digit. */
function hasAsciiDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) return true
  }
  return false
}

/** The lexicon key of a word: lower case, runs of digits folded to `0` ("2019" and "15" are both "0"). */
export function lexiconKey(token: string): string {
  const lower = token.toLowerCase()
  return hasAsciiDigit(lower) ? lower.replace(/[0-9]+/g, '0') : lower
}

const STOP_WORD = 1
const IN_LEXICON = 2

/** The stop words of a language and a lexicon in one index: word → entry of `flags` and `scores`. */
interface TokenTable {
  index: Map<string, number>
  flags: Uint8Array
  scores: Float64Array
}

const tokenTables = new WeakMap<object, Map<Set<string> | undefined, TokenTable>>()
const NO_LEXICON = {}

/** The one table for `stopWords` and `lexicon`, built once per process. */
function tokenTable(stopWords: Set<string> | undefined, lexicon: Lexicon | undefined): TokenTable {
  const lexiconKey = lexicon && lexicon.size > 0 ? lexicon : NO_LEXICON
  let byStopWords = tokenTables.get(lexiconKey)
  if (!byStopWords) tokenTables.set(lexiconKey, (byStopWords = new Map()))
  let table = byStopWords.get(stopWords)
  if (!table) {
    const index = new Map<string, number>()
    const words = [...new Set([...(stopWords ?? []), ...(lexiconKey === NO_LEXICON ? [] : lexicon!.keys())])]
    const flags = new Uint8Array(words.length)
    const scores = new Float64Array(words.length)
    words.forEach((word, at) => {
      index.set(word, at)
      if (stopWords?.has(word)) flags[at]! |= STOP_WORD
      const score = lexiconKey === NO_LEXICON ? undefined : lexicon!.get(word)
      if (score !== undefined) {
        flags[at]! |= IN_LEXICON
        scores[at] = score
      }
    })
    table = { index, flags, scores }
    byStopWords.set(stopWords, table)
  }
  return table
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
  const tokens = trimmed.match(WORD) ?? []
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

  let letters = 0
  let digits = 0
  let symbols = 0
  let visible = 0
  let upper = 0
  let lower = 0
  let commas = 0
  // The skeleton: a hash of the line's punctuation, symbols and digit runs (as one `0` each), in order.
  let skeleton = 0x811c9dc5
  let inDigits = false
  let maybeCjk = false
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i)
    // ASCII by table, without regular expressions: most of the text on most pages.
    if (code < 128) {
      const kind = ASCII_KIND[code]!
      if (kind === SPACE) continue
      visible++
      if (kind === UPPER) {
        letters++
        upper++
        inDigits = false
      } else if (kind === LOWER) {
        letters++
        lower++
        inDigits = false
      } else if (kind === DIGIT) {
        digits++
        if (!inDigits) skeleton = Math.imul(skeleton ^ 48, 0x01000193)
        inDigits = true
      } else {
        if (kind === SYMBOL) symbols++
        else if (code === 44) commas++
        skeleton = Math.imul(skeleton ^ code, 0x01000193)
        inDigits = false
      }
      continue
    }
    // The characters `MAYBE_CJK` looks for, noted on the way (its surrogate range, read by code
    // point, only holds unpaired surrogates).
    if ((code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) maybeCjk = true
    // A character outside the Basic Multilingual Plane takes two code units.
    let point = code
    if (code >= 0xd800 && code <= 0xdbff) {
      point = trimmed.codePointAt(i)!
      if (point > 0xffff) i++
      else if (code >= 0xd840 && code <= 0xd87f) maybeCjk = true
    }
    const kind = unicodeKind(point)
    if (kind === U_SPACE) continue
    visible++
    if (kind === U_UPPER) {
      letters++
      upper++
    } else if (kind === U_LOWER) {
      letters++
      lower++
    } else if (kind === U_LETTER) letters++
    else if (kind === U_NUMBER) {
      digits++
      if (!inDigits) skeleton = Math.imul(skeleton ^ 48, 0x01000193)
      inDigits = true
      continue
    } else {
      if (kind !== U_PROSE_MARK) {
        symbols++
        // Full-width, ideographic and Arabic commas.
        if (point === 0xff0c || point === 0x3001 || point === 0x060c) commas++
      }
      skeleton = Math.imul(skeleton ^ (point & 0xffff), 0x01000193)
    }
    inDigits = false
  }

  const words = wordsOf(trimmed, tokens, maybeCjk)
  let stops = 0
  let capitalised = 0
  let contentTokens = 0
  let tokenLetters = 0
  // One look-up a word answers both lists (see `tokenTable`).
  const table = stopWords || (lexicon && lexicon.size > 0) ? tokenTable(stopWords, lexicon) : undefined
  let known = 0
  let sum = 0
  let max = 0
  let min = 0
  let firstScore = 0
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!
    tokenLetters += token.length
    if (table) {
      const low = token.toLowerCase()
      let entry = table.index.get(low)
      // A lexicon key holds no digit but single `0`s: a word with digits is looked up folded too.
      if (entry === undefined && hasAsciiDigit(low)) {
        entry = table.index.get(low.replace(/[0-9]+/g, '0'))
        // Stop words have no digits: the folded form only answers the lexicon.
        if (entry !== undefined && (table.flags[entry]! & IN_LEXICON) === 0) entry = undefined
        else if (entry !== undefined) entry = -1 - entry
      }
      if (entry !== undefined) {
        const folded = entry < 0
        const at = folded ? -1 - entry : entry
        const flags = table.flags[at]!
        if ((flags & IN_LEXICON) !== 0) {
          const score = table.scores[at]!
          if (t === 0) firstScore = score
          if (known === 0 || score > max) max = score
          if (known === 0 || score < min) min = score
          sum += score
          known++
        }
        if (!folded && (flags & STOP_WORD) !== 0) {
          stops++
          continue
        }
      }
    }
    const first = token.charCodeAt(0)
    // ASCII first letters without regular expressions.
    if (first < 128) {
      const upperFirst = first >= 65 && first <= 90
      if (!upperFirst && !(first >= 97 && first <= 122)) continue
      contentTokens++
      if (upperFirst) capitalised++
      continue
    }
    let point = first
    if (first >= 0xd800 && first <= 0xdbff) point = token.codePointAt(0)!
    const kind = unicodeKind(point)
    if (kind !== U_UPPER && kind !== U_LOWER && kind !== U_LETTER) continue
    contentTokens++
    if (kind === U_UPPER) capitalised++
  }

  const lex: [number, number, number, number, number] = [
    known > 0 ? sum / known : 0,
    max,
    min,
    tokens.length > 0 ? known / tokens.length : 0,
    firstScore,
  ]
  const features: LineFeatures = {
    text,
    words,
    terminal,
    ellipsis,
    colonEnd,
    question,
    stopShare: stopWords && tokens.length > 0 ? stops / tokens.length : -1,
    titleCase: tokens.length >= 2 && contentTokens > 0 ? capitalised / contentTokens : 0,
    allCaps: upper >= 3 && lower === 0,
    letterShare: visible > 0 ? letters / visible : 0,
    digitShare: visible > 0 ? digits / visible : 0,
    symbolShare: visible > 0 ? symbols / visible : 0,
    commaShare: tokens.length > 0 ? Math.min(1, commas / tokens.length) : 0,
    upperShare: upper + lower > 0 ? upper / (upper + lower) : 0,
    meanWordLength: tokens.length > 0 ? tokenLetters / tokens.length : 0,
    innerSentences: countMatches(INNER_SENTENCE, trimmed),
    lowerStart: /^\P{L}*\p{Ll}/u.test(trimmed),
    url: URL_LIKE.test(trimmed),
    bullet: BULLET.test(trimmed),
    quoteStart: QUOTE_START.test(trimmed),
    subhead: /^[-–—]\s*\S.*\S\s*[-–—]$/u.test(trimmed) && words <= 10,
    prose: false,
    short: false,
    lex,
    skeleton: skeleton >>> 0,
  }
  const ui = uiString(trimmed, words, letters + digits)
  if (ui) features.ui = ui
  const tick = ticker(trimmed)
  if (tick) features.ticker = tick
  const cred = credit(trimmed, words)
  if (cred) features.credit = cred
  const by = cred ? undefined : byline(trimmed, words, terminal, digits > 0)
  if (by) features.byline = by
  const menu = inlineMenu(trimmed, terminal)
  if (menu) features.inlineMenu = menu
  const shaped = Boolean(ui || tick || cred || by || menu)
  features.prose = !shaped && ((terminal && words >= PROSE_MIN_WORDS) || words >= LONG_LINE_WORDS)
  features.short = !features.prose && !features.subhead && (!terminal || words < PROSE_MIN_WORDS) && words < LONG_LINE_WORDS
  return features
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
  for (let k = 0; k < n; k++) {
    const text = texts[k]!
    const line = lineFeatures(text, stopWords, lexicon)
    const trimmedText = text.trim()
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
    if (line.words >= 8 && (TWO_CAPITALS.test(trimmedText) || trimmedText.includes('(')) && DATELINE.test(trimmedText)) bits |= DATELINE_BIT
    if (line.byline === 'date line') bits |= DATE_BIT
    if (line.words <= 14 && (line.byline === 'comment header' || (line.colonEnd && SAID_HEADER.test(text)))) bits |= SAID_BIT
    if (!line.prose && line.words <= 8 && (COMMENT_MARKER.test(trimmedText) || line.byline === 'comment header')) bits |= COMMENT_MARKER_BIT
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
    lex.set(line.lex, k * LEX_VALUES)
    looks[k] = lookOf(line.words, bits, firstKindOf(text))
    skeletons[k] = line.skeleton | 0
    innerSentences[k] = Math.min(line.innerSentences, 255)
    shape[k] = shapeIndex(line.ticker ?? line.credit ?? line.byline ?? line.ui)
    menuShape[k] = shapeIndex(line.inlineMenu)
    keys[k] = lineHash(text)
  }

  const other = repeats(keys)
  const copies = copyCounts(keys)
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
  return {
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
    lex,
    lexBefore: lexPrefix(lex, n),
    lookRun,
    skeletonRun,
    skeletonStart,
    segmentStart,
    segmentEnd,
    colonAbove,
  }
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
      let lower = point <= 0xffff ? LOWER_OF[point]! : MULTI
      if (lower === 0) {
        const lowered = String.fromCharCode(point).toLowerCase()
        lower = lowered.length === 1 ? lowered.charCodeAt(0) : MULTI
        LOWER_OF[point] = lower
      }
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

function copyCounts(keys: Float64Array): Uint16Array {
  const counts = new Map<number, number>()
  for (const key of keys) if (key !== 0) counts.set(key, (counts.get(key) ?? 0) + 1)
  const copies = new Uint16Array(keys.length)
  for (let k = 0; k < keys.length; k++) copies[k] = keys[k] === 0 ? 1 : Math.min(counts.get(keys[k]!)!, 65535)
  return copies
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
const NEIGHBOUR_FEATURES = ['logWords', 'terminal', 'stopShare', 'prose', 'shaped', 'titleCase', 'credit', 'lexMean'] as const
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
  'segmentBelowInBody', 'colonAbove', 'dateline',
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

/** Fill `out` (length `FEATURES.length`) with the stage-1 features of line `k`. */
export function featureRow(page: Page, k: number, out: Float32Array): Float32Array {
  const { n, words, flags } = page
  const bits = flags[k]!
  const flag = (bit: number): number => ((bits & bit) !== 0 ? 1 : 0)
  let i = 0
  out[i++] = Math.log1p(words[k]!)
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
    out[i++] = Math.log1p(words[j]!)
    out[i++] = (other & TERMINAL_BIT) !== 0 ? 1 : 0
    out[i++] = shareAt(page, j, 0)
    out[i++] = (other & PROSE_BIT) !== 0 ? 1 : 0
    out[i++] = (other & SHAPED) !== 0 ? 1 : 0
    out[i++] = shareAt(page, j, 1)
    out[i++] = (other & CREDIT_BIT) !== 0 ? 1 : 0
    out[i++] = page.lex[j * LEX_VALUES]!
  }
  const hasBody = page.bodyStart >= 0
  out[i++] = Math.log1p(page.shortRun[k]!)
  out[i++] = Math.log1p(page.proseRun[k]!)
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
  out[i++] = Math.log(page.copies[k]!)
  out[i++] = Math.min(k, DISTANCE_CAP)
  out[i++] = Math.min(n - 1 - k, DISTANCE_CAP)
  out[i++] = n > 1 ? k / (n - 1) : 0.5
  out[i++] = Math.log(n)
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
  out[i++] = Math.log1p(words[k]!) - page.meanLogWords
  out[i++] = page.hasStopList ? 1 : 0
  out[i++] = Math.log1p(page.openRun[k]!)
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
  out[i++] = Math.log1p(words[k]!) - page.medianLogWords
  out[i++] = page.lengthRank[k]!
  out[i++] = Math.log1p(page.lookRun[k]!)
  // Lines below the headline (negative above it); beyond the cap, or no headline: the cap.
  out[i++] = page.headline < 0 ? DISTANCE_CAP : Math.max(-DISTANCE_CAP, Math.min(DISTANCE_CAP, k - page.headline))
  out[i++] = Math.log1p(page.skeletonRun[k]!)
  const start = page.segmentStart[k]!
  const end = page.segmentEnd[k]!
  const inBody = (j: number): number => (!hasBody ? -1 : j >= page.bodyStart && j <= page.bodyEnd ? 1 : 0)
  out[i++] = Math.log1p(end - start + 1)
  out[i++] = Math.min(k - start, DISTANCE_CAP)
  out[i++] = Math.min(end - k, DISTANCE_CAP)
  out[i++] = start > 0 ? Math.log1p(words[start - 1]!) : -1
  out[i++] = end < n - 1 ? Math.log1p(words[end + 1]!) : -1
  out[i++] = start > 0 ? inBody(start - 1) : -2
  out[i++] = end < n - 1 ? inBody(end + 1) : -2
  out[i++] = page.colonAbove[k]!
  out[i++] = flag(DATELINE_BIT)
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
export function stackRow(page: Page, stack: Stack, p1: ArrayLike<number>, k: number, out: Float32Array, stage1Rows?: Float32Array, at = 0): Float32Array {
  // The stage-1 row, copied from `stage1Rows` (from `at`) when the caller kept them.
  if (stage1Rows) for (let f = 0; f < FEATURES.length; f++) out[f] = stage1Rows[at + f]!
  else featureRow(page, k, out)
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
