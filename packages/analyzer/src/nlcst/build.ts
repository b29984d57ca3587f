/**
 * Turn the parse (leaves, items, sentences, paragraphs) into nlcst nodes, once.
 *
 * Part of tq's port of parse-latin / parse-english 7 for speed (see ./index.ts); the reference
 * parsers are the oracle. Nodes have the reference's shape and key order. Positions come out in
 * document coordinates: `line` and `offset` moved by the caller's base, `column` as is (a
 * paragraph starts a line). One point object per boundary is shared by every node that starts or
 * ends there (the reference shares only a word's start with its first text node); detectors only
 * read positions, never move them.
 */
import type {
  Paragraph,
  Punctuation,
  Root,
  RootContent,
  Sentence as SentenceNode,
  SentenceContent,
  Symbol as SymbolNode,
  Text,
  WhiteSpace,
  Word,
  WordContent,
} from 'nlcst'
import type { Point } from 'unist'
import { NODE_TYPES, TEXT } from './classify.js'
import type { Block, Entry, RootEntry } from './sentences.js'
import { State } from './tokenize.js'

/** Where the parsed text sits in the document: lines before it and its offset. */
export interface Base {
  readonly line: number
  readonly offset: number
}

/** Point of each boundary, reused from paragraph to paragraph (entries past `n` are stale). */
const shared: Point[] = []

/** Builds nodes from the parse in a `State`; one instance, set up again for each text. */
class Builder {
  points: Point[] = shared
  text = ''
  type: Uint8Array = new Uint8Array(0)
  start: Int32Array = new Int32Array(0)
  first: Int32Array = new Int32Array(0)
  last: Int32Array = new Int32Array(0)

  /** Set up for `state`'s parse, and make the point of every boundary. */
  prepare(state: State, base: Base): this {
    const { start, line, lineStart, n } = state
    this.text = state.text
    this.type = state.type
    this.start = start
    this.first = state.first
    this.last = state.last
    const points = shared
    const lines = base.line
    const offset = base.offset
    if (state.newline) {
      for (let index = 0; index <= n; index++) {
        const at = start[index]!
        const number = line[index]!
        const point = { line: number + lines, column: at - lineStart[number]! + 1, offset: at + offset }
        if (index < points.length) points[index] = point
        else points.push(point)
      }
    } else {
      // One line: line 1, and the column follows the offset.
      const first = lines + 1
      for (let index = 0; index <= n; index++) {
        const at = start[index]!
        const point = { line: first, column: at + 1, offset: at + offset }
        if (index < points.length) points[index] = point
        else points.push(point)
      }
    }
    this.points = points
    return this
  }

  leaf(leaf: number): Text | Punctuation | SymbolNode | WhiteSpace {
    // One object literal for the four types: one allocation site, no branch.
    return {
      type: NODE_TYPES[this.type[leaf]!]!,
      value: this.text.slice(this.start[leaf]!, this.start[leaf + 1]!),
      position: { start: this.points[leaf]!, end: this.points[leaf + 1]! },
    } as Text | Punctuation | SymbolNode | WhiteSpace
  }

  item(item: number): SentenceContent {
    if (this.type[item] !== TEXT) return this.leaf(item) as SentenceContent
    const first = this.first[item]!
    const last = this.last[item]!
    const points = this.points
    if (first === last) {
      // Most words are one text node.
      const start = points[first]!
      const end = points[first + 1]!
      const value = this.text.slice(this.start[first]!, this.start[first + 1]!)
      const text: Text = { type: 'TextNode', value, position: { start, end } }
      const word: Word = { type: 'WordNode', children: [text], position: { start, end } }
      return word
    }
    const children: WordContent[] = []
    for (let leaf = first; leaf <= last; leaf++) children.push(this.leaf(leaf) as WordContent)
    const word: Word = { type: 'WordNode', children, position: { start: points[first]!, end: points[last + 1]! } }
    return word
  }

  entry(entry: Entry): Paragraph['children'][number] {
    if (typeof entry === 'number') return this.leaf(entry) as WhiteSpace
    const items = entry.items
    const children = new Array<SentenceContent>(items.length)
    for (let index = 0; index < items.length; index++) children[index] = this.item(items[index]!)
    const sentence: SentenceNode = {
      type: 'SentenceNode',
      children,
      position: { start: this.points[entry.start]!, end: this.points[entry.end]! },
    }
    return sentence
  }

  paragraph(block: Block): Paragraph {
    const entries = block.children
    const children = new Array<Paragraph['children'][number]>(entries.length)
    for (let index = 0; index < entries.length; index++) children[index] = this.entry(entries[index]!)
    return { type: 'ParagraphNode', children, position: { start: this.points[block.start]!, end: this.points[block.end]! } }
  }
}

const instance = new Builder()

/** Drop the builder's hold on the last parse (its arrays, and points past `keep`). */
export function releaseBuilder(keep: number): void {
  instance.prepare(empty, origin)
  if (shared.length > keep) shared.length = keep
}

const empty = new State()
const origin: Base = { line: 0, offset: 0 }

/** The whole root, as `processor.parse` returns it (positions moved by `base`). */
export function buildRootNode(state: State, root: readonly RootEntry[], base: Base): Root {
  const builder = instance.prepare(state, base)
  const children: RootContent[] = []
  for (const entry of root) children.push(typeof entry === 'number' ? (builder.leaf(entry) as WhiteSpace) : builder.paragraph(entry))
  const node: Root = { type: 'RootNode', children }
  const head = children[0]
  const tail = children.length > 0 ? children[children.length - 1] : undefined
  if (head?.position && tail?.position) node.position = { start: head.position.start, end: tail.position.end }
  return node
}

/** The first paragraph of the root, as tq keeps it (undefined when the text has no tokens). */
export function buildFirstParagraph(state: State, root: readonly RootEntry[], base: Base): Paragraph | undefined {
  for (const entry of root) if (typeof entry !== 'number') return instance.prepare(state, base).paragraph(entry)
  return undefined
}
