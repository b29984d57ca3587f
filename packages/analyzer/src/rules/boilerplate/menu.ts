/**
 * boilerplate/menu
 *
 * Navigation: a run of short lines with no sentence among them, or one line of items joined by
 * separators.
 *
 * ```text
 * News                        ← flagged: one of 5 short lines in a row
 * Politics
 * Business
 * Sport
 * Weather
 * About / Advertise / Contact ← flagged: an inline menu
 * ```
 *
 * Not flagged: a subhead between two paragraphs ("- Push for sanctions -"), or a short list in the
 * middle of the article: a short line between two paragraphs of prose is content (the classifier's
 * neighbourhood pass).
 */
import { STAND_IN } from '../../markup/stand-in.js'
import type { RuleMeta } from '../../rule.js'
import { isSpace, MARK_MENU_SEPARATOR, type LineHints } from './chars.js'

export const meta: RuleMeta = {
  id: 'boilerplate/menu',
  category: 'boilerplate',
  severity: 'warning',
  description: 'A navigation menu (a run of short lines, or items joined by `|`, `/`, `»`) copied from the page.',
  invalid: [
    'News\nPolitics\nBusiness\nSport\nWeather\nThe talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.',
    'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.\nAbout Us | Careers | Advertise | Site Map',
  ],
  valid: [
    'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.\n- Push for sanctions -\nUkraine’s western allies have since accused Putin of ignoring calls for a ceasefire.',
    'Prices rose 3% in May, 4% in June and 2% in July, according to the statistics office.',
  ],
}

const SEPARATOR = /\s+[|/»›>·•]\s+|\s*[|»›]\s*|\s+[-–]\s+/u

/** Inline code in backquotes. */
const INLINE_CODE = /`[^`]+`/

/** Whether `text` holds a character of `SEPARATOR`: | / » › > · • - –. */
function holdsSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 124 || code === 47 || code === 62 || code === 45 || code === 0xbb || code === 0x203a || code === 0xb7 || code === 0x2022 || code === 0x2013) return true
  }
  return false
}

/**
 * What the line is when it is a one-line menu or breadcrumb, else undefined. `hints`, when the
 * caller read the trimmed line, say whether it holds a separator.
 */
export function inlineMenu(text: string, terminal: boolean, hints?: LineHints): string | undefined {
  if (terminal) return undefined
  return menuShape(text, hints)
}

/** `inlineMenu` of a line without final punctuation, apart: see `measureShapes` in features.ts on rare paths. */
function menuShape(text: string, hints: LineHints | undefined): string | undefined {
  const trimmed = text.trim()
  const last = trimmed.charCodeAt(trimmed.length - 1)
  if ((last === 62 || last === 0x203a || last === 0xbb) && /\S\s+[>›»]$/u.test(trimmed)) return 'breadcrumb'
  // Without a separator character the line is one item.
  if (!(hints ? (hints.marks & MARK_MENU_SEPARATOR) !== 0 : holdsSeparator(text))) return undefined
  // A line with inline code in backquotes is documentation (Type: `string | object`), not links;
  // a lone backquote is an apostrophe (What`s new).
  if (INLINE_CODE.test(text)) return undefined
  // The items that are not blank, and whether each has at most four words. A plain loop: `map`,
  // `filter` and `every` on the arrays `split` returns made V8 throw away the optimised code of the
  // whole line loop hundreds of times on the dev pages ("wrong map" at `map`, seen with
  // node --trace-deopt), and the lines ran unoptimised meanwhile.
  const items = text.split(SEPARATOR)
  let filled = 0
  let short = true
  let code = 0
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!.trim()
    if (item === '') continue
    filled++
    if (short && spaceRuns(item) > 3) short = false
    if (item === STAND_IN) code++
  }
  // Items that are half or more inline code are a type or a list of values in documentation
  // (Type: `string` | `number` | `boolean`, which a Markdown file's analyzed text reads
  // `Type: Xyz | Xyz | Xyz`), not links.
  if (filled < 2 || !short || 2 * code >= filled) return undefined
  if (filled >= 3 || /[|»›]/u.test(text)) return 'inline menu'
  return undefined
}

/** Runs of white space in `text`: `text.split(/\s+/u).length - 1` for a trimmed text. */
function spaceRuns(text: string): number {
  let runs = 0
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i)) && (i === 0 || !isSpace(text.charCodeAt(i - 1)))) runs++
  return runs
}

/**
 * For each position, the length of the run of consecutive `true` values it belongs to (0 where
 * false). Two passes, linear.
 */
export function runLengths(flags: ArrayLike<boolean | number>): Int32Array {
  const lengths = new Int32Array(flags.length)
  let start = 0
  for (let index = 0; index <= flags.length; index++) {
    if (index < flags.length && flags[index]) continue
    for (let inside = start; inside < index; inside++) lengths[inside] = index - start
    start = index + 1
  }
  return lengths
}
