/**
 * Paragraph-level nlcst parsing with positions in document coordinates.
 *
 * retext-english parses a 1 MB string at about a quarter of the speed it parses the same text
 * paragraph by paragraph, and a whole-document tree of a 100 MB file does not fit in memory. So tq
 * parses each paragraph on its own.
 *
 * The processor's parser (retext-english, or retext-latin for other languages) decides the tree,
 * but tq does not run it: `./nlcst/` is a port of parse-english / parse-latin 7 that builds the
 * same tree several times faster, with positions already in document coordinates. The reference
 * path (parse with the processor, then shift every position) stays for processors whose parser the
 * port does not reproduce, and as the oracle of scripts/check-parser.mjs and the tests.
 */
import type { Paragraph as ParagraphNode, Root } from 'nlcst'
import type { Point } from 'unist'
import { unified, type Processor } from 'unified'
import retextEnglish from 'retext-english'
import retextLatin from 'retext-latin'
import type { Paragraph } from './document.js'
import { firstDifference } from './nlcst/compare.js'
import { parseFirstParagraph, parseNlcst, type Flavor } from './nlcst/index.js'

/** How many paragraphs `parseParagraph` parsed with the port, and with the processor's parser. */
export const parseCounts = { fast: 0, fallback: 0 }

/** Parse one paragraph of the document into an nlcst `ParagraphNode`. */
export function parseParagraph(
  processor: Processor<Root>,
  paragraph: Paragraph,
): ParagraphNode | undefined {
  const flavor = flavorOf(processor)
  if (flavor === null) {
    parseCounts.fallback++
    return parseParagraphReference(processor, paragraph)
  }
  parseCounts.fast++
  return parseFirstParagraph(paragraph.text, flavor, { line: paragraph.startLine - 1, offset: paragraph.offset })
}

/**
 * Parse one paragraph with the processor's own parser and shift its positions: what
 * `parseParagraph` returns, built the slow way.
 */
export function parseParagraphReference(
  processor: Processor<Root>,
  paragraph: Paragraph,
): ParagraphNode | undefined {
  const root = processor.parse(paragraph.text)
  const node = root.children.find((child) => child.type === 'ParagraphNode')
  if (!node) return undefined
  shift(node, paragraph.startLine - 1, paragraph.offset)
  return node
}

/** A frozen processor with only retext-english (`english`) or retext-latin: the reference parsers. */
export function referenceProcessor(flavor: Flavor): Processor<Root> {
  const processor = unified().use(flavor === 'english' ? retextEnglish : retextLatin) as unknown as Processor<Root>
  return processor.freeze() as Processor<Root>
}

const flavors = new WeakMap<Processor<Root>, Flavor | null>()

/**
 * Record that `processor` parses as `flavor` without the check of `flavorOf`: for a processor
 * whose every plugin is known (analyze()'s own: the parser and tq's detectors, none of which
 * touches the parser). The check parses a probe with the reference parser, a tenth of the time
 * `tq check` takes on a small file.
 */
export function declareFlavor(processor: Processor<Root>, flavor: Flavor): void {
  flavors.set(processor, flavor)
}

/**
 * Which parser the port must reproduce for `processor`, or null to use the processor itself.
 *
 * The parser is set by the last of retext-english / retext-latin among the processor's plugins.
 * Plugins can extend either through `nlcst*Extensions` data, which the port does not run, and any
 * later plugin could replace the parser, so the answer is checked once per processor: the
 * processor and the port must build the same tree for a text that tells the two parsers apart
 * (`Mr.` ends a sentence only in parse-latin; `'tis` and `w/` are one word only in parse-english).
 */
function flavorOf(processor: Processor<Root>): Flavor | null {
  // analyze() parses every paragraph of a document with one processor: skip the map lookup.
  if (processor === lastProcessor) return lastFlavor
  let flavor = flavors.get(processor)
  if (flavor === undefined) {
    flavor = detectFlavor(processor)
    flavors.set(processor, flavor)
  }
  lastProcessor = processor
  lastFlavor = flavor
  return flavor
}

let lastProcessor: Processor<Root> | undefined
let lastFlavor: Flavor | null = null

const PROBE = "Mr. Smith met Dr. Watson in the U.S. on Sept. 3. 'Tis 3.5 km/h, w/ e-mail: a@b.c.\n\nThen \"Hi.\" …"

function detectFlavor(processor: Processor<Root>): Flavor | null {
  let flavor: Flavor | null = null
  for (const [plugin] of processor.attachers) {
    if (plugin === (retextEnglish as unknown)) flavor = 'english'
    else if (plugin === (retextLatin as unknown)) flavor = 'latin'
  }
  if (flavor === null) return null
  const data = processor.data() as Record<string, unknown>
  for (const key of ['nlcstRootExtensions', 'nlcstParagraphExtensions', 'nlcstSentenceExtensions']) {
    const extensions = data[key]
    if (Array.isArray(extensions) && extensions.length > 0) return null
  }
  return firstDifference(parseNlcst(PROBE, flavor), processor.parse(PROBE)) === undefined ? flavor : null
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
