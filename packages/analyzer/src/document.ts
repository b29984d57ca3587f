/**
 * Segment once: the document model every detector shares.
 *
 * A `Document` knows where each line starts and which lines form a paragraph. It holds no syntax
 * tree: trees are built paragraph by paragraph (see `parse.ts`) so memory stays bounded on huge input.
 */
import type { Point, Position } from 'unist'

export interface Line {
  /** 1-based line number. */
  readonly number: number
  /** Offset of the first character in the document. */
  readonly offset: number
  /** The line without its line ending. */
  readonly text: string
  readonly blank: boolean
}

export interface Paragraph {
  /** Index in `Document.paragraphs`. */
  readonly index: number
  /** 1-based number of the first line. */
  readonly startLine: number
  /** 1-based number of the last line. */
  readonly endLine: number
  /** Offset of the first character in the document. */
  readonly offset: number
  /** Text of the paragraph, line endings between its lines included. */
  readonly text: string
}

export interface Document {
  readonly text: string
  readonly lines: readonly Line[]
  readonly paragraphs: readonly Paragraph[]
}

const TERMINAL = /[.!?:;…"'”’»)\]]\s*$/u
const LOWER_START = /^\s*\p{Ll}/u

/**
 * Split text into lines and paragraphs.
 *
 * Scraped and pasted text puts one block on a line, so each non-blank line is a paragraph, except
 * where prose was hard-wrapped: a line continues the previous one when that line is long, does not
 * end a sentence, and the next starts in lower case.
 *
 * ```text
 * The talks ended without a commitment to a      ← one paragraph
 * ceasefire, officials said.
 * Show comments                                  ← its own paragraph
 * ```
 */
export function segment(text: string): Document {
  const lines: Line[] = []
  let offset = 0
  let number = 1
  const length = text.length
  while (offset <= length) {
    let end = text.indexOf('\n', offset)
    if (end === -1) end = length
    let lineEnd = end
    if (lineEnd > offset && text.charCodeAt(lineEnd - 1) === 13) lineEnd--
    const value = text.slice(offset, lineEnd)
    lines.push({ number, offset, text: value, blank: value.trim() === '' })
    if (end === length) break
    offset = end + 1
    number++
  }
  // A final newline does not start another line.
  if (lines.length > 1 && lines[lines.length - 1]!.text === '' && text.endsWith('\n')) lines.pop()
  if (length === 0) lines.length = 0

  const paragraphs: Paragraph[] = []
  let start: Line | undefined
  let last: Line | undefined
  const flush = (): void => {
    if (!start || !last) return
    const endOffset = last.offset + last.text.length
    paragraphs.push({
      index: paragraphs.length,
      startLine: start.number,
      endLine: last.number,
      offset: start.offset,
      text: text.slice(start.offset, endOffset),
    })
    start = undefined
    last = undefined
  }
  for (const line of lines) {
    if (line.blank) {
      flush()
      continue
    }
    if (start && last && continues(last.text, line.text)) {
      last = line
      continue
    }
    flush()
    start = line
    last = line
  }
  flush()
  return { text, lines, paragraphs }
}

function continues(previous: string, next: string): boolean {
  return previous.trim().length >= 40 && !TERMINAL.test(previous) && LOWER_START.test(next)
}

/**
 * Count words the way tq reports them: runs of letters or digits, joined by `'`, `’`, `.` or `-`
 * between two of them (`don't`, `U.S`, `well-known` are one word each): the matches of
 * `WORD_PATTERN`, counted by a scan that makes no strings (`text.match` made an array of every
 * word of every line; a test checks that both agree).
 */
export function countWords(text: string): number {
  const n = text.length
  let count = 0
  let i = 0
  while (i < n) {
    const first = text.charCodeAt(i)
    let width = first < 128 ? ASCII_WORD[first]! : wordCharAt(text, i)
    if (width === 0) {
      i++
      continue
    }
    count++
    i += width
    while (i < n) {
      const c = text.charCodeAt(i)
      width = c < 128 ? ASCII_WORD[c]! : wordCharAt(text, i)
      if (width > 0) {
        i += width
        continue
      }
      if (c !== 39 && c !== 0x2019 && c !== 46 && c !== 45) break
      width = i + 1 < n ? wordCharAt(text, i + 1) : 0
      if (width === 0) break
      i += 1 + width
    }
  }
  return count
}

/** The pattern `countWords` counts the matches of. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu
/** ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128).map((_, code) => +/[A-Za-z0-9]/.test(String.fromCharCode(code)))
const WORD_CHAR = /[\p{L}\p{N}]/uy

/** Code units of the letter or digit starting at `i` (2 for one outside the Basic Multilingual Plane), or 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 128) return ASCII_WORD[c]!
  WORD_CHAR.lastIndex = i
  if (!WORD_CHAR.test(text)) return 0
  return c >= 0xd800 && c <= 0xdbff && WORD_CHAR.lastIndex === i + 2 ? 2 : 1
}

/** The point of a document offset (binary search over line starts). */
export function pointAt(document: Document, offset: number): Point {
  const lines = document.lines
  let low = 0
  let high = lines.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (lines[mid]!.offset <= offset) low = mid
    else high = mid - 1
  }
  const line = lines[low]
  if (!line) return { line: 1, column: offset + 1, offset }
  return { line: line.number, column: offset - line.offset + 1, offset }
}

/** The position of document offsets `start` to `end` (end exclusive). */
export function placeAt(document: Document, start: number, end: number): Position {
  return { start: pointAt(document, start), end: pointAt(document, end) }
}

/** The position of characters `start` to `end` (0-based, end exclusive) of line `line`, which starts at document offset `lineOffset`. */
export function spanOnLine(line: number, lineOffset: number, start: number, end: number): Position {
  return {
    start: { line, column: start + 1, offset: lineOffset + start },
    end: { line, column: end + 1, offset: lineOffset + end },
  }
}
