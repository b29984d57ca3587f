/**
 * Every detector tq runs, in order, and every rule id they report.
 *
 * A rule `category/what-it-sees` lives in `src/rules/<category>/<what-it-sees>.ts`, except the
 * boilerplate kinds, which one classifier reports (`src/rules/boilerplate/`, one file per kind).
 */
import type { Detector, RuleMeta } from '../rule.js'
import { detector as spaceBeforePunctuation } from './translation/space-before-punctuation.js'

export const detectors: readonly Detector[] = [spaceBeforePunctuation]

/** Every rule, by id. */
export const ruleById: ReadonlyMap<string, RuleMeta> = new Map(
  detectors.flatMap((detector) => detector.rules.map((rule) => [rule.id, rule] as const)),
)
