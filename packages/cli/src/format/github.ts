/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on
 * the pull request's changed lines.
 *
 *   ::error file=docs/guide.md,line=23,col=142,endLine=23,endColumn=143,title=translation/quote-misplaced::Closing quote …
 *
 * One command per finding (error → `error`, warning → `warning`, info → `notice`), then one
 * `error` per file below the bar, with its scores, so a failing file is annotated even when none
 * of its findings is an error. Paths are relative to the working directory: run tq from the
 * repository root.
 */
import type { FindingResult, Report } from '../check.js'
import type { FormatContext } from './index.js'

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const

export function* github(report: Report, context: FormatContext): Iterable<string> {
  for (const file of report.files) {
    const lines: string[] = []
    for (const finding of file.findings) lines.push(annotation(file.path, finding))
    if (!file.pass) {
      const { overall, translation, boilerplate, readability } = file.scores
      const message = `Score ${overall} is below the bar ${context.minScore} (translation ${translation}, boilerplate ${boilerplate}, readability ${readability})`
      lines.push(`::error ${properties({ file: file.path, title: 'tq' })}::${escapeData(message)}`)
    }
    if (lines.length > 0) yield lines.join('\n') + '\n'
  }
}

function annotation(path: string, finding: FindingResult): string {
  const where = properties({
    file: path,
    line: finding.line,
    col: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    title: finding.ruleId,
  })
  return `::${COMMAND[finding.severity]} ${where}::${escapeData(finding.message)}`
}

function properties(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',')
}

/** Escaping of a command's message, as @actions/core does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escaping of a property value: also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
