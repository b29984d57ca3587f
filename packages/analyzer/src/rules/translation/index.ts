/** Translation-artifact detectors, in the order they run. */
import type { Detector } from '../../rule.js'
import { detector as spaceBeforePunctuation } from './space-before-punctuation.js'

export const translationDetectors: readonly Detector[] = [spaceBeforePunctuation]
