/**
 * translation/quote-misplaced
 *
 * A quote mark of the wrong shape: a closing quote written as an opening one, as machine
 * translation through German leaves it (`…without making us, “said Zelenskyy`), an opening quote
 * written as a closing one (`”Hello”`), or a German low opening quote `„` in English text.
 *
 * The hard case is an opening “ right after `, `: in English a quotation may open there
 * (`He called it, “a disaster.”`), so it is only wrong where a quotation is already open or no ”
 * closes it later, and the next word is lowercase (`…agreement, “said Putin in Sochi.`).
 * English text only: German writes „so“ on purpose.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import { eachParagraph, isEnglish, scanDoubleQuotes } from './shared.js'
import { placeAt } from '../../document.js'

export const meta: RuleMeta = {
  id: 'translation/quote-misplaced',
  category: 'translation',
  severity: 'error',
  description: 'A quote mark of the wrong shape: a closing quote written as an opening one, or the reverse.',
  invalid: [
    'Russia is ready to define a number of positions, “said Putin in a briefing.',
    '“I asked him, no decisions about Ukraine without us, “said Zelenskyy.',
    '”Hello”, she said.',
    'He called it „a disaster“ and left.',
  ],
  valid: [
    'He called it, “a disaster.”',
    '“Russia can continue,” Ivan Timofeev told NPR. “So Ukraine can be in a less favorable position.”',
    'The pipe is 12" long and the cable 3" thick.',
    'The score was 3 : 1 and he said "no".',
  ],
}

function quoteMisplaced() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (!isEnglish(ctx)) return
    eachParagraph(tree, ctx.document, (text, offset) => {
      if (!/[“”„]/u.test(text)) return
      for (const problem of scanDoubleQuotes(text).problems) {
        if (problem.kind !== 'misplaced') continue
        const start = offset + problem.index
        report(file, meta, placeAt(ctx.document, start, start + 1), `${problem.reason}: \`${problem.glyph}\` should be \`${problem.expected}\``, {
          expected: [problem.expected!],
        })
      }
    })
  }
}

export const detector: Detector = { rules: [meta], plugin: quoteMisplaced }
