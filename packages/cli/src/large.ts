/**
 * Files too large to hold: read, checked and reported a piece at a time, so a 100 MB file costs
 * about what a 2 MB one does.
 *
 *   file ─► 1 MB reads, strict UTF-8 ─► analyzeSections (sections of ~2 MB) ─► per section:
 *        scores tallied (Tally), findings and lines appended to spool files in a temporary
 *        directory ─► a result whose `findings` and `lines` read the spools back when the
 *        output format walks them ─► spools removed when the run ends
 *
 * Semantics differ from a whole-file check only in what "the document" is: repeats, the
 * quote-style majority and the boilerplate classifier's page features look within a section
 * (see `analyzeSections`). Plain text only: Markdown, HTML and JSON need their whole tree.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyzeSections, type AnalyzeOptions, type Finding, type LineResult } from '@tq/analyzer'
import { Tally, type ScoreOptions } from '@tq/scoring'
import { TqError } from './errors.js'

/** Files above this many bytes (plain text) are checked a section at a time. */
export const LARGE_FILE_BYTES = 16 * 1024 * 1024
/** Bytes per read. */
const READ = 1024 * 1024
/** How much of a file is searched for a NUL byte to call it binary (as for small files). */
const BINARY_SNIFF = 8 * 1024

/** A list kept on disk as JSON lines: appended to while checking, read back (any number of times) while formatting. */
export class Spool<T> implements Iterable<T> {
  length = 0
  private readonly fd: number
  private pending: string[] = []
  private pendingChars = 0
  private closed = false

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx')
  }

  push(item: T): void {
    const json = JSON.stringify(item)
    this.pending.push(json)
    this.pendingChars += json.length + 1
    this.length++
    if (this.pendingChars >= READ) this.flush()
  }

  /** Write what is pending and close for writing; reading may start. */
  close(): void {
    if (this.closed) return
    this.flush()
    closeSync(this.fd)
    this.closed = true
  }

  /** Each item's JSON text, in order. */
  *json(): Generator<string> {
    this.close()
    for (const line of readLines(this.path)) if (line.length > 0) yield line
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const line of this.json()) yield JSON.parse(line) as T
  }

  private flush(): void {
    if (this.pending.length === 0) return
    writeSync(this.fd, this.pending.join('\n') + '\n')
    this.pending = []
    this.pendingChars = 0
  }
}

/** The lines of a UTF-8 file, read a megabyte at a time. */
function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r')
  try {
    const decoder = new TextDecoder('utf-8')
    const buffer = Buffer.allocUnsafe(READ)
    let rest = ''
    for (;;) {
      const read = readSync(fd, buffer, 0, READ, null)
      if (read === 0) break
      const text = rest + decoder.decode(buffer.subarray(0, read), { stream: true })
      const lines = text.split('\n')
      rest = lines.pop() ?? ''
      yield* lines
    }
    rest += decoder.decode()
    if (rest.length > 0) yield rest
  } finally {
    closeSync(fd)
  }
}

/**
 * The text of a file as pieces of about a megabyte, decoded as strict UTF-8 without a leading
 * byte-order mark. Throws a TqError (naming the file as `name`) on anything that is not UTF-8
 * text: UTF-16, a NUL byte in the first 8 KB, or an invalid byte sequence anywhere.
 */
export function* readTextPieces(path: string, name: string): Generator<string> {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    throw new TqError(`cannot read ${name}: ${error instanceof Error && 'code' in error ? String(error.code) : String(error)}`)
  }
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true })
    const buffer = Buffer.allocUnsafe(READ)
    let first = true
    for (;;) {
      const read = readSync(fd, buffer, 0, READ, null)
      if (read === 0) break
      const bytes = buffer.subarray(0, read)
      if (first) {
        if (read >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
          throw new TqError(`${name} is UTF-16 text; tq reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)`)
        }
        const nul = bytes.subarray(0, BINARY_SNIFF).indexOf(0)
        if (nul !== -1) throw new TqError(`${name} looks like a binary file (NUL byte at offset ${nul}); tq checks UTF-8 text`)
        first = false
      }
      yield decode(decoder, bytes, true, name)
    }
    const tail = decode(decoder, undefined, false, name)
    if (tail.length > 0) yield tail
  } finally {
    closeSync(fd)
  }
}

function decode(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array | undefined, stream: boolean, name: string): string {
  try {
    return decoder.decode(bytes, { stream })
  } catch {
    throw new TqError(`${name} is not valid UTF-8 text (is it Latin-1 or another encoding?)`)
  }
}

/** Throw unless the file is UTF-8 text, reading it a megabyte at a time (nothing is kept). */
export function validateLargeFile(path: string, name: string): void {
  for (const piece of readTextPieces(path, name)) void piece
}

export interface LargeCheck {
  language: string
  scores: ReturnType<Tally['verdict']>['scores']
  pass: boolean
  findings: Spool<Finding>
  lines: Spool<LineResult>
  notes: string[]
}

/** A temporary directory for the spools of one run; `remove()` deletes it and everything in it. */
export class SpoolDirectory {
  private path: string | undefined
  private count = 0

  /** A new spool file in the directory (created on first use). */
  spool<T>(): Spool<T> {
    this.path ??= mkdtempSync(join(tmpdir(), 'tq-'))
    return new Spool<T>(join(this.path, `${this.count++}.jsonl`))
  }

  remove(): void {
    if (this.path !== undefined) rmSync(this.path, { recursive: true, force: true })
    this.path = undefined
  }
}

/**
 * Check the plain-text file at `path` a section at a time: scores over the whole file, findings
 * (all of them, or only errors with `quiet`) and line values spooled to `spools`.
 */
export function checkLargeFile(
  path: string,
  name: string,
  options: { analyze: AnalyzeOptions; score: ScoreOptions; quiet: boolean; explain: boolean },
  spools: SpoolDirectory,
): LargeCheck & { explain?: ReturnType<Tally['explanation']> } {
  const tally = new Tally({ explain: options.explain })
  const findings = spools.spool<Finding>()
  const lines = spools.spool<LineResult>()
  let language = 'und'
  let notes: string[] = []
  let first = true
  for (const section of analyzeSections(readTextPieces(path, name), options.analyze)) {
    if (first) {
      language = section.language
      notes = section.notes
      first = false
    }
    tally.add(section)
    for (const finding of section.findings) if (!options.quiet || finding.severity === 'error') findings.push(finding)
    for (const line of section.lines) lines.push(line)
  }
  findings.close()
  lines.close()
  const verdict = tally.verdict(options.score)
  const result: LargeCheck & { explain?: ReturnType<Tally['explanation']> } = { language, scores: verdict.scores, pass: verdict.pass, findings, lines, notes }
  if (options.explain) result.explain = tally.explanation()
  return result
}
