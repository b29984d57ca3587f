/**
 * The boilerplate classifier: one probability per line that it is page junk, and one
 * `boilerplate/*` finding per line above the threshold.
 *
 * It works on lines, not on the nlcst tree, in four linear passes over the non-blank lines:
 *
 * 1. Features of each line on its own: length, final punctuation, function-word share, case,
 *    digit and symbol share, and the named shapes (UI string, ticker, credit, byline, inline menu).
 * 2. Features of the page: the main body of prose (the run of lines with the most prose words,
 *    found like a maximum subarray), the headline just above it, runs of short lines (menus),
 *    lines repeated on the page (one Map).
 * 3. A logistic model with hand-set weights (`WEIGHTS`) gives each line a local probability.
 * 4. A neighbourhood pass: a short line between two lines of junk is junk; a short line between two
 *    paragraphs of prose is a subhead, so content.
 *
 * Every feature is written to `ctx.signals[line]` under `bp.*`, so a learned model can replace the
 * weights later without touching the features.
 *
 * ```text
 * close                                    ← ui-string
 * Trump and Putin talk about 2 hours       ← headline: content
 * Pavel Byrkin/Sputnik Kreml/AP            ← credit
 * Moscow – President Trump spoke more …    ← content (main body)
 * - Push for sanctions -                   ← content (short, but between paragraphs)
 * Leave a Comment                          ← ui-string
 * ```
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { countWords, spanOnLine, type Line } from '../../document.js'
import { context, report, type Detector, type LineSignals, type RuleMeta, type TqContext } from '../../rule.js'
import { byline, meta as bylineMeta } from './byline.js'
import { credit, meta as creditMeta } from './credit.js'
import { explain, meta as junkLineMeta } from './junk-line.js'
import { stopWordsOf } from './lexicon.js'
import { inlineMenu, meta as menuMeta, runLengths } from './menu.js'
import { meta as repeatedMeta, repeatKey, repeats } from './repeated.js'
import { ticker, meta as tickerMeta } from './ticker.js'
import { meta as uiStringMeta, uiString } from './ui-string.js'

const STATE_KEY = 'boilerplate/classifier'

/**
 * Weights of the logistic model (log-odds of junk), set by hand on the reasoning in the comments.
 * Positive pushes towards junk, negative towards content.
 */
export const WEIGHTS = {
  /** A line with nothing else known about it: slightly junk (pages are mostly chrome by line count). */
  bias: 2.2,
  /** Per word, up to `wordCap`: long lines are text. 20 words take off 3.6. */
  perWord: -0.18,
  wordCap: 40,
  /** Ends like a sentence (`. ! ? …` and closing quotes `” ’ »`): the strongest sign of prose. */
  terminal: -2.2,
  /** Ends in a colon: a label ("Text size:", "Al Jazeera :"), unless it is long. */
  colonEnd: 1.0,
  /** Ends in `…` or `..`: a cut-off teaser. */
  ellipsis: 0.8,
  /** Times the share of function words (0–0.6), for languages tq has a list for. */
  stopShare: -5.0,
  /** Times the share of Title Case words among the content words of a line of 2+ words. */
  titleCase: 1.2,
  /** All capitals ("TRENDING"). */
  allCaps: 1.0,
  /** Times the share of digits and of symbols among visible characters. */
  digitShare: 2.5,
  symbolShare: 3.0,
  /** Named shapes: each alone is enough. */
  uiString: 6.0,
  ticker: 8.0,
  credit: 6.0,
  byline: 5.0,
  inlineMenu: 3.5,
  /** "- Push for sanctions -": the AFP subhead convention. */
  subhead: -2.5,
  /** Per short line in the run of short lines around this one, beyond 2 (a menu), up to 8. */
  menuRun: 0.35,
  /** Inside the main body of prose. */
  inBody: -2.0,
  /** Per line of distance from the main body, up to `distanceCap`: teasers and comments far below. */
  bodyDistance: 0.5,
  distanceCap: 16,
  /** Prose with no prose line on either side, outside the body: a teaser between link titles. */
  isolatedProse: 1.5,
  /** After a comment-section marker ("12 comments", "Leave a Reply") that follows the article. */
  commentZone: 2.5,
  /** The page's headline: content. */
  headline: -9.0,
  /** Contains the headline but is not it (page title, teaser, caption of the lead image). */
  headlineEcho: 4.5,
  /** Occurs elsewhere on the page too (a short line; for prose only the later copies). */
  repeated: 1.5,
  /** Among the first or last two non-blank lines of the page. */
  edge: 0.8,
  /** Neighbourhood: a short line with junk on both sides. */
  junkNeighbours: 1.8,
  /** Neighbourhood: a short line with prose on both sides (a subhead). */
  proseNeighbours: -2.2,
} as const

/** Prose for the body search: a sentence of at least this many words, or a line this long. */
const PROSE_MIN_WORDS = 8
const LONG_LINE_WORDS = 20
/** What a line that is not prose costs the body search, in words. */
const GAP_COST = 8
/** Prose words that must come before a comment marker for it to open the comment section. */
const ARTICLE_BEFORE_COMMENTS = 150
/** A short line that opens the reader comments. */
const COMMENT_MARKER = /^(?:\[?\s*\(?\d+\)?\s+)?(?:comments?|responses?|replies|reader comments|leave a (?:comment|reply)|post a comment|add a comment|show comments|view comments|join the discussion|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarze|комментарии)\b|\b\d+\s+(?:comments?|responses|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarz\w*|комментари\w*)\s*\]?$/iu
/** How far above the body the headline may be, in non-blank lines. */
const HEADLINE_WINDOW = 8

const TERMINAL = /[.!?。！？][\s"'”’»)\]]*$/u
const ELLIPSIS = /(?:…|\.\.)[\s"'”’»)\]]*$/u
const COLON_END = /[:：]\s*$/u
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
/** Punctuation of prose, not counted as symbols. */
const ASCII_PUNCTUATION = `.,;:'"!?()-`
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu

export interface LineFeatures {
  index: number
  text: string
  words: number
  terminal: boolean
  ellipsis: boolean
  colonEnd: boolean
  /** Share of function words, or -1 when tq has no list for the language. */
  stopShare: number
  titleCase: number
  allCaps: boolean
  letterShare: number
  digitShare: number
  symbolShare: number
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

/** Word count where Chinese and Japanese characters (no spaces) count as half a word each. */
function wordsOf(text: string): number {
  let cjk = 0
  const rest = text.replace(CJK, () => {
    cjk++
    return ' '
  })
  return countWords(rest) + cjk / 2
}

/** Features of one line on its own. */
export function lineFeatures(index: number, text: string, stopWords: Set<string> | undefined): LineFeatures {
  const trimmed = text.trim()
  const words = wordsOf(trimmed)
  const ellipsis = ELLIPSIS.test(trimmed)
  const terminal = !ellipsis && TERMINAL.test(trimmed)
  const tokens = trimmed.match(WORD) ?? []

  let letters = 0
  let digits = 0
  let symbols = 0
  let visible = 0
  let upper = 0
  let lower = 0
  for (const char of trimmed) {
    const code = char.charCodeAt(0)
    // ASCII without regular expressions: most of the text on most pages.
    if (code < 128) {
      if (code <= 32) continue
      visible++
      if (code >= 65 && code <= 90) {
        letters++
        upper++
      } else if (code >= 97 && code <= 122) {
        letters++
        lower++
      } else if (code >= 48 && code <= 57) digits++
      else if (!ASCII_PUNCTUATION.includes(char)) symbols++
      continue
    }
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
  for (const token of tokens) {
    const lowerToken = token.toLowerCase()
    if (stopWords?.has(lowerToken)) {
      stops++
      continue
    }
    if (!/^\p{L}/u.test(token)) continue
    contentTokens++
    if (/^\p{Lu}/u.test(token)) capitalised++
  }

  const features: LineFeatures = {
    index,
    text,
    words,
    terminal,
    ellipsis,
    colonEnd: COLON_END.test(trimmed),
    stopShare: stopWords && tokens.length > 0 ? stops / tokens.length : -1,
    titleCase: tokens.length >= 2 && contentTokens > 0 ? capitalised / contentTokens : 0,
    allCaps: upper >= 3 && lower === 0,
    letterShare: visible > 0 ? letters / visible : 0,
    digitShare: visible > 0 ? digits / visible : 0,
    symbolShare: visible > 0 ? symbols / visible : 0,
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

/**
 * The main body: the run of lines with the most prose words, where every line that is not prose
 * costs `GAP_COST` words (maximum subarray, linear). Undefined when the page has no prose.
 */
export function mainBody(lines: readonly LineFeatures[]): { start: number; end: number } | undefined {
  let best = 0
  let bestStart = -1
  let bestEnd = -1
  let sum = 0
  let start = 0
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!
    const value = line.prose ? Math.min(line.words, 60) : -GAP_COST
    if (sum <= 0) {
      sum = 0
      start = k
    }
    sum += value
    if (sum > best) {
      best = sum
      bestStart = start
      bestEnd = k
    }
  }
  return bestStart >= 0 ? { start: bestStart, end: bestEnd } : undefined
}

/**
 * The headline: the most title-like line in the few lines above the body (3–30 words, no final
 * full stop, no junk shape), preferring Title Case and nearness to the body.
 */
export function findHeadline(lines: readonly LineFeatures[], bodyStart: number): number {
  let best = -1
  let bestScore = -Infinity
  for (let k = bodyStart - 1; k >= 0 && k >= bodyStart - HEADLINE_WINDOW; k--) {
    const line = lines[k]!
    if (line.words < 3 || line.words > 30) continue
    if (line.ui || line.ticker || line.credit || line.byline || line.inlineMenu) continue
    if (/\.[\s"'”’»)]*$/u.test(line.text.trim()) && !line.ellipsis) continue
    const score = Math.min(line.words, 15) + 5 * line.titleCase - 0.5 * (bodyStart - k)
    if (score > bestScore) {
      bestScore = score
      best = k
    }
  }
  return best
}

/**
 * Index of the line that opens the reader comments: the first comment marker after at least
 * `ARTICLE_BEFORE_COMMENTS` words of prose (so a "12 comments" link under the headline does not
 * count). `Infinity` when there is none.
 */
export function commentStart(lines: readonly LineFeatures[]): number {
  let prose = 0
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!
    if (line.prose) prose += line.words
    else if (prose >= ARTICLE_BEFORE_COMMENTS && line.words <= 8 && (COMMENT_MARKER.test(line.text.trim()) || line.byline === 'comment header')) return k
  }
  return Infinity
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z))
}

/** Log-odds of junk from a line's own features and its place on the page. */
function localLogit(line: LineFeatures, signals: LineSignals): number {
  const W = WEIGHTS
  let z = W.bias
  z += W.perWord * Math.min(line.words, W.wordCap)
  if (line.terminal) z += W.terminal
  if (line.colonEnd && line.words < 10) z += W.colonEnd
  if (line.ellipsis) z += W.ellipsis
  if (line.stopShare >= 0) z += W.stopShare * Math.min(line.stopShare, 0.6)
  z += W.titleCase * line.titleCase
  if (line.allCaps) z += W.allCaps
  z += W.digitShare * line.digitShare + W.symbolShare * line.symbolShare
  if (line.ui) z += W.uiString
  if (line.ticker) z += W.ticker
  if (line.credit) z += W.credit
  if (line.byline) z += W.byline
  if (line.inlineMenu) z += W.inlineMenu
  if (line.subhead) z += W.subhead
  const run = signals['bp.menuRun'] ?? 0
  if (run > 2) z += W.menuRun * Math.min(run - 2, 8)
  if (signals['bp.inBody']) z += W.inBody
  z += W.bodyDistance * Math.min(signals['bp.bodyDistance'] ?? 0, W.distanceCap)
  if (signals['bp.headline']) z += W.headline
  if (signals['bp.headlineEcho']) z += W.headlineEcho
  if (signals['bp.repeated']) z += W.repeated
  if (signals['bp.edge']) z += W.edge
  if (signals['bp.isolatedProse']) z += W.isolatedProse
  if (signals['bp.commentZone']) z += W.commentZone
  return z
}

/** Compute every line's probability and features, and report the lines above the threshold. */
export function classify(ctx: TqContext, file: VFile): void {
  const all = ctx.document.lines
  const stopWords = stopWordsOf(ctx.language)
  const nonBlank: Line[] = all.filter((line) => !line.blank)
  const lines = nonBlank.map((line, k) => lineFeatures(k, line.text, stopWords))
  const n = lines.length
  if (n === 0) return
  const signals = nonBlank.map((line) => ctx.signals[line.number - 1]!)

  // Page structure.
  const body = mainBody(lines)
  const headline = body ? findHeadline(lines, body.start) : -1
  const headlineKey = headline >= 0 && lines[headline]!.words >= 4 ? repeatKey(lines[headline]!.text) : ''
  const keys = lines.map((line) => repeatKey(line.text))
  const other = repeats(keys)
  const runs = runLengths(lines.map((line) => line.short))
  const comments = commentStart(lines)

  for (let k = 0; k < n; k++) {
    const line = lines[k]!
    const s = signals[k]!
    s['bp.words'] = line.words
    s['bp.chars'] = line.text.trim().length
    s['bp.terminal'] = line.terminal ? 1 : 0
    s['bp.ellipsis'] = line.ellipsis ? 1 : 0
    s['bp.colonEnd'] = line.colonEnd ? 1 : 0
    s['bp.stopShare'] = line.stopShare
    s['bp.titleCase'] = line.titleCase
    s['bp.allCaps'] = line.allCaps ? 1 : 0
    s['bp.letterShare'] = line.letterShare
    s['bp.digitShare'] = line.digitShare
    s['bp.symbolShare'] = line.symbolShare
    s['bp.uiString'] = line.ui ? 1 : 0
    s['bp.ticker'] = line.ticker ? 1 : 0
    s['bp.credit'] = line.credit ? 1 : 0
    s['bp.byline'] = line.byline ? 1 : 0
    s['bp.inlineMenu'] = line.inlineMenu ? 1 : 0
    s['bp.subhead'] = line.subhead ? 1 : 0
    s['bp.prose'] = line.prose ? 1 : 0
    s['bp.menuRun'] = runs[k]!
    s['bp.hasBody'] = body ? 1 : 0
    s['bp.inBody'] = body && k >= body.start && k <= body.end ? 1 : 0
    s['bp.bodyDistance'] = !body ? 0 : k < body.start ? body.start - k : k > body.end ? k - body.end : 0
    s['bp.headline'] = k === headline ? 1 : 0
    s['bp.headlineEcho'] = k !== headline && headlineKey !== '' && keys[k]!.includes(headlineKey) ? 1 : 0
    // A repeated sentence is junk only in its later copies; a repeated short line in all of them.
    s['bp.repeated'] = other[k]! >= 0 && (!line.prose || other[k]! < k) && k !== headline ? 1 : 0
    s['bp.edge'] = n > 4 && (k < 2 || k >= n - 2) ? 1 : 0
    const proseNeighbour = (k > 0 && lines[k - 1]!.prose) || (k < n - 1 && lines[k + 1]!.prose)
    s['bp.isolatedProse'] = line.prose && !proseNeighbour && !s['bp.inBody'] ? 1 : 0
    s['bp.commentZone'] = k > comments ? 1 : 0
  }

  const local = new Float64Array(n)
  for (let k = 0; k < n; k++) local[k] = localLogit(lines[k]!, signals[k]!)

  // Neighbourhood: judge a short line by the lines around it.
  for (let k = 0; k < n; k++) {
    const line = lines[k]!
    const s = signals[k]!
    let z = local[k]!
    s['bp.local'] = sigmoid(z)
    s['bp.junkNeighbours'] = 0
    s['bp.proseNeighbours'] = 0
    if (line.short && !s['bp.headline']) {
      const before = k > 0 ? local[k - 1]! : undefined
      const after = k < n - 1 ? local[k + 1]! : undefined
      const junkBefore = before === undefined || before > 0
      const junkAfter = after === undefined || after > 0
      if (junkBefore && junkAfter && (before !== undefined || after !== undefined)) {
        z += WEIGHTS.junkNeighbours
        s['bp.junkNeighbours'] = 1
      } else if (before !== undefined && after !== undefined && before < 0 && after < 0 && lines[k - 1]!.prose && lines[k + 1]!.prose) {
        z += WEIGHTS.proseNeighbours
        s['bp.proseNeighbours'] = 1
      }
    }
    const p = sigmoid(z)
    ctx.boilerplate[nonBlank[k]!.number - 1] = p
    s['bp.probability'] = p
  }

  for (let k = 0; k < n; k++) {
    const lineNumber = nonBlank[k]!.number
    const p = ctx.boilerplate[lineNumber - 1]!
    if (p <= ctx.threshold) continue
    const { meta, message } = describe(lines[k]!, signals[k]!, other[k]!, headline, nonBlank, runs[k]!)
    const line = nonBlank[k]!
    const start = line.text.length - line.text.trimStart().length
    const end = line.text.trimEnd().length
    report(file, meta, spanOnLine(lineNumber, line.offset, start, end), message)
  }
}

function quoted(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ')
  return `'${trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed}'`
}

/** The kind of junk a line is, and a message a person understands. */
function describe(
  line: LineFeatures,
  signals: LineSignals,
  other: number,
  headline: number,
  nonBlank: readonly Line[],
  run: number,
): { meta: RuleMeta; message: string } {
  const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
  if (line.ticker) return { meta: tickerMeta, message: `Looks like a ${line.ticker} (${quoted(line.text)})` }
  if (line.credit) return { meta: creditMeta, message: `${capital(line.credit)} (${quoted(line.text)})` }
  if (line.byline) return { meta: bylineMeta, message: `${capital(line.byline)} (${quoted(line.text)})` }
  if (line.ui) return { meta: uiStringMeta, message: `${capital(line.ui)} (${quoted(line.text)})` }
  if (signals['bp.headlineEcho'] && headline >= 0) {
    return { meta: repeatedMeta, message: `Repeats the headline (line ${nonBlank[headline]!.number})` }
  }
  if (signals['bp.repeated'] && other >= 0) return { meta: repeatedMeta, message: `Repeats line ${nonBlank[other]!.number}` }
  if (line.inlineMenu) return { meta: menuMeta, message: `${capital(line.inlineMenu)} (${quoted(line.text)})` }
  if (run >= 3) return { meta: menuMeta, message: `Menu item: one of ${run} short lines in a row` }
  return { meta: junkLineMeta, message: explain(signals) }
}

function boilerplateClassifier() {
  return function (_tree: Root, file: VFile): void {
    const ctx = context(file)
    // The plugin runs once per chunk of paragraphs; the line work needs the whole document.
    if (ctx.state.has(STATE_KEY)) return
    ctx.state.set(STATE_KEY, true)
    ctx.atEnd.push(() => classify(ctx, file))
  }
}

export const detector: Detector = {
  rules: [uiStringMeta, tickerMeta, creditMeta, bylineMeta, menuMeta, repeatedMeta, junkLineMeta],
  plugin: boilerplateClassifier,
}
