#!/usr/bin/env node
/**
 * Train tq's boilerplate line model and report its cross-validated figures.
 *
 *   node scripts/train-boilerplate.mjs [pages.jsonl] [--folds 5] [--cv-only] [--trees N]
 *
 * Build the analyzer first (`npx tsc -p packages/analyzer`): the features come from its dist
 * (`rules/boilerplate/features.js`), so training and tq compute them with the same code, and the
 * cross-validated predictions go through the same `pageProbabilities` tq uses (headline and
 * small-document rules included).
 *
 * Data: one labelled page a line, {"id", "url", "lines": [{"text", "label", "headline"?}]}
 * (default /work/shared/corpus/boilerplate-dev.jsonl). Headline lines (<h1>) are left out of the
 * loss and of the scores (the benchmark leaves them out; tq calls the headline content) but stay
 * on the page as context. Each page also gives a pasted-text version of itself, its content lines
 * alone, all content: what a CI user checks. Those teach the model that a page of prose without
 * chrome is all content, and are scored apart ("clean text").
 *
 * Model: two stages of gradient-boosted trees (logistic loss, histogram splits, complete trees of
 * depth DEPTH). Stage 2 reads stage 1's probabilities of the neighbouring lines; to train it, those
 * probabilities are out-of-fold (each page's from a stage 1 that did not see the page).
 *
 * Report (printed here, and stored in the model's `about.cv`): grouped K-fold cross-validation by
 * page: a page's lines, and its pasted-text version, are never in both the training and the test
 * folds. Line-level and word-weighted precision / recall / F1 of the content class, overall,
 * English, non-English, and per non-English language. scripts/eval-boilerplate.mjs prints the
 * same figures from the model file next to the shipped model's in-sample ones.
 *
 * Output (unless --cv-only): packages/analyzer/data/boilerplate-model.json, the model trained on
 * every dev page.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { analyze, countWords } from '../packages/analyzer/dist/index.js'
import { buildPage, buildStack, FEATURES, featureRow, STACK_FEATURES, stackRow } from '../packages/analyzer/dist/rules/boilerplate/features.js'
import { stopWordsOf } from '../packages/analyzer/dist/rules/boilerplate/lexicon.js'
import { compileStage } from '../packages/analyzer/dist/rules/boilerplate/model.js'
import { pageProbabilities } from '../packages/analyzer/dist/rules/boilerplate/classifier.js'
import { mulberry32 } from './random.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index >= 0 ? Number(args[index + 1]) : fallback
}
const path = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--')) ?? '/work/shared/corpus/boilerplate-dev.jsonl'
const FOLDS = option('--folds', 5)
const CV_ONLY = args.includes('--cv-only')
/** `--drop a,b`: features the trees may not use (held constant in training), for ablations. */
const DROP = new Set(args.includes('--drop') ? args[args.indexOf('--drop') + 1].split(',') : [])
const OUT = new URL('../packages/analyzer/data/boilerplate-model.json', import.meta.url)

/** Hyper-parameters, fixed before looking at test folds; the same for both stages. */
const PARAMS = {
  trees: option('--trees', 150),
  depth: option('--depth', 4),
  learningRate: 0.1,
  /** L2 penalty on leaf values. */
  lambda: option('--lambda', 2),
  /** Least hessian weight in a child (about: lines a leaf must cover). */
  minChild: 3,
  /** Share of training rows each tree sees (stochastic boosting). */
  subsample: 0.7,
  /** Histogram bins per feature. */
  bins: 64,
  /** Weight of a content line relative to a boilerplate line (content is 15% of lines). */
  contentWeight: option('--content-weight', 2),
  /** Weight of the pasted-text (content only) versions of the pages. */
  cleanWeight: 0.5,
  /** Snippets cut from each page (1 to `snippetLines` consecutive lines, labels kept), and their weight. */
  snippets: option('--snippets', 12),
  snippetLines: 8,
  snippetWeight: 0.5,
}

// ---------------------------------------------------------------------------------------------
// Data

const pages = readFileSync(path, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line))

/** Everything a page contributes: its rows (stage 1), labels, weights, and the page table. */
function prepare(texts, labels, weights, language) {
  const page = buildPage(texts, stopWordsOf(language))
  const rows = new Float32Array(page.n * FEATURES.length)
  const row = new Float32Array(FEATURES.length)
  for (let k = 0; k < page.n; k++) rows.set(featureRow(page, k, row), k * FEATURES.length)
  return { page, rows, labels, weights }
}

const started = Date.now()
const boilerplateOff = {}
for (const detector of (await import('../packages/analyzer/dist/index.js')).detectors) {
  for (const rule of detector.rules) if (rule.category === 'boilerplate') boilerplateOff[rule.id] = 'off'
}

/** One group per dev page: the page as scraped, and its pasted-text version. */
const groups = pages.map((raw, index) => {
  const lines = raw.lines.filter((line) => line.text.trim() !== '')
  const texts = lines.map((line) => line.text)
  // The language tq detects on the page, as in `tq check`.
  const language = analyze(texts.join('\n'), { rules: boilerplateOff }).language
  const labels = Uint8Array.from(lines, (line) => (line.label === 'boilerplate' ? 1 : 0))
  const weights = Float32Array.from(lines, (line) => (line.headline ? 0 : line.label === 'boilerplate' ? 1 : PARAMS.contentWeight))
  const words = Float32Array.from(lines, (line) => countWords(line.text))
  const headline = Uint8Array.from(lines, (line) => (line.headline ? 1 : 0))
  const scraped = { ...prepare(texts, labels, weights, language), words, headline }
  const cleanLines = lines.filter((line) => line.label === 'content' && !line.headline)
  const clean =
    cleanLines.length > 0
      ? {
          ...prepare(
            cleanLines.map((line) => line.text),
            new Uint8Array(cleanLines.length),
            new Float32Array(cleanLines.length).fill(PARAMS.cleanWeight),
            language,
          ),
          words: Float32Array.from(cleanLines, (line) => countWords(line.text)),
          headline: new Uint8Array(cleanLines.length),
        }
      : undefined
  // Snippets: what a user pastes from a page, a few lines with or without chrome around them.
  // Half of them from the page as scraped, half from its pasted-text version (a few paragraphs).
  const random = mulberry32(index + 1)
  const snippets = []
  for (let s = 0; s < PARAMS.snippets; s++) {
    const fromClean = s % 2 === 1 && cleanLines.length > 0
    const source = fromClean ? cleanLines : lines
    const sourceLabels = fromClean ? new Uint8Array(cleanLines.length) : labels
    const sourceWeights = fromClean ? new Float32Array(cleanLines.length).fill(1) : weights
    const length = 1 + Math.floor(random() * Math.min(PARAMS.snippetLines, source.length))
    const start = Math.floor(random() * (source.length - length + 1))
    const part = source.slice(start, start + length)
    snippets.push({
      ...prepare(
        part.map((line) => line.text),
        sourceLabels.slice(start, start + length),
        sourceWeights.slice(start, start + length).map((weight) => weight * PARAMS.snippetWeight),
        language,
      ),
      words: Float32Array.from(part, (line) => countWords(line.text)),
      headline: Uint8Array.from(part, (line) => (line.headline ? 1 : 0)),
    })
  }
  return { id: raw.id, index, language, scraped, clean, snippets }
})
console.error(`features of ${groups.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`)

// ---------------------------------------------------------------------------------------------
// Gradient-boosted trees


/** Concatenate the rows of `docs` (each {rows, labels, weights}) with `width` features. */
function stack(docs, width, rowsOf = (doc) => doc.rows) {
  const names = [...FEATURES, ...STACK_FEATURES].slice(0, width)
  const dropped = names.flatMap((name, index) => (DROP.has(name) ? [index] : []))
  const n = docs.reduce((sum, doc) => sum + doc.labels.length, 0)
  const X = new Float32Array(n * width)
  const y = new Uint8Array(n)
  const w = new Float32Array(n)
  let at = 0
  for (const doc of docs) {
    X.set(rowsOf(doc), at * width)
    y.set(doc.labels, at)
    w.set(doc.weights, at)
    at += doc.labels.length
  }
  for (let r = 0; r < n; r++) for (const index of dropped) X[r * width + index] = 0
  return { X, y, w, n, width }
}

/** Split points of each feature: midpoints between quantiles of its values (at most `bins` - 1). */
function splitPoints(X, n, width, bins) {
  const points = []
  const values = new Float32Array(n)
  for (let f = 0; f < width; f++) {
    for (let r = 0; r < n; r++) values[r] = X[r * width + f]
    const sorted = Float32Array.from(values).sort()
    const distinct = []
    for (let r = 0; r < n; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) distinct.push(sorted[r])
    let cuts = []
    if (distinct.length <= bins) cuts = distinct
    else {
      for (let b = 0; b < bins; b++) cuts.push(sorted[Math.floor(((b + 0.5) * n) / bins)])
      cuts = [...new Set(cuts)]
    }
    const mids = []
    for (let c = 1; c < cuts.length; c++) mids.push(Number(((cuts[c - 1] + cuts[c]) / 2).toPrecision(7)))
    // Rounding must not move a split point onto or past a value.
    points.push(mids.filter((mid, c) => mid > cuts[c] && mid < cuts[c + 1]))
  }
  return points
}

/** Bin index of every value: the number of split points below it. */
function binOf(X, n, width, points) {
  const bins = new Uint8Array(n * width)
  for (let f = 0; f < width; f++) {
    const cut = points[f]
    for (let r = 0; r < n; r++) {
      const x = X[r * width + f]
      let low = 0
      let high = cut.length
      while (low < high) {
        const mid = (low + high) >> 1
        if (x <= cut[mid]) high = mid
        else low = mid + 1
      }
      bins[r * width + f] = low
    }
  }
  return bins
}

/** Fit one stage; returns {base, trees: [{f, t, v}]} as the model JSON stores it. */
function fitStage(data, params, seed = 1) {
  const { X, y, w, n, width } = data
  const random = mulberry32(seed)
  const points = splitPoints(X, n, width, params.bins)
  const bins = binOf(X, n, width, points)
  const B = params.bins
  let wy = 0
  let wsum = 0
  for (let r = 0; r < n; r++) {
    wy += w[r] * y[r]
    wsum += w[r]
  }
  const prior = Math.min(Math.max(wy / wsum, 1e-4), 1 - 1e-4)
  const base = Math.log(prior / (1 - prior))
  const F = new Float64Array(n).fill(base)
  const g = new Float64Array(n)
  const h = new Float64Array(n)
  const node = new Int32Array(n)
  const internal = (1 << params.depth) - 1
  const trees = []
  for (let t = 0; t < params.trees; t++) {
    for (let r = 0; r < n; r++) {
      const p = 1 / (1 + Math.exp(-F[r]))
      // Rows left out of this tree get no gradient.
      const used = random() < params.subsample ? w[r] : 0
      g[r] = (p - y[r]) * used
      h[r] = Math.max(p * (1 - p), 1e-6) * used
      node[r] = 0
    }
    const f = new Array(internal).fill(0)
    const thresholds = new Array(internal).fill(null)
    // Bin of each split: rows in bins above it go right. -1: no split, everything goes left.
    const splitBin = new Int32Array(internal).fill(-1)
    for (let level = 0; level < params.depth; level++) {
      const first = (1 << level) - 1
      const count = 1 << level
      const G = new Float64Array(count * width * B)
      const H = new Float64Array(count * width * B)
      for (let r = 0; r < n; r++) {
        if (h[r] === 0) continue
        const base = (node[r] - first) * width * B
        const row = r * width
        const gr = g[r]
        const hr = h[r]
        for (let j = 0; j < width; j++) {
          const at = base + j * B + bins[row + j]
          G[at] += gr
          H[at] += hr
        }
      }
      for (let c = 0; c < count; c++) {
        let best = 0
        let bestFeature = -1
        let bestBin = -1
        for (let j = 0; j < width; j++) {
          const at = (c * width + j) * B
          let gt = 0
          let ht = 0
          for (let b = 0; b < B; b++) {
            gt += G[at + b]
            ht += H[at + b]
          }
          const parent = (gt * gt) / (ht + params.lambda)
          let gl = 0
          let hl = 0
          const cuts = points[j].length
          for (let b = 0; b < cuts; b++) {
            gl += G[at + b]
            hl += H[at + b]
            const hr = ht - hl
            if (hl < params.minChild * 0.1 || hr < params.minChild * 0.1) continue
            const gr = gt - gl
            const gain = (gl * gl) / (hl + params.lambda) + (gr * gr) / (hr + params.lambda) - parent
            if (gain > best) {
              best = gain
              bestFeature = j
              bestBin = b
            }
          }
        }
        if (bestFeature >= 0) {
          f[first + c] = bestFeature
          thresholds[first + c] = points[bestFeature][bestBin]
          splitBin[first + c] = bestBin
        }
      }
      // Send every row (used or not, so F stays right) to its child.
      for (let r = 0; r < n; r++) {
        const at = node[r]
        const split = splitBin[at] >= 0 && bins[r * width + f[at]] > splitBin[at]
        node[r] = 2 * at + (split ? 2 : 1)
      }
    }
    const leaves = 1 << params.depth
    const GL = new Float64Array(leaves)
    const HL = new Float64Array(leaves)
    for (let r = 0; r < n; r++) {
      GL[node[r] - internal] += g[r]
      HL[node[r] - internal] += h[r]
    }
    const v = Array.from(GL, (gl, leaf) => Number(((-gl / (HL[leaf] + params.lambda)) * params.learningRate).toPrecision(6)))
    for (let r = 0; r < n; r++) F[r] += v[node[r] - internal]
    trees.push({ f, t: thresholds, v })
  }
  return { base: Number(base.toPrecision(8)), trees }
}

// ---------------------------------------------------------------------------------------------
// Training a two-stage model on some groups

function docsOf(chosen) {
  return chosen.flatMap((group) => [group.scraped, ...(group.clean ? [group.clean] : []), ...group.snippets])
}

function stage1Probabilities(stage, doc) {
  const compiled = compileStage(stage, PARAMS.depth)
  const p1 = new Float32Array(doc.page.n)
  const width = FEATURES.length
  for (let k = 0; k < doc.page.n; k++) {
    const z = evaluate(compiled, doc.rows.subarray(k * width, (k + 1) * width))
    p1[k] = 1 / (1 + Math.exp(-z))
  }
  return p1
}

function evaluate(stage, row) {
  const internal = (1 << stage.depth) - 1
  let z = stage.base
  for (let tree = 0; tree < stage.trees; tree++) {
    let node = 0
    while (node < internal) node = row[stage.feature[tree * internal + node]] <= stage.threshold[tree * internal + node] ? 2 * node + 1 : 2 * node + 2
    z += stage.value[tree * (internal + 1) + node - internal]
  }
  return z
}

/** Stage-2 rows of `doc` given stage-1 probabilities `p1`. */
function stackedRows(doc, p1) {
  const width = FEATURES.length + STACK_FEATURES.length
  const rows = new Float32Array(doc.page.n * width)
  const row = new Float32Array(width)
  const summary = buildStack(doc.page, p1)
  for (let k = 0; k < doc.page.n; k++) rows.set(stackRow(doc.page, summary, p1, k, row), k * width)
  return rows
}

/** Page-grouped folds: a deterministic shuffle of the groups, dealt round-robin. */
function foldsOf(chosen, k, seed) {
  const random = mulberry32(seed)
  const order = chosen.map((group) => ({ group, key: random() })).sort((a, b) => a.key - b.key)
  const folds = Array.from({ length: k }, () => [])
  order.forEach(({ group }, index) => folds[index % k].push(group))
  return folds
}

/** Train both stages on `chosen` groups; stage 2 on out-of-fold stage-1 probabilities. */
function trainModel(chosen, seed) {
  const width1 = FEATURES.length
  const stage1 = fitStage(stack(docsOf(chosen), width1), PARAMS, seed)
  const oof = new Map()
  const inner = foldsOf(chosen, FOLDS, seed + 7)
  for (const fold of inner) {
    const inFold = new Set(fold)
    const model = fitStage(stack(docsOf(chosen.filter((group) => !inFold.has(group))), width1), PARAMS, seed + 13)
    for (const doc of docsOf(fold)) oof.set(doc, stage1Probabilities(model, doc))
  }
  const width2 = FEATURES.length + STACK_FEATURES.length
  const stage2 = fitStage(stack(docsOf(chosen), width2, (doc) => stackedRows(doc, oof.get(doc))), PARAMS, seed + 29)
  return { stage1, stage2 }
}

function compile(model) {
  return { stage1: compileStage(model.stage1, PARAMS.depth), stage2: compileStage(model.stage2, PARAMS.depth) }
}

// ---------------------------------------------------------------------------------------------
// Scoring

function counter() {
  return { tp: 0, fp: 0, fn: 0, wtp: 0, wfp: 0, wfn: 0, pages: 0 }
}

/** Count the content class of `doc` under probabilities `p` (threshold 0.5), skipping headlines. */
function count(counts, doc, p) {
  for (let k = 0; k < doc.page.n; k++) {
    if (doc.headline[k]) continue
    const predicted = p[k] > 0.5 ? 1 : 0
    const label = doc.labels[k]
    const words = doc.words[k]
    if (predicted === 0 && label === 0) {
      counts.tp++
      counts.wtp += words
    } else if (predicted === 0) {
      counts.fp++
      counts.wfp += words
    } else if (label === 0) {
      counts.fn++
      counts.wfn += words
    }
  }
  counts.pages++
}

function prf(tp, fp, fn) {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp)
  const r = tp + fn === 0 ? 0 : tp / (tp + fn)
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) }
}

const round3 = (x) => Math.round(x * 1000) / 1000

function figures(counts) {
  const line = prf(counts.tp, counts.fp, counts.fn)
  const word = prf(counts.wtp, counts.wfp, counts.wfn)
  return {
    pages: counts.pages,
    line: { p: round3(line.p), r: round3(line.r), f1: round3(line.f) },
    word: { p: round3(word.p), r: round3(word.r), f1: round3(word.f) },
  }
}

export function formatFigures(name, figure) {
  const n = (x) => x.toFixed(3)
  return `${name.padEnd(22)} ${String(figure.pages).padStart(3)} pages  content line P ${n(figure.line.p)} R ${n(figure.line.r)} F1 ${n(figure.line.f1)}   word P ${n(figure.word.p)} R ${n(figure.word.r)} F1 ${n(figure.word.f1)}`
}

// ---------------------------------------------------------------------------------------------
// Cross-validation

const cvStarted = Date.now()
const tally = { all: counter(), en: counter(), 'non-en': counter() }
/** `--dump FILE`: every scored line's out-of-fold probability, for error analysis. */
const dumpPath = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : undefined
const dump = []
const cleanTally = { lines: 0, flagged: 0 }
for (const [index, fold] of foldsOf(groups, FOLDS, 42).entries()) {
  const inFold = new Set(fold)
  const model = compile(trainModel(groups.filter((group) => !inFold.has(group)), 100 + index))
  for (const group of fold) {
    const { p } = pageProbabilities(group.scraped.page, model)
    const keys = ['all', group.language === 'en' ? 'en' : 'non-en']
    if (group.language !== 'en') keys.push(group.language)
    for (const key of keys) count((tally[key] ??= counter()), group.scraped, p)
    if (dumpPath) {
      const texts = pages[group.index].lines.filter((line) => line.text.trim() !== '')
      texts.forEach((line, k) => dump.push({ page: group.id.slice(0, 8), k, label: line.label, headline: line.headline ?? false, p: round3(p[k]), text: line.text.slice(0, 100) }))
    }
    if (group.clean) {
      const clean = pageProbabilities(group.clean.page, model).p
      cleanTally.lines += clean.length
      for (const value of clean) if (value > 0.5) cleanTally.flagged++
    }
  }
  console.error(`fold ${index + 1}/${FOLDS} done (${((Date.now() - cvStarted) / 1000).toFixed(0)} s)`)
}

if (dumpPath) writeFileSync(dumpPath, dump.map((entry) => JSON.stringify(entry)).join('\n') + '\n')
const cv = {
  method: `${FOLDS}-fold cross-validation grouped by page (a page and its pasted-text version never in both training and test folds); content class, threshold 0.5, headline lines skipped`,
  data: path.split('/').pop(),
  figures: Object.fromEntries(Object.entries(tally).map(([key, counts]) => [key, figures(counts)])),
  cleanText: { lines: cleanTally.lines, calledBoilerplate: cleanTally.flagged },
}
console.log(`cross-validated (${cv.method})`)
for (const [key, figure] of Object.entries(cv.figures)) console.log(formatFigures(key, figure))
console.log(`pasted-text versions (content lines only): ${cleanTally.flagged} of ${cleanTally.lines} lines called boilerplate`)

if (!CV_ONLY) {
  const model = trainModel(groups, 7)
  const json = {
    about: {
      what: 'Boilerplate line model of tq: two stages of gradient-boosted trees (see src/rules/boilerplate/model.ts). Written by scripts/train-boilerplate.mjs; do not edit.',
      data: 'Article Extraction Benchmark dev pages (scrapinghub/article-extraction-benchmark, MIT), as plain-text lines; plus each page\'s content lines alone as a pasted text',
      params: PARAMS,
      dropped: [...DROP],
      cv,
    },
    depth: PARAMS.depth,
    features: FEATURES,
    stackFeatures: STACK_FEATURES,
    stage1: model.stage1,
    stage2: model.stage2,
  }
  writeFileSync(OUT, JSON.stringify(json) + '\n')
  console.log(`wrote ${OUT.pathname} (${(JSON.stringify(json).length / 1024).toFixed(0)} KB)`)
}
