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
import { detector as foreignSpelling } from './foreign-spelling.js'
import { detector as capitalizedNoun } from './capitalized-noun.js'
import { detector as verbFinal } from './verb-final.js'
import { detector as numberFormat } from './number-format.js'
import { detector as untranslatedWord } from './untranslated-word.js'
import { detector as missingArticles } from './missing-articles.js'
import { detector as calque } from './calque.js'
import { detector as improbableWording } from './improbable-wording.js'

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
  foreignSpelling,
  capitalizedNoun,
  verbFinal,
  numberFormat,
  untranslatedWord,
  calque,
  missingArticles,
  improbableWording,
]
