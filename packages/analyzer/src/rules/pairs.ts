/**
 * The rules that compare a translated locale file with its source (`tq check --source en.json
 * de.json`). They cannot fire on a single text, so they are not detectors: `checkLocalePair`
 * (src/markup/locale-pair.ts) runs them. Their ids are in `ruleById` and the catalogue like every
 * other rule's; each example is the source file on the first line and the target on the second.
 */
import type { PairRule } from '../markup/locale.js'
import { rule as extraKey } from './translation/locale-extra-key.js'
import { rule as missingKey } from './translation/locale-missing-key.js'
import { rule as numberMismatch } from './translation/locale-number-mismatch.js'
import { rule as placeholderMismatch } from './translation/locale-placeholder-mismatch.js'
import { rule as untranslated } from './translation/locale-untranslated.js'

export const pairRules: readonly PairRule[] = [missingKey, extraKey, untranslated, placeholderMismatch, numberMismatch]
