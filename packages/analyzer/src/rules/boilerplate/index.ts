/**
 * Boilerplate detectors: the line classifier and the kinds of junk it names.
 *
 * One detector (`classifier.ts`) reports every `boilerplate/<kind>` rule; each kind's shape test and
 * docs live in `<kind>.ts` (`ui-string`, `ticker`, `credit`, `byline`, `menu`, `repeated`,
 * `junk-line`).
 */
import type { Detector } from '../../rule.js'
import { detector as classifier } from './classifier.js'

export const boilerplateDetectors: readonly Detector[] = [classifier]
