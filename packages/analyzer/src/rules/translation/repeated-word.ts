/**
 * translation/repeated-word
 *
 * The same word twice in a row, `the the`: a slip that machine translation and careless editing
 * both leave. The detection is retext-repeated-words, run as is; its messages are re-emitted as
 * tq findings (rule id, category, severity, docs link).
 *
 * Its exceptions hold: words English doubles on purpose (`the best exhibition they had had since`,
 * `he said that that was all`), capitalised names (`Walla Walla`, `Duran Duran`) and initials
 * (`D. D.`). tq adds sounds written out (`ha ha`, `bye bye`) and doubled intensifiers (`a very
 * very clear message`, `for many many years`), and leaves three or more in a row (`the the the`)
 * to `translation/repetition-loop`, so a loop is reported once.
 */
import type { Root } from 'nlcst'
import retextRepeatedWords from 'retext-repeated-words'
import type { Position } from 'unist'
import { VFile } from 'vfile'
import { report, type Detector, type RuleMeta } from '../../rule.js'
import { SOUNDS } from './shared.js'

export const meta: RuleMeta = {
  id: 'translation/repeated-word',
  category: 'translation',
  severity: 'warning',
  description: 'The same word twice in a row (`the the`).',
  invalid: [
    'Putin did not agree to the the ceasefire.',
    'The talks will will resume on Monday.',
    'It was a a long call between the leaders.',
  ],
  valid: [
    'It was the best exhibition they had had since the war.',
    'He said that that was all he knew.',
    'They flew to Walla Walla on Monday.',
    'The, the, and the again: a list of words.',
    '“Ha ha,” he said, and waved bye bye.',
    'We are very very pleased after many many years.',
  ],
}

const check = retextRepeatedWords()
/** Words speech doubles for emphasis: `a very very clear message`, `for many many years`. */
const INTENSIFIERS = new Set(['very', 'many', 'really', 'so', 'much', 'far', 'more', 'long'])

function repeatedWord() {
  return function (tree: Root, file: VFile): void {
    const scratch = new VFile()
    check(tree, scratch)
    const found = scratch.messages.flatMap((message) => {
      const place = message.place
      return place && 'start' in place && place.start.offset !== undefined ? [{ place, word: message.expected?.[0] ?? '' }] : []
    })
    found.forEach(({ place, word }, index) => {
      // Sounds written out (`ha ha`, `bye bye`) and doubled intensifiers (`very very`) are meant.
      if (SOUNDS.has(word.toLowerCase()) || INTENSIFIERS.has(word.toLowerCase())) return
      // Three or more in a row overlap: that is a loop, `translation/repetition-loop` reports it.
      const overlaps = (other: { place: Position } | undefined): boolean =>
        other !== undefined && other.place.start.offset! < place.end.offset! && place.start.offset! < other.place.end.offset!
      if (overlaps(found[index - 1]) || overlaps(found[index + 1])) return
      report(file, meta, place, `Repeated word \`${word}\`: remove one`, { expected: [word] })
    })
  }
}

export const detector: Detector = { rules: [meta], plugin: repeatedWord }
