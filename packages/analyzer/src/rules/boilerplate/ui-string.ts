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
import { isSpace, isSpaceOrMark, pointAt, unitSet } from './chars.js'
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
    'The court found the providers guilty of authorising copyright infringement by encouraging users to download music.',
  ],
}

/**
 * `text` without the characters a scraper leaves around a button label (`» Read more`, `Share:`,
 * `- Close -`): white space, punctuation and symbols at either end, what
 * `text.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')` leaves, without the pattern (which
 * tries its second branch at every position of the line).
 */
function unframe(text: string): string {
  let start = 0
  while (start < text.length) {
    const point = pointAt(text, start)
    if (!isSpaceOrMark(point)) break
    start += point > 0xffff ? 2 : 1
  }
  let end = text.length
  while (end > start) {
    // The code point that ends at `end`: a surrogate pair counts as one.
    const low = text.charCodeAt(end - 1)
    const pair = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start && text.charCodeAt(end - 2) >= 0xd800 && text.charCodeAt(end - 2) <= 0xdbff
    const point = pair ? text.codePointAt(end - 2)! : low
    if (!isSpaceOrMark(point)) break
    end -= pair ? 2 : 1
  }
  return start === 0 && end === text.length ? text : text.slice(start, end)
}

/**
 * Whether `bare` is two or more words, all UI words ("facebook twitter email"), split where
 * `/[\s|/·•,]+/u` splits it; the first word that is not one ends the test.
 */
function shareBar(bare: string, ui: Set<string>): boolean {
  let count = 0
  let start = -1
  for (let i = 0; i <= bare.length; i++) {
    const code = i < bare.length ? bare.charCodeAt(i) : 32
    if (!(code === 124 || code === 47 || code === 0xb7 || code === 0x2022 || code === 44 || isSpace(code))) {
      if (start < 0) start = i
      continue
    }
    if (start < 0) continue
    if (!ui.has(bare.slice(start, i))) return false
    count++
    start = -1
  }
  return count >= 2
}
/** Short lines that begin like a call to action: `Share on Facebook`, `Sign up for our newsletter`. */
const UI_PREFIX = /^(?:share (?:this|on|via)|follow us|sign up|subscribe (?:to|for|now)|read more|click here|more from|see also|related:|you may also like|advertisement|join our|download the app|get the app|log in to|sign in to)\b/iu
/** First letters of `UI_PREFIX`'s phrases, lower case as `bare` is, and "ſ", which the pattern's case folding reads as "s". */
const UI_PREFIX_INITIALS = unitSet('sfrcmyajdglſ')
/** What every `COPYRIGHT` form holds ("©", "(c", "yrig" of copyright, "serv" of reserved, réservés and reservados, "behal", "derech"): a cheaper scan that rules most lines out. */
const MAYBE_COPYRIGHT = /©|\(c|yrig|serv|behal|derech/iu
/**
 * A copyright notice: `©`, a line that starts with "Copyright", "subject to copyright", "Copyright"
 * before a year or `(c)`, "All rights reserved". Not the word inside a sentence: "The court found the providers guilty of
 * authorising copyright infringement…" is an article about copyright.
 */
const COPYRIGHT = /©|^\W*copyright\b|subject to copyright|\bcopyright\s*(?:©|\(c\)|\d{4})|all rights? reserved|\(c\)\s*\d{4}|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados/iu

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
    const short = shortUiString(text, words, mayBeKnown)
    if (short !== null) return short
  }
  if (words <= 40 && MAYBE_COPYRIGHT.test(text) && COPYRIGHT.test(text)) return 'copyright notice'
  return undefined
}

/**
 * The tests of `uiString` for a short line: its name, undefined when it is blank, null when the
 * copyright test is still to make. Apart: see `measureShapes` in features.ts on rare paths.
 */
function shortUiString(text: string, words: number, mayBeKnown: boolean): string | undefined | null {
  const unframed = unframe(text)
  const bare = normalize(unframed)
  if (bare === '') return undefined
  if (mayBeKnown) {
    const strings = knownUiStrings()
    // Without a frame, the line's own normal form is `bare`, already looked up.
    if (strings.has(bare) || (unframed.length !== text.length && strings.has(normalize(text)))) return 'UI string'
  }
  if (words <= 8) {
    if (shareBar(bare, knownUiWords())) return 'share bar'
    if (UI_PREFIX_INITIALS.has(bare.charCodeAt(0)) && UI_PREFIX.test(bare)) return 'UI string'
  }
  return null
}
