/** Boilerplate detectors: the line classifier and the kinds of junk it names. */
import type { Detector } from '../../rule.js'

export const boilerplateDetectors: readonly Detector[] = []
