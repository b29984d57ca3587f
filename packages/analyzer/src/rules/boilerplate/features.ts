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
 * Exceptions handled:
 * - Languages without a stop-word list get `stopShare = -1` and `hasStopList = 0`, so the model
 *   falls back on punctuation, length and case instead of reading "no function words" as junk.
 * - Chinese and Japanese characters (no spaces) count half a word each.
 * - Repeats are found on a 53-bit hash of the comparison form, not on stored strings.
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

const TERMINAL = /[.!?。！？][\s"'”’»)\]]*$/u
const ELLIPSIS = /(?:…|\.\.)[\s"'”’»)\]]*$/u
const COLON_END = /[:：]\s*$/u
const QUESTION = /[?？][\s"'”’»)\]]*$/u
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
const URL_LIKE = /https?:\/\/|www\.|\S@\S+\.\w|\.(?:com|org|net)\b/iu
const BULLET = /^[•·*►▶■□◦‣-]\s/u
const QUOTE_START = /^["“„«‘'‹]/u
/** A label: at most four capitalised words and a colon ("Related Topics:", "Al Jazeera :", "TRENDING:"). */
const LABEL = /^\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,3}\s*[:：]$/u
/** The header of a reader comment: "Milan on September 12, 2018 at 4:47 pm said:". */
const SAID_HEADER = /\b(?:says|said|wrote|writes|sagt|schreibt|dit|écrit|dice|disse|escreveu|zegt|pisze|пишет|написал[аи]?)\s*:\s*$/iu
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
}

/** Any Chinese or Japanese character: the cheap test before counting them. */
const MAYBE_CJK = /[\u2e80-\u9fff\uf900-\ufaff]|[\ud840-\ud87f]/u

/**
 * Word count where Chinese and Japanese characters (no spaces) count as half a word each.
 * `tokens` is the line's `WORD` matches, the same words `countWords` counts.
 */
function wordsOf(text: string, tokens: readonly string[]): number {
  if (!MAYBE_CJK.test(text)) return tokens.length
  let cjk = 0
  const rest = text.replace(CJK, () => {
    cjk++
    return ' '
  })
  return countWords(rest) + cjk / 2
}

/** Features of one line on its own. */
export function lineFeatures(text: string, stopWords: Set<string> | undefined): LineFeatures {
  const trimmed = text.trim()
  const tokens = trimmed.match(WORD) ?? []
  const words = wordsOf(trimmed, tokens)
  const ellipsis = ELLIPSIS.test(trimmed)
  const terminal = !ellipsis && TERMINAL.test(trimmed)

  let letters = 0
  let digits = 0
  let symbols = 0
  let visible = 0
  let upper = 0
  let lower = 0
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
      } else if (kind === LOWER) {
        letters++
        lower++
      } else if (kind === DIGIT) digits++
      else if (kind === SYMBOL) symbols++
      continue
    }
    // A character outside the Basic Multilingual Plane takes two code units.
    const point = trimmed.codePointAt(i)!
    if (point > 0xffff) i++
    const char = String.fromCodePoint(point)
    if (/\s/u.test(char)) continue
    visible++
    if (/\p{L}/u.test(char)) {
      letters++
      if (/\p{Lu}/u.test(char)) upper++
      else if (/\p{Ll}/u.test(char)) lower++
    } else if (/\p{N}/u.test(char)) digits++
    else if (!/[’‘“”«»–—…]/u.test(char)) symbols++
  }

  let stops = 0
  let capitalised = 0
  let contentTokens = 0
  let tokenLetters = 0
  for (const token of tokens) {
    tokenLetters += token.length
    if (stopWords?.has(token.toLowerCase())) {
      stops++
      continue
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
    if (!/^\p{L}/u.test(token)) continue
    contentTokens++
    if (/^\p{Lu}/u.test(token)) capitalised++
  }

  const features: LineFeatures = {
    text,
    words,
    terminal,
    ellipsis,
    colonEnd: COLON_END.test(trimmed),
    question: QUESTION.test(trimmed),
    stopShare: stopWords && tokens.length > 0 ? stops / tokens.length : -1,
    titleCase: tokens.length >= 2 && contentTokens > 0 ? capitalised / contentTokens : 0,
    allCaps: upper >= 3 && lower === 0,
    letterShare: visible > 0 ? letters / visible : 0,
    digitShare: visible > 0 ? digits / visible : 0,
    symbolShare: visible > 0 ? symbols / visible : 0,
    meanWordLength: tokens.length > 0 ? tokenLetters / tokens.length : 0,
    innerSentences: trimmed.match(INNER_SENTENCE)?.length ?? 0,
    lowerStart: /^\P{L}*\p{Ll}/u.test(trimmed),
    url: URL_LIKE.test(trimmed),
    bullet: BULLET.test(trimmed),
    quoteStart: QUOTE_START.test(trimmed),
    subhead: /^[-–—]\s*\S.*\S\s*[-–—]$/u.test(trimmed) && words <= 10,
    prose: false,
    short: false,
  }
  const ui = uiString(trimmed, words)
  if (ui) features.ui = ui
  const tick = ticker(trimmed)
  if (tick) features.ticker = tick
  const cred = credit(trimmed, words)
  if (cred) features.credit = cred
  const by = cred ? undefined : byline(trimmed, words, terminal)
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
const SHAPED = UI_BIT | TICKER_BIT | CREDIT_BIT | BYLINE_BIT | MENU_BIT

/** Shares stored as bytes: 0–250 for 0–1, 255 for "unknown" (no stop-word list). */
const SHARE_SCALE = 250
const UNKNOWN_SHARE = 255
const SHARES = 6 // stop, titleCase, letter, digit, symbol, mean word length / 20

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
}

/** Build the page table of the non-blank `texts` of a document in `stopWords`' language. */
export function buildPage(texts: readonly string[], stopWords: Set<string> | undefined): Page {
  const n = texts.length
  const words = new Float32Array(n)
  const chars = new Float32Array(n)
  const flags = new Uint32Array(n)
  const shares = new Uint8Array(n * SHARES)
  const innerSentences = new Uint8Array(n)
  const shape = new Uint8Array(n)
  const menuShape = new Uint8Array(n)
  const keys = new Float64Array(n)
  const share = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * SHARE_SCALE)
  let totalWords = 0
  let logWords = 0
  for (let k = 0; k < n; k++) {
    const text = texts[k]!
    const line = lineFeatures(text, stopWords)
    words[k] = line.words
    chars[k] = text.trim().length
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
    if (LABEL.test(text.trim())) bits |= LABEL_BIT
    if (line.byline === 'date line') bits |= DATE_BIT
    if (line.words <= 14 && (line.byline === 'comment header' || SAID_HEADER.test(text))) bits |= SAID_BIT
    if (!line.prose && line.words <= 8 && (COMMENT_MARKER.test(text.trim()) || line.byline === 'comment header')) bits |= COMMENT_MARKER_BIT
    flags[k] = bits
    const at = k * SHARES
    shares[at] = line.stopShare < 0 ? UNKNOWN_SHARE : share(line.stopShare)
    shares[at + 1] = share(line.titleCase)
    shares[at + 2] = share(line.letterShare)
    shares[at + 3] = share(line.digitShare)
    shares[at + 4] = share(line.symbolShare)
    shares[at + 5] = share(line.meanWordLength / 20)
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
  }
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
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  let empty = true
  let gap = false
  const add = (code: number): void => {
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    let separator: boolean
    if (code < 128) {
      const kind = ASCII_KIND[code]!
      separator = kind === SPACE || kind === PUNCTUATION || kind === SYMBOL
      if (kind === UPPER) code += 32
    } else {
      const point = text.codePointAt(i)!
      const char = String.fromCodePoint(point)
      if (point > 0xffff) i++
      separator = /[\p{P}\p{S}\s]/u.test(char)
      if (!separator) {
        if (!empty && gap) add(32)
        gap = false
        empty = false
        const lower = char.toLowerCase()
        for (let j = 0; j < lower.length; j++) add(lower.charCodeAt(j))
        continue
      }
    }
    if (separator) {
      gap = true
      continue
    }
    if (!empty && gap) add(32)
    gap = false
    empty = false
    add(code)
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
const NEIGHBOUR_FEATURES = ['logWords', 'terminal', 'stopShare', 'prose', 'shaped', 'titleCase', 'credit'] as const
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
  return out
}
