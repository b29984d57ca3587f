/**
 * boilerplate/repeated
 *
 * A line that occurs more than once on the page, or that repeats the headline inside other text:
 *
 * ```text
 * Trump to hold call with Putin           ← flagged: repeats line 23 (a teaser of the headline)
 * Journal De Bruxelles - Trump to hold call with Putin   ← flagged: site name + headline
 * …
 * Trump to hold call with Putin           ← content: the headline itself, just above the text
 * ```
 *
 * Not flagged: the headline itself, and the first copy of a paragraph quoted again later (only the
 * later copies of a full sentence count as repeats).
 */
import type { RuleMeta } from '../../rule.js'
import { normalize } from './lexicon.js'

export const meta: RuleMeta = {
  id: 'boilerplate/repeated',
  category: 'boilerplate',
  severity: 'warning',
  description: 'A line repeated on the page or echoing the headline (teasers, page titles, duplicated navigation).',
  invalid: [
    'Trump to hold call with Putin\nNYSE - LSE\nBP 0.44% 29.76 $\nTrump to hold call with Putin\n\nUS President Donald Trump will hold a phone call with Russia’s Vladimir Putin on Monday as part of his effort to end the war.\nTrump had vowed to halt the conflict within a day of taking office, but his efforts have yielded little.',
  ],
  valid: [
    'Trump to hold call with Putin\n\nUS President Donald Trump will hold a phone call with Russia’s Vladimir Putin on Monday as part of his effort to end the war.\nTrump had vowed to halt the conflict within a day of taking office, but his efforts have yielded little.',
  ],
}

/** The comparison form of a line: case, spacing and punctuation ignored. */
export function repeatKey(text: string): string {
  return normalize(text.replace(/[\p{P}\p{S}]+/gu, ' '))
}

/**
 * For each line, the index of another line with the same key (its first copy, or for the first
 * copy the second), or -1. Keys are strings or hashes of them; `''` and `0` mean "no key". One
 * Map, linear in the number of lines.
 */
export function repeats<Key extends string | number>(keys: ArrayLike<Key>): Int32Array {
  const first = new Map<Key, number>()
  const second = new Map<Key, number>()
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!
    if (key === '' || key === 0) continue
    if (!first.has(key)) first.set(key, index)
    else if (!second.has(key)) second.set(key, index)
  }
  const other = new Int32Array(keys.length).fill(-1)
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!
    if (key === '' || key === 0) continue
    const head = first.get(key)!
    other[index] = head !== index ? head : (second.get(key) ?? -1)
  }
  return other
}
