/**
 * Locale JSON (`en.json`, `de.json`): flat or nested objects of strings, in the i18next or ICU
 * message style. Each string value is one unit, read on a line of its own; placeholders
 * (`{name}`, `{count, plural, …}`, `{{name}}`, `%s`, `<0>…</0>`) are masked so they are never
 * flagged (see `placeholders.ts`). Every virtual character maps back into the JSON string, escape
 * sequences included (`\u00e9` maps to its six characters).
 *
 * The parser is a small strict JSON parser that keeps the source offsets of keys and values.
 */
import { maskPlaceholders } from './placeholders.js'
import { STAND_IN } from './stand-in.js'
import { emitAligned, lineStarts, pointOf, VirtualTextBuilder } from './virtual-text.js'
import type { Prepared } from './types.js'

export interface JsonString {
  kind: 'string'
  value: string
  /** Source offsets of the literal, quotes included. */
  start: number
  end: number
  /** Source span of each character of `value` (an escape sequence spans all its characters). */
  spans: { starts: Int32Array; ends: Int32Array }
}

export interface JsonObject {
  kind: 'object'
  start: number
  end: number
  entries: Array<{ key: JsonString; value: JsonNode }>
}

export interface JsonArray {
  kind: 'array'
  start: number
  end: number
  items: JsonNode[]
}

export interface JsonScalar {
  kind: 'number' | 'boolean' | 'null'
  start: number
  end: number
}

export type JsonNode = JsonString | JsonObject | JsonArray | JsonScalar

/** A string value of a locale file and where it sits. */
export interface LocaleUnit {
  /** Key path, segments joined with `.` (array items by index). */
  key: string
  /** The path as segments. */
  path: string[]
  string: JsonString
  /** The key literal the value belongs to (absent for array items and a bare top-level string). */
  keyString?: JsonString
}

/** Thrown for text that is not JSON; `line` and `column` are 1-based. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} at line ${line}, column ${column}`)
    this.name = 'JsonSyntaxError'
  }
}

export function parseJson(text: string): JsonNode {
  return new Parser(text).document()
}

/** Every string value of a locale document, in document order. */
export function localeUnits(root: JsonNode): LocaleUnit[] {
  const units: LocaleUnit[] = []
  const walk = (node: JsonNode, path: string[], keyString: JsonString | undefined): void => {
    if (node.kind === 'string') units.push(keyString ? { key: path.join('.'), path, string: node, keyString } : { key: path.join('.'), path, string: node })
    else if (node.kind === 'object') for (const entry of node.entries) walk(entry.value, [...path, entry.key.value], entry.key)
    else if (node.kind === 'array') node.items.forEach((item, index) => walk(item, [...path, String(index)], undefined))
  }
  walk(root, [], undefined)
  return units
}

/** The prose of a locale file: one unit per paragraph, placeholders masked. */
export function prepareJson(text: string): Prepared {
  const units = localeUnits(parseJson(text))
  const builder = new VirtualTextBuilder()
  for (const unit of units) {
    const { value, spans, end } = unit.string
    const pieces = maskPlaceholders(value).pieces
    if (!pieces.some((piece) => piece.kind === 'text' && /[\p{L}\p{N}]/u.test(value.slice(piece.from, piece.to)))) continue
    if (builder.size > 0) builder.put('\n\n', end, end)
    for (const piece of pieces) {
      if (piece.kind === 'stand-in') builder.put(STAND_IN, spans.starts[piece.from]!, spans.ends[piece.to - 1]!)
      else if (piece.kind === 'text') emitText(builder, value, text, spans, piece.from, piece.to)
    }
  }
  return { virtual: builder.build(), directives: [] }
}

/** Emit value[from, to), line breaks inside a value becoming spaces: one unit, one line. */
function emitText(builder: VirtualTextBuilder, value: string, source: string, spans: JsonString['spans'], from: number, to: number): void {
  let at = from
  for (let index = from; index < to; index++) {
    const code = value.charCodeAt(index)
    if (code !== 10 && code !== 13) continue
    emitAligned(builder, value, source, spans, at, index)
    builder.put(' ', spans.starts[index]!, spans.ends[index]!)
    at = index + 1
  }
  emitAligned(builder, value, source, spans, at, to)
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

class Parser {
  private at = 0
  private starts: number[] | undefined

  constructor(private readonly text: string) {}

  document(): JsonNode {
    this.space()
    const node = this.value()
    this.space()
    if (this.at < this.text.length) this.fail('unexpected text after the JSON value')
    return node
  }

  private value(): JsonNode {
    const char = this.text[this.at]
    if (char === '{') return this.object()
    if (char === '[') return this.array()
    if (char === '"') return this.string()
    const start = this.at
    const literal = /^(?:true|false|null)/.exec(this.text.slice(start, start + 5))
    if (literal) {
      this.at += literal[0].length
      return { kind: literal[0] === 'null' ? 'null' : 'boolean', start, end: this.at }
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(start, start + 400))
    if (number) {
      this.at += number[0].length
      return { kind: 'number', start, end: this.at }
    }
    return this.fail(char === undefined ? 'unexpected end of file' : `unexpected character ${JSON.stringify(char)}`)
  }

  private object(): JsonObject {
    const start = this.at++
    const entries: JsonObject['entries'] = []
    this.space()
    if (this.text[this.at] === '}') {
      this.at++
      return { kind: 'object', start, end: this.at, entries }
    }
    for (;;) {
      this.space()
      if (this.text[this.at] !== '"') this.fail('expected a key in double quotes')
      const key = this.string()
      this.space()
      if (this.text[this.at] !== ':') this.fail("expected ':' after the key")
      this.at++
      this.space()
      entries.push({ key, value: this.value() })
      this.space()
      const next = this.text[this.at]
      this.at++
      if (next === '}') return { kind: 'object', start, end: this.at, entries }
      if (next !== ',') {
        this.at--
        this.fail("expected ',' or '}'")
      }
    }
  }

  private array(): JsonArray {
    const start = this.at++
    const items: JsonNode[] = []
    this.space()
    if (this.text[this.at] === ']') {
      this.at++
      return { kind: 'array', start, end: this.at, items }
    }
    for (;;) {
      this.space()
      items.push(this.value())
      this.space()
      const next = this.text[this.at]
      this.at++
      if (next === ']') return { kind: 'array', start, end: this.at, items }
      if (next !== ',') {
        this.at--
        this.fail("expected ',' or ']'")
      }
    }
  }

  private string(): JsonString {
    const start = this.at++
    const text = this.text
    let value = ''
    const starts: number[] = []
    const ends: number[] = []
    for (;;) {
      const char = text[this.at]
      if (char === undefined) this.fail('unterminated string')
      if (char === '"') break
      if (char === '\\') {
        const escape = text[this.at + 1]
        if (escape === 'u') {
          const hex = text.slice(this.at + 2, this.at + 6)
          if (!/^[\da-f]{4}$/i.test(hex)) this.fail('bad \\u escape')
          value += String.fromCharCode(Number.parseInt(hex, 16))
          starts.push(this.at)
          ends.push(this.at + 6)
          this.at += 6
        } else if (escape !== undefined && ESCAPES[escape] !== undefined) {
          value += ESCAPES[escape]
          starts.push(this.at)
          ends.push(this.at + 2)
          this.at += 2
        } else this.fail('bad escape sequence')
        continue
      }
      if (char.charCodeAt(0) < 0x20) this.fail('control character in string')
      value += char
      starts.push(this.at)
      ends.push(this.at + 1)
      this.at++
    }
    this.at++
    return { kind: 'string', value, start, end: this.at, spans: { starts: Int32Array.from(starts), ends: Int32Array.from(ends) } }
  }

  private space(): void {
    while (this.at < this.text.length && /[ \t\n\r]/.test(this.text[this.at]!)) this.at++
  }

  private fail(reason: string): never {
    this.starts ??= lineStarts(this.text)
    const { line, column } = pointOf(this.starts, this.at)
    throw new JsonSyntaxError(reason, line, column)
  }
}
