/**
 * How technical a text is, for the line model (lines.ts): the share of its words that are code.
 *
 * tq's language model learned English from news, speeches and encyclopaedia text. Documentation
 * is English too, but of another register: `Pass a callback to control the box dimensions`, `the
 * config overrides the defaults` are n-grams news never writes, and the model read correct
 * technical prose as machine translation (human READMEs of npm packages: 9% reached 70 on
 * `translation`; scripts/eval-technical.mjs). Such text is easy to recognise by its code, which
 * machine translation leaves as it is:
 *
 * ```text
 * Use `readFile` from `node:fs`, or pass --force to skip the check.   ← 3 markers in 12 words
 * The talks ended without a commitment to a ceasefire.                ← none
 * ```
 *
 * Markers: inline code in backticks, identifiers written as code (`readFile`, `package.json`,
 * `src/index.ts`, `snake_case`; not the brands `iPhone` and `macOS`), command-line flags
 * (`--force`, `-o`), calls (`run()`) and URLs (`MARKER`).
 * Per 100 words: 95% of human READMEs (scripts/eval-technical.mjs) have 2.8 or more, 99% 1.2 or
 * more; 99% of the news articles of mt-docs-dev.jsonl (human, round trips, WMT systems) and of the
 * scraped pages of boilerplate-dev.jsonl have under 0.5, and none reaches `FROM`.
 */
import { countWords } from './document.js'

/** File extensions of code and configuration, after a name: `package.json`, `index.ts`, `setup.py`. */
export const EXTENSION = '(?:[cm]?[jt]sx?|json|mdx?|ya?ml|toml|py|rb|rs|go|java|sh|s?css|html?|xml|txt|lock|cfg|ini|env)'

/**
 * One pass over the text finds every marker: a file name with a code extension, a path of two
 * slashes or more with a dot, digit, `_` or `-` after the second (not a date, nor he/him/his), a
 * scoped package (`@types/node`), snake_case, a URL with its scheme (once, however many dots and
 * slashes it holds), inline code, a flag, camelCase starting with two lower-case letters (not
 * `iPhone`, nor a `#hashTag` or an `@handle`), a call. Not markers: `km/h`, `and/or`, `e.g.`,
 * `U.S.`, `3.5`, bare domains and e-mail addresses (a press contact under a news story). Each
 * alternative starts at a character it needs, so most positions fail at once: about 34 ms over
 * 5 MB of news.
 */
const MARKER = new RegExp(
  `\\w\\.${EXTENSION}\\b|[A-Za-z_]\\/[\\w-]+\\/[\\w-]*(?:[_\\d-]|\\.\\w)|[a-z]_[a-z]|@[a-z\\d][\\w.-]*\\/[a-z\\d]|https?:\\/\\/\\S+|\`[^\`\\n]+\`|(?<![\\w-])--?[a-z][\\w-]*|(?<![#@\\w])[a-z]{2,}[A-Z][a-z]\\w*|\\w\\(\\)`,
  'g',
)

/** Code density (markers per word) from which a text starts to count as technical, and at which it is wholly so. */
const FROM = 0.015
const FULL = 0.04

/**
 * Code markers per word of `text`, which holds `words` words, `extra` markers found otherwise
 * added (a markup file's inline code, which the analyzed text holds as a stand-in word).
 */
export function codeDensity(text: string, words: number, extra = 0): number {
  if (words === 0) return 0
  let markers = extra
  // How often each marker has counted: a marker counts at most `REPEATS` times, a URL by its host,
  // so one name or site said again and again (a news story about easyJet, a page dump's list of
  // link addresses) does not make prose documentation, while documentation's many names do.
  const seen = new Map<string, number>()
  MARKER.lastIndex = 0
  for (let match = MARKER.exec(text); match !== null; match = MARKER.exec(text)) {
    const key = match[0].startsWith('http') ? (HOST.exec(match[0])?.[1] ?? match[0]) : tokenAround(text, match.index, MARKER.lastIndex)
    const count = (seen.get(key) ?? 0) + 1
    seen.set(key, count)
    if (count <= REPEATS) markers++
  }
  return markers / words
}

/** Times one marker counts at most. */
const REPEATS = 2
/** A URL's host. */
const HOST = /^https?:\/\/([\w.-]*\w)/

/**
 * The whole token a marker was found in: the alternatives match what identifies code, not the
 * name (`e()` of `parse()`, `e.js` of `Node.js`), and the repeat cap must tell `parse()` from `merge()`.
 */
function tokenAround(text: string, start: number, end: number): string {
  // At most `TOKEN_REACH` characters either way: in a minified file or a blob, one "token" of a
  // megabyte holds thousands of markers, and reading all of it for each took minutes.
  const least = Math.max(0, start - TOKEN_REACH)
  const most = Math.min(text.length, end + TOKEN_REACH)
  let from = start
  let to = end
  while (from > least && TOKEN_CHAR.test(text.charAt(from - 1))) from--
  while (to < most && TOKEN_CHAR.test(text.charAt(to))) to++
  return text.slice(from, to)
}
const TOKEN_CHAR = /[\w$.@/-]/
const TOKEN_REACH = 64

/** The code density of a plain text of `words` words: its markers and the lines of its fenced code. */
export function plainTextCodeDensity(text: string, words = countWords(text)): number {
  return codeDensity(text, words, fencedCodeLines(text))
}

/**
 * Non-blank lines inside a text's fenced code blocks (three or more backquotes or tildes, indented
 * at most three spaces): documentation's code, which a reader of a Markdown or plain-text README
 * sees as such. `outside` is shown every line outside the fences (a Markdown file's code spans
 * are counted there). News has none: a text without a fence costs two searches.
 */
export function fencedCodeLines(text: string, outside?: (line: string) => void): number {
  if (outside === undefined && !text.includes('```') && !text.includes('~~~')) return 0
  let lines = 0
  let fence: string | undefined
  for (const line of text.split('\n')) {
    const marker = FENCE.exec(line)?.[1]
    if (fence === undefined) {
      if (marker !== undefined) fence = marker
      else outside?.(line)
    } else if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined
    else if (line.trim() !== '') lines++
  }
  return lines
}
const FENCE = /^ {0,3}(`{3,}|~{3,})/

/**
 * Where a plain text's inline code stands: spans in backquotes on one line (`` `npm test` ``,
 * ``` ``a`b`` ```), as offsets [start, end) in pairs, in order. A plain-text README or a commit
 * message marks its code so, as Markdown does; in technical text the analyzer reads no
 * translation finding inside them and the quote rules do not count their quotes.
 *
 * Backquotes that are no code marks are left alone: one inside a word (`` don`t ``), GNU's
 * `` `make' `` quotes (a backquote closed by an apostrophe: the span to the next backquote would
 * hold the prose between two such quotes), TeX's ``` ``quoted'' ```, and a pair that holds a long
 * stretch of prose (over 100 characters).
 */
export function backquotedSpans(text: string): Int32Array {
  if (!text.includes('`')) return new Int32Array(0)
  const found: number[] = []
  BACKQUOTED.lastIndex = 0
  for (let match = BACKQUOTED.exec(text); match !== null; match = BACKQUOTED.exec(text)) {
    const inside = match[1] ?? match[2] ?? ''
    if ((match[2] !== undefined && GNU_CLOSE.test(inside)) || inside.includes("''")) {
      // Not code. A single backquote's closing one may open a span of its own; a double one may
      // hold spans of single backquotes (`` ``so'' and `<b>` ``): try again from there.
      BACKQUOTED.lastIndex = match[2] !== undefined ? match.index + match[0].length - 1 : match.index + 2
      continue
    }
    found.push(match.index, match.index + match[0].length)
  }
  return Int32Array.from(found)
}
/**
 * Double or single backquotes around code on one line, not touching a word on the outside, at
 * most 100 characters apart (a bound that also keeps the scan of a long line linear).
 */
const BACKQUOTED = /(?<![\p{L}\p{N}_`])(?:``(?!`)([^\n]{0,98}?[^`\n])``|`([^`\n]{1,100})`)(?![\p{L}\p{N}_`])/gu
/**
 * An apostrophe closing a word before a space or punctuation inside the span: `make' to build…,
 * GNU's closing quote (at the span's end it is code's: `` `'left'` ``).
 */
const GNU_CLOSE = /[\p{L}\p{N}\-]'(?=[\s,.;:!?)])/u

/** How technical a text of code density `density` is: 0 (prose) to 1 (documentation), linear in between. */
export function technicalWeight(density: number): number {
  return Math.min(1, Math.max(0, (density - FROM) / (FULL - FROM)))
}
