/**
 * @tq/analyzer: reads text into nlcst, finds problems, measures each line.
 * The pipeline is in `analyze.ts`; the rules are in `rules/` (registry: `rules/index.ts`).
 */
export { analyze, analyzeSections, SECTION } from './analyze.js'
export { analyzeSource, syntaxOfPath, type AnalyzeSourceOptions } from './markup/source.js'
export { SYNTAXES, type Syntax } from './markup/types.js'
export { JsonSyntaxError, parseJson } from './markup/json.js'
export { checkLocalePair, localeOfPath } from './markup/locale-pair.js'
export { pairRules } from './rules/pairs.js'
export { detectors, ruleById } from './rules/index.js'
export { segment, countWords } from './document.js'
export type { Document, Line, Paragraph } from './document.js'
export { docsUrl } from './rule.js'
export { renderRuleDocs, RULES_START, RULES_END } from './docs.js'
export { signalsOf } from './rule.js'
export type { Detector, RuleMeta, TqContext } from './rule.js'
export type * from './types.js'
