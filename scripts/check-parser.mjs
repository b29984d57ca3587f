#!/usr/bin/env node
// Is tq's fast nlcst parser (packages/analyzer/src/nlcst/, a port of parse-english / parse-latin 7)
// still exactly the reference? Parses real paragraphs from /work/shared/corpus with both, the way
// analyze() does (segment, then parseParagraph: document positions), deep-compares the trees for
// parse-english and for parse-latin, prints the differing paragraphs and the speed of both.
// Whole documents (blank lines and all) are also compared as roots, to cover paragraph splitting.
//
//   node scripts/check-parser.mjs          a sample: every document, every 4th line of lm-train-en
//   node scripts/check-parser.mjs --full   every line of lm-train-en too (~27 MB more; slow)
//   node scripts/check-parser.mjs --no-speed   compare only
//   node scripts/check-parser.mjs --no-compare speed only
//
// Exit code 1 when any tree differs. Run `pnpm build` first (it imports the built analyzer).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { segment } from '../packages/analyzer/dist/document.js'
import { parseCounts, parseParagraph, parseParagraphReference, referenceProcessor } from '../packages/analyzer/dist/parse.js'
import { parseNlcst } from '../packages/analyzer/dist/nlcst/index.js'
import { firstDifference } from '../packages/analyzer/dist/nlcst/compare.js'

const full = process.argv.includes('--full')
// `--time fast|reference english|latin`: time one parser (the speed section runs one process each).
const timeAt = process.argv.indexOf('--time')
const timing = timeAt === -1 ? undefined : process.argv.slice(timeAt + 1, timeAt + 3)
const speed = !timing && !process.argv.includes('--no-speed')
const compare = !timing && !process.argv.includes('--no-compare')
const root = new URL('..', import.meta.url).pathname
const corpus = path.join(root, '../shared/corpus')
const jsonl = (name) =>
  fs
    .readFileSync(path.join(corpus, name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))

/** Documents as [source, text]: each is segmented into tq paragraphs. */
function documents() {
  const out = []
  for (const doc of jsonl('mt-docs-dev.jsonl')) out.push([`mt-docs:${doc.id}`, doc.text])
  for (const page of jsonl('boilerplate-dev.jsonl')) out.push([`boilerplate:${page.id}`, page.lines.map((line) => line.text).join('\n')])
  for (const segment of jsonl('mt-segments-dev.jsonl')) out.push([`mt-segments:${segment.id}`, segment.text ?? ''])
  const lines = fs.readFileSync(path.join(corpus, 'lm-train-en.txt'), 'utf8').split('\n')
  const step = full ? 1 : 4
  for (let from = 0; from < lines.length; from += 200) {
    const chunk = []
    for (let index = from; index < Math.min(lines.length, from + 200); index += step) chunk.push(lines[index])
    out.push([`lm-train-en:${from + 1}`, chunk.join('\n')])
  }
  // Non-English strings: the German locale fixture.
  const strings = []
  const walk = (value) => (typeof value === 'string' ? strings.push(value) : Object.values(value).forEach(walk))
  walk(JSON.parse(fs.readFileSync(path.join(root, 'fixtures/locales/de.json'), 'utf8')))
  out.push(['fixtures:de.json', strings.join('\n')])
  return out
}

const docs = documents()
const paragraphs = []
for (const [source, text] of docs) for (const paragraph of segment(text).paragraphs) paragraphs.push([source, paragraph])
const bytes = paragraphs.reduce((sum, [, paragraph]) => sum + Buffer.byteLength(paragraph.text), 0)
if (!timing) console.log(`${docs.length} documents, ${paragraphs.length} paragraphs, ${(bytes / 1e6).toFixed(1)} MB`)

const shown = []
const show = (what, source, text, difference) => {
  if (shown.length < 8) shown.push(`  ${what} ${source}: ${JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text)}\n    ${difference}`)
}

let failed = false
for (const flavor of compare ? ['english', 'latin'] : []) {
  const processor = referenceProcessor(flavor)
  let differing = 0
  for (const [source, paragraph] of paragraphs) {
    const difference = firstDifference(parseParagraph(processor, paragraph), parseParagraphReference(processor, paragraph))
    if (difference) {
      differing++
      show(`paragraph (${flavor})`, source, paragraph.text, difference)
    }
  }
  let roots = 0
  let differingRoots = 0
  for (const [source, text] of docs) {
    if (text.length > 200_000) continue
    roots++
    const difference = firstDifference(parseNlcst(text, flavor), processor.parse(text))
    if (difference) {
      differingRoots++
      show(`document (${flavor})`, source, text, difference)
    }
  }
  if (differing > 0 || differingRoots > 0) failed = true
  console.log(`parse-${flavor}: ${differing} of ${paragraphs.length} paragraphs differ; ${differingRoots} of ${roots} whole documents differ`)
}
if (compare) console.log(`fallbacks to the reference parser: ${parseCounts.fallback} (fast: ${parseCounts.fast})`)
if (shown.length > 0) console.log(`first differences:\n${shown.join('\n')}`)

// Speed: the same paragraphs, each parser in a process of its own (so neither pays for the
// other's garbage), best of three runs after a warm-up. CPU time is printed too: on a busy machine
// it is the steadier figure.
function time(name, flavor) {
  const processor = referenceProcessor(flavor)
  const parse =
    name === 'fast' ? (paragraph) => parseParagraph(processor, paragraph) : (paragraph) => parseParagraphReference(processor, paragraph)
  let best = { wall: Infinity, cpu: Infinity }
  for (let round = 0; round < 4; round++) {
    const cpu = process.cpuUsage()
    const started = process.hrtime.bigint()
    for (const [, paragraph] of paragraphs) parse(paragraph)
    const used = process.cpuUsage(cpu)
    const wall = Number(process.hrtime.bigint() - started) / 1e9
    // The first round warms up (lazy tables, JIT).
    if (round > 0) best = { wall: Math.min(best.wall, wall), cpu: Math.min(best.cpu, (used.user + used.system) / 1e6) }
  }
  return best
}
if (timing) {
  console.log(JSON.stringify(time(timing[0], timing[1])))
  process.exit(0)
}
for (const flavor of speed ? ['english', 'latin'] : []) {
  const best = {}
  for (const name of ['reference', 'fast']) {
    const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), ...(full ? ['--full'] : []), '--time', name, flavor], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    })
    best[name] = JSON.parse(output.trim().split('\n').pop())
  }
  const rate = ({ wall, cpu }) =>
    `${(bytes / 1e6 / wall).toFixed(1)} MB/s (${((wall * 1e6) / bytes).toFixed(3)} s/MB; CPU ${((cpu * 1e6) / bytes).toFixed(3)} s/MB)`
  console.log(`speed parse-${flavor}: reference ${rate(best.reference)}, fast ${rate(best.fast)}`)
  console.log(
    `  fast is ${(best.reference.wall / best.fast.wall).toFixed(1)}× faster (CPU time: ${(best.reference.cpu / best.fast.cpu).toFixed(1)}×)`,
  )
}
process.exit(failed ? 1 : 0)
