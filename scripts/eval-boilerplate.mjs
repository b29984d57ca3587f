#!/usr/bin/env node
/**
 * Line-level evaluation of tq's boilerplate classifier on labelled pages.
 *
 *   node scripts/eval-boilerplate.mjs [pages.jsonl] [--pages]
 *
 * Input: one page a line, {"id", "url", "lines": [{"text", "label": "content"|"boilerplate",
 * "headline"?: true}]} (default /work/shared/corpus/boilerplate-dev.jsonl). Each page's lines are
 * joined by "\n" and run through the built analyzer (build it first: `pnpm -F @tq/analyzer build`).
 * Headlines are skipped in the scoring (the benchmark's ground truth leaves them out; tq treats
 * them as content). Prints precision / recall / F1 of the content and the boilerplate class,
 * counted by line and weighted by words, overall and for English and non-English pages apart,
 * and the "fewer than 10 words or no final punctuation" baseline on the same lines. `--pages`
 * adds one line per page.
 *
 * The shipped model was trained on these very pages, so the figures above are in-sample. The
 * honest figures are the cross-validated ones (grouped by page) that scripts/train-boilerplate.mjs
 * computed and stored in data/boilerplate-model.json (`about.cv`); this script prints them last,
 * overall, English, non-English and per non-English language, with the pasted-text and 30%-junk
 * figures (see the training script). Re-run the training to refresh them.
 */
import { existsSync, readFileSync } from 'node:fs'
import { analyze, countWords } from '../packages/analyzer/dist/index.js'

const args = process.argv.slice(2)
const path = args.find((arg) => !arg.startsWith('--')) ?? '/work/shared/corpus/boilerplate-dev.jsonl'
const perPage = args.includes('--pages')

const pages = readFileSync(path, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line))

/** Counts for one class: true positives, false positives, false negatives, by line and by word. */
function counter() {
  return { tp: 0, fp: 0, fn: 0, wtp: 0, wfp: 0, wfn: 0 }
}

function add(counts, label, predicted, cls, words) {
  if (predicted === cls && label === cls) {
    counts.tp++
    counts.wtp += words
  } else if (predicted === cls) {
    counts.fp++
    counts.wfp += words
  } else if (label === cls) {
    counts.fn++
    counts.wfn += words
  }
}

function prf(tp, fp, fn) {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp)
  const r = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r)
  return { p, r, f }
}

function format(name, counts) {
  const line = prf(counts.tp, counts.fp, counts.fn)
  const word = prf(counts.wtp, counts.wfp, counts.wfn)
  const n = (x) => x.toFixed(3)
  return `${name.padEnd(34)} line P ${n(line.p)} R ${n(line.r)} F1 ${n(line.f)}   word P ${n(word.p)} R ${n(word.r)} F1 ${n(word.f)}`
}

/** The baseline from the corpus README. */
const TERMINAL = /[.!?…"'”’»)\]]\s*$/u
function baseline(text) {
  return countWords(text) < 10 || !TERMINAL.test(text.trim()) ? 'boilerplate' : 'content'
}

const groups = { all: {}, en: {}, other: {} }
for (const group of Object.values(groups)) {
  for (const key of ['tq content', 'tq boilerplate', 'baseline content']) group[key] = counter()
}

const started = Date.now()
for (const page of pages) {
  const text = page.lines.map((line) => line.text).join('\n')
  const analysis = analyze(text)
  const kinds = new Map(analysis.lines.map((line) => [line.line, line.kind]))
  const english = analysis.language === 'en'
  const pageCounts = counter()
  for (let index = 0; index < page.lines.length; index++) {
    const line = page.lines[index]
    if (line.headline || line.text.trim() === '') continue
    const predicted = kinds.get(index + 1) ?? 'content'
    const words = countWords(line.text)
    for (const group of [groups.all, english ? groups.en : groups.other]) {
      add(group['tq content'], line.label, predicted, 'content', words)
      add(group['tq boilerplate'], line.label, predicted, 'boilerplate', words)
      add(group['baseline content'], line.label, baseline(line.text), 'content', words)
    }
    add(pageCounts, line.label, predicted, 'content', words)
  }
  if (perPage) {
    console.log(format(`${analysis.language} ${page.id.slice(0, 8)} ${new URL(page.url).hostname}`.slice(0, 34), pageCounts))
  }
}

const languages = { en: 0, other: 0 }
for (const page of pages) languages[analyze(page.lines.map((l) => l.text).join('\n')).language === 'en' ? 'en' : 'other']++
console.log(`${pages.length} pages (${languages.en} English, ${languages.other} other) from ${path}, ${((Date.now() - started) / 1000).toFixed(1)} s`)
for (const [name, group] of Object.entries(groups)) {
  console.log(`\n== ${name === 'all' ? 'all pages' : name === 'en' ? 'English pages' : 'non-English pages'}`)
  for (const [key, counts] of Object.entries(group)) console.log(format(key, counts))
}

const modelPath = new URL('../packages/analyzer/data/boilerplate-model.json', import.meta.url)
if (existsSync(modelPath)) {
  const { cv } = JSON.parse(readFileSync(modelPath, 'utf8')).about ?? {}
  if (cv) {
    console.log(`\n== cross-validated (from data/boilerplate-model.json; ${cv.method}; data ${cv.data})`)
    const n = (x) => x.toFixed(3)
    for (const [group, f] of Object.entries(cv.figures)) {
      console.log(`${group.padEnd(10)} ${String(f.pages).padStart(3)} pages  content line P ${n(f.line.p)} R ${n(f.line.r)} F1 ${n(f.line.f1)}   word P ${n(f.word.p)} R ${n(f.word.r)} F1 ${n(f.word.f1)}`)
    }
    if (cv.cleanText) console.log(`pasted-text versions (content lines only): ${cv.cleanText.calledBoilerplate} of ${cv.cleanText.lines} lines called boilerplate`)
    if (cv.spliced) {
      const t = cv.spliced
      const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`
      console.log(
        `30% junk spliced into ${t.docs} human news texts of mt-docs-dev (junk from the held-out pages): ${pct(t.junkFlagged, t.junk)} of ${t.junk} junk lines caught, ` +
          `${pct(t.keptFlagged, t.kept)} of ${t.kept} kept lines called junk; unspliced, ${t.originalFlagged} of ${t.original} lines called junk` +
          (t.repeated ? `, repeated ten times ${t.repeatedFlagged} of ${t.repeated}` : ''),
      )
    }
  }
}
