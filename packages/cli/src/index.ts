/**
 * tq for programs: check a text the way `tq check` does, and the types of its results (the same
 * objects the JSON format and JSONL mode write).
 *
 * ```ts
 * import { checkText } from 'tq'
 * const result = checkText('Some text.', { minScore: 80 })
 * if (!result.pass) console.log(result.scores, result.findings)
 * ```
 */
// The full analyzer entry, for what it provides: every markup front end, so checkText reads
// Markdown and HTML synchronously. (The tq binary loads them only when an input needs them.)
import '@tq/analyzer'

export { checkText, buildReport, summarize } from './check.js'
export type { CheckOptions, CheckResult, FileResult, FindingResult, LineEntry, Report, Summary } from './check.js'
export type { JsonlRecord } from './jsonl.js'
export type { TqConfig } from './config.js'
export { validateConfig } from './config.js'
export type { Scores } from '@tq/scoring'
