/**
 * `--format sarif`: a SARIF 2.1.0 log, as GitHub code scanning (github/codeql-action/upload-sarif)
 * and other SARIF viewers read it.
 *
 *   runs[0].tool.driver   tq, its version, and every rule: id, description, help URI (the rule's
 *                         entry in the catalogue), default level, category
 *   runs[0].artifacts     each checked file, with its language, scores and verdict as properties
 *   runs[0].results       one per finding: rule, level (error | warning | note), message, and the
 *                         region (1-based lines and columns in UTF-16 code units, end exclusive,
 *                         as in every tq format)
 *
 * Paths are relative to the working directory (run tq from the repository root for code scanning),
 * written as URI references; files outside it get a `file://` URI.
 */
import { isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import { docsUrl, ruleById, type RuleMeta } from '@tq/analyzer/lazy'
import type { FileResult, FindingResult, Report } from '../check.js'
import { STDIN_NAME } from '../inputs.js'

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const INFORMATION_URI = 'https://github.com/tq-lint/tq'
const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const
/** Results per piece of output. */
const BATCH = 500
const RESULTS_SLOT = '"__results__"'

export function* sarif(report: Report): Iterable<string> {
  const rules = [...ruleById.values()].sort((a, b) => a.id.localeCompare(b.id))
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, informationUri: INFORMATION_URI, rules: rules.map(ruleDescriptor) } },
        columnKind: 'utf16CodeUnits',
        artifacts: report.files.map(artifact),
        results: '__results__',
        properties: { summary: report.summary },
      },
    ],
  }
  const [before, after] = JSON.stringify(log).split(RESULTS_SLOT) as [string, string]
  yield `${before}[`
  let batch: string[] = []
  let first = true
  for (const [fileIndex, file] of report.files.entries()) {
    for (const finding of file.findings) {
      batch.push(JSON.stringify(result(finding, file, fileIndex, ruleIndex.get(finding.ruleId))))
      if (batch.length >= BATCH) {
        yield (first ? '' : ',') + batch.join(',')
        first = false
        batch = []
      }
    }
  }
  if (batch.length > 0) yield (first ? '' : ',') + batch.join(',')
  yield `]${after}\n`
}

function ruleDescriptor(rule: RuleMeta): object {
  const url = docsUrl(rule.id)
  return {
    id: rule.id,
    name: rule.id.replace(/(^|[/-])([a-z])/g, (_, _separator: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: firstSentence(rule.description) },
    fullDescription: { text: rule.description },
    helpUri: url,
    help: { text: `${rule.description} See ${url}`, markdown: `${rule.description}\n\n[Documentation](${url})` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { category: rule.category, tags: [rule.category] },
  }
}

function artifact(file: FileResult): object {
  return {
    location: { uri: uriOf(file.path) },
    properties: { language: file.language, scores: file.scores, pass: file.pass },
  }
}

function result(finding: FindingResult, file: FileResult, fileIndex: number, ruleIndex: number | undefined): object {
  const region = { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn }
  const location = { physicalLocation: { artifactLocation: { uri: uriOf(file.path), index: fileIndex }, region } }
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location],
    properties: finding.expected ? { category: finding.category, expected: finding.expected } : { category: finding.category },
  }
}

/** A path as a URI reference: relative ones with `/` and percent-encoding, absolute ones as `file://`. */
export function uriOf(path: string): string {
  if (path === STDIN_NAME) return 'stdin'
  if (isAbsolute(path)) return pathToFileURL(path).href
  return path.split(/[\\/]/).map(encodeURIComponent).join('/')
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/.exec(text)
  return match ? match[0] : text
}
