/**
 * boilerplate/ui-string
 *
 * Buttons, labels and ad slots a scraper copied with the text:
 *
 * ```text
 * Advertisement            ← flagged: a known UI string (data/boilerplate-ui-strings.json)
 * Facebook Twitter Email   ← flagged: a share bar, every word a UI word
 * © 2019 Example Media. All rights reserved.   ← flagged: a copyright notice
 * ```
 *
 * Not flagged: the same words inside a sentence ("Share prices fell sharply on Monday."): a line
 * matches only as a whole, or as a short line starting with a UI phrase.
 */
import type { RuleMeta } from '../../rule.js'
import { knownUiStrings, knownUiWords, normalize } from './lexicon.js'

export const meta: RuleMeta = {
  id: 'boilerplate/ui-string',
  category: 'boilerplate',
  severity: 'warning',
  description: 'A button, label or ad slot of the web page ("Advertisement", "Show comments", "Anzeige"), not part of the text.',
  invalid: [
    'Advertisement\nThe talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.',
    'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.\nShow comments',
    'Publicité\nLes négociations se sont terminées sans engagement en faveur d’un cessez-le-feu, ont indiqué les responsables.',
  ],
  valid: [
    'Share prices fell sharply on Monday after the talks in Istanbul ended without a commitment to a ceasefire.',
    'Close observers of the talks said the two delegations had barely spoken to each other.',
  ],
}

/** Characters a scraper leaves around a button label: `» Read more`, `Share:`, `- Close -`. */
const FRAME = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu
/** Short lines that begin like a call to action: `Share on Facebook`, `Sign up for our newsletter`. */
const UI_PREFIX = /^(?:share (?:this|on|via)|follow us|sign up|subscribe (?:to|for|now)|read more|click here|more from|see also|related:|you may also like|advertisement|join our|download the app|get the app|log in to|sign in to)\b/iu
/** What every `COPYRIGHT` form holds ("©", "(c", "yrig" of copyright, "serv" of reserved, réservés and reservados, "behal", "derech"): a cheaper scan that rules most lines out. */
const MAYBE_COPYRIGHT = /©|\(c|yrig|serv|behal|derech/iu
const COPYRIGHT = /©|\bcopyright\b|all rights? reserved|\(c\)\s*\d{4}|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados/iu

let longest: number | undefined

/** Letters and digits of the longest known UI string: a line with more cannot be one. */
function longestKnown(): number {
  if (longest === undefined) {
    longest = 0
    for (const entry of knownUiStrings()) longest = Math.max(longest, entry.length)
  }
  return longest
}

/**
 * What the line is when it is a UI string, else undefined. `alphanumerics` (letters and digits of
 * the line, when the caller counted them) lets a long line skip the list look-ups: a sentence of
 * 80 letters cannot equal "Advertisement".
 */
export function uiString(text: string, words: number, alphanumerics?: number): string | undefined {
  const mayBeKnown = alphanumerics === undefined || alphanumerics <= longestKnown()
  if (mayBeKnown || words <= 8) {
    const bare = normalize(text.replace(FRAME, ''))
    if (bare === '') return undefined
    if (mayBeKnown) {
      const strings = knownUiStrings()
      if (strings.has(bare) || strings.has(normalize(text))) return 'UI string'
    }
    if (words <= 8) {
      const tokens = bare.split(/[\s|/·•,]+/u).filter((token) => token !== '')
      const ui = knownUiWords()
      if (tokens.length >= 2 && tokens.every((token) => ui.has(token))) return 'share bar'
      if (UI_PREFIX.test(bare)) return 'UI string'
    }
  }
  if (words <= 40 && MAYBE_COPYRIGHT.test(text) && COPYRIGHT.test(text)) return 'copyright notice'
  return undefined
}
