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
import type { LineSignals, RuleMeta } from '../../rule.js'

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

/** A readable account of the features that made the line junk, from its `bp.*` signals. */
export function explain(signals: LineSignals): string {
  const reasons: string[] = []
  const words = Math.round(signals['bp.words'] ?? 0)
  if (words <= 6) reasons.push(words === 1 ? 'a single word' : `only ${words} words`)
  if (!signals['bp.terminal']) reasons.push((signals['bp.colonEnd'] ?? 0) > 0 ? 'ends in a label’s colon' : 'no sentence punctuation')
  if ((signals['bp.digitShare'] ?? 0) + (signals['bp.symbolShare'] ?? 0) > 0.3) reasons.push('mostly digits and symbols')
  if ((signals['bp.allCaps'] ?? 0) > 0) reasons.push('all capitals')
  else if ((signals['bp.titleCase'] ?? 0) >= 0.75 && words >= 2) reasons.push('Title Case')
  const distance = signals['bp.bodyDistance'] ?? 0
  if (distance > 0) reasons.push(`${distance} line${distance === 1 ? '' : 's'} away from the main text`)
  if ((signals['bp.edge'] ?? 0) > 0) reasons.push('at the edge of the page')
  if ((signals['bp.junkNeighbours'] ?? 0) > 0) reasons.push('between lines of page junk')
  return `Looks like page junk: ${reasons.length > 0 ? reasons.join(', ') : 'reads like page chrome'}`
}
