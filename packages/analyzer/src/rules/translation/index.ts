/** Translation-artifact detectors, in the order they run. */
import type { Detector } from '../../rule.js'
import { detector as leftoverMarkup } from './leftover-markup.js'
import { detector as leftoverPlaceholder } from './leftover-placeholder.js'
import { detector as mojibake } from './mojibake.js'
import { detector as quoteMisplaced } from './quote-misplaced.js'
import { detector as quoteStyleMixed } from './quote-style-mixed.js'
import { detector as quoteUnbalanced } from './quote-unbalanced.js'
import { detector as repeatedSentence } from './repeated-sentence.js'
import { detector as repeatedWord } from './repeated-word.js'
import { detector as repetitionLoop } from './repetition-loop.js'
import { detector as spaceBeforePunctuation } from './space-before-punctuation.js'

export const translationDetectors: readonly Detector[] = [
  spaceBeforePunctuation,
  quoteMisplaced,
  quoteUnbalanced,
  quoteStyleMixed,
  mojibake,
  leftoverPlaceholder,
  leftoverMarkup,
  repeatedWord,
  repetitionLoop,
  repeatedSentence,
]
