/**
 * Virtual text: the plain text a markup front end hands to the analyzer, built piece by piece,
 * with a map from every virtual offset back to an offset of the original file.
 *
 *   original  `Read **the** [guide](https://x.y).`
 *   virtual   `Read the guide.`
 *
 * A piece is either copied (each virtual character is one original character: exact) or stands in
 * for a stretch of the original (a decoded `&amp;`, a token for a placeholder, a line break between
 * blocks): every character of such a piece maps to the whole stretch.
 */

interface Segment {
  /** First virtual offset of the piece. */
  readonly from: number
  /** Virtual length. */
  readonly length: number
  /** Original offset of the first character. */
  readonly original: number
  /** Original offset just past the stretch the piece stands for. */
  readonly originalEnd: number
  /** Whether virtual and original characters correspond one to one. */
  readonly exact: boolean
}

export class VirtualTextBuilder {
  private readonly parts: string[] = []
  private readonly segments: Segment[] = []
  private length = 0

  /** Copy `source.slice(start, end)` one to one. */
  copy(source: string, start: number, end: number): void {
    if (end <= start) return
    const last = this.segments[this.segments.length - 1]
    if (last && last.exact && last.from + last.length === this.length && last.originalEnd === start) {
      // Extend the previous exact piece: long runs stay one segment.
      this.segments[this.segments.length - 1] = { ...last, length: last.length + (end - start), originalEnd: end }
    } else {
      this.segments.push({ from: this.length, length: end - start, original: start, originalEnd: end, exact: true })
    }
    this.parts.push(source.slice(start, end))
    this.length += end - start
  }

  /** Add `text`, standing for the original characters `start` to `end`. */
  put(text: string, start: number, end: number): void {
    if (text.length === 0) return
    this.segments.push({ from: this.length, length: text.length, original: start, originalEnd: end, exact: false })
    this.parts.push(text)
    this.length += text.length
  }

  /** The virtual text so far ends with `suffix`. */
  endsWith(suffix: string): boolean {
    let tail = ''
    for (let index = this.parts.length - 1; index >= 0 && tail.length < suffix.length; index--) tail = this.parts[index] + tail
    return tail.endsWith(suffix)
  }

  get size(): number {
    return this.length
  }

  build(): VirtualText {
    return new VirtualText(this.parts.join(''), this.segments)
  }
}

export class VirtualText {
  constructor(
    readonly text: string,
    private readonly segments: readonly Segment[],
  ) {}

  /** Original offset of the virtual character at `offset` (or of the end, when past the last piece). */
  start(offset: number): number {
    const segment = this.segmentAt(offset)
    if (!segment) return this.segments[this.segments.length - 1]?.originalEnd ?? 0
    return segment.exact ? segment.original + (offset - segment.from) : segment.original
  }

  /** Original offset just past the virtual character before `offset`: the end of a span ending at `offset`. */
  end(offset: number): number {
    if (offset <= 0) return this.start(0)
    const segment = this.segmentAt(offset - 1)
    if (!segment) return this.segments[this.segments.length - 1]?.originalEnd ?? 0
    return segment.exact ? segment.original + (offset - segment.from) : segment.originalEnd
  }

  /** The segment holding virtual `offset` (binary search), or undefined past the end. */
  private segmentAt(offset: number): Segment | undefined {
    const segments = this.segments
    let low = 0
    let high = segments.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const segment = segments[mid]!
      if (offset < segment.from) high = mid - 1
      else if (offset >= segment.from + segment.length) low = mid + 1
      else return segment
    }
    return undefined
  }
}

/** Offsets of the first character of each line of `text` (lines end at `\n`). */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

/** 1-based line and column (UTF-16 code units) of `offset`, given the text's line starts. */
export function pointOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid]! <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - starts[low]! + 1 }
}

/** Offset of 1-based `line`, `column`; columns past the line's end stay on that line's end. */
export function offsetOf(starts: readonly number[], textLength: number, line: number, column: number): number {
  const start = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0
  const next = line < starts.length ? starts[line]! : textLength + 1
  return Math.min(start + column - 1, next - 1)
}

const REFERENCE = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i

/**
 * Where each character of a decoded `value` comes from in `source.slice(start, end)`: original
 * offsets `[starts[i], ends[i])` for character `i`. Characters that match map one to one; what the
 * decoder dropped (line prefixes such as `> ` or indentation, backslashes of escapes, a `\r` before
 * `\n`) is skipped; a character reference (`&amp;`) maps its decoded characters to the whole
 * reference. Undefined when the two cannot be aligned.
 */
export function alignDecoded(value: string, source: string, start: number, end: number): { starts: Int32Array; ends: Int32Array } | undefined {
  const starts = new Int32Array(value.length)
  const ends = new Int32Array(value.length)
  let index = 0
  let at = start
  while (index < value.length) {
    if (at >= end) return undefined
    if (source.charCodeAt(at) === 38 /* & */) {
      const reference = REFERENCE.exec(source.slice(at, at + 40))
      // A name that is no character reference (`&foo;`) stays in the value as written: copied one to one.
      if (reference && !value.startsWith(reference[0], index)) {
        const decoded = decodedLength(reference[0], value, index)
        for (let k = 0; k < decoded; k++) {
          starts[index + k] = at
          ends[index + k] = at + reference[0].length
        }
        index += decoded
        at += reference[0].length
        continue
      }
    }
    if (source[at] === value[index]) {
      starts[index] = at
      ends[index] = at + 1
      index++
    }
    // Otherwise a character the decoder dropped.
    at++
  }
  return { starts, ends }
}

/** Put `value.slice(from, to)` whose characters come from the original spans `spans`: exact runs are copied. */
export function emitAligned(
  builder: VirtualTextBuilder,
  value: string,
  source: string,
  spans: { starts: Int32Array; ends: Int32Array },
  from = 0,
  to = value.length,
): void {
  let index = from
  while (index < to) {
    const exact = spans.ends[index]! - spans.starts[index]! === 1 && source[spans.starts[index]!] === value[index]
    if (!exact) {
      // A reference: all value characters that share its span form one piece.
      let next = index + 1
      while (next < to && spans.starts[next] === spans.starts[index]) next++
      builder.put(value.slice(index, next), spans.starts[index]!, spans.ends[index]!)
      index = next
      continue
    }
    let next = index + 1
    while (next < to && spans.starts[next] === spans.starts[next - 1]! + 1 && spans.ends[next]! - spans.starts[next]! === 1 && source[spans.starts[next]!] === value[next]) next++
    builder.copy(source, spans.starts[index]!, spans.starts[next - 1]! + 1)
    index = next
  }
}

/**
 * Add a decoded `value` whose source is `source.slice(start, end)`, mapped character by character
 * where possible. With `softBreak`, each line break of `value` is added as that text instead (one
 * piece standing for the break): Markdown's soft line breaks, which render as a space.
 */
export function copyDecoded(builder: VirtualTextBuilder, value: string, source: string, start: number, end: number, softBreak?: string): void {
  const spans = alignDecoded(value, source, start, end)
  if (!spans) {
    builder.put(softBreak === undefined ? value : value.replace(LINE_BREAK, softBreak), start, end)
    return
  }
  if (softBreak === undefined) {
    emitAligned(builder, value, source, spans)
    return
  }
  // A line break is `\n`, `\r\n` (the parser keeps the `\r`) or a lone `\r`: one piece each.
  let from = 0
  for (const match of value.matchAll(LINE_BREAK)) {
    const at = match.index
    const last = at + match[0].length - 1
    emitAligned(builder, value, source, spans, from, at)
    builder.put(softBreak, spans.starts[at]!, spans.ends[last]!)
    from = last + 1
  }
  emitAligned(builder, value, source, spans, from, value.length)
}

const LINE_BREAK = /\r\n|\r|\n/g

/** How many characters of `value` (from `index`) the character reference `reference` decoded to. */
function decodedLength(reference: string, value: string, index: number): number {
  const numeric = /^&#(x?)([\da-f]+);$/i.exec(reference)
  if (numeric) {
    const code = Number.parseInt(numeric[2]!, numeric[1] ? 16 : 10)
    return code > 0xffff ? 2 : 1
  }
  // Named references decode to one character, or to a surrogate pair outside the BMP.
  const first = value.charCodeAt(index)
  return first >= 0xd800 && first <= 0xdbff ? 2 : 1
}
