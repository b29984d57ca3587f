/**
 * boilerplate/junk-line
 *
 * The fallback: a line the classifier calls page junk though it fits none of the named shapes
 * (UI string, ticker, credit, byline, menu, repeat). The message says which features decided it.
 *
 * ```text
 * Al Jazeera :          ← flagged: two words, a label's colon, first line of the page
 * ```
 *
 * Not flagged: a short sentence of prose ("Russia said it had taken note of the request."): it
 * ends like a sentence and reads like one (function words, lower case), and it sits inside the text.
 */
import type { RuleMeta } from '../../rule.js'

export const meta: RuleMeta = {
  id: 'boilerplate/junk-line',
  category: 'boilerplate',
  severity: 'warning',
  description: 'A line that reads like page chrome rather than text (short, no sentence punctuation, away from the article), though it fits no named kind.',
  invalid: [
    'Al Jazeera :\nUS President Donald Trump and Vladimir Putin held a phone call on Monday about a ceasefire in Ukraine.\nThey spoke for more than two hours, the White House said.',
  ],
  valid: [
    'Russia said it had taken note of the request.\nThe Kremlin’s spokesperson said a meeting was possible only after an agreement between the two sides.',
    'Trump to hold call with Putin in push for Ukraine ceasefire\n\nUS President Donald Trump will hold a phone call with Russia’s Vladimir Putin on Monday as part of his effort to end the war.',
  ],
}

/** What the classifier knows about a line it calls junk, for the message. */
export interface JunkEvidence {
  words: number
  terminal: boolean
  colonEnd: boolean
  /** Share of digits and symbols among visible characters. */
  digitsAndSymbols: number
  allCaps: boolean
  titleCase: number
  /** Non-blank lines between the line and the main body of prose (0 inside it or when there is none). */
  bodyDistance: number
  /** Among the first or last two non-blank lines of a page of more than four. */
  edge: boolean
  /** Both neighbours are junk too. */
  junkNeighbours: boolean
  /** A line long enough to tell its topic shares none of its longer words with the rest of the page (a teaser, a promotion; `cohesionOf` in features.ts). */
  offTopic: boolean
}

/** A readable account of the features that made the line junk. */
export function explain(evidence: JunkEvidence): string {
  const reasons: string[] = []
  const words = Math.round(evidence.words)
  if (words <= 6) reasons.push(words === 1 ? 'a single word' : `only ${words} words`)
  if (!evidence.terminal) reasons.push(evidence.colonEnd ? 'ends in a label’s colon' : 'no sentence punctuation')
  if (evidence.digitsAndSymbols > 0.3) reasons.push('mostly digits and symbols')
  if (evidence.allCaps) reasons.push('all capitals')
  else if (evidence.titleCase >= 0.75 && words >= 2) reasons.push('Title Case')
  const distance = evidence.bodyDistance
  if (distance > 0) reasons.push(`${distance} line${distance === 1 ? '' : 's'} away from the main text`)
  if (evidence.edge) reasons.push('at the edge of the page')
  if (evidence.junkNeighbours) reasons.push('between lines of page junk')
  if (evidence.offTopic) reasons.push('shares none of its longer words with the rest of the text')
  return `Looks like page junk: ${reasons.length > 0 ? reasons.join(', ') : 'reads like page chrome'}`
}
