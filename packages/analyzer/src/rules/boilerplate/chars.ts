/**
 * What a character is, for the boilerplate features and shape tests, without a regular expression
 * per character: ASCII by table, any other code point by the same Unicode property tests as a
 * regular expression would use, asked once per code unit and process (a Russian page asks for the
 * same 60 letters thousands of times).
 *
 * The answers are those of the patterns they replace, character for character: `\s`, `\p{L}`
 * (`\p{Lu}`, `\p{Ll}`), `\p{N}`, `[\p{P}\p{S}]`, and `toLowerCase` of one code unit.
 */

// What each ASCII character counts as.
export const SPACE = 0
export const UPPER = 1
export const LOWER = 2
export const DIGIT = 3
export const PUNCTUATION = 4
export const SYMBOL = 5
/** Punctuation of prose, not counted as symbols. */
const ASCII_PUNCTUATION = `.,;:'"!?()-`
/** Kind of each ASCII character. Control characters count as space (`SPACE` is every code ≤ 32). */
export const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, code) =>
  code <= 32 ? SPACE
  : code >= 65 && code <= 90 ? UPPER
  : code >= 97 && code <= 122 ? LOWER
  : code >= 48 && code <= 57 ? DIGIT
  : ASCII_PUNCTUATION.includes(String.fromCharCode(code)) ? PUNCTUATION
  : SYMBOL,
)

// What a character outside ASCII is, from its Unicode properties.
const U_UNKNOWN = 0
export const U_SPACE = 1
export const U_UPPER = 2
export const U_LOWER = 3
/** A letter without case (Han, Hangul, Arabic …). */
export const U_LETTER = 4
export const U_NUMBER = 5
/** Prose punctuation outside ASCII (’‘“”«»–—…): neither a symbol nor part of a word. */
export const U_PROSE_MARK = 6
/** Other punctuation and symbols: a symbol, and a separator for the repeat key. */
export const U_SYMBOL = 7
/** Anything else (combining marks, format characters, lone surrogates): a symbol, but part of a word for the repeat key. */
export const U_OTHER = 8
const UNICODE_KIND = new Uint8Array(0x10000)

function kindOfChar(char: string): number {
  if (/\s/u.test(char)) return U_SPACE
  if (/\p{L}/u.test(char)) return /\p{Lu}/u.test(char) ? U_UPPER : /\p{Ll}/u.test(char) ? U_LOWER : U_LETTER
  if (/\p{N}/u.test(char)) return U_NUMBER
  if (/[’‘“”«»–—…]/u.test(char)) return U_PROSE_MARK
  if (/[\p{P}\p{S}]/u.test(char)) return U_SYMBOL
  return U_OTHER
}

/** Kind of the code point `point` (any plane; meant for points outside ASCII). */
export function unicodeKind(point: number): number {
  if (point > 0xffff) return kindOfChar(String.fromCodePoint(point))
  let kind = UNICODE_KIND[point]!
  if (kind === U_UNKNOWN) {
    kind = kindOfChar(String.fromCharCode(point))
    UNICODE_KIND[point] = kind
  }
  return kind
}

/** Lower case of each code unit outside ASCII, filled lazily: 0 not yet known, `MULTI` when it takes more than one unit. */
const LOWER_OF = new Uint16Array(0x10000)
export const MULTI = 0xffff

/** Lower case of the code unit `unit` (`MULTI` when it takes more than one unit: "İ"). */
export function lowerUnit(unit: number): number {
  let lower = LOWER_OF[unit]!
  if (lower === 0) {
    const lowered = String.fromCharCode(unit).toLowerCase()
    lower = lowered.length === 1 ? lowered.charCodeAt(0) : MULTI
    LOWER_OF[unit] = lower
  }
  return lower
}

/** Whether the code unit `code` is white space (`\s`, and what `trim` removes). */
export function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
}

/** Whether the code point `point` is in `[\s\p{P}\p{S}]`: white space, punctuation or a symbol. */
export function isSpaceOrMark(point: number): boolean {
  if (point < 128) {
    // Every printable ASCII character but letters and digits is punctuation or a symbol; the
    // control characters but \t–\r are neither (unlike `ASCII_KIND`, which counts them as space).
    if (point <= 32) return point === 32 || (point >= 9 && point <= 13)
    if (point === 127) return false
    const kind = ASCII_KIND[point]!
    return kind === PUNCTUATION || kind === SYMBOL
  }
  const kind = unicodeKind(point)
  return kind === U_SPACE || kind === U_PROSE_MARK || kind === U_SYMBOL
}

/** Whether the code point `point` is an upper-case letter (`\p{Lu}`). */
export function isUpper(point: number): boolean {
  return point < 128 ? point >= 65 && point <= 90 : unicodeKind(point) === U_UPPER
}

/** The code point at `i` of `text` (a lone surrogate is its own code point, as in a `u` pattern). */
export function pointAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  return code >= 0xd800 && code <= 0xdbff ? text.codePointAt(i)! : code
}

/** The code units of `chars`, to test a character against with `has(code)` (NaN, past the end of a text, is in none). */
export function unitSet(chars: string): ReadonlySet<number> {
  return new Set(Array.from({ length: chars.length }, (_, i) => chars.charCodeAt(i)))
}

/**
 * What `measureLine` notices about a line on its one pass over it, for the shape tests to skip
 * the patterns that cannot match without scanning the line again.
 */
export interface LineHints {
  /** `MARK_*` bits of the characters in the line. */
  marks: number
  /** Runs of white space between visible characters (a trimmed line's words minus one, split at `\s+`). */
  spaceRuns: number
}
/** $ € £ ¥ %: a ticker's signs. */
export const MARK_SIGN = 1
/** - – | / · , : separators of a list of stock exchanges. */
export const MARK_EXCHANGE_SEPARATOR = 2
/** | / » › > · • - – : separators of an inline menu. */
export const MARK_MENU_SEPARATOR = 4
/** : @ . : what a URL or address needs one of. */
export const MARK_URL = 8
/** / */
export const MARK_SLASH = 16
/** A word of the credit patterns (`CREDIT_WORDS` in credit.ts: "Photo", "Credit", "Shutterstock" …), or one `measureLine` cannot rule out. */
export const MARK_CREDIT_WORD = 32
/** A word of the site-notice patterns (`NOTICE_WORDS` in ui-string.ts: "cookies", "javascript", "newsletter" …), or one `measureLine` cannot rule out. */
export const MARK_NOTICE_WORD = 64

/** `MARK_*` bits of each ASCII character. */
export const ASCII_MARKS = Uint8Array.from({ length: 128 }, (_, code) => markOf(code))

/** `MARK_*` bits of the code point `point`. */
export function markOf(point: number): number {
  switch (point) {
    case 36: case 37: case 0x20ac: case 0xa3: case 0xa5:
      return MARK_SIGN
    case 44:
      return MARK_EXCHANGE_SEPARATOR
    case 45: case 0x2013: case 124: case 0xb7:
      return MARK_EXCHANGE_SEPARATOR | MARK_MENU_SEPARATOR
    case 47:
      return MARK_EXCHANGE_SEPARATOR | MARK_MENU_SEPARATOR | MARK_SLASH
    case 0xbb: case 0x203a: case 62: case 0x2022:
      return MARK_MENU_SEPARATOR
    case 58: case 64: case 46:
      return MARK_URL
    default:
      return 0
  }
}

/** Whether `text` holds an ASCII digit. */
export function hasAsciiDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) return true
  }
  return false
}
