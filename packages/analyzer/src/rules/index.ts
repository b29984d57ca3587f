/**
 * Every detector tq runs, in order, and every rule id they report.
 *
 * A rule `category/what-it-sees` lives in `src/rules/<category>/<what-it-sees>.ts`; each category's
 * `index.ts` lists its detectors.
 */
import type { Detector, RuleMeta } from '../rule.js'
import { boilerplateDetectors } from './boilerplate/index.js'
import { translationDetectors } from './translation/index.js'
import { detector as unexpectedLanguage } from './language/unexpected.js'
import { detector as hardSentence } from './readability/hard-sentence.js'
import { pairRules } from './pairs.js'

export const detectors: readonly Detector[] = [
  ...boilerplateDetectors,
  ...translationDetectors,
  unexpectedLanguage,
  hardSentence,
]

/** Every rule, by id: the detectors' and the locale-pair rules' (`pairs.ts`). */
export const ruleById: ReadonlyMap<string, RuleMeta> = new Map([
  ...detectors.flatMap((detector) => detector.rules.map((rule) => [rule.id, rule] as const)),
  ...pairRules.map((rule) => [rule.meta.id, rule.meta] as const),
])
