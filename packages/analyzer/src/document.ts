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
  /** The width the text is hard-wrapped at (see `wrapWidth`), when it is. */
  readonly wrapWidth?: number
  /**
   * In a hard-wrapped text only: by 0-based line index, the 1-based number of the line that line's
   * paragraph starts on (0 for a blank line). There the paragraphs are the wrap's alone
   * (`joinsWrapped`); the boilerplate classifier judges them, and the scores count each once
   * (`LineResult.paragraph`).
   *
   * ```text
   * The talks in Istanbul ended without a commitment to a      ← 1 (full: the next line joins)
   * ceasefire, officials said on Monday.                       ← 1
   * Show comments                                              ← 3 (the line above ends a sentence)
   * ```
   */
  readonly wrapStarts?: Int32Array
  /**
   * `text` with a technical plain text's backquoted code blanked out (same length, analyze.ts and
   * register.ts `backquotedSpans`): what the rules that scan paragraph text (quotes, markup,
   * placeholders, mojibake, number formats) read, so `` `echo "hi"` `` opens no quotation.
   */
  prose?: string
}

const TERMINAL = /[.!?:;…"'”’»)\]]\s*$/u
const LOWER_START = /^\s*\p{Ll}/u

/**
 * Split text into lines and paragraphs.
 *
 * Scraped and pasted text puts one block on a line, so each non-blank line is a paragraph, except
 * where prose was hard-wrapped: a line continues the previous one when that line is long, does not
 * end a sentence, and the next starts in lower case; in a text hard-wrapped at one width
 * (`wrapWidth`), when that line is full (`joinsWrapped`), whatever the next starts with
 * ("… Ursula von der" / "Leyen said …" is one sentence).
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
  const width = wrapWidthOfLines(lines)
  for (const line of lines) {
    if (line.blank) {
      flush()
      continue
    }
    // In a wrapped text the wrap decides alone (`Document.wrapStarts`).
    if (start && last && (width === undefined ? continues(last.text, line.text) : joinsWrapped(last.text, line.text, width))) {
      last = line
      continue
    }
    flush()
    start = line
    last = line
  }
  flush()
  if (width === undefined) return { text, lines, paragraphs }
  const wrapStarts = new Int32Array(lines.length)
  for (const paragraph of paragraphs) wrapStarts.fill(paragraph.startLine, paragraph.startLine - 1, paragraph.endLine)
  return { text, lines, paragraphs, wrapWidth: width, wrapStarts }
}

/** The non-blank lines' wrap width (see `wrapWidth`). */
function wrapWidthOfLines(lines: readonly Line[]): number | undefined {
  const texts: string[] = []
  const numbers: number[] = []
  for (const line of lines) {
    if (line.blank) continue
    texts.push(line.text)
    numbers.push(line.number)
  }
  return wrapWidth(texts, numbers)
}

/** Longest line (in characters) a hard-wrapped text may be wrapped at; the narrowest. */
const WRAP_MAX = 100
const WRAP_MIN = 40
/** A line at most this much shorter than the wrap width is full: the paragraph goes on below it. */
const WRAP_SLACK = 20
/** Fewest full lines followed by a line of the same paragraph before a text counts as hard-wrapped. */
const WRAP_MIN_LINES = 4
const SENTENCE_END = /[.!?…"”’»)]$/u
const UPPER_START = /^\s*\p{Lu}/u

/**
 * The width a text is hard-wrapped at (an e-mail, a .txt README, a book from Project Gutenberg),
 * or undefined when it is not: its lines keep under one width (at most `WRAP_MAX` characters; the
 * 95th percentile of line lengths), at least `WRAP_MIN_LINES` lines reach within `WRAP_SLACK` of it
 * with the next line right below, and at least half of those next lines start in lower case (a
 * list of headlines, one a line, starts each with a capital). A scraped page, with paragraphs of
 * hundreds of characters on a line, is never wrapped: none of the 485 samples of
 * scripts/snapshot.mjs is. `texts` are the non-blank lines, `numbers` their 1-based line numbers.
 */
export function wrapWidth(texts: readonly string[], numbers: ArrayLike<number>): number | undefined {
  const n = texts.length
  if (n < WRAP_MIN_LINES + 1) return undefined
  // More than one line in twenty longer than any wrap: not wrapped (most texts end here).
  let long = 0
  for (let j = 0; j < n; j++) if (texts[j]!.length > WRAP_MAX && texts[j]!.trimEnd().length > WRAP_MAX && ++long * 20 > n) return undefined
  const lengths = texts.map((text) => text.trimEnd().length).sort((a, b) => a - b)
  const width = lengths[Math.floor(0.95 * (n - 1))]!
  if (width > WRAP_MAX || width < WRAP_MIN) return undefined
  let full = 0
  let lower = 0
  for (let j = 0; j + 1 < n; j++) {
    if (numbers[j + 1] !== numbers[j]! + 1 || texts[j]!.trimEnd().length < width - WRAP_SLACK) continue
    full++
    if (LOWER_START.test(texts[j + 1]!)) lower++
  }
  return full >= WRAP_MIN_LINES && 2 * lower >= full ? width : undefined
}

/**
 * In a text wrapped at `width`, whether `next` (the line right below `previous`) continues its
 * paragraph: `previous` is full, unless it ends a sentence and `next` starts with a capital (then
 * the paragraph may end there, when paragraphs have no blank line between them).
 */
function joinsWrapped(previous: string, next: string, width: number): boolean {
  const end = previous.trimEnd()
  return end.length >= width - WRAP_SLACK && !(SENTENCE_END.test(end) && UPPER_START.test(next))
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
