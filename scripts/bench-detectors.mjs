#!/usr/bin/env node
// What one detector costs `tq check`: the CPU time of analyze() with every rule on, against the
// same with that detector's rules off, in one warm process.
//
//   node scripts/bench-detectors.mjs                          the boilerplate classifier, 9 rounds
//   node scripts/bench-detectors.mjs --detector translation   any detector whose rule ids start with
//                                                             `translation/` (see --list)
//   node scripts/bench-detectors.mjs --rounds 11 --mb 2       more rounds, 2 MB of prose
//   node scripts/bench-detectors.mjs --input file.txt         your own text instead of both inputs
//   node scripts/bench-detectors.mjs --list                   the detectors and their rules
//
// Inputs (built from ../shared/corpus, like scripts/bench.mjs does):
// - prose: the first `--mb` MB (default 1) of the benchmark's English prose (human news of
//   mt-docs-dev, then the LM training text, paragraphs separated by blank lines), one document;
// - pages: the 90 scraped pages of boilerplate-dev.jsonl, each its own document (lines joined by
//   "\n"), the kind of input the boilerplate classifier exists for.
//
// Each round analyses the whole input once with all rules on and once with the detector off,
// back to back, alternating which goes first, after two warm-up rounds; times are process CPU
// time (user + system). The detector's cost is the median over the rounds of on − off (a pair
// measured together, so load that comes and goes on a shared machine mostly cancels); "adds" is
// that over the median time without it (issue 3's "at most 10% added"), "share" over the median
// time with it. On a busy machine a figure still moves by a few points between runs: compare runs
// made one after the other, with more rounds. Run `pnpm build` first (it imports the built analyzer).
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { analyze, detectors } from '../packages/analyzer/dist/index.js'
import { corpus, proseParagraphs, prosePieces } from './prose.mjs'

const { values } = parseArgs({
  options: {
    detector: { type: 'string', default: 'boilerplate' },
    rounds: { type: 'string', default: '9' },
    mb: { type: 'string', default: '1' },
    input: { type: 'string', multiple: true },
    list: { type: 'boolean', default: false },
  },
})

if (values.list) {
  for (const detector of detectors) console.log(detector.rules.map((rule) => rule.id).join(', '))
  process.exit(0)
}

const rounds = Math.max(1, Number(values.rounds))

/** The detector's rules: those of every detector with a rule `name` or `name/…`. */
const name = values.detector
const chosen = detectors.filter((detector) => detector.rules.some((rule) => rule.id === name || rule.id.startsWith(`${name}/`)))
if (chosen.length === 0) {
  console.error(`no detector has a rule named ${name} or ${name}/…; see --list`)
  process.exit(2)
}
const off = Object.fromEntries(chosen.flatMap((detector) => detector.rules.map((rule) => [rule.id, 'off'])))

/** The benchmark's prose (scripts/prose.mjs, as scripts/bench.mjs checks it), cut at `mb` MB. */
function prose(mb) {
  return [...prosePieces(proseParagraphs(), mb)].join('')
}

function pages() {
  return fs
    .readFileSync(path.join(corpus, 'boilerplate-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line).lines.map((l) => l.text).join('\n'))
}

const inputs = values.input
  ? values.input.map((file) => ({ name: path.basename(file), docs: [fs.readFileSync(file, 'utf8')] }))
  : [
      { name: `prose ${values.mb} MB`, docs: [prose(Number(values.mb))] },
      { name: 'pages (boilerplate-dev)', docs: pages() },
    ]

/** CPU milliseconds (user + system) of analysing every document of `docs` once. */
function cpuOf(docs, options) {
  const start = process.cpuUsage()
  let findings = 0
  for (const doc of docs) findings += analyze(doc, options).findings.length
  const used = process.cpuUsage(start)
  if (findings < 0) console.log(findings) // keeps the results alive
  return (used.user + used.system) / 1000
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

console.log(`detector ${name} (${Object.keys(off).length} rules off), median of ${rounds} rounds, node ${process.version}`)
for (const input of inputs) {
  const mb = input.docs.reduce((sum, doc) => sum + Buffer.byteLength(doc), 0) / 1e6
  for (let round = 0; round < 2; round++) {
    cpuOf(input.docs, {})
    cpuOf(input.docs, { rules: off })
  }
  const on = []
  const without = []
  for (let round = 0; round < rounds; round++) {
    // Alternate the order, so that neither side always runs just after a collection.
    if (round % 2 === 0) {
      on.push(cpuOf(input.docs, {}))
      without.push(cpuOf(input.docs, { rules: off }))
    } else {
      without.push(cpuOf(input.docs, { rules: off }))
      on.push(cpuOf(input.docs, {}))
    }
  }
  const a = median(on)
  const b = median(without)
  const cost = median(on.map((time, round) => time - without[round]))
  console.log(
    `${input.name.padEnd(26)} ${mb.toFixed(2).padStart(6)} MB in ${String(input.docs.length).padStart(3)} docs  ` +
      `all on ${a.toFixed(0).padStart(6)} ms (${(mb / (a / 1000)).toFixed(2)} MB/s)  ${name} off ${b.toFixed(0).padStart(6)} ms  ` +
      `${name} ${cost.toFixed(0)} ms: adds ${((100 * cost) / b).toFixed(1)}%, share ${((100 * cost) / a).toFixed(1)}%` +
      `  [on ${Math.min(...on).toFixed(0)}–${Math.max(...on).toFixed(0)}, off ${Math.min(...without).toFixed(0)}–${Math.max(...without).toFixed(0)}]`,
  )
}
