/**
 * Spools: lists kept on disk as JSON lines, for the findings and line values of a file too large to
 * hold (large.ts). Appended to while checking, read back (any number of times) while formatting;
 * the output formats see them as `Items` (check.ts). Everything lives in one temporary directory
 * per run, removed when the run ends.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TqError } from './errors.js'
import { readTextPieces } from './inputs.js'

/** Bytes of JSON gathered before a write. */
const BLOCK = 1024 * 1024

/**
 * A list kept on disk as JSON lines: appended to while checking (possibly in another thread, which
 * hands over the path and the length), read back any number of times while
 * formatting.
 */
export class Spool<T> implements Iterable<T> {
  length = 0
  private fd: number | undefined
  private pending: string[] = []
  private pendingChars = 0

  /**
   * A new, empty spool at `path` (the file must not exist); or, with `written`, the spool another
   * thread wrote and closed there, holding that many items.
   */
  constructor(readonly path: string, written?: number) {
    if (written === undefined) this.fd = openSync(path, 'wx')
    else this.length = written
  }

  push(item: T): void {
    const json = JSON.stringify(item)
    this.pending.push(json)
    this.pendingChars += json.length + 1
    this.length++
    if (this.pendingChars >= BLOCK) this.flush()
  }

  /** Write what is pending and close for writing; reading may start. */
  close(): void {
    if (this.fd === undefined) return
    this.flush()
    closeSync(this.fd)
    this.fd = undefined
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
    if (this.pending.length === 0 || this.fd === undefined) return
    writeSync(this.fd, this.pending.join('\n') + '\n')
    this.pending = []
    this.pendingChars = 0
  }
}

/** The lines of a spool file, read a megabyte at a time (as inputs are). */
function* readLines(path: string): Generator<string> {
  let rest = ''
  for (const piece of readTextPieces(path, path)) {
    const lines = (rest + piece).split('\n')
    rest = lines.pop() ?? ''
    yield* lines
  }
  if (rest.length > 0) yield rest
}

/** A temporary directory for the spools of one run; `remove()` deletes it and everything in it. */
export class SpoolDirectory {
  private path: string | undefined
  private count = 0

  /** A path for a new spool file in the directory (created on first use). */
  file(): string {
    try {
      this.path ??= mkdtempSync(join(tmpdir(), 'tq-'))
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : String(error)
      throw new TqError(`cannot write the results of a large file to the temporary directory ${tmpdir()} (${code}); set TMPDIR to a writable directory`)
    }
    return join(this.path, `${this.count++}.jsonl`)
  }

  remove(): void {
    if (this.path !== undefined) rmSync(this.path, { recursive: true, force: true })
    this.path = undefined
  }
}

