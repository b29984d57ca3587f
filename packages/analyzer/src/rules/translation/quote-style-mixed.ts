/**
 * translation/quote-style-mixed
 *
 * One document, two quoting conventions: a sentence pasted in or translated separately keeps its
 * own quotes. Straight `"` against curly “ ” is one question, straight `'` against curly ‘ ’ (the
 * apostrophe included) another: many writers use curly double quotes and straight apostrophes
 * throughout, and that is consistent.
 *
 * Which style is right is not this rule's business; only the minority is flagged, where the
 * majority clearly dominates (at least three times as many marks, and at least four):
 *
 * ```text
 * Ukraine accused Moscow of sending a "fake" delegation.            ← 40 marks like these
 * They include promises to “denazify” and stop Ukraine’s shift.     ← flagged
 * ```
 *
 * A document mixed about evenly gets one finding, not one per line. An inch or foot mark after a
 * digit (`12"`, `6'`) is not a quote.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, stateOf, type Detector, type RuleMeta } from '../../rule.js'
import { eachParagraph, maskTags } from './shared.js'
import { placeAt, pointAt } from '../../document.js'

export const meta: RuleMeta = {
  id: 'translation/quote-style-mixed',
  category: 'translation',
  severity: 'warning',
  description: 'Straight and curly quotes mixed in one document: the few marks in the minority style are flagged.',
  invalid: [
    'He said "no". She said "yes". They said "maybe". We said "never".\nThey promised to “denazify” Ukraine.',
    "It's Kyiv's call. Moscow's view isn't Kyiv's. That's Trump's line.\nIt is Ukraine’s decision.",
    'A "b" c "d".\nA “b” c “d”.',
  ],
  valid: [
    'He said “no”. She said “yes”, and it’s final.',
    'He said "no". She said "yes", and it\'s final.',
    'He said “no”, and it\'s final: Ukraine\'s call.',
    'A 12" pipe and a 6\' pole. He said “no”.',
  ],
}

type Group = 'double' | 'single'
type Style = 'straight' | 'curly'

interface Run {
  /** Document offsets of the first and past the last mark of the style on one line. */
  line: number
  start: number
  end: number
}

interface Tally {
  count: Record<Style, number>
  /** The lines where each style occurs, first occurrences kept up to `MAX_LINES`. */
  runs: Record<Style, Run[]>
}

const MAX_LINES = 200
const MARKS = /["“”„‟'‘’‚‛]/gu
const GROUP: Record<string, [Group, Style]> = {
  '"': ['double', 'straight'],
  '“': ['double', 'curly'],
  '”': ['double', 'curly'],
  '„': ['double', 'curly'],
  '‟': ['double', 'curly'],
  "'": ['single', 'straight'],
  '‘': ['single', 'curly'],
  '’': ['single', 'curly'],
  '‚': ['single', 'curly'],
  '‛': ['single', 'curly'],
}
const NAMES: Record<Group, string> = { double: 'quotes', single: 'apostrophes' }

function quoteStyleMixed() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    const judge = (group: Group, { count, runs }: Tally): void => {
      if (count.straight === 0 || count.curly === 0) return
      const minority: Style = count.curly < count.straight ? 'curly' : 'straight'
      const majority: Style = minority === 'curly' ? 'straight' : 'curly'
      const many = count[majority]
      if (many >= 3 * count[minority] && many >= 4) {
        for (const run of runs[minority]) {
          const span = ctx.document.text.slice(run.start, run.end)
          // No rewrite of a stretch that holds code (`Document.prose`): its quotes are the code's.
          const holdsCode = ctx.document.prose !== undefined && ctx.document.prose.slice(run.start, run.end) !== span
          report(file, meta, placeAt(ctx.document, run.start, run.end), `Mixed quote styles: ${minority} ${NAMES[group]} here, ${majority} ${NAMES[group]} in ${many} other places`, {
            expected: span.length <= 60 && !holdsCode ? [expectedFor(span, majority)] : undefined,
          })
        }
      } else {
        const run = runs[minority][0]!
        report(file, meta, placeAt(ctx.document, run.start, run.end), `Mixed quote styles: ${count.straight} straight and ${count.curly} curly ${NAMES[group]} in this document; pick one`, {
          severity: 'info',
        })
      }
    }

    const tallies = stateOf(file, meta.id, () => {
      const value: Record<Group, Tally> = { double: tally(), single: tally() }
      ctx.atEnd.push(() => {
        for (const group of ['double', 'single'] as const) judge(group, value[group])
      })
      return value
    })

    const lines = ctx.document.lines
    eachParagraph(tree, ctx.document, (raw, offset) => {
      const text = maskTags(raw)
      // The line of each mark, found by walking forward from the paragraph's first line (marks
      // come in order) rather than by a binary search over the document's lines for each one.
      let lineIndex = -1
      MARKS.lastIndex = 0
      for (let match = MARKS.exec(text); match; match = MARKS.exec(text)) {
        const glyph = match[0]
        // `12"`, `6'`: inch and foot marks, not quotes.
        if ((glyph === '"' || glyph === "'") && isNumeral(text.charCodeAt(match.index - 1)) && !isLetter(text.charCodeAt(match.index + 1))) continue
        const [group, style] = GROUP[glyph]!
        const { count, runs } = tallies[group]
        count[style]++
        const start = offset + match.index
        if (lineIndex < 0) lineIndex = pointAt(ctx.document, start).line - 1
        while (lineIndex + 1 < lines.length && lines[lineIndex + 1]!.offset <= start) lineIndex++
        const line = lineIndex + 1
        const last = runs[style].at(-1)
        if (last && last.line === line) last.end = start + 1
        else if (runs[style].length < MAX_LINES) runs[style].push({ line, start, end: start + 1 })
      }
    })
  }
}

/** `/\p{N}/u` on one UTF-16 unit (`NaN`, past either end, is none). */
function isNumeral(code: number): boolean {
  if (code < 128) return code >= 48 && code <= 57
  return code === code && /\p{N}/u.test(String.fromCharCode(code))
}

/** `/\p{L}/u` on one UTF-16 unit. */
function isLetter(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return code === code && /\p{L}/u.test(String.fromCharCode(code))
}

function tally(): Tally {
  return { count: { straight: 0, curly: 0 }, runs: { straight: [], curly: [] } }
}

/** The flagged span with its quotes in the majority style. */
function expectedFor(span: string, style: Style): string {
  if (style === 'straight') return span.replace(/[“”„‟]/gu, '"').replace(/[‘’‚‛]/gu, "'")
  let open = true
  return span.replace(/["']/gu, (mark, index: number) => {
    if (mark === "'") return /\p{L}/u.test(span[index - 1] ?? '') ? '’' : '‘'
    const glyph = open ? '“' : '”'
    open = !open
    return glyph
  })
}

export const detector: Detector = { rules: [meta], plugin: quoteStyleMixed }
