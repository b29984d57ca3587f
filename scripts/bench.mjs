#!/usr/bin/env node
// Speed and memory of `tq check`, measured on English prose built from ../shared/corpus/.
//
//   node scripts/bench.mjs                     throughput (5 MB), alex on the same input, scaling
//                                              0.1–10 MB, 1,000 files with 1 and 2 jobs, start-up
//   node scripts/bench.mjs --only startup,throughput
//   node scripts/bench.mjs --max-mb 100        scaling up to 100 MB (slow)
//
// Every figure is one process measured by /usr/bin/time (wall, user+sys CPU, peak RSS), so
// "one core" means the single-threaded check of one file. Run `pnpm build` first.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'throughput,alex,scaling,workers,startup' },
    'max-mb': { type: 'string', default: '10' },
    'size-mb': { type: 'string', default: '5' },
  },
})
const only = new Set(values.only.split(','))
const maxMb = Number(values['max-mb'])
const sizeMb = Number(values['size-mb'])

const root = new URL('..', import.meta.url).pathname
const tq = path.join(root, 'packages/cli/bin/tq.js')
const corpus = path.join(root, '../shared/corpus')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tq-bench-'))

/** English prose paragraphs: human news of mt-docs-dev, then the LM training text. */
function paragraphs() {
  const out = []
  for (const line of fs.readFileSync(path.join(corpus, 'mt-docs-dev.jsonl'), 'utf8').split('\n')) {
    if (!line) continue
    const doc = JSON.parse(line)
    if (doc.origin === 'human') out.push(...doc.text.split('\n').filter((p) => p.trim()))
  }
  for (const line of fs.readFileSync(path.join(corpus, 'lm-train-en.txt'), 'utf8').split('\n')) if (line.trim()) out.push(line)
  return out
}
const prose = paragraphs()

/** A file of about `mb` megabytes of prose, paragraphs separated by blank lines. */
function proseFile(mb, name = `prose-${mb}mb.txt`) {
  const file = path.join(work, name)
  const fd = fs.openSync(file, 'w')
  let bytes = 0
  let index = 0
  const target = mb * 1e6
  while (bytes < target) {
    const piece = prose[index++ % prose.length] + '\n\n'
    fs.writeSync(fd, piece)
    bytes += Buffer.byteLength(piece)
  }
  fs.closeSync(fd)
  return file
}

/** Run a command under /usr/bin/time; wall and CPU seconds, peak RSS in MB, exit code. */
function measure(command, args, options = {}) {
  const timeFile = path.join(work, 'time.txt')
  const result = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%e %U %S %M', command, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
    ...options,
  })
  const [wall, user, sys, rssKb] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  return { wall, cpu: user + sys, rss: rssKb / 1024, status: result.status, stderr: result.stderr.toString().trim() }
}

const rows = []
function row(what, mb, m) {
  const line = { what, mb, wall: m.wall, cpu: m.cpu, mbps: mb / m.wall, rss: m.rss, status: m.status }
  rows.push(line)
  console.log(
    `${what.padEnd(34)} ${String(mb).padStart(6)} MB  wall ${m.wall.toFixed(2).padStart(7)} s  cpu ${m.cpu.toFixed(2).padStart(7)} s  ` +
      `${(mb / m.wall).toFixed(3).padStart(7)} MB/s  peak RSS ${m.rss.toFixed(0).padStart(5)} MB  exit ${m.status}`,
  )
  return line
}

console.log(`tq benchmark on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}\n`)

let tqLine
if (only.has('throughput') || only.has('alex')) {
  const file = proseFile(sizeMb)
  if (only.has('throughput')) tqLine = row('tq check --format json', sizeMb, measure(process.execPath, [tq, 'check', '--format', 'json', file]))
  if (only.has('alex')) {
    const runner = path.join(work, 'alex-run.mjs')
    fs.writeFileSync(runner, `import { text } from 'alex'\nimport fs from 'node:fs'\nconst file = text(fs.readFileSync(process.argv[2], 'utf8'))\nconsole.log(file.messages.length)\n`)
    // Resolve alex from scripts/node_modules: run the runner from there.
    const local = path.join(root, 'scripts', '.alex-run.mjs')
    fs.copyFileSync(runner, local)
    try {
      const alexLine = row('alex (text)', sizeMb, measure(process.execPath, [local, file]))
      if (tqLine) console.log(`\ntq / alex throughput: ${(tqLine.mbps / alexLine.mbps).toFixed(1)}×\n`)
    } finally {
      fs.rmSync(local, { force: true })
    }
  }
}

if (only.has('scaling')) {
  console.log('\nscaling (time per MB should stay flat):')
  for (const mb of [0.1, 1, 10, 100].filter((mb) => mb <= maxMb)) {
    const line = row(`tq check --format json`, mb, measure(process.execPath, [tq, 'check', '--format', 'json', proseFile(mb)]))
    console.log(`${''.padEnd(34)} ${(line.wall / mb).toFixed(2)} s per MB`)
  }
}

if (only.has('workers')) {
  console.log('\n1,000 files (1 MB in all):')
  const dir = path.join(work, 'many')
  fs.mkdirSync(dir)
  for (let index = 0; index < 1000; index++) {
    fs.writeFileSync(path.join(dir, `doc-${index}.txt`), prose.slice(index * 3, index * 3 + 3).join('\n\n').slice(0, 1000))
  }
  const help = execFileSync(process.execPath, [tq, 'check', '--help']).toString()
  if (help.includes('--jobs')) {
    const one = row('tq check --jobs 1 dir/', 1, measure(process.execPath, [tq, 'check', '--jobs', '1', '--format', 'json', dir]))
    const two = row('tq check --jobs 2 dir/', 1, measure(process.execPath, [tq, 'check', '--jobs', '2', '--format', 'json', dir]))
    console.log(`${''.padEnd(34)} speed-up with 2 jobs: ${(one.wall / two.wall).toFixed(2)}×`)
  } else {
    row('tq check dir/ (no --jobs yet)', 1, measure(process.execPath, [tq, 'check', '--format', 'json', dir]))
  }
}

if (only.has('startup')) {
  const file = path.join(work, 'small.txt')
  fs.writeFileSync(file, prose.slice(0, 40).join('\n\n').slice(0, 2000))
  const walls = []
  for (let run = 0; run < 7; run++) walls.push(measure(process.execPath, [tq, 'check', file]).wall)
  walls.sort((a, b) => a - b)
  console.log(`\nstart-up: tq check on a 2 KB file, median of 7: ${(walls[3] * 1000).toFixed(0)} ms wall (min ${(walls[0] * 1000).toFixed(0)} ms)`)
}

fs.rmSync(work, { recursive: true, force: true })
