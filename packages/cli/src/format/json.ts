/**
 * `--format json`: the stable machine-readable contract (see the README), as compact JSON on one
 * line. Written in pieces (per file, and findings and lines in batches), so the report on a huge
 * input never has to be one string: V8 strings stop at about 512 MB.
 */
import type { Report } from '../check.js'

/** Array elements per piece of output. */
const BATCH = 1000

export function* json(report: Report): Iterable<string> {
  yield `{"tool":${JSON.stringify(report.tool)},"files":[`
  let first = true
  for (const file of report.files) {
    if (!first) yield ','
    yield* objectJson(file)
    first = false
  }
  yield `],"summary":${JSON.stringify(report.summary)}}\n`
}

/**
 * `JSON.stringify(object)` (keys in order, undefined values left out), in pieces: its array
 * values are written a batch of elements at a time. For results: a `files[]` entry or a JSONL record.
 */
export function* objectJson(object: object): Iterable<string> {
  let separator = '{'
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue
    yield `${separator}${JSON.stringify(key)}:`
    separator = ','
    if (Array.isArray(value)) yield* arrayJson(value)
    else yield JSON.stringify(value)
  }
  yield separator === '{' ? '{}' : '}'
}

function* arrayJson(items: readonly unknown[]): Iterable<string> {
  if (items.length === 0) {
    yield '[]'
    return
  }
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH).map((item) => JSON.stringify(item) ?? 'null')
    yield (start === 0 ? '[' : ',') + batch.join(',')
  }
  yield ']'
}
