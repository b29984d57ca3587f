/**
 * `--format stylish` (the default), for people, in the manner of ESLint's stylish:
 *
 *   path/to/file.txt
 *     note: …
 *      3:14  warning  Message                  rule/id
 *     21:7   error    Another message          rule/id
 *
 *     FAIL  overall 42  translation 30  boilerplate 55  readability 90  (bar 70)
 *
 *   ✖ 1 file checked: 0 passed, 1 failed · 2 problems (1 error, 1 warning, 0 info)
 */
import type { FileResult, FindingResult, Report, Summary } from '../check.js'
import { painter, type Paint, type StyleName } from '../color.js'
import type { FormatContext } from './index.js'

const SEVERITY_STYLE: Record<FindingResult['severity'], StyleName> = { error: 'red', warning: 'yellow', info: 'cyan' }

export function* stylish(report: Report, context: FormatContext): Iterable<string> {
  const paint = painter(context.color)
  for (const file of report.files) yield fileBlock(file, context.minScore, paint)
  yield summaryLine(report.summary, paint)
}

function fileBlock(file: FileResult, minScore: number, paint: Paint): string {
  const lines = [paint('underline', file.path)]
  for (const note of file.notes) lines.push(`  ${paint('dim', `note: ${note}`)}`)
  lines.push(...findingRows(file.findings, paint))
  lines.push('', `  ${scoreLine(file, minScore, paint)}`, '')
  return lines.join('\n') + '\n'
}

/** One aligned row per finding: `line:col  severity  message  ruleId`. */
function findingRows(findings: readonly FindingResult[], paint: Paint): string[] {
  if (findings.length === 0) return []
  const lineWidth = maxWidth(findings.map((finding) => String(finding.line)))
  const columnWidth = maxWidth(findings.map((finding) => String(finding.column)))
  const severityWidth = maxWidth(findings.map((finding) => finding.severity))
  const messageWidth = maxWidth(findings.map((finding) => oneLine(finding.message)))
  return findings.map((finding) => {
    const position = `${String(finding.line).padStart(lineWidth)}:${String(finding.column).padEnd(columnWidth)}`
    const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(severityWidth))
    const message = oneLine(finding.message).padEnd(messageWidth)
    return `  ${paint('dim', position)}  ${severity}  ${message}  ${paint('dim', finding.ruleId)}`
  })
}

function scoreLine(file: FileResult, minScore: number, paint: Paint): string {
  const verdict = file.pass ? paint('green', paint('bold', 'PASS')) : paint('red', paint('bold', 'FAIL'))
  const { overall, translation, boilerplate, readability } = file.scores
  const scores = `overall ${paint('bold', String(overall))}  translation ${translation}  boilerplate ${boilerplate}  readability ${readability}`
  return `${verdict}  ${scores}  ${paint('dim', `(bar ${minScore})`)}`
}

function summaryLine(summary: Summary, paint: Paint): string {
  const files = `${summary.files} ${plural(summary.files, 'file')} checked: ${summary.passed} passed, ${summary.failed} failed`
  const { error, warning, info } = summary.findings
  const total = error + warning + info
  const problems = `${total} ${plural(total, 'problem')} (${error} ${plural(error, 'error')}, ${warning} ${plural(warning, 'warning')}, ${info} info)`
  const text = `${summary.failed > 0 ? '✖' : '✔'} ${files} · ${problems}`
  return paint(summary.failed > 0 ? 'red' : 'green', paint('bold', text)) + '\n'
}

function maxWidth(values: readonly string[]): number {
  return values.reduce((width, value) => Math.max(width, value.length), 0)
}

/** Messages are shown on one row whatever they contain. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}
