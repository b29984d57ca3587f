#!/usr/bin/env node
/**
 * Learn the line `translation` model (packages/analyzer/src/lines.ts) and write its weights to
 * packages/analyzer/data/translation-weights.json.
 *
 *   node scripts/train-translation.mjs        (run `pnpm build` first; ~1 min)
 *
 * Data: ../shared/corpus/mt-docs-dev.jsonl. Each human article (origin "human") is paired with its
 * own Apertium round trips (same doc_key): the lines of the round trips are positives, the human
 * lines negatives, weighted so every doc_key contributes as much human as machine text. Comparing
 * within a doc_key keeps the model from learning the topic or the decade of a source. The WMT
 * systems are not trained on (their human references are partly machine-assisted and few); the
 * evaluation checks them against their own references instead.
 *
 * Features: the language-model signals of a line (`lineFeatures` in lines.ts) and the count of each
 * translation rule's findings on it by severity, for whatever rules exist when this runs (retrain
 * after adding a rule). Model: L2-regularised logistic regression, full-batch gradient descent.
 * The intercept is then moved so that 2% of human lines reach 0.5 (a line at 0.5 or more reads as
 * machine translation); without this the value would say "a coin toss" on every fluent line.
 *
 * The `frame` feature reads a second table, learned here too and written to
 * packages/analyzer/data/translation-skeleton.json (see src/lm/skeleton.ts): the log-odds of each
 * bigram and trigram of the sentences' function-word frames, round trips against human lines
 * (naive Bayes over hashed n-grams, each doc_key weighing 1 on each side). A line's value is the
 * mean over its n-grams. The logistic model is fitted on values the table gave lines it was not
 * learned from (5 folds by doc_key), so it weighs the feature as it behaves on new text.
 *
 * Everything is cross-validated by doc_key (5 folds): the figures printed and stored in the weights
 * file's `about` are from lines the fold's models (the table and the weights) never saw.
 */
import fs from 'node:fs'
import { pathToFileURL } from 'node:url'
import { analyze } from '../packages/analyzer/dist/index.js'
import { lineFeatures, lineFindings, lineLogit, lineValue, round, FEATURES, FRAME_PRIOR_GRAMS, RULE_CAP } from '../packages/analyzer/dist/lines.js'
import { englishModel } from '../packages/analyzer/dist/lm/model.js'
import { FRAME_VERSION, FUNCTION_WORDS, languageModelId } from '../packages/analyzer/dist/lm/skeleton.js'
import { auc } from './auc.mjs'

const root = new URL('..', import.meta.url)
export const corpus = new URL('../shared/corpus/', root)
const OUT = new URL('packages/analyzer/data/translation-weights.json', root)
const SKELETON_OUT = new URL('packages/analyzer/data/translation-skeleton.json', root)
/** The skeleton table: hash bits, bytes per unit of log-odds (which tokens keep their identity: skeleton.ts). */
export const FRAME_BITS = 17
export const FRAME_SCALE = 16
/**
 * Additive smoothing of the frame n-gram weights (in doc_key weight units), and the least weight an
 * n-gram needs to get a value. Set once and not varied, like FRAME_BITS (2^17 slots, about a third
 * of them holding a value); only the number of kept tokens was compared (skeleton.ts).
 */
const FRAME_SMOOTHING = 0.05
const FRAME_MIN_WEIGHT = 0.02
/** Index of the `frame` feature. */
const FRAME = FEATURES.indexOf('frame')
/** Share of human lines allowed at a line value of 0.5 or more. */
const HUMAN_AT_HALF = 0.02
const FOLDS = 5
const L2 = 1e-3

export function readJsonl(name) {
  return fs.readFileSync(new URL(name, corpus), 'utf8').trim().split('\n').map((line) => JSON.parse(line))
}

/** Analyze every document (as `tq check` does: language detected) and keep its line rows. */
export function analyzeDocs(docs, log = () => {}) {
  const started = Date.now()
  docs.forEach((doc, index) => {
    doc.analysis = analyze(doc.text, { signals: true })
    if (index % 500 === 499) log(`analyzed ${index + 1} documents (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  })
  return docs
}

/** lines.ts's `lineFindings` of an analysis, over its lines (the last non-blank one is the last a value is read for). */
function findingsByLine(analysis, weights) {
  return lineFindings(analysis.findings, analysis.lines.reduce((n, result) => Math.max(n, result.line), 0), weights)
}

/**
 * Line rows of one analysis: language-model features and translation finding counts by key
 * (`counts` of `findingsByLine`, when the caller has them already).
 */
export function lineRows(analysis, doc, counts = findingsByLine(analysis, null).counts) {
  const rows = []
  for (const result of analysis.lines) {
    const features = lineFeatures(analysis.signals?.[result.line - 1])
    if (!features) continue
    rows.push({ line: result.line, features, counts: counts[result.line - 1] ?? new Map(), frames: doc ? frameHashesOf(doc, result.line) : undefined })
  }
  return rows
}

/** The frame hashes of line `line` (1-based) of `doc`, as the analyzer read them (`Analysis.frames`). */
export function frameHashesOf(doc, line) {
  return doc.analysis.frames?.[line - 1] ?? []
}

/** The skeleton table (log-odds × FRAME_SCALE, signed bytes) learned from `rows` (naive Bayes, hashed). */
export function fitFrames(rows) {
  const size = 2 ** FRAME_BITS
  const shift = 32 - FRAME_BITS
  const machine = new Float64Array(size)
  const human = new Float64Array(size)
  let machineTotal = 0
  let humanTotal = 0
  for (const row of rows) {
    const counts = row.y ? machine : human
    for (const hash of row.frames) counts[hash >>> shift] += row.w
    if (row.y) machineTotal += row.w * row.frames.length
    else humanTotal += row.w * row.frames.length
  }
  const table = new Int8Array(size)
  const a = FRAME_SMOOTHING
  for (let i = 0; i < size; i++) {
    if (machine[i] + human[i] < FRAME_MIN_WEIGHT) continue
    const logOdds = Math.log((machine[i] + a) / (machineTotal + a)) - Math.log((human[i] + a) / (humanTotal + a))
    table[i] = Math.max(-127, Math.min(127, Math.round(logOdds * FRAME_SCALE)))
  }
  return table
}

/** A line's `frame` feature under `table`: the mean log-odds of its frame n-grams (as skeleton.ts computes it). */
export function frameValue(table, hashes) {
  const shift = 32 - FRAME_BITS
  let sum = 0
  for (const hash of hashes) sum += table[hash >>> shift]
  return sum / FRAME_SCALE / (hashes.length + FRAME_PRIOR_GRAMS)
}

/** `rows` with the frame feature each would get from a table learned without its own doc_key's fold (folds of `rows`' keys). */
export function outOfFoldFrames(rows, folds = FOLDS, foldOfKey = foldOf) {
  const out = []
  for (let fold = 0; fold < folds; fold++) {
    const inFold = rows.filter((row) => foldOfKey(row.key) === fold)
    if (inFold.length === 0) continue
    const table = fitFrames(rows.filter((row) => foldOfKey(row.key) !== fold))
    for (const row of inFold) out.push(withFrame(row, frameValue(table, row.frames)))
  }
  return out
}

function withFrame(row, value) {
  const features = [...row.features]
  features[FRAME] = value
  return { ...row, features }
}

/** Training rows of the human/round-trip pairs: {x, y, w, key}. */
export function trainingRows(docs) {
  const byKey = new Map()
  for (const doc of docs) {
    if (doc.origin !== 'human' && !doc.origin.startsWith('apertium-')) continue
    if (!byKey.has(doc.doc_key)) byKey.set(doc.doc_key, [])
    byKey.get(doc.doc_key).push(doc)
  }
  const rows = []
  for (const [key, group] of byKey) {
    const human = group.filter((d) => d.origin === 'human')
    const machine = group.filter((d) => d.origin !== 'human')
    if (human.length === 0 || machine.length === 0) continue
    const lines = (docs) => docs.flatMap((doc) => lineRows(doc.analysis, doc).map((row) => ({ ...row, doc })))
    const h = lines(human)
    const m = lines(machine)
    // Each doc_key weighs 1 on each side, whatever its length and number of round trips.
    for (const row of h) rows.push({ ...row, y: 0, w: 1 / h.length, key })
    for (const row of m) rows.push({ ...row, y: 1, w: 1 / m.length, key })
  }
  return rows
}

/** The fold of a doc_key (stable hash). */
export function foldOf(key, folds = FOLDS) {
  let h = 2166136261
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619)
  return (h >>> 0) % folds
}

/** Fit the logistic model on `rows`; returns the weights object lines.ts reads. */
export function fit(rows, ruleKeys) {
  const F = FEATURES.length
  const mean = new Array(F).fill(0)
  const scale = new Array(F).fill(0)
  let total = 0
  for (const row of rows) {
    total += row.w
    for (let i = 0; i < F; i++) mean[i] += row.w * row.features[i]
  }
  for (let i = 0; i < F; i++) mean[i] /= total
  for (const row of rows) for (let i = 0; i < F; i++) scale[i] += row.w * (row.features[i] - mean[i]) ** 2
  for (let i = 0; i < F; i++) scale[i] = Math.sqrt(scale[i] / total) || 1
  const K = ruleKeys.length
  const D = F + K
  const X = rows.map((row) => {
    const x = new Float64Array(D)
    for (let i = 0; i < F; i++) x[i] = (row.features[i] - mean[i]) / scale[i]
    ruleKeys.forEach((key, k) => (x[F + k] = Math.min(row.counts.get(key) ?? 0, RULE_CAP)))
    return x
  })
  const w = new Float64Array(D)
  let b = 0
  // Adam on the weighted log loss, full batch.
  const m = new Float64Array(D + 1)
  const v = new Float64Array(D + 1)
  const rate = 0.05
  for (let step = 1; step <= 400; step++) {
    const g = new Float64Array(D + 1)
    for (let r = 0; r < rows.length; r++) {
      const x = X[r]
      let z = b
      for (let i = 0; i < D; i++) z += w[i] * x[i]
      const err = (1 / (1 + Math.exp(-z)) - rows[r].y) * rows[r].w
      for (let i = 0; i < D; i++) g[i] += err * x[i]
      g[D] += err
    }
    for (let i = 0; i <= D; i++) {
      let gi = g[i] / total
      if (i < D) gi += L2 * w[i]
      m[i] = 0.9 * m[i] + 0.1 * gi
      v[i] = 0.999 * v[i] + 0.001 * gi * gi
      const delta = (rate * (m[i] / (1 - 0.9 ** step))) / (Math.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8)
      if (i < D) w[i] -= delta
      else b -= delta
    }
  }
  const weights = { features: [...FEATURES], framePriorGrams: FRAME_PRIOR_GRAMS, mean, scale, weights: Array.from(w.subarray(0, F)), bias: b, rules: {} }
  ruleKeys.forEach((key, k) => (weights.rules[key] = w[F + k]))
  // Move the intercept: only HUMAN_AT_HALF of human lines (by weight) may reach 0.5.
  const human = rows.filter((row) => row.y === 0).map((row) => ({ z: logit(weights, row), w: row.w }))
  human.sort((a, c) => c.z - a.z)
  const humanTotal = human.reduce((s, r) => s + r.w, 0)
  let acc = 0
  let cut = human[0]?.z ?? 0
  for (const r of human) {
    acc += r.w
    if (acc > HUMAN_AT_HALF * humanTotal) {
      cut = r.z
      break
    }
  }
  weights.bias -= cut
  for (const key of Object.keys(weights.rules)) weights.rules[key] = round6(weights.rules[key])
  weights.mean = weights.mean.map(round6)
  weights.scale = weights.scale.map(round6)
  weights.weights = weights.weights.map(round6)
  weights.bias = round6(weights.bias)
  return weights
}

function round6(x) {
  return Math.round(x * 1e6) / 1e6
}

/** Log-odds of a row under `weights` (lines.ts's `lineLogit`). */
export function logit(weights, row) {
  return lineLogit(weights, row.features, row.counts)
}

/** Every translation rule key seen in the training rows (rare keys, under 5 lines, are left to the fallback). */
export function ruleKeysOf(rows) {
  const seen = new Map()
  for (const row of rows) for (const key of row.counts.keys()) seen.set(key, (seen.get(key) ?? 0) + 1)
  return [...seen].filter(([, n]) => n >= 5).map(([key]) => key).sort()
}

/**
 * Cross-validated line values: for each fold, fit on the other folds' doc_keys and set the
 * `translation` value of every line of this fold's documents (all origins, WMT included) from that
 * model. Returns copies of the analyses with the CV values (`doc.cvAnalysis`).
 */
export function crossValidate(docs, rows) {
  const keys = ruleKeysOf(rows)
  const models = []
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = rows.filter((row) => foldOf(row.key) !== fold)
    // The weights learn from frame values of a table that never saw the line (inner folds, this
    // fold left out); this fold's lines are read with a table learned on all the other folds.
    const innerFold = (key) => (foldOf(key) < fold ? foldOf(key) : foldOf(key) - 1)
    const weights = fit(outOfFoldFrames(training, FOLDS - 1, innerFold), keys)
    models.push({ weights, table: fitFrames(training) })
  }
  for (const doc of docs) {
    const { weights, table } = models[foldOf(doc.doc_key)]
    doc.cvAnalysis = withLineValues(doc.analysis, weights, (line) => frameValue(table, frameHashesOf(doc, line)))
  }
  return models
}

/**
 * A copy of `analysis` whose line `translation` values come from `weights`, by lines.ts's own
 * `lineFindings` and `lineValue` (the texts here are neither technical nor hard-wrapped).
 */
export function withLineValues(analysis, weights, frameOf) {
  const { counts, keep, unknownKeep } = findingsByLine(analysis, weights)
  const byLine = new Map(lineRows(analysis, undefined, counts).map((row) => [row.line, frameOf ? withFrame(row, frameOf(row.line)) : row]))
  const lines = analysis.lines.map((result) => {
    const index = result.line - 1
    const value = lineValue(weights, byLine.get(result.line)?.features, counts[index], unknownKeep[index], keep[index])
    return { ...result, translation: round(value) }
  })
  return { ...analysis, lines }
}

async function main() {
  const log = (message) => console.log(message)
  const docs = analyzeDocs(readJsonl('mt-docs-dev.jsonl').filter((d) => d.origin === 'human' || d.origin.startsWith('apertium-')), log)
  const rows = trainingRows(docs)
  const keys = ruleKeysOf(rows)
  log(`${rows.length} lines from ${new Set(rows.map((r) => r.key)).size} doc_keys; rule features: ${keys.join(', ') || 'none'}`)
  const models = crossValidate(docs, rows)
  const cvLogit = (row) => {
    const { weights, table } = models[foldOf(row.key)]
    return logit(weights, withFrame(row, frameValue(table, row.frames)))
  }
  const lineAuc = auc(rows.filter((row) => row.y).map(cvLogit), rows.filter((row) => !row.y).map(cvLogit))
  log(`cross-validated line AUC, round-trip lines against human lines: ${lineAuc.toFixed(3)}`)
  const { score } = await import('../packages/scoring/dist/index.js')
  const byKey = new Map(docs.filter((d) => d.origin === 'human').map((d) => [d.doc_key, d]))
  let wins = 0
  let pairs = 0
  for (const doc of docs) {
    if (doc.origin === 'human') continue
    const human = byKey.get(doc.doc_key)
    if (!human) continue
    pairs++
    if (score(human.cvAnalysis).scores.translation > score(doc.cvAnalysis).scores.translation) wins++
  }
  const cv = { pairedHumanHigher: wins / pairs, lineAuc: round6(lineAuc) }
  log(`cross-validated (${FOLDS} folds by doc_key): human original scores higher than its round trip in ${(100 * cv.pairedHumanHigher).toFixed(1)}% of ${pairs} pairs`)
  const table = fitFrames(rows)
  const weights = fit(outOfFoldFrames(rows), keys)
  weights.about = {
    trainedOn: 'mt-docs-dev.jsonl: human originals vs their Apertium round trips (es, ca, gl, eo), paired by doc_key',
    lines: rows.length,
    docKeys: new Set(rows.map((r) => r.key)).size,
    humanLinesAtHalf: HUMAN_AT_HALF,
    crossValidated: cv,
    script: 'scripts/train-translation.mjs',
  }
  fs.writeFileSync(OUT, `${JSON.stringify(weights, null, 1)}\n`)
  const skeleton = {
    functionWords: FUNCTION_WORDS,
    bits: FRAME_BITS,
    scale: FRAME_SCALE,
    model: languageModelId(englishModel()),
    frameVersion: FRAME_VERSION,
    about: {
      what: 'Log-odds (round trip against human) of the bigrams and trigrams of sentence frames; see packages/analyzer/src/lm/skeleton.ts. Written by scripts/train-translation.mjs; do not edit.',
      trainedOn: weights.about.trainedOn,
      lines: rows.length,
      smoothing: FRAME_SMOOTHING,
      minWeight: FRAME_MIN_WEIGHT,
      nonZero: table.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0),
    },
    table: Buffer.from(table.buffer).toString('base64'),
  }
  fs.writeFileSync(SKELETON_OUT, `${JSON.stringify(skeleton, null, 1)}\n`)
  log(`wrote ${SKELETON_OUT.pathname} (${skeleton.about.nonZero} n-gram slots of ${table.length} with a value)`)
  log(`wrote ${OUT.pathname}`)
  log(JSON.stringify({ features: weights.features, weights: weights.weights, bias: weights.bias, rules: weights.rules }))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
