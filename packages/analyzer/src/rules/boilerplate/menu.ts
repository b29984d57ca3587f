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
import type { RuleMeta } from '../../rule.js'

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

/** What the line is when it is a one-line menu or breadcrumb, else undefined. */
export function inlineMenu(text: string, terminal: boolean): string | undefined {
  if (terminal) return undefined
  if (/\S\s+[>›»]$/u.test(text.trim())) return 'breadcrumb'
  const items = text.split(SEPARATOR).map((item) => item.trim())
  const filled = items.filter((item) => item !== '')
  if (filled.length < 2) return undefined
  const short = filled.every((item) => item.split(/\s+/u).length <= 4)
  if (!short) return undefined
  if (filled.length >= 3 || /[|»›]/u.test(text)) return 'inline menu'
  return undefined
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
