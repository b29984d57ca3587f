/**
 * translation/quote-unbalanced
 *
 * A paragraph whose double quotes do not pair up: a quotation opened and never closed, or a
 * closing quote with nothing to close. Straight `"` pair by count and place, curly “ ” by shape.
 * Marks of the wrong shape are left to `translation/quote-misplaced` and counted as corrected.
 *
 * Not flagged: a quotation that runs over several paragraphs. English leaves every paragraph but
 * the last open and starts the next one with an opening quote:
 *
 * ```text
 * “We shall go on to the end. We shall fight in France.      ← open, and that is right
 *
 * “We shall never surrender,” he said.                       ← the quotation goes on
 * ```
 *
 * Nor a quotation broken over lines without reopening, as text split into one sentence a line
 * has it (`“We will fight on.` / `We will win,” he said.`), when it closes within four lines; an
 * inch or seconds mark after a digit (`a 12" pipe`); single quotes, which are mostly apostrophes.
 * Nor a quotation left open in the last paragraph of a text that stops mid-sentence: an excerpt cut
 * short (`Officials said “the talks will resume once the`) may close it in words it does not have.
 * English text only.
 */
import type { Root } from 'nlcst'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { context, report, stateOf, type Detector, type RuleMeta } from '../../rule.js'
import { eachParagraph, FINISHED, isEnglish, scanDoubleQuotes, type QuoteProblem } from './shared.js'
import { placeAt } from '../../document.js'

export const meta: RuleMeta = {
  id: 'translation/quote-unbalanced',
  category: 'translation',
  severity: 'warning',
  description: 'Double quotes that do not pair up within a paragraph: an unclosed quotation or a stray closing quote.',
  invalid: [
    'He said “the talks failed and left the room.\n\nNobody followed him.',
    'The spokesman said the "next step would be a meeting.',
    'She left early, he said.” Then the meeting ended.',
  ],
  valid: [
    '“We shall go on to the end. We shall fight in France.\n\n“We shall never surrender,” he said.',
    'The pipe is 12" long, "as ordered," he said.',
    'He called it “a disaster” and said "never again".',
    'Russia’s ‘good bargaining position’ is a myth, he said.',
    // An excerpt cut short in mid-quotation.
    'The talks ended on Monday.\n\nOfficials said “the talks will resume once the',
  ],
}

interface Pending {
  style: QuoteProblem['style']
  place: Position
  reason: string
  /** Paragraphs without quote marks passed since. */
  age: number
  /** Whether its paragraph stops mid-sentence (no closing punctuation): cut short if it is the text's last. */
  cut: boolean
}

/** Paragraphs without quote marks a quotation may run through before it counts as unclosed. */
const MAX_WAIT = 3

function quoteUnbalanced() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (!isEnglish(ctx)) return
    const emit = (item: Pending): void => report(file, meta, item.place, item.reason)
    // Quotations still open at the end of the previous paragraph, possibly in the previous chunk.
    const state = stateOf(file, meta.id, () => {
      const value = { pending: [] as Pending[] }
      // Still pending without a paragraph since (age 0): the quotation is open at the end of the
      // text, which is no fault when the text stops mid-sentence.
      ctx.atEnd.push(() => {
        for (const item of value.pending) if (item.age > 0 || !item.cut) emit(item)
      })
      return value
    })
    eachParagraph(tree, ctx.document, (text, offset) => {
      if (!/["“”„]/u.test(text)) {
        // Text split into one sentence a line breaks quotations over lines; wait a few lines.
        state.pending = state.pending.filter((item) => ++item.age <= MAX_WAIT || (emit(item), false))
        return
      }
      const scan = scanDoubleQuotes(text)
      const excused = new Set<QuoteProblem['style']>()
      for (const item of state.pending) {
        // The quotation goes on in this paragraph (reopened), or ends in it without being reopened.
        if (item.age === 0 && scan.startsWithOpening) continue
        if (scan.firstIsStrayClose[item.style]) excused.add(item.style)
        else emit(item)
      }
      state.pending = []
      const cut = !FINISHED.test(text)
      for (const problem of scan.problems) {
        if (problem.kind === 'misplaced') continue
        if (problem.kind === 'stray' && excused.delete(problem.style)) continue
        const start = offset + problem.index
        const item = { style: problem.style, place: placeAt(ctx.document, start, start + 1), reason: problem.reason, age: 0, cut }
        if (problem.atEnd) state.pending.push(item)
        else emit(item)
      }
    })
  }
}

export const detector: Detector = { rules: [meta], plugin: quoteUnbalanced }
