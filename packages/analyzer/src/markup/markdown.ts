/**
 * Markdown (CommonMark + GFM, front matter; MDX on request) to the prose the analyzer reads.
 *
 * Parsed with mdast-util-from-markdown. Only prose reaches the analyzer: the text of paragraphs,
 * headings and table cells, inside lists, block quotes and JSX elements. Code blocks, front matter,
 * HTML, definitions, MDX expressions and imports are left out; inline code, URLs shown as link text
 * (autolinks), images and inline expressions become a neutral stand-in word, so the sentence around
 * them still reads as one (`Run \`npm test\`.` is `Run Xyz.`, not `Run .`). Markup syntax (`#`, `*`,
 * `>`, list markers, `[`, `](url)`, table pipes) is dropped. Each block is its own paragraph and
 * one line: the lines of a hard-wrapped paragraph are joined, each soft line break read as the
 * space Markdown renders it as (a hard break, two spaces or `\` at a line's end, stays a line
 * break). The analyzer judges lines, and the wrapped lines of one sentence are not lines to it: read
 * apart, each ran short of final punctuation and a row of them looked like a menu. A block with
 * nothing but code or links is left out. Every virtual character maps back to the original.
 *
 * Headings, lists and tables are structured content written on purpose, not page chrome: they are
 * reported as `structured`, and the boilerplate classifier's verdicts inside them are dropped (a
 * heading reads to it like a short label, a table of short cells or a list of short items like a
 * navigation menu).
 *
 * HTML comments holding `tq-disable…` directives are collected for inline control.
 */
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { mdxFromMarkdown } from 'mdast-util-mdx'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfm } from 'micromark-extension-gfm'
import { mdxjs } from 'micromark-extension-mdxjs'
import type { Position } from 'unist'
import { directivesIn, parseDirective, type Directive } from './control.js'
import { STAND_IN } from './stand-in.js'
import { copyDecoded, VirtualTextBuilder } from './virtual-text.js'
import type { Prepared } from './types.js'

/** The parts of an mdast (or MDX) node this front end reads. */
interface MdNode {
  type: string
  value?: string
  url?: string
  children?: MdNode[]
  position?: Position
}

/** Blocks whose inline content is prose. */
const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell'])
/** Blocks that hold other blocks. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition', 'mdxJsxFlowElement'])
/** Inline nodes whose children are prose. */
const INLINE_CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement'])
/** Inline nodes that are not prose but take a place in the sentence. */
const STANDS_IN = new Set(['inlineCode', 'inlineMath', 'image', 'imageReference', 'mdxTextExpression'])

export function prepareMarkdown(text: string, options: { mdx?: boolean } = {}): Prepared {
  const tree = (
    options.mdx
      ? fromMarkdown(text, { extensions: [frontmatter(['yaml', 'toml']), gfm(), mdxjs()], mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown(), mdxFromMarkdown()] })
      : fromMarkdown(text, { extensions: [frontmatter(['yaml', 'toml']), gfm()], mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()] })
  ) as MdNode
  const builder = new VirtualTextBuilder()
  const directives: Directive[] = []
  const structured: Array<{ start: number; end: number }> = []

  /** A block's pieces, gathered before any is added: a block with no prose of its own is left out. */
  type Piece = { kind: 'text'; value: string; start: number; end: number } | { kind: 'put'; value: string; start: number; end: number }
  let pieces: Piece[] = []

  const inline = (node: MdNode): void => {
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? start
    if (node.type === 'text') {
      pieces.push({ kind: 'text', value: node.value ?? '', start, end })
    } else if (node.type === 'break') {
      pieces.push({ kind: 'put', value: '\n', start, end })
    } else if (node.type === 'html') {
      directives.push(...directivesIn(node.value ?? '', start))
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      const directive = mdxCommentDirective(node, start, end)
      if (directive) directives.push(directive)
      else if (node.type === 'mdxTextExpression') pieces.push({ kind: 'put', value: STAND_IN, start, end })
    } else if (STANDS_IN.has(node.type) || (node.type === 'link' && isBareUrl(node))) {
      pieces.push({ kind: 'put', value: STAND_IN, start, end })
    } else if (INLINE_CONTAINERS.has(node.type)) {
      for (const child of node.children ?? []) inline(child)
    }
    // Anything else inline (footnote references, unknown extensions) is not prose.
  }

  const flushBlock = (at: number): void => {
    const prose = pieces.some((piece) => piece.kind === 'text' && /[\p{L}\p{N}]/u.test(piece.value))
    if (prose) {
      if (builder.size > 0) builder.put('\n\n', at, at)
      for (const piece of pieces) {
        if (piece.kind === 'text') copyDecoded(builder, piece.value, text, piece.start, piece.end, ' ')
        else builder.put(piece.value, piece.start, piece.end)
      }
    }
    pieces = []
  }

  const block = (node: MdNode): void => {
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? start
    if (PROSE_BLOCKS.has(node.type)) {
      if (node.type === 'heading') structured.push({ start, end })
      for (const child of node.children ?? []) inline(child)
      flushBlock(start)
    } else if (CONTAINERS.has(node.type)) {
      if (node.type === 'list' || node.type === 'table') structured.push({ start, end })
      for (const child of node.children ?? []) block(child)
    } else if (node.type === 'html') {
      directives.push(...directivesIn(node.value ?? '', start))
    } else if (node.type === 'mdxFlowExpression') {
      const directive = mdxCommentDirective(node, start, end)
      if (directive) directives.push(directive)
    }
    // code, yaml, toml, definition, thematicBreak, math, mdxjsEsm: not prose.
  }

  block(tree)
  return { virtual: builder.build(), directives, structured }
}

/** A link whose text is its own address (`<https://…>`, a bare `www.…`): an address, not prose. */
function isBareUrl(node: MdNode): boolean {
  const children = node.children ?? []
  if (children.length !== 1 || children[0]!.type !== 'text') return false
  const label = children[0]!.value ?? ''
  const url = node.url ?? ''
  return label === url || url === `mailto:${label}` || url === `http://${label}` || /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)\S+$/i.test(label)
}

/** In MDX, HTML comments are not allowed; `{/* tq-disable … *\/}` is the directive instead. */
function mdxCommentDirective(node: MdNode, start: number, end: number): Directive | undefined {
  const match = /^\s*\/\*([^]*)\*\/\s*$/.exec(node.value ?? '')
  return match ? parseDirective(match[1]!, start, end) : undefined
}
