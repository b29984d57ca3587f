#!/usr/bin/env node
/**
 * The translation score on technical English: human documentation against its machine round trips.
 *
 *   node scripts/eval-technical.mjs          (run `pnpm build` first; about a minute, most of it Apertium)
 *
 * ../shared/corpus has no documentation: its human English is news, speeches and encyclopaedia
 * text, and so is what the language model learned. This script builds a technical set from what
 * a checkout already holds: the README of every npm package under node_modules/.pnpm (one per
 * package; human-written, mostly by native speakers; read here, never shipped or trained on).
 *
 * - Human: each README's prose paragraphs (Markdown paragraphs and list items, outside code,
 *   tables, HTML and headings, inline code kept in backticks), one a line, from 150 words up.
 * - Round trips: the same text through Apertium, English → Spanish → English and English →
 *   Esperanto → English, as ../shared/corpus/mt-docs-dev.jsonl's were made (`apertium -u`, unknown
 *   words unmarked). Needs Debian's `apertium`, `apertium-en-es` and `apertium-eo-en`; without
 *   them only the human figures are printed. Kept in $TMPDIR/tq-technical/ between runs.
 *
 * Figures, on each half of a split by package name (a fixed hash): share of the human texts whose
 * translation score reaches 70 (the default bar), share of the round trips below it, ROC AUC and
 * how often a human text scores above its own round trip; then a sweep of the technical offset
 * (packages/analyzer/src/lines.ts) on half A, which chose it, to read on half B. Last, the READMEs
 * read whole as Markdown, as `tq check README.md` reads them (those of 150 content words or more,
 * then all), and as plain text (`--syntax text`): how many pass on translation, on boilerplate (the
 * classifier's technical mode, packages/analyzer/src/rules/boilerplate/classifier.ts) and overall.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { analyze, analyzeSource } from '../packages/analyzer/dist/index.js'
import { plainTextCodeDensity, technicalWeight } from '../packages/analyzer/dist/register.js'
import { countWords } from '../packages/analyzer/dist/document.js'
import { score } from '../packages/scoring/dist/index.js'
import { fnv1a as hash } from './random.mjs'
import { readmes } from './readmes.mjs'
import { auc } from './auc.mjs'

const cache = path.join(os.tmpdir(), 'tq-technical')
fs.mkdirSync(cache, { recursive: true })
const pct = (x) => `${(100 * x).toFixed(1)}%`
/** The offset lines.ts ships (log-odds off a line's model value in wholly technical text). */
const SHIPPED_OFFSET = 0.6
const BAR = 70

/** Text of an inline node, inline code kept in backticks, images and HTML dropped. */
function inlineText(node) {
  if (node.type === 'text') return node.value
  if (node.type === 'inlineCode') return `\`${node.value}\``
  if (node.type === 'break') return ' '
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return ''
  return (node.children ?? []).map(inlineText).join('')
}

/** The prose paragraphs of a Markdown file, one a line. */
function prose(markdown) {
  const paragraphs = []
  const walk = (node) => {
    if (['code', 'table', 'html', 'heading', 'definition'].includes(node.type)) return
    if (node.type === 'paragraph') {
      const text = inlineText(node).replace(/\s+/g, ' ').trim()
      if (text.split(' ').length >= 6 && /[a-z]/.test(text)) paragraphs.push(text)
      return
    }
    for (const child of node.children ?? []) walk(child)
  }
  walk(fromMarkdown(markdown))
  return paragraphs.join('\n')
}

/** The texts through Apertium (`forward` then `back`), or undefined when Apertium is missing. */
function roundTrip(texts, forward, back, name) {
  const file = path.join(cache, `${name}.json`)
  const key = hash(texts.join('\u0000'))
  if (fs.existsSync(file)) {
    const cached = JSON.parse(fs.readFileSync(file, 'utf8'))
    if (cached.key === key) return cached.texts
  }
  // One call for all texts, separated by a number Apertium passes through unchanged.
  const separator = '987654321'
  // Through files: Apertium reads /dev/stdin, which a Node child's stdin (a socket) cannot be opened as.
  const run = (input, mode) => {
    const from = path.join(cache, 'in.txt')
    const to = path.join(cache, 'out.txt')
    fs.writeFileSync(from, input)
    const result = spawnSync('apertium', ['-u', mode, from, to], { encoding: 'utf8' })
    return result.error || result.status !== 0 || !fs.existsSync(to) ? undefined : fs.readFileSync(to, 'utf8')
  }
  const there = run(texts.join(`\n\n. ${separator} .\n\n`), forward)
  if (there === undefined) return undefined
  const again = run(there, back)
  if (again === undefined) return undefined
  const out = again.split(separator).map((part) => part.trim().replace(/^\.\s*/, '').replace(/\s*\.$/, '').trim())
  if (out.length !== texts.length) throw new Error(`apertium ${forward}/${back}: ${out.length} texts back for ${texts.length}`)
  fs.writeFileSync(file, JSON.stringify({ key, texts: out }))
  return out
}

const percentiles = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return [0.05, 0.25, 0.5, 0.75, 0.95].map((p) => sorted[Math.round(p * (sorted.length - 1))]).join(' / ')
}

// ---------------------------------------------------------------------------------------------
const started = Date.now()
const docs = []
const markdown = []
for (const [name, file] of readmes()) {
  const source = fs.readFileSync(file, 'utf8')
  let text
  try {
    text = prose(source)
  } catch {
    continue
  }
  markdown.push({ name, source })
  if (countWords(text) < 150) continue
  docs.push({ name, text, half: hash(name) % 2 === 0 ? 'A' : 'B' })
}
const human = docs.map((d) => ({ ...d, analysis: analyze(d.text, { lang: 'en' }) })).filter((d) => d.analysis.language === 'en')
console.log(`# Technical English: ${human.length} READMEs of node_modules (${human.reduce((n, d) => n + d.analysis.stats.words, 0)} words of prose)`)

const pivots = {}
for (const [pivot, forward, back] of [
  ['es', 'eng-spa', 'spa-eng'],
  ['eo', 'en-eo', 'eo-en'],
]) {
  const texts = roundTrip(
    human.map((d) => d.text),
    forward,
    back,
    `trip-${pivot}`,
  )
  if (texts) pivots[pivot] = texts.map((text, index) => ({ ...human[index], text, analysis: analyze(text, { lang: 'en' }) }))
}
if (Object.keys(pivots).length === 0) console.log('(no Apertium: `apt-get install apertium apertium-en-es apertium-eo-en` for the round trips)')

/**
 * The translation score of an analysis as if lines.ts shipped `offset` instead: each line value's
 * log-odds moved by the difference, times the text's technical weight.
 */
function scoreWith(d, offset) {
  // The weight analyze() gives the text (register.ts).
  const weight = technicalWeight(plainTextCodeDensity(d.text))
  const shift = (offset - SHIPPED_OFFSET) * weight
  if (shift === 0) return score(d.analysis).scores.translation
  const move = (v) => (v <= 0 || v >= 1 ? v : 1 / (1 + Math.exp(-(Math.log(v / (1 - v)) - shift))))
  return score({ ...d.analysis, lines: d.analysis.lines.map((line) => ({ ...line, translation: move(line.translation) })) }).scores.translation
}

/** translation/improbable-wording findings of warning level or above per 1,000 content words. */
function wordingAlarms(list) {
  let words = 0
  let alarms = 0
  for (const d of list) {
    words += d.analysis.stats.contentWords
    for (const finding of d.analysis.findings) if (finding.ruleId === 'translation/improbable-wording' && finding.severity !== 'info') alarms++
  }
  return ((1000 * alarms) / Math.max(1, words)).toFixed(2)
}

/**
 * The figures of translation scores `h` of the human texts against those of their round trips
 * `trips[pivot]` (same order): human pass share, each pivot's fail share, AUC and how often a human
 * text scores above its own round trip; and the balance (mean of human pass and round-trip fail).
 */
function figuresOf(h, trips) {
  const parts = [`human pass ${pct(h.filter((s) => s >= BAR).length / h.length)} (median ${percentiles(h).split(' / ')[2]})`]
  let balance = h.filter((s) => s >= BAR).length / h.length / 2
  for (const [pivot, t] of Object.entries(trips)) {
    const above = h.filter((s, i) => s > t[i]).length / h.length
    const fail = t.filter((s) => s < BAR).length / t.length
    balance += fail / 2 / Object.keys(trips).length
    parts.push(`${pivot}: fail ${pct(fail)}, AUC ${auc(h, t).toFixed(3)}, human above its trip ${pct(above)}`)
  }
  return { text: parts.join('; '), balance }
}

/** `figuresOf` on one half of the split (or all), with the line values moved to `offset`. */
function figures(half, offset) {
  const inHalf = (list) => list.filter((d) => half === 'all' || d.half === half)
  const trips = Object.fromEntries(Object.entries(pivots).map(([pivot, list]) => [pivot, inHalf(list).map((d) => scoreWith(d, offset))]))
  return figuresOf(inHalf(human).map((d) => scoreWith(d, offset)), trips)
}

console.log(`\n# Default bar (translation ≥ ${BAR}), shipped offset ${SHIPPED_OFFSET}`)
for (const half of ['all', 'A', 'B']) console.log(`${half === 'all' ? 'all' : `half ${half}`}: ${figures(half, SHIPPED_OFFSET).text}`)
console.log(`translation percentiles (5/25/50/75/95): human ${percentiles(human.map((d) => scoreWith(d, SHIPPED_OFFSET)))}`)
console.log(`without the offset (0): ${figures('all', 0).text}`)
console.log(
  `translation/improbable-wording warnings and errors per 1,000 words: human ${wordingAlarms(human)}` +
    Object.entries(pivots).map(([pivot, list]) => `, ${pivot} round trips ${wordingAlarms(list)}`).join(''),
)

if (Object.keys(pivots).length > 0) {
  console.log('\n# The offset, swept on half A (balance = mean of human pass and round-trip fail shares)')
  let best = { offset: 0, balance: -1 }
  for (let offset = 0; offset <= 2.001; offset += 0.1) {
    const { text, balance } = figures('A', offset)
    if (balance > best.balance + 1e-9) best = { offset, balance }
    console.log(`  ${offset.toFixed(1)}  balance ${pct(balance)}  ${text}`)
  }
  console.log(`best on half A: ${best.offset.toFixed(1)}; on half B: ${figures('B', best.offset).text}`)
}

if (Object.keys(pivots).length > 0) {
  // The same texts as a README's Markdown: each line a paragraph, inline code (kept in backquotes
  // by the prose extraction and by Apertium) read as a stand-in, as `tq check README.md` reads it.
  console.log('\n# The same prose and round trips read as Markdown (inline code a stand-in), shipped offset')
  const asSource = (d) => score(analyzeSource(d.text.split('\n').join('\n\n'), { syntax: 'markdown', lang: 'en' })).scores.translation
  const trips = Object.fromEntries(Object.entries(pivots).map(([pivot, list]) => [pivot, list.map(asSource)]))
  console.log(`all: ${figuresOf(human.map(asSource), trips).text}`)
}

console.log('\n# The READMEs read whole (`tq check README.md`), English')
const asMarkdown = []
const asText = []
let markdownWords = 0
let literalFrames = 0
for (const { source } of markdown) {
  const analysis = analyzeSource(source, { syntax: 'markdown' })
  if (analysis.language !== 'en') continue
  asMarkdown.push({ scores: score(analysis).scores, long: analysis.stats.contentWords >= 150 })
  markdownWords += analysis.stats.words
  literalFrames += analysis.findings.filter((finding) => finding.ruleId === 'translation/literal-frame').length
  const plain = analyze(source)
  if (plain.language === 'en') asText.push({ scores: score(plain).scores })
}
const summary = (list) => {
  const share = (test) => pct(list.filter((entry) => test(entry.scores)).length / list.length)
  return `translation ≥ ${BAR} ${share((s) => s.translation >= BAR)}, boilerplate ≥ ${BAR} ${share((s) => s.boilerplate >= BAR)}, pass (overall ≥ ${BAR}) ${share((s) => s.overall >= BAR)}`
}
const long = asMarkdown.filter((entry) => entry.long)
console.log(`as Markdown, 150 content words or more (${long.length}): ${summary(long)}`)
console.log(`  percentiles (5/25/50/75/95): translation ${percentiles(long.map((e) => e.scores.translation))}; boilerplate ${percentiles(long.map((e) => e.scores.boilerplate))}`)
console.log(`as Markdown, all (${asMarkdown.length}): ${summary(asMarkdown)}`)
console.log(`  translation/literal-frame: ${literalFrames} findings, ${((1000 * literalFrames) / markdownWords).toFixed(2)} per 1,000 words`)
console.log(`as plain text, all (${asText.length}; Markdown syntax read as prose): ${summary(asText)}`)
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`)
