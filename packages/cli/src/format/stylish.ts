/**
 * `--format stylish` (the default), for people, in the manner of ESLint's stylish:
 *
 *   path/to/file.txt
 *     note: …
 *      3:14  warning  Message                  rule/id
 *     21:7   error    Another message          rule/id
 *
 *     FAIL  overall 42  translation 30  boilerplate 55  readability 90  (bar 70)
 *     why: translation −58 9 lines whose wording reads like machine translation (lines 21, 3, 9, …) · boilerplate −45 …
 *
 *   ✖ 1 file checked: 0 passed, 1 failed · 2 problems (1 error, 1 warning, 0 info)
 *
 * The `why:` line (the biggest cause of each sub-score's lost points) is shown for failing files;
 * with `--explain`, every file gets the full list instead: each sub-score's causes, biggest first,
 * with their lines.
 */
import type { Deduction, SubScoreName } from '@tq/scoring'
import type { FileResult, FindingResult, Items, Report, Summary } from '../check.js'
import { painter, type Paint, type StyleName } from '../color.js'
import type { FormatContext } from './index.js'

const SEVERITY_STYLE: Record<FindingResult['severity'], StyleName> = { error: 'red', warning: 'yellow', info: 'cyan' }
const SUB_SCORES: readonly SubScoreName[] = ['translation', 'boilerplate', 'readability']
/** Lines shown per cause: in the `why:` line, and with --explain. */
const WHY_LINES = 3
const EXPLAIN_LINES = 12

/** What stylish needs beyond the shared context: the per-score bars and whether --explain was given. */
export interface StylishContext extends FormatContext {
  minScores?: Partial<Record<SubScoreName, number>>
  explain?: boolean
}

export function* stylish(report: Report, context: StylishContext): Iterable<string> {
  const paint = painter(context.color)
  for (const file of report.files) yield fileBlock(file, context, paint)
  yield summaryLine(report.summary, paint)
}

function fileBlock(file: FileResult, context: StylishContext, paint: Paint): string {
  const lines = [paint('underline', file.path)]
  for (const note of file.notes) lines.push(`  ${paint('dim', `note: ${note}`)}`)
  lines.push(...findingRows(file.findings, paint))
  lines.push('', `  ${scoreLine(file, context, paint)}`)
  if (file.explain && context.explain) lines.push(...explainRows(file, paint))
  else if (file.explain && !file.pass) {
    const why = whyLine(file)
    if (why) lines.push(`  ${paint('dim', why)}`)
  }
  lines.push('')
  return lines.join('\n') + '\n'
}

/** The sub-scores that lost points, most first, with their explanations. */
function lowered(file: FileResult): Array<[SubScoreName, Deduction[]]> {
  const explain = file.explain
  if (!explain) return []
  return SUB_SCORES.filter((name) => explain[name].length > 0 && file.scores[name] < 100)
    .sort((a, b) => file.scores[a] - file.scores[b])
    .map((name) => [name, explain[name]])
}

/** `why: translation −57 wording … (lines 21, 33, 45) · boilerplate −39 …`: each sub-score's biggest cause. */
function whyLine(file: FileResult): string | undefined {
  const parts = lowered(file).map(([name, deductions]) => `${name} −${100 - file.scores[name]} ${cause(deductions[0]!, WHY_LINES)}`)
  return parts.length > 0 ? `why: ${parts.join(' · ')}` : undefined
}

/** With --explain: per sub-score, every cause, biggest first, with its points and lines. */
function explainRows(file: FileResult, paint: Paint): string[] {
  const rows: string[] = []
  for (const [name, deductions] of lowered(file)) {
    rows.push(`  ${paint('bold', `${name} ${file.scores[name]}`)} ${paint('dim', `(−${100 - file.scores[name]})`)}`)
    for (const deduction of deductions) rows.push(`    ${`−${deduction.points.toFixed(1)}`.padStart(5)}  ${cause(deduction, EXPLAIN_LINES)}`)
  }
  return rows
}

function cause(deduction: Deduction, maxLines: number): string {
  const shown = deduction.lines.slice(0, maxLines).join(', ')
  const more = deduction.lines.length > maxLines ? ', …' : ''
  return `${deduction.reason} (${deduction.lines.length === 1 ? 'line' : 'lines'} ${shown}${more})`
}

/** One aligned row per finding: `line:col  severity  message  ruleId` (two walks: widths, then rows). */
function findingRows(findings: Items<FindingResult>, paint: Paint): string[] {
  if (findings.length === 0) return []
  let lineWidth = 0
  let columnWidth = 0
  let severityWidth = 0
  let messageWidth = 0
  for (const finding of findings) {
    lineWidth = Math.max(lineWidth, String(finding.line).length)
    columnWidth = Math.max(columnWidth, String(finding.column).length)
    severityWidth = Math.max(severityWidth, finding.severity.length)
    messageWidth = Math.max(messageWidth, oneLine(finding.message).length)
  }
  const rows: string[] = []
  for (const finding of findings) {
    const position = `${String(finding.line).padStart(lineWidth)}:${String(finding.column).padEnd(columnWidth)}`
    const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(severityWidth))
    const message = oneLine(finding.message).padEnd(messageWidth)
    rows.push(`  ${paint('dim', position)}  ${severity}  ${message}  ${paint('dim', finding.ruleId)}`)
  }
  return rows
}

function scoreLine(file: FileResult, context: StylishContext, paint: Paint): string {
  const verdict = file.pass ? paint('green', paint('bold', 'PASS')) : paint('red', paint('bold', 'FAIL'))
  const { overall, translation, boilerplate, readability } = file.scores
  const scores = `overall ${paint('bold', String(overall))}  translation ${translation}  boilerplate ${boilerplate}  readability ${readability}`
  const bars = [`bar ${context.minScore}`]
  for (const name of SUB_SCORES) {
    const bar = context.minScores?.[name]
    if (bar !== undefined) bars.push(`${name} ${bar}`)
  }
  return `${verdict}  ${scores}  ${paint('dim', `(${bars.join(', ')})`)}`
}

function summaryLine(summary: Summary, paint: Paint): string {
  const files = `${summary.files} ${plural(summary.files, 'file')} checked: ${summary.passed} passed, ${summary.failed} failed`
  const { error, warning, info } = summary.findings
  const total = error + warning + info
  const problems = `${total} ${plural(total, 'problem')} (${error} ${plural(error, 'error')}, ${warning} ${plural(warning, 'warning')}, ${info} info)`
  const text = `${summary.failed > 0 ? '✖' : '✔'} ${files} · ${problems}`
  return paint(summary.failed > 0 ? 'red' : 'green', paint('bold', text)) + '\n'
}

/** Messages are shown on one row whatever they contain. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}
