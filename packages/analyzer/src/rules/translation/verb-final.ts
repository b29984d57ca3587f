/**
 * translation/verb-final
 *
 * German word order leaking into English: a subordinate clause that ends in its auxiliary or
 * copula, as German puts the verb last (`…convinced that a military advantage on the side is.`,
 * `…because he it done has.`).
 *
 * English ends clauses in a bare `is` or `has` too, but only when something was moved out of the
 * clause: `That's who he is.`, `I know where it is.`, `as it is.`, `than it was.`, `so is she.`,
 * or by ellipsis after a pronoun (`I think he has.`, `the man he thought he was.`). So the clause must start with `that`,
 * `because`, `although`, `whether` and the like, hold at least three words between that word and
 * the verb with no other verb, no wh-word, `as`, `than`, `so` or `such` among them and no comma,
 * and the sentence must end with a full stop (not a question). English text only.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import { placeAt } from '../../document.js'
import { isEnglish } from './shared.js'
import { sentenceTokens } from './vocabulary.js'

export const meta: RuleMeta = {
  id: 'translation/verb-final',
  category: 'translation',
  severity: 'warning',
  description: 'A clause that ends in its auxiliary or copula, as German orders it (`…that a military advantage on the side is.`).',
  invalid: [
    'Analysts in Moscow say that the Kremlin is convinced that a military advantage on the side is.',
    'The minister said that he it done has.',
    'He left because the situation in the capital too dangerous was.',
  ],
  valid: [
    'That’s who he is.',
    'I know where it is.',
    'We will take the country as it is.',
    'The economy is stronger than it was.',
    'He said that he is. So is she.',
    'Do you think that the plan is?',
  ],
}

/**
 * The verbs German puts last: copulas and the perfect's auxiliary. Modals are left out: English
 * ends on them by ellipsis (`…that it rather easily can.`) as often as MT leaves them there.
 */
const FINAL = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had'])
/** A pronoun right before the verb is English ellipsis or a relative clause: `the person he thought he was`. */
const PRONOUNS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'one', 'this', 'that', 'these', 'those', 'there', 'who'])
/** Words that open a subordinate clause. */
const OPENERS = new Set(['that', 'because', 'although', 'though', 'whether', 'if', 'since', 'while', 'unless', 'until'])
/** Words that show English moved something out of the clause, or that the clause has its verb already. */
const BLOCKERS = new Set([
  'who', 'whom', 'whose', 'what', 'which', 'where', 'when', 'why', 'how', 'whatever', 'wherever', 'whoever', 'however',
  'as', 'than', 'so', 'such', 'there', 'here',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would',
  'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'says', 'said', 'thinks', 'think', 'know', 'knows',
])
const MIN_WORDS = 3
const MAX_WORDS = 14

function verbFinal() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (!isEnglish(ctx)) return
    for (const tokens of sentenceTokens(tree)) {
      // The sentence ends `<verb>.`, closing quotes and brackets aside.
      let end = tokens.length - 1
      while (end >= 0 && /^[”’"')\]]$/u.test(tokens[end]!.text)) end--
      if (end < 1 || tokens[end]!.text !== '.') continue
      const verb = tokens[end - 1]!
      if (verb.kind !== 'word' || !FINAL.has(verb.text)) continue
      const subject = tokens[end - 3]
      if (tokens[end - 2]?.kind !== 'space' || subject?.kind !== 'word' || PRONOUNS.has(subject.text.toLowerCase())) continue
      // Walk back through the clause to the word that opens it.
      let words = 0
      let opener: number | undefined
      for (let index = end - 2; index >= 0; index--) {
        const token = tokens[index]!
        if (token.kind === 'space') continue
        if (token.kind !== 'word') break
        const lower = token.text.toLowerCase()
        if (OPENERS.has(lower)) {
          opener = index
          break
        }
        if (BLOCKERS.has(lower) || /['’]/u.test(lower)) break
        words++
        if (words > MAX_WORDS) break
      }
      if (opener === undefined || words < MIN_WORDS) continue
      report(file, meta, placeAt(ctx.document, verb.start, verb.end), `Verb \`${verb.text}\` at the end of the clause, as German orders it: move it after the subject`)
    }
  }
}

export const detector: Detector = { rules: [meta], plugin: verbFinal }
