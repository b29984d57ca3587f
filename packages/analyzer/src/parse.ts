/**
 * Paragraph-level nlcst parsing with positions in document coordinates.
 *
 * retext-english parses a 1 MB string at about a quarter of the speed it parses the same text
 * paragraph by paragraph, and a whole-document tree of a 100 MB file does not fit in memory. So tq
 * parses each paragraph on its own with the processor's parser (retext-english, or retext-latin
 * for other languages) and shifts the positions it computed, relative to the paragraph, to the
 * paragraph's place in the document.
 */
import type { Paragraph as ParagraphNode, Root } from 'nlcst'
import type { Point } from 'unist'
import type { Processor } from 'unified'
import type { Paragraph } from './document.js'

/** Parse one paragraph of the document into an nlcst `ParagraphNode`. */
export function parseParagraph(
  processor: Processor<Root>,
  paragraph: Paragraph,
): ParagraphNode | undefined {
  const root = processor.parse(paragraph.text)
  const node = root.children.find((child) => child.type === 'ParagraphNode')
  if (!node) return undefined
  shift(node, paragraph.startLine - 1, paragraph.offset)
  return node
}

/**
 * Move every position in `tree` down by `lines` lines and `offset` characters. The parser shares
 * point objects between a word and its text node, so each point is moved once.
 */
function shift(tree: ParagraphNode, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return
  const seen = new Set<Point>()
  const move = (point: Point): void => {
    if (seen.has(point)) return
    seen.add(point)
    point.line += lines
    if (point.offset !== undefined) point.offset += offset
  }
  type Node = { position?: { start: Point; end: Point }; children?: Node[] }
  const stack: Node[] = [tree as Node]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position) {
      move(node.position.start)
      move(node.position.end)
    }
    if (node.children) for (const child of node.children) stack.push(child)
  }
}

/** A root holding a run of paragraphs: the unit the detectors run on. */
export function rootOf(children: ParagraphNode[]): Root {
  return { type: 'RootNode', children }
}
