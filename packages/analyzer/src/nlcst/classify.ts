/**
 * Character classes of parse-latin's tokenizer, as a lookup table.
 *
 * Part of tq's port of parse-latin / parse-english 7 for speed (see ./index.ts); the reference
 * parsers are the oracle. parse-latin tests three regular expressions against every code unit of
 * the text; here each code unit is classified once per process, on first sight, with the same
 * expressions, and then read from a table.
 */
import { punctuation, whiteSpace, word } from './expressions.js'

/** Leaf and item types. A word item is a run of leaves; its first leaf is always a `TEXT`. */
export const TEXT = 1
export const PUNCTUATION = 2
export const SYMBOL = 3
export const WHITE_SPACE = 4
/** The nlcst node type of each of those numbers. */
export const NODE_TYPES = ['', 'TextNode', 'PunctuationNode', 'SymbolNode', 'WhiteSpaceNode']

/** Class of each UTF-16 code unit; 0 until first classified. */
const table = new Uint8Array(65536)

/** The class of code unit `code`, in parse-latin's order: white space, punctuation, word, else symbol. */
export function classify(code: number): number {
  const cached = table[code]!
  if (cached !== 0) return cached
  const char = String.fromCharCode(code)
  const type = whiteSpace.test(char)
    ? WHITE_SPACE
    : punctuation.test(char)
      ? PUNCTUATION
      : word.test(char)
        ? TEXT
        : SYMBOL
  table[code] = type
  return type
}

/** The table itself, for the tokenizer's hot loop (read `classify` on a 0). */
export const classes: Uint8Array = table

/**
 * Which merge passes a punctuation or symbol token can trigger, by its first code unit. A pass
 * whose trigger never occurs in a paragraph cannot change it, so it is skipped.
 */
export const HAS_AMPERSAND = 1 // merge-initial-word-symbol: `&` before a word (`&c`)
export const HAS_HYPHEN = 2 // merge-final-word-symbol: `-` after a word (`pre- and post-war`)
export const HAS_INNER = 4 // merge-inner-word-symbol: `'`, `-`, `.`, `_`, … between words
export const HAS_SLASH = 8 // merge-inner-word-slash and English `w/`
export const HAS_APOSTROPHE = 16 // English elision: `'tis`, `o'`
export const HAS_FULL_STOP = 32 // merge-initialisms: `U.S.`

/** Trigger bits of a punctuation or symbol token starting with `code`. */
export function triggers(code: number): number {
  switch (code) {
    case 0x26: // &
      return HAS_AMPERSAND | HAS_INNER
    case 0x2d: // -
      return HAS_HYPHEN | HAS_INNER
    case 0x2e: // .
      return HAS_FULL_STOP | HAS_INNER
    case 0x2f: // /
      return HAS_SLASH
    case 0x27: // '
    case 0x2019: // ’
      return HAS_APOSTROPHE | HAS_INNER
    case 0x3a: // :
    case 0x3d: // =
    case 0x3f: // ?
    case 0x40: // @
    case 0x5f: // _
    case 0xad: // soft hyphen
    case 0xb7: // middle dot
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2027: // hyphenation point
      return HAS_INNER
    default:
      return 0
  }
}

/**
 * parse-latin's `wordSymbolInner`, `/^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/`,
 * for a punctuation or symbol token of `length` code units starting with `code`. Such tokens
 * repeat one code unit (`__`), so a run of underscores is recognised by its first.
 */
export function isInnerWordSymbol(code: number, length: number): boolean {
  if (code === 0x5f) return true
  if (length !== 1) return false
  switch (code) {
    case 0x26:
    case 0x27:
    case 0x2d:
    case 0x2e:
    case 0x3a:
    case 0x3d:
    case 0x3f:
    case 0x40:
    case 0xad:
    case 0xb7:
    case 0x2010:
    case 0x2011:
    case 0x2019:
    case 0x2027:
      return true
    default:
      return false
  }
}

/**
 * parse-latin's `terminalMarker`, `/^([!.?\u2026\u203D]+)$/`, for a punctuation token starting
 * with `code` (punctuation tokens repeat one code unit, and these five are all punctuation).
 */
export function isTerminal(code: number): boolean {
  return code === 0x2e || code === 0x3f || code === 0x21 || code === 0x2026 || code === 0x203d
}
