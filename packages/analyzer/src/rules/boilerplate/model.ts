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
 * Log-odds of junk for one feature row (of 32-bit floats: a `Float32Array`, or values that are all
 * 32-bit floats; the compact thresholds, `Stage.threshold32`, answer the same as the exact ones
 * only for those).
 *
 * The way down a tree is computed, not branched on: `2 * i + 2 - +(x <= t)` is the child (`2i + 1`
 * when the row goes left, `2i + 2` when not), which V8 compiles to a comparison that is a value.
 * A jump there depends on the row, and was mispredicted about half the time on a scraped page;
 * without one, the only waits are for loads. Four trees go down side by side, a level of each in
 * turn, so that the processor has four independent chains of loads to overlap rather than one:
 * on the rows of 5 MB of prose a stage took 0.8 µs a line against 1.1 µs for a tree-by-tree loop
 * with jumps (the loop tq had first), and on the scraped dev pages 0.8 against 1.2 µs for all the
 * trees going down level by level through a scratch array (the loop tq had next).
 *
 * The leaves are added in tree order, one tree after another, so every sum is the same to the last
 * bit as a plain tree-by-tree walk (a test checks it).
 */
export function stageLogit(stage: Stage, row: ArrayLike<number>): number {
  return stage.depth === 4 ? logitDepth4(stage, row) : logitAnyDepth(stage, row)
}

/** `stageLogit` for trees of depth 4 (the shipped depth): 15 internal nodes and 16 leaves a tree. */
function logitDepth4(stage: Stage, row: ArrayLike<number>): number {
  const { feature8: f, threshold32: t, value, trees } = stage
  let z = stage.base
  let tree = 0
  // Trees `tree` to `tree + 3`, their nodes from `o`, `o + 15`, `o + 30`, `o + 45`; `a` to `d` are
  // their nodes on the way down, one level a line. A tree's node numbers 15–30 are its leaves, so
  // the leaf of a tree is `value[16 * tree + node - 15]`. (The four levels are written out: in a
  // loop over the levels, or with the step in a function, the loop took half as long again, either
  // once V8 had optimised it or on a file's first thousand lines, before.)
  for (let o = 0, leaf = -15; tree + 3 < trees; tree += 4, o += 60, leaf += 64) {
    let a = 0
    let b = 0
    let c = 0
    let d = 0
    a = 2 * a + 2 - +(row[f[o + a]!]! <= t[o + a]!)
    b = 2 * b + 2 - +(row[f[o + 15 + b]!]! <= t[o + 15 + b]!)
    c = 2 * c + 2 - +(row[f[o + 30 + c]!]! <= t[o + 30 + c]!)
    d = 2 * d + 2 - +(row[f[o + 45 + d]!]! <= t[o + 45 + d]!)
    a = 2 * a + 2 - +(row[f[o + a]!]! <= t[o + a]!)
    b = 2 * b + 2 - +(row[f[o + 15 + b]!]! <= t[o + 15 + b]!)
    c = 2 * c + 2 - +(row[f[o + 30 + c]!]! <= t[o + 30 + c]!)
    d = 2 * d + 2 - +(row[f[o + 45 + d]!]! <= t[o + 45 + d]!)
    a = 2 * a + 2 - +(row[f[o + a]!]! <= t[o + a]!)
    b = 2 * b + 2 - +(row[f[o + 15 + b]!]! <= t[o + 15 + b]!)
    c = 2 * c + 2 - +(row[f[o + 30 + c]!]! <= t[o + 30 + c]!)
    d = 2 * d + 2 - +(row[f[o + 45 + d]!]! <= t[o + 45 + d]!)
    a = 2 * a + 2 - +(row[f[o + a]!]! <= t[o + a]!)
    b = 2 * b + 2 - +(row[f[o + 15 + b]!]! <= t[o + 15 + b]!)
    c = 2 * c + 2 - +(row[f[o + 30 + c]!]! <= t[o + 30 + c]!)
    d = 2 * d + 2 - +(row[f[o + 45 + d]!]! <= t[o + 45 + d]!)
    z += value[leaf + a]!
    z += value[leaf + 16 + b]!
    z += value[leaf + 32 + c]!
    z += value[leaf + 48 + d]!
  }
  // The last trees, when their number is not a multiple of four.
  for (let o = 15 * tree, leaf = 16 * tree - 15; tree < trees; tree++, o += 15, leaf += 16) {
    let node = 0
    for (let level = 0; level < 4; level++) node = 2 * node + 2 - +(row[f[o + node]!]! <= t[o + node]!)
    z += value[leaf + node]!
  }
  return z
}

function logitAnyDepth(stage: Stage, row: ArrayLike<number>): number {
  const { depth, feature8: feature, threshold32: threshold, value, trees } = stage
  const internal = (1 << depth) - 1
  let z = stage.base
  for (let tree = 0, o = 0, leaf = -internal; tree < trees; tree++, o += internal, leaf += internal + 1) {
    let node = 0
    for (let level = 0; level < depth; level++) node = 2 * node + 2 - +(row[feature[o + node]!]! <= threshold[o + node]!)
    z += value[leaf + node]!
  }
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
