/**
 * Inline control comments in Markdown and HTML, as ESLint and Vale users expect them:
 *
 *   <!-- tq-disable -->                       every rule off from here …
 *   <!-- tq-disable translation/quote-misplaced boilerplate -->   … or the rules (ids or categories) named
 *   <!-- tq-enable -->                        back on (all, or those named)
 *   <!-- tq-disable-next-line [rules] -->     off on the next non-blank line
 *   <!-- tq-disable-line [rules] -->          off on the comment's own line
 *
 * The front ends collect the comments with their original offsets; `suppressor` answers whether a
 * finding at an original position is switched off.
 */
import { lineStarts, pointOf } from './virtual-text.js'

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line'

export interface Directive {
  kind: DirectiveKind
  /** Rule ids or category names; empty means every rule. */
  rules: string[]
  /** Original offsets of the comment. */
  start: number
  end: number
}

const DIRECTIVE = /^\s*tq-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*?))?\s*$/

/** The directive in an HTML comment's body (the text between `<!--` and `-->`), if it holds one. */
export function parseDirective(body: string, start: number, end: number): Directive | undefined {
  const match = DIRECTIVE.exec(body)
  if (!match) return undefined
  // `-- reason` after the rules is a comment, as in ESLint.
  const list = (match[2] ?? '').split(/\s--\s|^--\s/)[0] ?? ''
  const rules = list.split(/[\s,]+/).filter((rule) => rule !== '')
  return { kind: match[1] as DirectiveKind, rules, start, end }
}

/** Every directive in comments `<!-- … -->` found in `html` (a raw HTML node starting at original offset `offset`). */
export function directivesIn(html: string, offset: number): Directive[] {
  const found: Directive[] = []
  const comment = /<!--([^]*?)-->/g
  for (let match = comment.exec(html); match; match = comment.exec(html)) {
    const directive = parseDirective(match[1]!, offset + match.index, offset + match.index + match[0].length)
    if (directive) found.push(directive)
  }
  return found
}

interface Range {
  rules: string[]
  /** Original offsets: findings starting in [from, to) are off. */
  from: number
  to: number
}

export interface Suppressor {
  /** Whether a finding of `ruleId` (in `category`) starting at original `offset` is switched off. */
  (ruleId: string, category: string, offset: number): boolean
}

/** Turn directives (in document order) into a test for findings; `text` is the original file. */
export function suppressor(directives: readonly Directive[], text: string): Suppressor {
  const ranges: Range[] = []
  const starts = lineStarts(text)
  const open = new Map<string, number>() // rule (or '*') → offset where it was switched off
  for (const directive of directives) {
    switch (directive.kind) {
      case 'disable':
        for (const rule of keysOf(directive.rules)) if (!open.has(rule)) open.set(rule, directive.end)
        break
      case 'enable': {
        const closing = directive.rules.length === 0 ? [...open.keys()] : directive.rules
        for (const rule of closing) {
          const from = open.get(rule)
          if (from === undefined) continue
          ranges.push({ rules: rule === '*' ? [] : [rule], from, to: directive.start })
          open.delete(rule)
        }
        break
      }
      case 'disable-line':
      case 'disable-next-line': {
        const line = directive.kind === 'disable-line' ? lineAt(starts, directive.start) : nextNonBlankLine(text, starts, directive.end)
        if (line === undefined) break
        const from = starts[line - 1]!
        const to = starts[line] ?? text.length + 1
        ranges.push({ rules: directive.rules, from, to })
        break
      }
    }
  }
  for (const [rule, from] of open) ranges.push({ rules: rule === '*' ? [] : [rule], from, to: Number.POSITIVE_INFINITY })

  return (ruleId, category, offset) =>
    ranges.some(
      (range) =>
        offset >= range.from &&
        offset < range.to &&
        (range.rules.length === 0 || range.rules.includes(ruleId) || range.rules.includes(category)),
    )
}

function keysOf(rules: readonly string[]): string[] {
  return rules.length === 0 ? ['*'] : [...rules]
}

function lineAt(starts: readonly number[], offset: number): number {
  return pointOf(starts, offset).line
}

/** The first non-blank line that starts after `offset`. */
function nextNonBlankLine(text: string, starts: readonly number[], offset: number): number | undefined {
  for (let line = lineAt(starts, offset) + 1; line <= starts.length; line++) {
    const from = starts[line - 1]!
    const to = starts[line] ?? text.length
    if (text.slice(from, to).trim() !== '') return line
  }
  return undefined
}
