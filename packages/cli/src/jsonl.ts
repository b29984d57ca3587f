/**
 * `tq check --jsonl` (and, through `eachRecord`, `tq clean --jsonl`): one `{"id", "text"}` object per line of stdin in, one result object per
 * line of stdout out, in input order. Memory stays bounded: one input line is held at a time, and
 * stdin is not read further while stdout is full.
 *
 * Lines are split on raw bytes and each is decoded as strict UTF-8 (readline would silently turn
 * invalid bytes into U+FFFD, which file input refuses). A `\r` before the `\n` and a leading BOM
 * are dropped; blank lines are skipped. A malformed line (bad UTF-8, bad JSON, not an object,
 * `id` not a string or number, `text` not a string) produces
 * `{"id": <id or null>, "line": <1-based line number>, "error": "<reason>"}` on stdout and a
 * `tq: stdin line N: <reason>` line on stderr, and processing continues. Keys other than `id` and
 * `text` are ignored.
 */
import type { Readable, Writable } from 'node:stream'
import type { CheckResult } from './check.js'
import { objectJson } from './format/json.js'
import { writeAll } from './output.js'

export interface JsonlRecord {
  id: string | number
  text: string
}

export interface JsonlOutcome {
  records: number
  failed: number
  malformed: number
}

type Parsed = { ok: true; record: JsonlRecord } | { ok: false; id: string | number | null; error: string }

/**
 * Check every record on `input` with `check`, writing results to `output` and notes about bad
 * lines via `warn`. Up to `window` records are checked at once (more than 1 with a worker pool,
 * `--jobs N`); the results are written in input order either way.
 */
export async function checkJsonl(
  input: Readable,
  output: Writable,
  warn: (message: string) => void,
  check: (text: string) => Promise<CheckResult>,
  window = 1,
): Promise<JsonlOutcome> {
  let failed = 0
  const handle = async (record: JsonlRecord): Promise<Iterable<string>> => {
    const result = await check(record.text)
    if (!result.pass) failed++
    // Serialized while it is written, a piece at a time, as a file's result is.
    return lines(objectJson({ id: record.id, ...result }))
  }
  const outcome = await eachRecord(input, output, warn, handle, window)
  return { ...outcome, failed }
}

/** The pieces, then the newline that ends the record's line. */
function* lines(pieces: Iterable<string>): Generator<string> {
  yield* pieces
  yield '\n'
}

/**
 * The JSONL loop `tq check --jsonl` and `tq clean --jsonl` share: every record of `input` goes to
 * `handle`, which returns the text to write for it; a malformed line gets its error object and a
 * note through `warn`, and the loop goes on. Output is in input order. Up to `window` records are
 * handled at once (1: one at a time); stdin is not read further while that many wait, nor while
 * stdout is full, so memory stays bounded however long the input.
 */
export async function eachRecord(
  input: Readable,
  output: Writable,
  warn: (message: string) => void,
  handle: (record: JsonlRecord) => Promise<Iterable<string>>,
  window = 1,
): Promise<JsonlOutcome> {
  const outcome: JsonlOutcome = { records: 0, failed: 0, malformed: 0 }
  // What is owed to stdout, in input order. Each promise gets a handler at once: one that fails
  // while an earlier one is awaited must not count as an unhandled rejection (it is rethrown when
  // its turn comes).
  const pending: Array<Promise<Iterable<string>>> = []
  const writeNext = async (): Promise<void> => {
    const pieces = await pending.shift()!
    if (!output.destroyed) await writeAll(output, pieces)
  }
  let lineNumber = 0
  for await (const bytes of splitLines(input)) {
    // The reader went away (`… | head`): nobody wants the rest.
    if (output.destroyed) break
    lineNumber++
    const parsed = parseLine(bytes)
    if (parsed === undefined) continue
    outcome.records++
    if (!parsed.ok) {
      outcome.malformed++
      warn(`stdin line ${lineNumber}: ${parsed.error}`)
      pending.push(Promise.resolve([JSON.stringify({ id: parsed.id, line: lineNumber, error: parsed.error }) + '\n']))
    } else {
      const handled = handle(parsed.record)
      handled.catch(() => undefined)
      pending.push(handled)
    }
    while (pending.length >= window) await writeNext()
  }
  while (pending.length > 0) await writeNext()
  return outcome
}

/** 2 if any line was malformed, else 1 if any record failed the bar, else 0. */
export function jsonlExitCode(outcome: JsonlOutcome): 0 | 1 | 2 {
  if (outcome.malformed > 0) return 2
  return outcome.failed > 0 ? 1 : 0
}

/** The lines of a byte stream, without their `\n`; holds one partial line at a time. */
export async function* splitLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = []
  for await (const data of stream) {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data
    let start = 0
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, end))
      yield Buffer.concat(pending)
      pending = []
      start = end + 1
    }
    if (start < chunk.length) pending.push(chunk.subarray(start))
  }
  if (pending.length > 0) yield Buffer.concat(pending)
}

/** A record, an error, or undefined for a blank line. */
export function parseLine(bytes: Uint8Array): Parsed | undefined {
  let line: string
  try {
    line = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, id: null, error: 'not valid UTF-8' }
  }
  if (line.trim() === '') return undefined
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    return { ok: false, id: null, error: `invalid JSON: ${oneLine(error instanceof Error ? error.message : String(error))}` }
  }
  return toRecord(value)
}

function toRecord(value: unknown): Parsed {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, id: null, error: 'expected an object {"id": …, "text": …}' }
  }
  const { id, text } = value as Record<string, unknown>
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
    return { ok: false, id: null, error: '"id" must be a string or a number' }
  }
  if (typeof text !== 'string') return { ok: false, id, error: '"text" must be a string' }
  return { ok: true, record: { id, text } }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
