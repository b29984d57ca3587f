/**
 * Inputs: turn the command line's files, directories, globs and `-` into a list of sources, then
 * read each one as UTF-8 text, refusing anything that is not.
 *
 * - a file is checked whatever its extension;
 * - a directory contributes every file below it whose extension is in `extensions` (hidden files
 *   and directories, `node_modules` and `.git` are skipped), minus the config's `ignore`;
 * - a glob (only when no file of that exact name exists) contributes every file it matches, minus
 *   the config's `ignore`;
 * - `-` is standard input, read as one document.
 */
import { isUtf8 } from 'node:buffer'
import { closeSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import picomatch from 'picomatch'
import { glob, isDynamicPattern } from 'tinyglobby'
import { TqError } from './errors.js'

export type Source = { kind: 'stdin'; name: string } | { kind: 'file'; name: string; path: string }

export interface ExpandOptions {
  cwd: string
  /** Extensions, lower case without the dot, that directory expansion picks up. */
  extensions: readonly string[]
  /** Config `ignore` globs, relative to `ignoreBase`. */
  ignore: readonly string[]
  ignoreBase: string
}

export const STDIN_NAME = '<stdin>'
/** How much of a file is searched for a NUL byte to call it binary. */
const BINARY_SNIFF = 8 * 1024
/**
 * Files above this many bytes are never held whole to be validated, and plain-text ones are
 * checked a section at a time (large.ts); and the bytes read at a time from them. The tests lower
 * the threshold with TQ_LARGE_FILE_BYTES to run small files through the large-file path.
 */
export const LARGE_FILE_BYTES = Number(process.env['TQ_LARGE_FILE_BYTES']) || 16 * 1024 * 1024
const LARGE_READ = 1024 * 1024
/** Directories never searched unless a pattern names them. */
const SKIPPED_DIRECTORIES = ['**/node_modules/**', '**/.git/**']

/** Every source the inputs name, in order, without duplicates. Throws when one names nothing. */
export async function expandInputs(inputs: readonly string[], options: ExpandOptions): Promise<Source[]> {
  const isIgnored = ignoreMatcher(options.ignore, options.ignoreBase)
  const sources = new Map<string, Source>()
  for (const input of inputs) {
    for (const source of await expandInput(input, options, isIgnored)) {
      const key = source.kind === 'stdin' ? '-' : source.path
      if (!sources.has(key)) sources.set(key, source)
    }
  }
  return [...sources.values()]
}

async function expandInput(input: string, options: ExpandOptions, isIgnored: (path: string) => boolean): Promise<Source[]> {
  if (input === '-') return [{ kind: 'stdin', name: STDIN_NAME }]
  const path = resolve(options.cwd, input)
  const stats = statOf(path, input)
  if (stats?.isDirectory()) return filesInDirectory(input, path, options, isIgnored)
  if (stats) return [fileSource(path, options.cwd)]
  if (isDynamicPattern(input)) return filesMatching(input, options, isIgnored)
  throw new TqError(`no such file or directory: ${input}`)
}

function statOf(path: string, input: string): Stats | undefined {
  try {
    return statSync(path)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw new TqError(`cannot access ${input}: ${describeFsError(error)}`)
  }
}

async function filesInDirectory(input: string, dir: string, options: ExpandOptions, isIgnored: (path: string) => boolean): Promise<Source[]> {
  const found = await glob('**/*', { cwd: dir, absolute: true, onlyFiles: true, dot: false, ignore: SKIPPED_DIRECTORIES })
  const candidates = found.filter((path) => hasExtension(path, options.extensions))
  const kept = candidates.filter((path) => !isIgnored(path)).sort()
  if (kept.length === 0) {
    const wanted = orList(options.extensions.map((extension) => `.${extension}`))
    const ignored = candidates.length > 0 ? ` (${candidates.length} ignored by the config)` : ''
    throw new TqError(`no ${wanted} files in directory ${input}${ignored}`)
  }
  return kept.map((path) => fileSource(path, options.cwd))
}

async function filesMatching(pattern: string, options: ExpandOptions, isIgnored: (path: string) => boolean): Promise<Source[]> {
  const ignore = pattern.includes('node_modules') || pattern.includes('.git') ? [] : SKIPPED_DIRECTORIES
  const found = await glob(pattern, { cwd: options.cwd, absolute: true, onlyFiles: true, expandDirectories: false, ignore })
  const kept = found.filter((path) => !isIgnored(path)).sort()
  if (kept.length === 0) {
    const ignored = found.length > 0 ? ` (${found.length} ignored by the config)` : ''
    throw new TqError(`no files match ${pattern}${ignored}`)
  }
  return kept.map((path) => fileSource(path, options.cwd))
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}

function fileSource(path: string, cwd: string): Source {
  return { kind: 'file', name: displayPath(path, cwd), path }
}

function hasExtension(path: string, extensions: readonly string[]): boolean {
  const lower = path.toLowerCase()
  return extensions.some((extension) => lower.endsWith(`.${extension}`))
}

/**
 * Whether an absolute path is ignored: its path relative to `base`, or the path of a directory it
 * is in, matches one of `patterns`. Paths outside `base` are never ignored.
 */
export function ignoreMatcher(patterns: readonly string[], base: string): (path: string) => boolean {
  if (patterns.length === 0) return () => false
  const matches = picomatch([...patterns], { dot: true })
  return (path) => {
    const rel = relative(base, path)
    if (!isInside(rel)) return false
    const parts = rel.split(sep)
    for (let length = parts.length; length > 0; length--) {
      if (matches(parts.slice(0, length).join('/'))) return true
    }
    return false
  }
}

/** A checked source: its name, and its text on demand. */
export interface Input {
  name: string
  /** Absolute path of a file input (absent for stdin). */
  path?: string
  read(): Promise<string>
}

/**
 * Make sure every source is readable UTF-8 text before anything is checked, so a bad input fails
 * the run before any output. Files are validated without decoding and read again when checked
 * (memory holds one file at a time); stdin can be read only once, so its text is kept.
 */
export async function openInputs(sources: readonly Source[], stdin: NodeJS.ReadableStream): Promise<Input[]> {
  const inputs: Input[] = []
  for (const source of sources) {
    if (source.kind === 'stdin') {
      const text = decodeText(await readAll(stdin), source.name)
      inputs.push({ name: source.name, read: async () => text })
    } else {
      // A large file is validated a megabyte at a time rather than held whole.
      if ((statSync(source.path, { throwIfNoEntry: false })?.size ?? 0) > LARGE_FILE_BYTES) validateLargeFile(source.path, source.name)
      else validateText(readFile(source.path, source.name), source.name)
      inputs.push({ name: source.name, path: source.path, read: async () => readTextFile(source.path, source.name) })
    }
  }
  return inputs
}

/** The text of the file at `path` (shown as `name` in errors); what a file input's `read()` returns. */
export function readTextFile(path: string, name: string): string {
  return decodeText(readFile(path, name), name)
}

function readFile(path: string, name: string): Buffer {
  try {
    return readFileSync(path)
  } catch (error) {
    throw new TqError(`cannot read ${name}: ${describeFsError(error)}`)
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

/**
 * UTF-8 text of `bytes`, without a leading byte-order mark. Decoded in one pass with no extra
 * copy, so a 100 MB file costs the buffer plus the string.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  validateText(bytes, name)
  try {
    // `ignoreBOM: false` (the default) strips a leading BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw notUtf8(name)
  }
}

/**
 * Throw unless `bytes` is UTF-8 text with something to check: not UTF-16, no NUL byte in the first
 * 8 KB, valid UTF-8, not empty or only white space. An empty input is a mistake to report, not a
 * text that passes: a CI gate over a scraper's output must not go green when the scraper wrote
 * nothing.
 */
export function validateText(bytes: Uint8Array, name: string): void {
  sniff(bytes, name)
  if (!isUtf8(bytes)) throw notUtf8(name)
  throwIfBlank(blankness(bytes), name)
}

function throwIfBlank(blank: 'empty' | 'white space' | undefined, name: string): void {
  if (blank === 'empty') throw new TqError(`${name} is empty: there is no text to check`)
  if (blank === 'white space') throw new TqError(`${name} holds only white space: there is no text to check`)
}

/** Decodes one character for `blankness` (the bytes were validated before). */
const UTF8 = new TextDecoder('utf-8')

/**
 * Whether valid UTF-8 `bytes` are empty, or only white space (after a byte-order mark), or neither.
 * White space is what `String.prototype.trim` removes: ASCII space and controls, and outside ASCII
 * the no-break and ideographic spaces and the like (U+00A0, U+3000, U+FEFF …). A file whose first
 * character that is not white space comes early is ruled out without decoding the rest.
 */
function blankness(bytes: Uint8Array): 'empty' | 'white space' | undefined {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  if (bytes.length === start) return 'empty'
  for (let i = start; i < bytes.length; ) {
    const byte = bytes[i]!
    // Space, tab, line feed, vertical tab, form feed, carriage return.
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) {
      i++
      continue
    }
    if (byte < 0x80) return undefined
    // A character outside ASCII: its UTF-8 length from its lead byte (the bytes are valid UTF-8).
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
    const character = UTF8.decode(bytes.subarray(i, i + length))
    if (character.trim() !== '') return undefined
    i += length
  }
  return 'white space'
}

/** Throw if the start of a file shows UTF-16 or binary content. */
function sniff(bytes: Uint8Array, name: string): void {
  if (isUtf16(bytes)) throw new TqError(`${name} is UTF-16 text; tq reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)`)
  const nul = bytes.subarray(0, BINARY_SNIFF).indexOf(0)
  if (nul !== -1) throw new TqError(`${name} looks like a binary file (NUL byte at offset ${nul}); tq checks UTF-8 text`)
}

function notUtf8(name: string): TqError {
  return new TqError(`${name} is not valid UTF-8 text (is it Latin-1 or another encoding?)`)
}

function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
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
    throw new TqError(`cannot read ${name}: ${describeFsError(error)}`)
  }
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true })
    const buffer = Buffer.allocUnsafe(LARGE_READ)
    let first = true
    for (;;) {
      const read = readSync(fd, buffer, 0, LARGE_READ, null)
      if (read === 0) break
      const bytes = buffer.subarray(0, read)
      if (first) {
        sniff(bytes, name)
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
    throw notUtf8(name)
  }
}

/** Throw unless the file is UTF-8 text with something to check, reading it a megabyte at a time (nothing is kept). */
export function validateLargeFile(path: string, name: string): void {
  let text = false
  for (const piece of readTextPieces(path, name)) if (!text && piece.trim() !== '') text = true
  if (!text) throwIfBlank('white space', name)
}

/** `path` relative to `cwd` when it lies below it, else absolute. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return isInside(rel) ? rel : path
}

/** Whether a relative path stays below its base (and is not the base itself). */
function isInside(rel: string): boolean {
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

const FS_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
}

function describeFsError(error: unknown): string {
  const code = errorCode(error)
  if (code && FS_ERRORS[code]) return FS_ERRORS[code]
  return code ?? (error instanceof Error ? error.message : String(error))
}
