/**
 * Helpers the translation rules share: paragraph text in document coordinates, and the pairing of double quotes that both quote rules build on. Not a rule itself.
 */
import type { Paragraph as ParagraphNode, Root } from 'nlcst'
import type { Document } from '../../document.js'
import type { TqContext } from '../../rule.js'

/** Whether English quoting conventions (and English-only rules) apply. */
export function isEnglish(ctx: TqContext): boolean {
  return ctx.language === 'en' || ctx.language === 'und'
}

/**
 * Call `fn` with the text of each paragraph of `tree` and its offset in the document: its prose,
 * a technical plain text's backquoted code blanked out (`Document.prose`).
 */
export function eachParagraph(
  tree: Root,
  document: Document,
  fn: (text: string, offset: number, node: ParagraphNode) => void,
): void {
  const text = document.prose ?? document.text
  for (const node of tree.children) {
    if (node.type !== 'ParagraphNode') continue
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    fn(text.slice(start, end), start, node)
  }
}

/**
 * What a passage that is not cut short ends with: closing punctuation, a closing quote or bracket.
 * A text whose end fails it stops mid-sentence (an excerpt: `…officials said the talks would`).
 */
export const FINISHED = /[.!?…:;"”“’'»)\]]\s*$/u

/** Words people repeat on purpose (`ha ha ha`, `bye bye`, `knock knock`). */
export const SOUNDS: ReadonlySet<string> = new Set(
  ('ha haha he hi ho hey la na da do doo dum yeah yes no go bye blah bla yada yadda tick tock knock ' +
    'bang boom rah woof meow chop tut hip ding dong beep zoom choo bla').split(' '),
)

/** `text` with markup tags blanked out (same length), so quotes around attribute values don't count. */
export function maskTags(text: string): string {
  return text.includes('<') ? text.replace(/<[a-zA-Z/!][^<>\n]{0,300}>/gu, (tag) => ' '.repeat(tag.length)) : text
}

// ---------------------------------------------------------------------------------------------
// Double quotes

export interface QuoteProblem {
  /** Offset of the mark in the paragraph. */
  index: number
  /** `misplaced`: wrong glyph (the `expected` one is right); `unclosed` / `stray`: no partner. */
  kind: 'misplaced' | 'unclosed' | 'stray'
  /** `curly` (“ ” „) or `straight` (`"`). */
  style: 'curly' | 'straight'
  glyph: string
  expected?: string
  reason: string
  /** An `unclosed` quotation still open where the paragraph ends. */
  atEnd?: boolean
}

export interface QuoteScan {
  problems: QuoteProblem[]
  /** The paragraph's first quote mark opens a quotation (a continued quotation starts so). */
  startsWithOpening: boolean
  /** The first quote mark of each style closes a quotation opened before this paragraph. */
  firstIsStrayClose: { curly: boolean; straight: boolean }
}

const SPACE_BEFORE = /[\s([{\u2014\u2013/-]/u
const SPACE_AFTER = /\s/u
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const LOWER = /\p{Ll}/u
/** A comma, full stop, ! or ? and at most one space: where a closing quote sits, `…positions, “said`. */
const AFTER_PUNCTUATION = /[,.!?…]\s?$/u

/**
 * Pair the double quotes of one paragraph of English text.
 *
 * Curly quotes are read by their shape and their place: an opening “ that follows `, ` and comes
 * before a lowercase word (`…positions, “said Putin`) while a quotation is open, or with no ”
 * after it, is a closing quote in the wrong shape. Straight quotes have one shape for both, so
 * only their count and place say anything. A `"` right after a digit with no quotation open is an
 * inch or seconds mark (`a 12" pipe`) and is skipped, and so are quotes inside markup tags.
 */
export function scanDoubleQuotes(raw: string): QuoteScan {
  const text = maskTags(raw)
  const problems: QuoteProblem[] = []
  let curlyOpen: number | undefined
  let straightOpen: number | undefined
  let first: 'open' | 'close' | undefined
  const firstIsStrayClose = { curly: false, straight: false }
  let seenCurly = false
  let seenStraight = false
  // Next ” and “ after the current mark (2³² − 1 when there is none), found once each: linear time.
  let nextClose = -1
  let nextOpen = -1
  const marks = /["“”„]/gu
  for (let match = marks.exec(text); match; match = marks.exec(text)) {
    const index = match.index
    const glyph = match[0]
    const before = index === 0 ? '' : text[index - 1]!
    const after = text[index + 1] ?? ''
    const spaceBefore = before === '' || SPACE_BEFORE.test(before)
    const spaceAfter = after === '' || SPACE_AFTER.test(after)
    const openShape = spaceBefore && !spaceAfter
    const closeShape = !spaceBefore && (spaceAfter || !LETTER_OR_DIGIT.test(after))
    const asClosing = AFTER_PUNCTUATION.test(text.slice(Math.max(0, index - 2), index)) && (spaceAfter || LOWER.test(after))

    if (glyph === '"') {
      if (straightOpen === undefined && /\p{N}/u.test(before) && !LETTER_OR_DIGIT.test(after)) continue
      const firstOfStyle = !seenStraight
      seenStraight = true
      if (straightOpen === undefined) {
        if (closeShape && !openShape) {
          if (firstOfStyle) firstIsStrayClose.straight = true
          problems.push({ index, kind: 'stray', style: 'straight', glyph, reason: 'Closing quote `"` with no opening quote' })
          first ??= 'close'
        } else {
          straightOpen = index
          first ??= 'open'
        }
      } else if (openShape && !asClosing) {
        // `"a "b`: a second opening while one is open; the first never closed.
        problems.push({ index: straightOpen, kind: 'unclosed', style: 'straight', glyph, reason: 'Quotation opened with `"` is not closed' })
        straightOpen = index
      } else straightOpen = undefined
      continue
    }

    const firstOfStyle = !seenCurly
    seenCurly = true
    if (glyph === '„') {
      problems.push({ index, kind: 'misplaced', style: 'curly', glyph, expected: '“', reason: 'German low opening quote `„` in English text' })
      if (curlyOpen !== undefined) problems.push(unclosed(curlyOpen))
      curlyOpen = index
      first ??= 'open'
    } else if (glyph === '“') {
      if (nextClose <= index) nextClose = text.indexOf('”', index + 1) >>> 0
      if (nextOpen <= index) nextOpen = text.indexOf('“', index + 1) >>> 0
      const closesLater = nextClose < nextOpen
      if (curlyOpen !== undefined ? closeShape || asClosing : closeShape || (asClosing && !closesLater)) {
        problems.push({ index, kind: 'misplaced', style: 'curly', glyph, expected: '”', reason: 'Closing quote written as an opening one' })
        curlyOpen = undefined
        first ??= 'close'
      } else {
        if (curlyOpen !== undefined) problems.push(unclosed(curlyOpen))
        curlyOpen = index
        first ??= 'open'
      }
    } else if (curlyOpen !== undefined) {
      curlyOpen = undefined
      first ??= 'close'
    } else if (openShape && LETTER_OR_DIGIT.test(after)) {
      problems.push({ index, kind: 'misplaced', style: 'curly', glyph, expected: '“', reason: 'Opening quote written as a closing one' })
      curlyOpen = index
      first ??= 'open'
    } else {
      if (firstOfStyle) firstIsStrayClose.curly = true
      problems.push({ index, kind: 'stray', style: 'curly', glyph, reason: 'Closing quote `”` with no opening quote' })
      first ??= 'close'
    }
  }
  if (curlyOpen !== undefined) problems.push({ ...unclosed(curlyOpen), atEnd: true })
  if (straightOpen !== undefined) {
    problems.push({ index: straightOpen, kind: 'unclosed', style: 'straight', glyph: '"', reason: 'Quotation opened with `"` is not closed', atEnd: true })
  }
  return { problems, startsWithOpening: first === 'open', firstIsStrayClose }
}

function unclosed(index: number): QuoteProblem {
  return { index, kind: 'unclosed', style: 'curly', glyph: '“', reason: 'Quotation opened with `“` is not closed' }
}
