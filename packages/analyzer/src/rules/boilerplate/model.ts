/**
 * The learned line model: two stages of gradient-boosted trees, shipped as
 * `data/boilerplate-model.json` and written by `scripts/train-boilerplate.mjs`.
 *
 * - Stage 1 reads a line's own features and its neighbourhood (`featureRow`).
 * - Stage 2 reads the same row plus what stage 1 thought of the lines around (`stackRow`): a
 *   short line amid content is content, a sentence among teasers is a teaser.
 *
 * Every tree is complete, of the same depth, stored in heap order: internal node `i` sends a row
 * to child `2i + 1` when `row[feature[i]] <= threshold[i]`, else to `2i + 2`. A node that did not
 * split has threshold +∞ (both its subtrees hold the same value on the left).
 */
import { readFileSync } from 'node:fs'
import { FEATURES, STACK_FEATURES, type Lexicon } from './features.js'

/** One stage as the JSON stores it. */
export interface StageJson {
  /** Log-odds before any tree. */
  base: number
  /** Each tree: features of the internal nodes, their thresholds (null for +∞), leaf values. */
  trees: Array<{ f: number[]; t: Array<number | null>; v: number[] }>
}

export interface ModelJson {
  about?: unknown
  depth: number
  features: string[]
  stackFeatures: string[]
  stage1: StageJson
  stage2: StageJson
  /** The learned lexicon (see `Lexicon` in features.ts): word → log-odds of junk. */
  lexicon?: Record<string, number>
}

/** A stage in flat typed arrays, ready to evaluate. */
export interface Stage {
  depth: number
  base: number
  trees: number
  feature: Int32Array
  threshold: Float64Array
  value: Float64Array
  /**
   * The same nodes, compact, for the evaluators: feature numbers as bytes (rows are shorter than
   * 256), thresholds as 32-bit floats rounded down (`thresholdBelow`). A stage's nodes take 2 of the
   * 12 bytes they took, and both stages' nodes and leaves fit the first-level cache better.
   */
  feature8: Uint8Array
  threshold32: Float32Array
}

/**
 * The largest 32-bit float at most `t`: for any row value `x` that is a 32-bit float (every row is a
 * `Float32Array`), `x <= t` exactly when `x <= thresholdBelow(t)`, since no 32-bit float lies
 * between the two. E.g. t = 0.1 (not a 32-bit float): 0.1f is just above 0.1, so the threshold is the
 * 32-bit float just below, and a row value of 0.1f still goes right, as it did.
 */
export function thresholdBelow(t: number): number {
  const f = Math.fround(t)
  if (!(f > t)) return f
  // One step down: the bits of a 32-bit float step by one per representable value of its sign.
  const bits = new Float32Array([f])
  const view = new Int32Array(bits.buffer)
  if (f > 0) view[0]!--
  else if (f < 0) view[0]!++
  else return -1.401298464324817e-45
  return bits[0]!
}

export interface Model {
  stage1: Stage
  stage2: Stage
  lexicon: Lexicon
}

/** Flatten a stage of `depth`-deep trees. */
export function compileStage(json: StageJson, depth: number): Stage {
  const internal = (1 << depth) - 1
  const leaves = 1 << depth
  const trees = json.trees.length
  const feature = new Int32Array(trees * internal)
  const threshold = new Float64Array(trees * internal)
  const value = new Float64Array(trees * leaves)
  json.trees.forEach((tree, index) => {
    for (let node = 0; node < internal; node++) {
      feature[index * internal + node] = tree.f[node] ?? 0
      const t = tree.t[node]
      threshold[index * internal + node] = t === null || t === undefined ? Infinity : t
    }
    for (let leaf = 0; leaf < leaves; leaf++) value[index * leaves + leaf] = tree.v[leaf] ?? 0
  })
  const feature8 = Uint8Array.from(feature)
  if (feature8.some((f, i) => f !== feature[i])) throw new Error('boilerplate model: a feature number above 255')
  const threshold32 = Float32Array.from(threshold, thresholdBelow)
  return { depth, base: json.base, trees, feature, threshold, value, feature8, threshold32 }
}

/**
 * `stageLogit` tree by tree, each tree's way down taken by jumps (the loop tq had before): a little
 * faster than `stageLogit` where neighbouring rows take the same paths, so that the jumps are
 * predicted (prose), about twice as slow on a scraped page. The same sum to the last bit.
 *
 * `row` holds 32-bit floats (a `Float32Array`, or values that are all 32-bit floats): the compact
 * thresholds (`Stage.threshold32`) answer the same as the exact ones only for those.
 */
export function stageLogitByJumps(stage: Stage, row: ArrayLike<number>): number {
  if (stage.depth !== 4) return stageLogit(stage, row)
  const { feature8: feature, threshold32: threshold, value, trees } = stage
  let z = stage.base
  for (let tree = 0, o = 0, leaf = -15; tree < trees; tree++, o += 15, leaf += 16) {
    let node = row[feature[o]!]! <= threshold[o]! ? 1 : 2
    node = 2 * node + (row[feature[o + node]!]! <= threshold[o + node]! ? 1 : 2)
    node = 2 * node + (row[feature[o + node]!]! <= threshold[o + node]! ? 1 : 2)
    node = 2 * node + (row[feature[o + node]!]! <= threshold[o + node]! ? 1 : 2)
    z += value[leaf + node]!
  }
  return z
}

/** Each tree's node on the way down, for `stageLogit` (a stage of more trees gets its own). */
const NODES = new Int32Array(1024)

/**
 * Log-odds of junk for one feature row (of 32-bit floats: see `stageLogitByJumps`).
 *
 * The trees go down level by level, all of them a level at a time, and the way down is computed,
 * not branched on: `2 * node + 2 - +(x <= t)` is the child (`2i + 1` when the row goes left,
 * `2i + 2` when not), which V8 compiles to a comparison that is a value. The path through a tree
 * depends on the row, so a jump there was mispredicted about half the time on a scraped page, and
 * a tree's next step waited for its last; this way the trees of a level are independent work. On
 * the dev pages' rows the trees take half the time of a tree-by-tree loop with jumps; on prose,
 * where neighbouring lines take the same paths and the jumps are predicted, a little more (there
 * `stageLogitByJumps` is used). The leaves are then added in tree order, as before, so every sum
 * is the same to the last bit.
 *
 * (The scratch array is a constant and each depth its own small function: with the array in a
 * `let` or both loops in one function, V8's code for the loops was half as fast.)
 */
export function stageLogit(stage: Stage, row: ArrayLike<number>): number {
  const node = stage.trees <= NODES.length ? NODES : new Int32Array(stage.trees)
  return stage.depth === 4 ? logitDepth4(stage, row, node) : logitAnyDepth(stage, row, node)
}

/** `stageLogit` for trees of depth 4 (the shipped depth): 15 internal nodes and 16 leaves a tree. */
function logitDepth4(stage: Stage, row: ArrayLike<number>, node: Int32Array): number {
  const { feature8: feature, threshold32: threshold, value, trees } = stage
  for (let tree = 0, o = 0; tree < trees; tree++, o += 15) node[tree] = 2 - +(row[feature[o]!]! <= threshold[o]!)
  for (let level = 1; level < 4; level++) {
    for (let tree = 0, o = 0; tree < trees; tree++, o += 15) {
      const i = node[tree]!
      node[tree] = 2 * i + 2 - +(row[feature[o + i]!]! <= threshold[o + i]!)
    }
  }
  let z = stage.base
  for (let tree = 0, leaf = -15; tree < trees; tree++, leaf += 16) z += value[leaf + node[tree]!]!
  return z
}

function logitAnyDepth(stage: Stage, row: ArrayLike<number>, node: Int32Array): number {
  const { depth, feature8: feature, threshold32: threshold, value, trees } = stage
  const internal = (1 << depth) - 1
  const leaves = internal + 1
  node.fill(0, 0, trees)
  for (let level = 0; level < depth; level++) {
    for (let tree = 0, o = 0; tree < trees; tree++, o += internal) {
      const i = node[tree]!
      node[tree] = 2 * i + 2 - +(row[feature[o + i]!]! <= threshold[o + i]!)
    }
  }
  let z = stage.base
  for (let tree = 0, leaf = -internal; tree < trees; tree++, leaf += leaves) z += value[leaf + node[tree]!]!
  return z
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z))
}

let loaded: Model | undefined

/**
 * The shipped model, read once per process. Throws when the file is missing or was trained on
 * other features than this code computes (retrain with scripts/train-boilerplate.mjs).
 */
export function boilerplateModel(): Model {
  if (!loaded) {
    const url = new URL('../../../data/boilerplate-model.json', import.meta.url)
    const json = JSON.parse(readFileSync(url, 'utf8')) as ModelJson
    if (json.features.join(',') !== FEATURES.join(',') || json.stackFeatures.join(',') !== STACK_FEATURES.join(',')) {
      throw new Error('data/boilerplate-model.json was trained on other features; run scripts/train-boilerplate.mjs')
    }
    loaded = {
      stage1: compileStage(json.stage1, json.depth),
      stage2: compileStage(json.stage2, json.depth),
      lexicon: new Map(Object.entries(json.lexicon ?? {})),
    }
  }
  return loaded
}
