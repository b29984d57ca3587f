#!/usr/bin/env node
/**
 * Train tq's English word n-gram language model (interpolated modified Kneser–Ney, Chen & Goodman
 * 1998) and write it to packages/analyzer/data/lm-en.bin (format: packages/analyzer/src/lm/model.ts).
 *
 *   node scripts/train-lm.mjs [--order 4] [--min-count 2] [--cutoffs 1,1,2,2] [--out path]
 *                             [--measure brown]   (perplexity on a section that is NOT trained on)
 *                             [--calibrate brown] (quantiles of the improbable-wording score there)
 *   node scripts/train-lm.mjs --calibrate-only brown   (the same, on the model already written)
 *
 * Trains on the redistributable sections of ../shared/corpus/lm-train-en.txt ONLY, picked by the
 * line ranges in lm-train-en.manifest.json. Brown, WSJ, ABC and IE-ER are research-only: they may
 * be read with --measure to report a perplexity, never counted into the model.
 *
 * Tokenisation is the analyzer's own (dist/lm/tokenize.js): run `pnpm build` first.
 */
import fs from 'node:fs'
import { sentenceSpans, tokenize, Tokens, BOS, EOS, UNK } from '../packages/analyzer/dist/lm/tokenize.js'
import { SEED, extend } from '../packages/analyzer/dist/lm/hash.js'
import { MODEL_VERSION, ngramTable, readModel, scoreSentence, SentenceScores } from '../packages/analyzer/dist/lm/model.js'
import { vocabularyTables } from '../packages/analyzer/dist/lm/vocabulary.js'
import { PERMISSIVE, RESEARCH_ONLY } from './lm-sections.mjs'

const root = new URL('..', import.meta.url)
const corpus = new URL('../shared/corpus/', root)
const args = parseArgs(process.argv.slice(2))
const ORDER = Number(args.order ?? 4)
const MIN_COUNT = Number(args['min-count'] ?? 2)
// Raw-count cutoffs by order (1-based): n-grams seen fewer times are dropped after estimation.
const CUTOFFS = (args.cutoffs ?? '1,1,2,2').split(',').map(Number)
const OUT = args.out ? new URL(args.out, `file://${process.cwd()}/`) : new URL('packages/analyzer/data/lm-en.bin', root)


const manifest = JSON.parse(fs.readFileSync(new URL('lm-train-en.manifest.json', corpus), 'utf8'))
const allLines = fs.readFileSync(new URL('lm-train-en.txt', corpus), 'utf8').split('\n')

function sectionLines(name) {
  const section = manifest.sections.find((s) => s.section === name)
  if (!section) throw new Error(`no section ${name} in the manifest`)
  return allLines.slice(section.first_line - 1, section.last_line)
}

/** Sentences of `lines` as arrays of normalised tokens, cut and tokenised as the analyzer does. */
function sentencesOf(lines) {
  const out = []
  const tokens = new Tokens()
  for (const line of lines) {
    if (!line.trim()) continue
    for (const [start, end] of sentenceSpans(line)) {
      tokens.clear()
      tokenize(line.slice(start, end), tokens)
      if (tokens.length > 0) out.push(tokens.words.slice(0, tokens.length))
    }
  }
  return out
}

if (args['calibrate-only']) {
  await calibrate(args['calibrate-only'])
  process.exit(0)
}

let t0 = Date.now()
const log = (message) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${message}`)
const trained = manifest.sections.filter((s) => PERMISSIVE.has(s.section)).map((s) => s.section)
for (const s of manifest.sections) if (!PERMISSIVE.has(s.section) && !RESEARCH_ONLY.has(s.section)) throw new Error(`section ${s.section}: licence not classified`)
const sentences = trained.flatMap((name) => sentencesOf(sectionLines(name)))
log(`${sentences.length} sentences, ${sentences.reduce((n, s) => n + s.length, 0)} tokens from ${trained.join(', ')}`)

// ---------------------------------------------------------------------------------------------
// Vocabulary: words seen at least MIN_COUNT times; the rest train `<unk>`.
const wordCounts = new Map()
for (const sentence of sentences) for (const word of sentence) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1)
const kept = [...wordCounts].filter(([word, count]) => count >= MIN_COUNT && word !== UNK && word !== BOS && word !== EOS)
kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
const words = [UNK, BOS, EOS, ...kept.map(([word]) => word)]
const V = words.length
const idOf = new Map(words.map((word, id) => [word, id]))
const UNK_ID = 0
const BOS_ID = 1
log(`vocabulary ${V} words (count ≥ ${MIN_COUNT})`)

// ---------------------------------------------------------------------------------------------
// Counting. Order n entries get dense indices; an n-gram is keyed by (index of its first n−1
// words) × V + last word, so every key is an exact integer below 2⁵³ and no string is built.
// Order 1 indices are word ids.
class Column {
  constructor(Type) {
    this.Type = Type
    this.data = new Type(1024)
    this.length = 0
  }
  push(value) {
    if (this.length === this.data.length) {
      const next = new this.Type(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
}
const orders = [null]
orders[1] = { count: V, raw: new Float64Array(V), first: Int32Array.from({ length: V }, (_, i) => i) }
for (let n = 2; n <= ORDER; n++) orders[n] = { index: new Map(), prefix: new Column(Int32Array), suffix: new Column(Int32Array), first: new Column(Int32Array), raw: new Column(Float64Array) }

const previous = new Int32Array(ORDER + 1)
const current = new Int32Array(ORDER + 1)
for (const sentence of sentences) {
  const ids = [BOS_ID, ...sentence.map((word) => idOf.get(word) ?? UNK_ID), 2]
  for (let i = 0; i < ids.length; i++) {
    const w = ids[i]
    current[1] = w
    orders[1].raw[w]++
    for (let n = 2; n <= Math.min(ORDER, i + 1); n++) {
      const table = orders[n]
      const key = previous[n - 1] * V + w
      let index = table.index.get(key)
      if (index === undefined) {
        index = table.raw.length
        table.index.set(key, index)
        table.prefix.push(previous[n - 1])
        table.suffix.push(current[n - 1])
        table.first.push(n === 2 ? previous[1] : orders[n - 1].first.data[previous[n - 1]])
        table.raw.push(0)
      }
      table.raw.data[index]++
      current[n] = index
    }
    previous.set(current)
  }
}
for (let n = 2; n <= ORDER; n++) {
  const table = orders[n]
  table.count = table.raw.length
  table.raw = table.raw.data.subarray(0, table.count)
  table.prefix = table.prefix.data.subarray(0, table.count)
  table.suffix = table.suffix.data.subarray(0, table.count)
  table.first = table.first.data.subarray(0, table.count)
  table.index = null
}
log(`n-grams: ${orders.slice(1).map((o) => o.count).join(' / ')}`)

// ---------------------------------------------------------------------------------------------
// Kneser–Ney adjusted counts: the highest order keeps raw counts; a lower-order n-gram counts the
// distinct words seen before it (its continuation count), except one that starts with <s>, which
// nothing can precede, and keeps its raw count.
for (let n = 1; n <= ORDER; n++) orders[n].adjusted = n === ORDER ? Float64Array.from(orders[n].raw) : new Float64Array(orders[n].count)
for (let n = ORDER; n >= 2; n--) {
  const lower = orders[n - 1]
  const suffix = orders[n].suffix
  for (let i = 0; i < orders[n].count; i++) lower.adjusted[suffix[i]]++
}
for (let n = 1; n < ORDER; n++) {
  const { adjusted, raw, first, count } = orders[n]
  for (let i = 0; i < count; i++) if (first[i] === BOS_ID) adjusted[i] = raw[i]
}
orders[1].adjusted[BOS_ID] = 0

// Modified discounts D1, D2, D3+ per order, from counts of adjusted counts 1 … 4.
for (let n = 1; n <= ORDER; n++) {
  const t = [0, 0, 0, 0, 0]
  for (const a of orders[n].adjusted) if (a >= 1 && a <= 4) t[a]++
  const Y = t[1] / (t[1] + 2 * t[2])
  const D = [0, 1 - 2 * Y * (t[2] / t[1]), 2 - 3 * Y * (t[3] / t[2]), 3 - 4 * Y * (t[4] / t[3])]
  for (let k = 1; k <= 3; k++) if (!(D[k] > 0 && D[k] < k)) D[k] = Math.min(k - 0.1, Math.max(0.1, D[k] || 0.5))
  orders[n].D = D
  log(`order ${n}: discounts ${D.slice(1).map((d) => d.toFixed(3)).join(' ')}`)
}
const discount = (D, a) => (a >= 3 ? D[3] : D[a])

// Interpolated probabilities, lowest order first:
//   p(w | h) = (a(hw) − D(a(hw))) / Σ a(h·) + γ(h) · p(w | h′),  γ(h) = Σₖ Dₖ Nₖ(h·) / Σ a(h·)
{
  const o = orders[1]
  let sum = 0
  let mass = 0
  for (let w = 0; w < V; w++) {
    const a = o.adjusted[w]
    if (w === BOS_ID || a === 0) continue
    sum += a
    mass += discount(o.D, a)
  }
  o.prob = new Float64Array(V)
  for (let w = 0; w < V; w++) {
    const a = o.adjusted[w]
    o.prob[w] = w === BOS_ID ? 0 : Math.max(0, a - (a > 0 ? discount(o.D, a) : 0)) / sum + mass / sum / (V - 1)
  }
}
for (let n = 2; n <= ORDER; n++) {
  const o = orders[n]
  const lower = orders[n - 1]
  const sum = new Float64Array(lower.count)
  const mass = new Float64Array(lower.count)
  for (let i = 0; i < o.count; i++) {
    const a = o.adjusted[i]
    sum[o.prefix[i]] += a
    mass[o.prefix[i]] += discount(o.D, a)
  }
  // γ of each order-(n−1) context; contexts never followed by anything keep γ = 1 (log 0).
  lower.gamma = new Float64Array(lower.count).fill(1)
  for (let c = 0; c < lower.count; c++) if (sum[c] > 0) lower.gamma[c] = mass[c] / sum[c]
  o.prob = new Float64Array(o.count)
  for (let i = 0; i < o.count; i++) {
    const c = o.prefix[i]
    o.prob[i] = (o.adjusted[i] - discount(o.D, o.adjusted[i])) / sum[c] + lower.gamma[c] * lower.prob[o.suffix[i]]
  }
}
log('estimated')

// ---------------------------------------------------------------------------------------------
// Prune by raw count (cutoffs are monotone, so a kept n-gram's context and suffix are kept too),
// hash, quantise to 8 bits and write.
const cut = (n) => CUTOFFS[Math.min(n, CUTOFFS.length) - 1] ?? 1
for (let n = 2; n <= ORDER; n++) if (cut(n) < cut(n - 1)) throw new Error('cutoffs must not decrease with the order')
orders[1].hash = new Uint32Array(V)
for (let w = 0; w < V; w++) orders[1].hash[w] = extend(SEED, w)
for (let n = 2; n <= ORDER; n++) {
  const o = orders[n]
  o.hash = new Uint32Array(o.count)
  for (let i = 0; i < o.count; i++) o.hash[i] = extend(orders[n - 1].hash[o.suffix[i]], o.first[i])
}

/** A 256-entry codebook of `values` (equal-count bins, centroid = mean); code 0 is exactly `pin` when given. */
function codebook(values, pin) {
  const sorted = Float64Array.from(values).sort()
  const book = new Float32Array(256)
  const start = pin === undefined ? 0 : 1
  if (pin !== undefined) book[0] = pin
  const bins = 256 - start
  for (let b = 0; b < bins; b++) {
    const lo = Math.floor((b * sorted.length) / bins)
    const hi = Math.max(lo + 1, Math.floor(((b + 1) * sorted.length) / bins))
    let total = 0
    for (let i = lo; i < hi && i < sorted.length; i++) total += sorted[i]
    book[start + b] = sorted.length === 0 ? 0 : total / Math.max(1, Math.min(hi, sorted.length) - lo)
  }
  // Keep the book sorted (pinned value included) for the nearest-centroid search.
  const order = [...book.keys()].sort((x, y) => book[x] - book[y])
  return Float32Array.from(order.map((i) => book[i]))
}
function encode(book, value) {
  let lo = 0
  let hi = 255
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (book[mid] < value) lo = mid + 1
    else hi = mid
  }
  if (lo > 0 && Math.abs(book[lo - 1] - value) <= Math.abs(book[lo] - value)) lo--
  return lo
}

const parts = []
const push = (buffer) => {
  parts.push(buffer)
  const padding = (4 - (buffer.length % 4)) % 4
  if (padding) parts.push(Buffer.alloc(padding))
}
const f32 = (array) => Buffer.from(Float32Array.from(array).buffer)
const kept_counts = []
const books = []
// Every kept n-gram of every order as [key, probability code, backoff code, order].
const entries = []
let maxError = 0
for (let n = 2; n <= ORDER; n++) {
  const o = orders[n]
  const keep = []
  for (let i = 0; i < o.count; i++) if (o.raw[i] >= cut(n)) keep.push(i)
  keep.sort((x, y) => o.hash[x] - o.hash[y])
  // Two n-grams with one hash (rare): keep the first, drop the other.
  const unique = keep.filter((i, k) => k === 0 || o.hash[keep[k - 1]] !== o.hash[i])
  const logp = unique.map((i) => Math.log10(o.prob[i]))
  const bows = unique.map((i) => (n < ORDER ? Math.log10(o.gamma[i]) : 0))
  const probBook = codebook(logp)
  const bowBook = codebook(bows.filter((b) => b !== 0), 0)
  for (let k = 0; k < unique.length; k++) entries.push([o.hash[unique[k]], encode(probBook, logp[k]), encode(bowBook, bows[k]), n])
  for (let k = 0; k < logp.length; k += 97) maxError = Math.max(maxError, Math.abs(probBook[encode(probBook, logp[k])] - logp[k]))
  books.push(f32(probBook), f32(bowBook))
  kept_counts.push(unique.length)
  log(`order ${n}: kept ${unique.length} of ${o.count} (raw count ≥ ${cut(n)}), ${keep.length - unique.length} hash collisions dropped`)
}
// One sorted list of keys for all orders. Where two orders share a key (a hash collision across
// orders), the lower order's codes are kept: the model reads whichever entry has the key.
entries.sort((a, b) => a[0] - b[0] || a[3] - b[3])
const merged = entries.filter((entry, k) => k === 0 || entries[k - 1][0] !== entry[0])
log(`${merged.length} keys (${entries.length - merged.length} shared by two orders)`)
log(`largest quantisation error (sampled): ${maxError.toFixed(3)} log10`)
const uniLogp = Array.from(orders[1].prob, (p, w) => (w === BOS_ID ? -99 : Math.log10(p)))
const uniBow = Array.from(orders[1].gamma, (g) => Math.log10(g))
// Plain relative frequency of each word (add-one, `<s>` excluded): the unigram SLOR subtracts. The
// Kneser–Ney unigram above is a continuation distribution (how many contexts a word follows) and
// would make `francisco` look rare and `the the` look plausible.
const frequencyTotal = orders[1].raw.reduce((s, c, w) => s + (w === BOS_ID ? 0 : c), 0) + V
const uniFrequency = Array.from(orders[1].raw, (c, w) => (w === BOS_ID ? -99 : Math.log10((c + 1) / frequencyTotal)))

const vocabBuffer = Buffer.from(words.join('\n'), 'utf8')
const vocab = vocabularyTables(vocabBuffer)
const { table, bits } = ngramTable(
  Uint32Array.from(merged, (entry) => entry[0]),
  Uint8Array.from(merged, (entry) => entry[1]),
  Uint8Array.from(merged, (entry) => entry[2]),
)
log(`n-gram table: ${table.length} slots (${bits} home bits), load ${(merged.length / 2 ** bits).toFixed(2)}`)
const header = {
  order: ORDER,
  vocabSize: V,
  vocabBytes: vocabBuffer.length,
  vocabSlots: vocab.slots.length,
  vocabOther: vocab.other.length,
  counts: kept_counts,
  keys: merged.length,
  tableBits: bits,
  tableLength: table.length,
  sections: trained,
  license: 'CC BY-SA 3.0 (trained on public-domain US Government text, MASC 3.0, English Wikinews CC BY 2.5 "Wikinews contributors", and WikiText-2 CC BY-SA 3.0 "Wikipedia contributors")',
  built: { minCount: MIN_COUNT, cutoffs: CUTOFFS, tokens: sentences.reduce((n, s) => n + s.length + 1, 0) },
}
const headerBuffer = Buffer.from(JSON.stringify(header), 'utf8')
const intro = Buffer.alloc(12)
intro.write('TQLM', 0, 'latin1')
intro.writeUInt32LE(MODEL_VERSION, 4)
intro.writeUInt32LE(headerBuffer.length, 8)
const bytesOf = (array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength)
parts.push(intro)
push(headerBuffer)
push(vocabBuffer)
push(bytesOf(vocab.starts))
push(bytesOf(vocab.slots))
push(bytesOf(vocab.other))
push(f32(uniLogp))
push(f32(uniBow))
push(f32(uniFrequency))
for (const buffer of books) push(buffer)
push(bytesOf(table))
const raw = Buffer.concat(parts)
fs.mkdirSync(new URL('.', OUT), { recursive: true })
fs.writeFileSync(OUT, raw)
log(`wrote ${OUT.pathname}: ${(raw.length / 1e6).toFixed(2)} MB`)

// ---------------------------------------------------------------------------------------------
// Perplexity of the written model (read back with the analyzer's own loader) on sections it was
// not trained on: research-only text is fine for measuring.
if (args.measure) {
  t0 = Date.now()
  const model = readModel(fs.readFileSync(OUT))
  const scores = new SentenceScores()
  const tokens = new Tokens()
  for (const name of args.measure.split(',')) {
    let total = 0
    let count = 0
    let oov = 0
    for (const sentence of sentencesOf(sectionLines(name).slice(0, 20000))) {
      tokens.clear()
      for (const word of sentence) tokens.push(word, 0, 0, 0)
      scoreSentence(model, tokens, scores)
      for (let k = 0; k < scores.length; k++) {
        total += scores.logp[k]
        count++
        if (scores.ids[k] === model.unk) oov++
      }
    }
    log(`perplexity on ${name} (first 20,000 lines, not trained on): ${Math.pow(10, -total / count).toFixed(1)}, OOV ${((100 * oov) / count).toFixed(1)}%`)
  }
}

// ---------------------------------------------------------------------------------------------
// Calibration of translation/improbable-wording: the distribution of the lowest window pmi sum
// over sentences of human English the model was not trained on (research-only text may be read
// to measure). Prints the quantiles the rule's thresholds are read from.
if (args.calibrate) await calibrate(args.calibrate)

async function calibrate(sections) {
  const { sentenceFluency } = await import('../packages/analyzer/dist/lm/fluency.js')
  const model = readModel(fs.readFileSync(OUT))
  for (const name of sections.split(',')) {
    const values = []
    let words = 0
    for (const line of sectionLines(name)) {
      if (!line.trim()) continue
      for (const [start, end] of sentenceSpans(line)) {
        const fluency = sentenceFluency(model, line.slice(start, end))
        words += fluency.words
        if (fluency.words >= 6) values.push(fluency.minWindow)
      }
    }
    values.sort((a, b) => a - b)
    const at = (share) => values[Math.floor(share * values.length)].toFixed(2)
    console.log(`${name}: ${values.length} sentences of 6+ words, ${words} words; lowest window pmi sum at 1/3000 ${at(1 / 3000)}, 1/1000 ${at(0.001)}, 1/400 ${at(1 / 400)}, 1/200 ${at(1 / 200)}, 1/100 ${at(0.01)}, 1/70 ${at(1 / 70)}, 1/30 ${at(1 / 30)}, median ${at(0.5)}`)
  }
}

function parseArgs(list) {
  const out = {}
  for (let i = 0; i < list.length; i++) if (list[i].startsWith('--')) out[list[i].slice(2)] = list[i + 1]?.startsWith('--') ? 'true' : list[++i]
  return out
}
