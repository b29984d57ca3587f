#!/usr/bin/env node
// Does a change alter what tq reports? Runs analyze() over a fixed sample of real text (the
// seeds, 150 documents of mt-docs-dev, 30 pages of boilerplate-dev, 300 segments of
// mt-segments-dev) and analyzeSource() over Markdown (fixtures/markup, fixtures/docs, and one in
// five of the READMEs of the packages under node_modules, which the lockfile fixes), and writes
// or compares a snapshot of every finding and line value.
//
//   node scripts/snapshot.mjs write  FILE      record the current output
//   node scripts/snapshot.mjs compare FILE [--ignore boilerplate]
//                                              print the differences, per category; exit 1 if any
//
// A speed-up must leave the snapshot unchanged; a model change shows here what it moved.
// Run `pnpm build` first (it imports the built analyzer).
import fs from 'node:fs'
import path from 'node:path'
import { analyze, analyzeSource } from '@tq/analyzer'
import { readmes } from './readmes.mjs'

const [mode, file, ...rest] = process.argv.slice(2)
if ((mode !== 'write' && mode !== 'compare') || !file) {
  console.error('usage: node scripts/snapshot.mjs write|compare FILE [--ignore category,...]')
  process.exit(2)
}
const ignored = new Set(rest[0] === '--ignore' ? (rest[1] ?? '').split(',') : [])

const root = new URL('..', import.meta.url).pathname
const corpus = path.join(root, '../shared/corpus')

function* samples() {
  const seeds = path.join(root, 'fixtures/seeds')
  for (const name of fs.readdirSync(seeds).sort()) if (name.endsWith('.txt')) yield [`seed:${name}`, fs.readFileSync(path.join(seeds, name), 'utf8')]
  const jsonl = (name) => fs.readFileSync(path.join(corpus, name), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
  const docs = jsonl('mt-docs-dev.jsonl')
  for (let i = 0; i < docs.length && i < 1500; i += 10) yield [`doc:${i}`, docs[i].text]
  const pages = jsonl('boilerplate-dev.jsonl')
  for (let i = 0; i < pages.length; i += 3) yield [`page:${i}`, pages[i].lines.map((line) => line.text).join('\n')]
  const segments = jsonl('mt-segments-dev.jsonl')
  for (let i = 0; i < segments.length && i < 3000; i += 10) yield [`segment:${i}`, segments[i].text ?? segments[i].translation ?? '']
  for (const dir of ['fixtures/markup', 'fixtures/docs']) {
    for (const name of fs.readdirSync(path.join(root, dir)).sort()) if (name.endsWith('.md')) yield [`markdown:${dir}/${name}`, fs.readFileSync(path.join(root, dir, name), 'utf8')]
  }
  const packages = readmes()
  for (let i = 0; i < packages.length; i += 5) yield [`markdown:readme:${packages[i][0]}`, fs.readFileSync(packages[i][1], 'utf8')]
}

const round = (value) => Math.round(value * 1e6) / 1e6
const snapshot = {}
for (const [key, text] of samples()) {
  const analysis = key.startsWith('markdown:') ? analyzeSource(text, { syntax: 'markdown' }) : analyze(text)
  snapshot[key] = {
    language: analysis.language,
    findings: analysis.findings.map((f) => `${f.category} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId} ${f.message}${f.expected ? ' → ' + f.expected.join('|') : ''}`),
    lines: analysis.lines.map((l) => `${l.line} ${l.kind} b=${round(l.boilerplate)} t=${round(l.translation)}`),
    stats: analysis.stats,
  }
}

if (mode === 'write') {
  fs.writeFileSync(file, JSON.stringify(snapshot))
  console.log(`wrote ${Object.keys(snapshot).length} samples to ${file}`)
  process.exit(0)
}

const before = JSON.parse(fs.readFileSync(file, 'utf8'))
const counts = {}
const notes = []
const note = (what, key, detail) => {
  counts[what] = (counts[what] ?? 0) + 1
  notes.push({ what, text: `${key} ${what}: ${detail}` })
}
for (const key of Object.keys(before)) {
  const a = before[key]
  const b = snapshot[key]
  if (!b) {
    note('missing', key, 'sample not produced')
    continue
  }
  if (a.language !== b.language) note('language', key, `${a.language} → ${b.language}`)
  const keep = (finding) => !ignored.has(finding.split(' ')[0])
  const fa = new Set(a.findings.filter(keep))
  const fb = new Set(b.findings.filter(keep))
  for (const f of fa) if (!fb.has(f)) note(`lost ${f.split(' ')[0]}`, key, f)
  for (const f of fb) if (!fa.has(f)) note(`new ${f.split(' ')[0]}`, key, f)
  const strip = (line) => (ignored.has('boilerplate') ? line.replace(/ (content|boilerplate) b=\S+/, '') : line)
  const la = a.lines.map(strip)
  const lb = b.lines.map(strip)
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) note('line value', key, `${la[i]} → ${lb[i]}`)
  if (!ignored.has('boilerplate') && JSON.stringify(a.stats) !== JSON.stringify(b.stats)) note('stats', key, `${JSON.stringify(a.stats)} → ${JSON.stringify(b.stats)}`)
}
// Findings first (what a user sees), then stats, then line values, which a model change moves by
// the thousand: 60 of each kind at most.
const order = (what) => (what === 'line value' ? 2 : what === 'stats' ? 1 : 0)
const shownOf = {}
for (const { what, text } of notes.sort((x, y) => order(x.what) - order(y.what))) {
  shownOf[what] = (shownOf[what] ?? 0) + 1
  if (shownOf[what] <= 60) console.log(text)
}
const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
console.log(total === 0 ? `identical on ${Object.keys(before).length} samples` : `differences: ${JSON.stringify(counts)}`)
process.exit(total === 0 ? 0 : 1)
