/**
 * A fast nlcst parser: a port of parse-latin 7 and parse-english 7 (what retext-latin and
 * retext-english run) for speed. The reference parsers are the oracle: this must build exactly
 * their tree (node types, children, values, and positions: line, column, offset), and
 * scripts/check-parser.mjs and test/nlcst-parser.test.ts compare the two on real text.
 *
 * parse-latin builds a node per token, then runs some twenty plugins over node arrays (splicing
 * and re-stringifying nodes) and tq moved every position afterwards. This port keeps the same
 * plugins in the same order with the same iteration quirks, but runs them on flat arrays of
 * token boundaries (./tokenize.ts), item ranges (./words.ts) and small sentence records
 * (./sentences.ts), runs a word plugin only between the first and last occurrence of the
 * character it acts on, and builds the nodes once at the end (./build.ts), with positions
 * already in document coordinates. About 6× less CPU than parse-english plus tq's shift.
 *
 * One deliberate difference: where the reference throws (`push(...children)` overflows the stack
 * on a sentence of some 100,000 tokens, a line of `= = = …`), the port builds the tree.
 *
 * Not reentrant (one working state is reused), which is fine: parsing never calls out.
 */
import type { Paragraph, Root } from 'nlcst'
import { buildFirstParagraph, buildRootNode, releaseBuilder, type Base } from './build.js'
import { buildRoot } from './sentences.js'
import { State, tokenize } from './tokenize.js'
import { mergeWords } from './words.js'

export type { Base } from './build.js'

/** Which reference parser to reproduce. */
export type Flavor = 'english' | 'latin'

let state = new State()
const origin: Base = { line: 0, offset: 0 }

/** Leaves of working state kept between texts: a huge paragraph's buffers are let go after it. */
const KEEP = 1 << 16

function run(text: string, flavor: Flavor): ReturnType<typeof buildRoot> {
  const english = flavor === 'english'
  tokenize(state, text)
  mergeWords(state, english)
  return buildRoot(state, english)
}

/**
 * Parse `text` as `new ParseEnglish().parse(text)` (or `ParseLatin`) does. `base.line` is added to
 * every line and `base.offset` to every offset.
 */
export function parseNlcst(text: string, flavor: Flavor, base: Base = origin): Root {
  const root = run(text, flavor)
  const node = buildRootNode(state, root, base)
  release()
  return node
}

/**
 * The first paragraph of `parseNlcst(text, flavor, base)`, building no other node; undefined when
 * the text has no paragraph (it is empty).
 */
export function parseFirstParagraph(text: string, flavor: Flavor, base: Base = origin): Paragraph | undefined {
  const root = run(text, flavor)
  const node = buildFirstParagraph(state, root, base)
  release()
  return node
}

function release(): void {
  if (state.type.length <= KEEP) return
  state = new State()
  releaseBuilder(KEEP)
}
