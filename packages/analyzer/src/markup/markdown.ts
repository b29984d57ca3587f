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
 * navigation menu). Bars of links (`[GitHub](…) | [Docs](…)`) and block quotes are reported apart
 * (`structuredInDocs`): in documentation a README's links under its title and its tagline or note
 * (`> Next Generation Frontend Tooling` above a list of features read as one more menu item), in a
 * news page converted to Markdown a site's navigation, an embed's `View this post on Instagram`, a
 * newsletter box.
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
import { countWords } from '../document.js'
import { uiString } from '../rules/boilerplate/ui-string.js'
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

/**
 * Markdown longer than this is parsed in chunks of about `CHUNK` characters (see `chunksOf`):
 * mdast-util-from-markdown takes time quadratic in the list items of one parse (its `prepareList`
 * splices the event array once per item: syntax-tree/mdast-util-from-markdown#49, open), and a
 * changelog of 1.7 MB with 8,000 short lists took 38 s to parse whole.
 */
const CHUNKED_ABOVE = 64 * 1024
const CHUNK = 16 * 1024

export function prepareMarkdown(text: string, options: { mdx?: boolean; chunk?: number } = {}): Prepared {
  const parse = (source: string): MdNode =>
    (options.mdx
      ? fromMarkdown(source, { extensions: [frontmatter(['yaml', 'toml']), gfm(), mdxjs()], mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown(), mdxFromMarkdown()] })
      : fromMarkdown(source, { extensions: [frontmatter(['yaml', 'toml']), gfm()], mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()] })) as MdNode
  const chunk = options.chunk ?? (text.length > CHUNKED_ABOVE ? CHUNK : Infinity)
  // MDX is not chunked: its JSX and expressions may span blank lines.
  const trees =
    options.mdx || chunk === Infinity
      ? [parse(text)]
      : chunksOf(text, chunk).map((piece) => ownBlocks(shifted(parse(piece.source), piece.offset), piece.offset + piece.length))
  const builder = new VirtualTextBuilder()
  const directives: Directive[] = []
  const structured: Array<{ start: number; end: number }> = []
  const structuredInDocs: Array<{ start: number; end: number }> = []

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
      else if (node.type === 'paragraph' && isLinkBar(node)) structuredInDocs.push({ start, end })
      for (const child of node.children ?? []) inline(child)
      flushBlock(start)
    } else if (CONTAINERS.has(node.type)) {
      if (node.type === 'list' || node.type === 'table') structured.push({ start, end })
      else if (node.type === 'blockquote') structuredInDocs.push({ start, end })
      for (const child of node.children ?? []) block(child)
    } else if (node.type === 'html') {
      directives.push(...directivesIn(node.value ?? '', start))
    } else if (node.type === 'mdxFlowExpression') {
      const directive = mdxCommentDirective(node, start, end)
      if (directive) directives.push(directive)
    }
    // code, yaml, toml, definition, thematicBreak, math, mdxjsEsm: not prose.
  }

  for (const tree of trees) block(tree)
  return { virtual: builder.build(), directives, structured, structuredInDocs }
}

/**
 * `text` cut into pieces of about `size` characters, each parsed alone, with the link reference
 * and footnote definitions it refers to after it (`tail`), so that `[text][ref]` and `[^1]`
 * resolve as in the whole; the blocks parsed from that tail are dropped (`ownBlocks`). The same
 * blocks as one parse gives. A cut falls only before a line that starts a new top-level block: one
 * that follows a blank line and starts at column 0 (not an indented continuation of a list item
 * or an indented code block), outside front matter, fenced code, an HTML comment, a raw HTML block
 * (`<pre>`, `<script>`, `<style>`, `<textarea>`), a processing instruction, a declaration and a
 * CDATA section, all of which may hold blank lines. Where the line scan could misread the
 * parser (a fence marker inside a list item, a block quote or indented code), it stops cutting:
 * the rest is one piece, as slow as before but read right. (A loose list cut between two items
 * becomes two lists of the same items.)
 */
export function chunksOf(text: string, size: number): Array<{ source: string; offset: number; length: number }> {
  // Definitions by label (lower case), collected at the top level only: outside fences and the
  // like, after a blank line or another definition (one cannot interrupt a paragraph).
  const definitions = new Map<string, string>()
  const cuts: number[] = []
  let fence: { char: string; length: number } | undefined
  let until: RegExp | undefined
  let unsure = false
  let previousBlank = true
  let previousDefinition = false
  let pendingLabel: string | undefined
  let offset = 0
  let lineNumber = 0
  let start = 0
  for (const line of text.split('\n')) {
    const lineStart = offset
    offset += line.length + 1
    lineNumber++
    const content = line.replace(/\r$/, '')
    // Front matter: a `---` or `+++` first line opens it, the same line closes it.
    if (lineNumber === 1 && /^(?:---|\+\+\+)\s*$/.test(content)) {
      until = new RegExp(`^${content.trim() === '---' ? '---' : '\\+\\+\\+'}\\s*$`)
      continue
    }
    if (until) {
      if (until.test(content)) until = undefined
      previousBlank = false
      previousDefinition = false
      continue
    }
    // A fence marker anywhere but at column 0 (in a list item, a block quote, indented code, or a
    // closer indented in a fence): the scan can no longer be sure to follow the parser.
    if (/^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?(?:```|~~~)/.test(content) && !/^(?:```|~~~)/.test(content)) unsure = true
    if (fence) {
      // Only a marker of the fence's kind at column 0, with nothing after it, closes it here.
      const closer = /^(`{3,}|~{3,})[ \t]*$/.exec(content)
      if (closer && closer[1]![0] === fence.char && closer[1]!.length >= fence.length) fence = undefined
      previousBlank = false
      continue
    }
    const blank = content.trim() === ''
    if (!unsure && previousBlank && !blank && /^\S/.test(content) && lineStart - start >= size) {
      cuts.push(lineStart)
      start = lineStart
    }
    // A definition whose destination is on the next line (`[alpha]:` / `  http://x`).
    if (pendingLabel !== undefined && !blank) {
      const label = pendingLabel.trim().toLowerCase()
      if (!definitions.has(label)) definitions.set(label, `[${pendingLabel}]: ${content.trim()}`)
    }
    const definition = /^ {0,3}\[([^\]\n]+)\]:[ \t]*(\S.*)?$/.exec(content)
    pendingLabel = undefined
    if (definition && (previousBlank || previousDefinition)) {
      if (definition[2] === undefined) pendingLabel = definition[1]!
      else {
        const label = definition[1]!.trim().toLowerCase()
        if (!definitions.has(label)) definitions.set(label, `[${definition[1]}]: ${definition[2]}`)
      }
    }
    previousDefinition = definition !== null
    previousBlank = blank
    const opener = /^(`{3,}|~{3,})(.*)$/.exec(content)
    // A backtick fence's info string holds no backtick: "```a`b```" is inline code, no fence.
    if (opener && !(opener[1]![0] === '`' && opener[2]!.includes('`'))) fence = { char: opener[1]![0]!, length: opener[1]!.length }
    else if (/<!--/.test(content) && !/<!--[^]*-->/.test(content.slice(content.indexOf('<!--')))) until = /-->/
    else if (/^ {0,3}<\?/.test(content) && !/\?>/.test(content)) until = /\?>/
    else if (/^ {0,3}<!\[CDATA\[/.test(content) && !/\]\]>/.test(content)) until = /\]\]>/
    else if (/^ {0,3}<![A-Za-z]/.test(content) && !/>/.test(content)) until = />/
    else {
      const raw = /^\s{0,3}<(pre|script|style|textarea)(?:\s|>|$)/i.exec(content)
      if (raw && !new RegExp(`</${raw[1]}>`, 'i').test(content)) until = new RegExp(`</${raw[1]}>`, 'i')
    }
  }
  if (cuts.length === 0) return [{ source: text, offset: 0, length: text.length }]
  const bounds = [0, ...cuts, text.length]
  const pieces: Array<{ source: string; offset: number; length: number }> = []
  for (let k = 0; k + 1 < bounds.length; k++) {
    const own = text.slice(bounds[k], bounds[k + 1])
    pieces.push({ source: own + tailFor(own, definitions), offset: bounds[k]!, length: own.length })
  }
  return pieces
}

/**
 * The definitions `piece` refers to (`[label]`, `[text][label]`, `[^note]`), at column 0 after a
 * blank line: link definitions one a line, then each footnote's a paragraph of its own (a
 * definition cannot interrupt a footnote's paragraph). Only those: a changelog defines a link for
 * each of thousands of versions, and every piece carrying all of them made the parse slower than
 * whole.
 */
function tailFor(piece: string, definitions: ReadonlyMap<string, string>): string {
  if (definitions.size === 0) return ''
  const links: string[] = []
  const notes: string[] = []
  const seen = new Set<string>()
  for (const match of piece.matchAll(/\[([^\]\n]+)\]/g)) {
    const label = match[1]!.trim().toLowerCase()
    if (seen.has(label)) continue
    seen.add(label)
    const definition = definitions.get(label)
    if (definition !== undefined) (label.startsWith('^') ? notes : links).push(definition)
  }
  if (links.length + notes.length === 0) return ''
  return `\n\n${[links.join('\n'), ...notes].filter(Boolean).join('\n\n')}\n`
}

/** `root` without the top-level blocks that start at or after `end`: those parsed from a piece's `tail`. */
function ownBlocks(root: MdNode, end: number): MdNode {
  root.children = (root.children ?? []).filter((child) => (child.position?.start.offset ?? 0) < end)
  return root
}

/** `tree` with every node's offsets moved by `offset` (the offsets of a piece parsed alone, made the document's). */
function shifted(tree: MdNode, offset: number): MdNode {
  if (offset === 0) return tree
  const visit = (node: MdNode): void => {
    if (node.position) {
      node.position.start.offset = (node.position.start.offset ?? 0) + offset
      node.position.end.offset = (node.position.end.offset ?? 0) + offset
    }
    for (const child of node.children ?? []) visit(child)
  }
  visit(tree)
  return tree
}

/** A link whose text is its own address (`<https://…>`, a bare `www.…`): an address, not prose. */
function isBareUrl(node: MdNode): boolean {
  const children = node.children ?? []
  if (children.length !== 1 || children[0]!.type !== 'text') return false
  const label = children[0]!.value ?? ''
  const url = node.url ?? ''
  return label === url || url === `mailto:${label}` || url === `http://${label}` || /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)\S+$/i.test(label)
}

/** Links and images, the items of a link bar. */
const LINK_ITEMS = new Set(['link', 'linkReference', 'image', 'imageReference'])
/** What may stand between two items of a link bar. */
const BAR_SEPARATOR = /[|·•∙⋅/–—]/u

/**
 * A paragraph that is a bar of links, the inline form of a list of links, which a README's author
 * puts under its title on purpose:
 *
 * ```markdown
 * [GitHub](https://github.com/vitest-dev/vitest) | [Documentation](https://vitest.dev/advanced/runner)
 * **English** | [Русский](./README.ru.md) | [简体中文](./README.zh-CN.md)
 * [Website](https://egoist.sh) · GitHub [@egoist](https://github.com/egoist) · Twitter [@_egoistlily](https://twitter.com/_egoistlily)
 * ```
 *
 * Two links or more, a separator between each two, and no more than one word of text (a label,
 * the page one is on) between, before or after them. Not a sentence that names links
 * (`See [the guide](…) and [the API](…).`: no separator), nor a bar whose every link is a UI
 * string (`[Sign in](…) | [Register](…)`, `[Share on Facebook](…) · [Email](…)`): a page's chrome,
 * left to the classifier. A README's bar names a few of them among its own (`[Home](…) | [Docs](…)
 * | [FAQ](…) | [Twitter](…)`), and a link to the page in another language (`[Русский](…)`) is no
 * UI string here.
 */
function isLinkBar(paragraph: MdNode): boolean {
  const items: MdNode[] = []
  const flatten = (node: MdNode): void => {
    for (const child of node.children ?? []) {
      if (child.type === 'emphasis' || child.type === 'strong') flatten(child)
      else items.push(child)
    }
  }
  flatten(paragraph)
  let links = 0
  let chrome = 0
  let between = ''
  const fits = (gap: string, separated: boolean): boolean =>
    (!separated || BAR_SEPARATOR.test(gap)) && (gap.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 1
  for (const item of items) {
    if (LINK_ITEMS.has(item.type)) {
      if (!fits(between, links > 0)) return false
      const label = textOf(item).trim()
      const ui = label === '' ? undefined : uiString(label, countWords(label))
      if (ui !== undefined && ui !== 'language link') chrome++
      links++
      between = ''
    } else if (item.type === 'text') between += item.value ?? ''
    else if (item.type !== 'break' && item.type !== 'html') return false
  }
  return links >= 2 && chrome < links && fits(between, false)
}

/** The text of an inline node and its children. */
function textOf(node: MdNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('')
}

/** In MDX, HTML comments are not allowed; `{/* tq-disable … *\/}` is the directive instead. */
function mdxCommentDirective(node: MdNode, start: number, end: number): Directive | undefined {
  const match = /^\s*\/\*([^]*)\*\/\s*$/.exec(node.value ?? '')
  return match ? parseDirective(match[1]!, start, end) : undefined
}
