/**
 * Placeholders in locale strings, in the styles translated apps use:
 *
 *   ICU        {name}  {count, number}  {count, plural, one {# item} other {# items}}  {g, select, …}
 *   i18next    {{name}}  {{count, number}}  {{- html}}  $t(other.key)
 *   printf     %s  %d  %1$s  %(name)s  %{name}  %<name>s   (`%%` is a literal percent sign)
 *   tags       <0>…</0>  <strong>…</strong>  <br/>   (react-i18next `Trans`, inline HTML)
 *
 * `maskPlaceholders` cuts a value into pieces: prose, a placeholder (read as a neutral stand-in
 * word, so `Hello, {name}!` reads `Hello, Xyz!` and nothing is flagged in or around it), or markup
 * that is dropped (tags, and the parts of a plural or select other than its `other` message, which
 * is read as the sentence). It also lists each placeholder's signature for comparing a translation
 * with its source: `{name}`, `{{name}}`, `%s`, `%1$s`, `<0>`, `$t(key)`.
 */

export type Piece = { kind: 'text' | 'stand-in' | 'drop'; from: number; to: number }

export interface Masked {
  /** Consecutive pieces covering the whole value. */
  pieces: Piece[]
  /** Placeholder signatures, in order of appearance (tags: the opening tag only). */
  placeholders: string[]
}

const PRINTF = /^%(?:\d+\$)?[-+0#]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t)?[sdifFeEgGxXoucp@]|^%\([\w.-]+\)[sdifr]|^%\{[\w.-]+\}|^%<[\w.-]+>[sdif]/
const TAG = /^<\/?(?:\d+|[a-z][\w-]*)(?:\s[^<>]*?)?\s*\/?>/i
const ICU_NAME = /^\s*([\p{L}\p{N}_$][\p{L}\p{N}_$.-]*)\s*$/u
const ICU_COMPLEX = new Set(['plural', 'select', 'selectordinal'])

export function maskPlaceholders(value: string): Masked {
  const pieces: Piece[] = []
  const placeholders: string[] = []
  scan(value, 0, value.length, false, pieces, placeholders)
  return { pieces: merge(pieces), placeholders }
}

/** The placeholder signatures of `value`, sorted: two values agree when these are equal. */
export function placeholderSignature(value: string): string[] {
  return maskPlaceholders(value).placeholders.sort()
}

function scan(value: string, from: number, to: number, inPlural: boolean, pieces: Piece[], placeholders: string[]): void {
  let textStart = from
  const flush = (at: number): void => {
    if (at > textStart) pieces.push({ kind: 'text', from: textStart, to: at })
  }
  let at = from
  while (at < to) {
    const char = value[at]!
    if (char === '%' && value[at + 1] === '%') {
      at += 2 // a literal percent sign, left in the text
      continue
    }
    let handled: number | undefined
    if (char === '{') handled = brace(value, at, to, pieces, placeholders, flush)
    else if (char === '%') handled = percent(value, at, to, pieces, placeholders, flush)
    else if (char === '<') handled = tag(value, at, to, pieces, placeholders, flush)
    else if (char === '$' && value.startsWith('$t(', at)) handled = nesting(value, at, to, pieces, placeholders, flush)
    else if (char === '#' && inPlural) {
      flush(at)
      pieces.push({ kind: 'stand-in', from: at, to: at + 1 })
      handled = at + 1
    }
    if (handled === undefined) {
      at++
      continue
    }
    at = handled
    textStart = at
  }
  flush(to)
}

type Flush = (at: number) => void

/** `{{name}}` or an ICU argument at `at`; the offset after it, or undefined when it is plain text. */
function brace(value: string, at: number, to: number, pieces: Piece[], placeholders: string[], flush: Flush): number | undefined {
  if (value.startsWith('{{', at)) {
    const close = value.indexOf('}}', at + 2)
    if (close === -1 || close + 2 > to) return undefined
    const name = value.slice(at + 2, close).replace(/^\s*-\s*/, '').split(',')[0]!.trim()
    if (!ICU_NAME.test(name)) return undefined
    flush(at)
    pieces.push({ kind: 'stand-in', from: at, to: close + 2 })
    placeholders.push(`{{${name}}}`)
    return close + 2
  }
  const close = matchingBrace(value, at, to)
  if (close === undefined) return undefined
  const body = value.slice(at + 1, close)
  const comma = body.indexOf(',')
  const name = comma === -1 ? body : body.slice(0, comma)
  const nameMatch = ICU_NAME.exec(name)
  if (!nameMatch) return undefined
  const type = comma === -1 ? '' : body.slice(comma + 1).split(',')[0]!.trim()
  flush(at)
  placeholders.push(`{${nameMatch[1]}}`)
  if (!ICU_COMPLEX.has(type)) {
    pieces.push({ kind: 'stand-in', from: at, to: close + 1 })
    return close + 1
  }
  // plural / select: read the `other` message (else the last one) as the sentence.
  const message = chosenMessage(value, at + 1 + comma + 1, close)
  if (!message) {
    pieces.push({ kind: 'stand-in', from: at, to: close + 1 })
    return close + 1
  }
  pieces.push({ kind: 'drop', from: at, to: message.from })
  const inner: string[] = []
  scan(value, message.from, message.to, type !== 'select', pieces, inner)
  for (const signature of inner) if (!placeholders.includes(signature)) placeholders.push(signature)
  pieces.push({ kind: 'drop', from: message.to, to: close + 1 })
  return close + 1
}

/** The inner range of the `other` message (else the last) of a plural or select body starting at `from`. */
function chosenMessage(value: string, from: number, to: number): { from: number; to: number } | undefined {
  // Skip the type word, then read `selector {message}` pairs.
  let at = value.indexOf(',', from)
  if (at === -1 || at > to) return undefined
  at++
  let chosen: { from: number; to: number } | undefined
  const selector = /\s*(?:offset:\s*\d+\s*)?(=?[\p{L}\p{N}_-]+)\s*\{/uy
  for (;;) {
    selector.lastIndex = at
    const match = selector.exec(value)
    if (!match || match.index + match[0].length > to) break
    const open = match.index + match[0].length - 1
    const close = matchingBrace(value, open, to)
    if (close === undefined) return undefined
    const range = { from: open + 1, to: close }
    if (match[1] === 'other') return range
    chosen = range
    at = close + 1
  }
  return chosen
}

function matchingBrace(value: string, open: number, to: number): number | undefined {
  let depth = 0
  for (let at = open; at < to; at++) {
    const char = value[at]
    if (char === '{') depth++
    else if (char === '}' && --depth === 0) return at
  }
  return undefined
}

function percent(value: string, at: number, to: number, pieces: Piece[], placeholders: string[], flush: Flush): number | undefined {
  const match = PRINTF.exec(value.slice(at, Math.min(to, at + 40)))
  if (!match) return undefined
  flush(at)
  pieces.push({ kind: 'stand-in', from: at, to: at + match[0].length })
  placeholders.push(match[0])
  return at + match[0].length
}

function tag(value: string, at: number, to: number, pieces: Piece[], placeholders: string[], flush: Flush): number | undefined {
  const match = TAG.exec(value.slice(at, Math.min(to, at + 200)))
  if (!match) return undefined
  flush(at)
  pieces.push({ kind: 'drop', from: at, to: at + match[0].length })
  if (!match[0].startsWith('</')) placeholders.push(`<${/^<([\w-]+)/.exec(match[0])![1]}>`)
  return at + match[0].length
}

function nesting(value: string, at: number, to: number, pieces: Piece[], placeholders: string[], flush: Flush): number | undefined {
  const close = value.indexOf(')', at)
  if (close === -1 || close >= to) return undefined
  flush(at)
  pieces.push({ kind: 'stand-in', from: at, to: close + 1 })
  placeholders.push(value.slice(at, close + 1).replace(/\s+/g, ''))
  return close + 1
}

/** Join neighbouring pieces of the same kind; drop empty ones. */
function merge(pieces: Piece[]): Piece[] {
  const merged: Piece[] = []
  for (const piece of pieces) {
    if (piece.to <= piece.from) continue
    const last = merged[merged.length - 1]
    if (last && last.kind === piece.kind && last.to === piece.from && piece.kind !== 'stand-in') last.to = piece.to
    else merged.push({ ...piece })
  }
  return merged
}
