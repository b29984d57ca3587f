/**
 * `@tq/analyzer/lazy`: the whole analyzer API, with the Markdown and HTML front ends loaded only
 * when asked for (`await loadSyntax(syntax)` before `analyzeSource` reads such a file; see
 * markup/front-ends.ts). The tq binary imports this entry so a run over plain text never loads
 * micromark or parse5. `@tq/analyzer` (index.ts) is this entry with both front ends loaded.
 */
export { analyze, analyzeSections, SECTION } from './analyze.js'
export { analyzeSource, syntaxOfPath, type AnalyzeSourceOptions } from './markup/source.js'
export { loadSyntax } from './markup/front-ends.js'
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
