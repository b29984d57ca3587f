/**
 * HTML to the visible text the analyzer reads, one block per line.
 *
 * Parsed with hast-util-from-html (the HTML standard's parser, with positions). A block element
 * (`p`, `h1`…`h6`, `li`, `td`, `div`, …) starts a new line and `br` breaks one; inside a block,
 * white space collapses to one space as a browser renders it. Not visible or not prose: `head`,
 * `script`, `style`, `template`, `noscript`, `svg`, `math`, code (`pre`, `code`, `kbd`, `samp`),
 * form controls, and any element with `hidden`, `aria-hidden="true"` or `translate="no"`.
 * Character references are decoded (`&amp;` is `&`, mapped to the whole reference).
 *
 * Comments holding `tq-disable…` directives are collected for inline control.
 */
import type { Element, Nodes, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { parseDirective, type Directive } from './control.js'
import { STAND_IN } from './stand-in.js'
import { alignDecoded, emitAligned, VirtualTextBuilder } from './virtual-text.js'
import type { Prepared } from './types.js'

const SKIPPED = new Set([
  'head', 'script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'canvas',
  'audio', 'video', 'select', 'textarea', 'input', 'button', 'pre',
])
/** Inline elements that are not prose but take a place in the sentence. */
const STANDS_IN = new Set(['code', 'kbd', 'samp', 'var', 'img'])
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
])

export function prepareHtml(text: string): Prepared {
  const tree: Root = fromHtml(text)
  const builder = new VirtualTextBuilder()
  const directives: Directive[] = []
  /** Whether the current line has text, and the white space seen since its last word. */
  let lineHasText = false
  let pendingSpace: { start: number; end: number } | undefined
  /** Stand-ins met before the line has any text: kept only if text follows (a line of images alone is dropped). */
  let waiting: Array<{ space: { start: number; end: number } | undefined; start: number; end: number }> = []

  const breakLine = (at: number): void => {
    if (lineHasText) builder.put('\n', at, at)
    lineHasText = false
    pendingSpace = undefined
    waiting = []
  }

  /** Put the stand-ins that were waiting for text on this line. */
  const flushWaiting = (): void => {
    for (const [index, item] of waiting.entries()) {
      if (index > 0 && item.space) builder.put(' ', item.space.start, item.space.end)
      builder.put(STAND_IN, item.start, item.end)
    }
    if (waiting.length > 0) lineHasText = true
    waiting = []
  }

  /** Add visible text `value` whose source is text[start, end), collapsing white space. */
  const addText = (value: string, start: number, end: number): void => {
    const spans = alignDecoded(value, text, start, end)
    const spanOf = (from: number, to: number): [number, number] => (spans ? [spans.starts[from]!, spans.ends[to - 1]!] : [start, end])
    const runs = /[ \t\n\r\f]+|[^ \t\n\r\f]+/g
    for (let match = runs.exec(value); match; match = runs.exec(value)) {
      const from = match.index
      const to = from + match[0].length
      if (/^[ \t\n\r\f]/.test(match[0])) {
        if (lineHasText || waiting.length > 0) {
          const [spaceStart, spaceEnd] = spanOf(from, to)
          pendingSpace = { start: spaceStart, end: spaceEnd }
        }
        continue
      }
      flushWaiting()
      if (pendingSpace) builder.put(' ', pendingSpace.start, pendingSpace.end)
      pendingSpace = undefined
      if (spans) emitAligned(builder, value, text, spans, from, to)
      else builder.put(match[0], start, end)
      lineHasText = true
    }
  }

  const standIn = (start: number, end: number): void => {
    if (!lineHasText) {
      waiting.push({ space: pendingSpace, start, end })
      pendingSpace = undefined
      return
    }
    if (pendingSpace) builder.put(' ', pendingSpace.start, pendingSpace.end)
    pendingSpace = undefined
    builder.put(STAND_IN, start, end)
  }

  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? start
    switch (node.type) {
      case 'root':
        for (const child of node.children) visit(child)
        return
      case 'comment': {
        const directive = parseDirective(node.value, start, end)
        if (directive) directives.push(directive)
        return
      }
      case 'text':
        addText(node.value, start, end)
        return
      case 'element':
        if (isHidden(node) || SKIPPED.has(node.tagName)) {
          if (BLOCKS.has(node.tagName) || node.tagName === 'pre') breakLine(start)
          return
        }
        if (node.tagName === 'br') return breakLine(start)
        if (STANDS_IN.has(node.tagName)) return standIn(start, end)
        if (BLOCKS.has(node.tagName)) breakLine(start)
        for (const child of node.children) visit(child)
        if (BLOCKS.has(node.tagName)) breakLine(end)
        return
      default:
        return
    }
  }

  visit(tree)
  return { virtual: builder.build(), directives }
}

function isHidden(node: Element): boolean {
  const properties = node.properties
  return properties.hidden === true || properties.ariaHidden === 'true' || properties.translate === 'no'
}
