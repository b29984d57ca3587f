/**
 * translation/improbable-wording
 *
 * A sentence whose wording an English language model finds improbable, with the span that gives
 * it away, as literal machine translation leaves it: `…more than blocking the so a lot of other
 * drugs to do`, `puts adolescents in risk more utmost of…`, `The bookmark take can alert…`.
 *
 * The model is tq's word 4-gram model (src/lm/). Each token gets its pmi, how much less likely the
 * context makes it than it is on its own, so rare words and topics do not read as errors; the
 * flagged span is the window of four tokens with the lowest pmi sum (see src/lm/fluency.ts).
 * Severity grows with how improbable the window is; the thresholds were set on human English the
 * model was not trained on (Brown, research use only) so that warnings stay rare on edited prose.
 * When exchanging two neighbouring words makes the sentence clearly more probable, the finding says
 * "improbable word order" and suggests the exchange.
 *
 * Exceptions: names and unknown words carry no blame (a capitalised word inside a sentence, a word
 * the model never saw); sentences of fewer than `MIN_WORDS` words are not judged (headlines, UI
 * strings, captions); text in another language than English is not judged; in documentation the
 * thresholds are lower (`TECHNICAL_SHIFT`).
 *
 * Every sentence also leaves numeric signals on its first line (`tr.*`), from which the line's
 * `translation` value is computed (src/lines.ts). The same pass reports translation/literal-frame
 * (literal-frame.ts), which reads the sentence's frame from the tokens scored here.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { occurrencesWithin } from '../../accept.js'
import { context, report, signalsOf, type Detector, type LineSignals, type RuleMeta } from '../../rule.js'
import { placeAt, pointAt } from '../../document.js'
import { englishModel, type NgramModel } from '../../lm/model.js'
import { betterOrder, sentenceFluency } from '../../lm/fluency.js'
import type { Severity } from '../../types.js'
import { FINISHED, isEnglish } from './shared.js'
import * as literalFrame from './literal-frame.js'

export const meta: RuleMeta = {
  id: 'translation/improbable-wording',
  category: 'translation',
  severity: 'warning',
  description: 'Wording an English language model finds improbable, as literal machine translation leaves it; the finding marks the span.',
  invalid: [
    'The new drug was designed to work more than blocking the so a lot of other drugs to do.',
    'Kissing puts adolescents in risk more utmost of contracting the illness, shows of research.',
    'The bookmark take can alert the doctor to the possibility that there are social problems.',
  ],
  valid: [
    'The new drug was designed to work better than most of the other drugs on the market.',
    'Kissing puts teenagers at greater risk of contracting the illness, research shows.',
    'Ivan Timofeev, head of the Russian International Affairs Council, told NPR that sanctions hurt.',
    'US President Donald Trump will hold a phone call with Russia’s Vladimir Putin on Monday as part of his effort to end the war.',
  ],
}

/** Fewest word tokens in a judged sentence. */
const MIN_WORDS = 6
/**
 * Window pmi sums (log10) at or below which a sentence is flagged, by severity. Read from the
 * quantiles on Brown and ABC science sentences of six words or more, which the model was not
 * trained on (`node scripts/train-lm.mjs --calibrate-only brown,abc-science-unused`): about 1 human
 * sentence in 80 reaches `info`, 1 in 400 `warning`, 1 in 3,000 `error`.
 */
const THRESHOLDS: ReadonlyArray<readonly [Severity, number]> = [
  ['error', -3.8],
  ['warning', -2.9],
  ['info', -2.3],
]
/**
 * log10 added to a sentence's lowest window in documentation (`TqContext.technical`, register.ts),
 * whose n-grams the model, trained on news, knows less: in the prose of human READMEs of npm
 * packages the rule made 1.04–1.26 warnings or errors per 1,000 words, nearly as many as in their
 * Apertium round trips (0.97–1.57), so a warning there said little. With 0.6 (chosen on one half of
 * them, scripts/eval-technical.mjs): 0.40–0.41 on the human texts, 0.19–0.63 on the round trips;
 * the findings below stay info. News is never technical, so its thresholds are as above.
 */
const TECHNICAL_SHIFT = 0.6
/** log10 gain an exchange of two words must bring before it is offered as the better order. */
const SWAP_MARGIN = 1.5

/** Severity of a sentence whose lowest window pmi sum is `minWindow`, or undefined when fluent enough. */
export function severityOf(minWindow: number): Severity | undefined {
  for (const [severity, threshold] of THRESHOLDS) if (minWindow <= threshold) return severity
  return undefined
}

/**
 * Sums of the `tr.*` signals of the sentences on one line, written to the line's signals once its
 * last sentence is scored rather than updated sentence by sentence: a paragraph on one line holds
 * dozens of sentences, and a signals object, whose keys every detector adds in its own order, is
 * slow to look keys up in. Each sum starts from the line's value and adds the sentences in order,
 * as the updates did, so the values are the same to the last bit.
 */
class LineSums {
  index = -1
  sentences = 0
  tokens = 0
  words = 0
  logp = 0
  pmi = 0
  bad = 0
  unknownLower = 0
  frame = 0
  frameGrams = 0
  /** Whether a sentence of the line was read with the frame table (its sums are written only then). */
  framed = false
  /** Lowest window sum of the sentences judged; undefined while none is. */
  minWindow: number | undefined = undefined

  /** Start the sums of line `index` (0-based) from what its signals hold. */
  open(signals: LineSignals, index: number): void {
    this.index = index
    this.sentences = signals['tr.sentences'] ?? 0
    this.tokens = signals['tr.tokens'] ?? 0
    this.words = signals['tr.words'] ?? 0
    this.logp = signals['tr.logp'] ?? 0
    this.pmi = signals['tr.pmi'] ?? 0
    this.bad = signals['tr.bad'] ?? 0
    this.unknownLower = signals['tr.unknownLower'] ?? 0
    this.frame = signals['tr.frame'] ?? 0
    this.frameGrams = signals['tr.frameGrams'] ?? 0
    this.framed = signals['tr.frameGrams'] !== undefined
    this.minWindow = signals['tr.minWindow']
  }

  /** Write the sums to `signals`, the line's (keys in the order the rule first wrote them). */
  close(signals: LineSignals): void {
    signals['tr.sentences'] = this.sentences
    signals['tr.tokens'] = this.tokens
    signals['tr.words'] = this.words
    signals['tr.logp'] = this.logp
    signals['tr.pmi'] = this.pmi
    signals['tr.bad'] = this.bad
    signals['tr.unknownLower'] = this.unknownLower
    if (this.framed) {
      signals['tr.frame'] = this.frame
      signals['tr.frameGrams'] = this.frameGrams
    }
    if (this.minWindow !== undefined) signals['tr.minWindow'] = this.minWindow
    this.index = -1
  }
}

function improbableWording() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (!isEnglish(ctx)) return
    const { document } = ctx
    const { lines } = document
    // A text of one non-blank line (blank lines around it do not count).
    let nonBlank = 0
    for (const entry of lines) if (!entry.blank && ++nonBlank > 1) break
    const oneLine = nonBlank === 1
    // Loaded on the first sentence that needs it: a file without one never reads the model.
    let model: NgramModel | null | undefined
    // The line of the sentence: found once by search, then followed forward (sentences come in order).
    let line = -1
    let signals: LineSignals | undefined
    const sums = new LineSums()
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue
        const start = sentence.position?.start.offset
        const end = sentence.position?.end.offset
        if (start === undefined || end === undefined || end - start < 2) continue
        model ??= englishModel()
        if (!model) return
        const text = document.text.slice(start, end)
        // Signals on the sentence's first line, summed over its sentences.
        const at = line >= 0 ? lines[line] : undefined
        if (!at || start < at.offset) line = pointAt(document, start).line - 1
        else while (line + 1 < lines.length && lines[line + 1]!.offset <= start) line++
        // A sentence without closing punctuation has no end to judge: the last sentence of a text
        // cut short, and the lines that end without a mark by convention, a headline, a heading,
        // a list item or a table cell (`Works both in Node.js and in the browser`: 0.34 with its
        // `</s>` scored, as `browser` is rarely the last word of a sentence in news, 0.07 with a
        // full stop; 0.81 and 0.29 before the line model read sentence frames). Only a text of one
        // line keeps its end: a segment, whose end is its own (`…concurring to Chinanews com`).
        const open = !oneLine && !FINISHED.test(text)
        const frames = ctx.frames && (ctx.frames[line] ??= [])
        const fluency = sentenceFluency(model, text, open, ctx.accepted && occurrencesWithin(ctx.accepted, start, end), frames)
        if (line !== sums.index) {
          if (signals) sums.close(signals)
          signals = signalsOf(ctx, line)
          sums.open(signals, line)
        }
        sums.sentences += 1
        sums.tokens += fluency.tokens
        sums.words += fluency.words
        sums.logp += fluency.logp
        sums.pmi += fluency.pmi
        sums.bad += fluency.bad
        sums.unknownLower += fluency.unknownLower
        sums.frame += fluency.frame
        sums.frameGrams += fluency.frameGrams
        if (fluency.framed) sums.framed = true
        if (fluency.words < MIN_WORDS) continue
        sums.minWindow = Math.min(sums.minWindow ?? 0, fluency.minWindow)
        if (fluency.frameWindow >= literalFrame.MIN_WINDOW + literalFrame.TECHNICAL_SHIFT * ctx.technical) {
          const place = placeAt(document, start + fluency.frameStart, start + fluency.frameEnd)
          report(file, literalFrame.meta, place, literalFrame.message(text.slice(fluency.frameStart, fluency.frameEnd)))
        }
        const severity = severityOf(fluency.minWindow + TECHNICAL_SHIFT * ctx.technical)
        if (!severity || fluency.spanEnd <= fluency.spanStart) continue
        const span = text.slice(fluency.spanStart, fluency.spanEnd)
        const swapped = betterOrder(model, text, fluency, SWAP_MARGIN)
        const what = swapped ? 'Improbable word order' : 'Improbable wording'
        report(file, meta, placeAt(document, start + fluency.spanStart, start + fluency.spanEnd), `${what}: \`${span}\``, {
          severity,
          ...(swapped ? { expected: [swapped] } : {}),
        })
      }
    }
    if (signals) sums.close(signals)
  }
}

export const detector: Detector = { rules: [meta, literalFrame.meta], plugin: improbableWording }
