/**
 * readability/hard-sentence
 *
 * retext-readability runs seven readability formulas on every sentence of five words or more and
 * reports the sentences that most of them place above a reading age. tq asks about age 20 (the
 * plugin's default, 16, flags half the sentences of ordinary news, which is noise, not advice) and
 * re-reports those messages under its own id, with a severity by how hard the sentence is: `warning`
 * when at least six of the seven formulas agree, `info` when only a majority does.
 *
 * Sentences shorter than five words are not judged (`Show comments`, a headline), since the
 * formulas mean nothing on them; nor is text in another language than English, since the formulas
 * count English syllables and look words up in English word lists.
 */
import type { Root } from 'nlcst'
import retextReadability from 'retext-readability'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import type { Severity } from '../../types.js'

export const meta: RuleMeta = {
  id: 'readability/hard-sentence',
  category: 'readability',
  severity: 'info',
  description: 'A sentence that most of seven readability formulas place above the reading age of 20.',
  invalid: [
    'The constitutional implications of the unprecedented intergovernmental reorganisation necessitated comprehensive deliberation among representatives of all participating jurisdictions.',
  ],
  valid: [
    'The cat sat on the mat. It was warm and it was happy.',
    'Talks with Russia are getting down to a very critical stage, he added.',
    'Show comments',
  ],
}

/** Reading age the formulas are compared with. */
const AGE = 20
/** Fewest words in a sentence that is judged (retext-readability's default). */
const MIN_WORDS = 5
const AGREEMENT = /according to (all|\d+) out of (\d+)|according to all (\d+)/

function hardSentence() {
  const inner = retextReadability({ age: AGE, minWords: MIN_WORDS })
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (ctx.language !== 'en' && ctx.language !== 'und') return
    visit(tree, 'SentenceNode', (sentence) => {
      let words = 0
      for (const child of sentence.children) if (child.type === 'WordNode') words++
      if (words >= MIN_WORDS) ctx.sentences++
      return 'skip'
    })
    const scratch = new VFile()
    inner(tree, scratch)
    for (const message of scratch.messages) {
      const place = message.place
      if (!place || !('start' in place)) continue
      const [agree, of] = agreement(message.reason)
      const severity: Severity = agree >= of - 1 ? 'warning' : 'info'
      report(file, meta, place, `Hard to read sentence: ${agree} of ${of} readability formulas put it above reading age ${AGE}`, { severity })
    }
  }
}

/** How many formulas agreed, out of how many, from retext-readability's message. */
function agreement(reason: string): [number, number] {
  const match = AGREEMENT.exec(reason)
  if (!match) return [7, 7]
  if (match[3]) return [Number(match[3]), Number(match[3])]
  const of = Number(match[2])
  return [match[1] === 'all' ? of : Number(match[1]), of]
}

export const detector: Detector = { rules: [meta], plugin: hardSentence }
