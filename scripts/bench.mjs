#!/usr/bin/env node
// Speed and memory of `tq check`, measured on English prose built from ../shared/corpus/.
//
//   node scripts/bench.mjs                     throughput (5 MB, median of 5 runs), alex on the same input, scaling
//                                              0.1–10 MB, 1,000 files and 1,000 JSONL records
//                                              (small, then 5 KB each) with --jobs 1 and 2, start-up
//   node scripts/bench.mjs --only workers,startup   (workers: also one pinned core against two, and the
//                                              machine's ceiling, two pinned processes on half the files each)
//   node scripts/bench.mjs --max-mb 100        scaling up to 100 MB (slow)
//
// Every figure is one process measured by /usr/bin/time (wall, user+sys CPU, peak RSS). A check
// of one file runs on one core, so its CPU time is about its wall time; with --jobs 2 the CPU
// time is that of both workers and can exceed the wall time. On a machine shared with other
// work, wall times (and the speed-up) suffer first: the load average is printed to judge by.
// Run `pnpm build` first.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { proseParagraphs, prosePieces } from './prose.mjs'

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
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tq-bench-'))

const prose = proseParagraphs()

/** A file of about `mb` megabytes of prose, paragraphs separated by blank lines. */
function proseFile(mb, name = `prose-${mb}mb.txt`) {
  const file = path.join(work, name)
  const fd = fs.openSync(file, 'w')
  for (const piece of prosePieces(prose, mb)) fs.writeSync(fd, piece)
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

/**
 * `measure` `runs` times: the run with the median wall time, with the range of wall times. One run
 * of a few seconds moves by ±20% on a shared two-core machine (3.4 to 4.0 s for the same 5 MB).
 */
function medianMeasure(runs, command, args) {
  const all = Array.from({ length: runs }, () => measure(command, args)).sort((a, b) => a.wall - b.wall)
  return { ...all[(runs - 1) >> 1], range: [all[0].wall, all[runs - 1].wall] }
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

console.log(
  `tq benchmark on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}, ` +
    `load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}\n`,
)

let tqLine
if (only.has('throughput') || only.has('alex')) {
  const file = proseFile(sizeMb)
  if (only.has('throughput')) {
    const m = medianMeasure(5, process.execPath, [tq, 'check', '--format', 'json', file])
    tqLine = row('tq check --format json (median 5)', sizeMb, m)
    console.log(`${''.padEnd(34)} wall ${m.range[0].toFixed(2)}–${m.range[1].toFixed(2)} s over the 5 runs`)
  }
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
  // 1,000 files of up to 1 KB: start-up, per-file overhead and the thread pool more than the
  // analyzer's speed on long text. Then 1,000 files of 5 KB: more work per thread for the same
  // fixed cost (each thread loads the analyzer and warms up its JIT, about a second of CPU).
  workers('small', Array.from({ length: 1000 }, (_, index) => prose.slice(index * 3, index * 3 + 3).join('\n\n').slice(0, 1000)))
  let next = 0
  workers('5 KB', Array.from({ length: 1000 }, () => {
    let text = ''
    while (text.length < 5000) text += prose[next++ % prose.length] + '\n\n'
    return text.slice(0, 5000)
  }))
}

/** `tq check dir/` and `tq check --jsonl` on `docs`, with --jobs 1 and 2; outputs compared. */
function workers(name, docs) {
  const mb = Number((docs.reduce((sum, doc) => sum + Buffer.byteLength(doc), 0) / 1e6).toFixed(2))
  console.log(`\n1,000 ${name} files (${mb} MB in all), then the same texts as 1,000 JSONL records:`)
  const dir = path.join(work, `many-${name.replace(/\W/g, '')}`)
  fs.mkdirSync(dir)
  docs.forEach((doc, index) => fs.writeFileSync(path.join(dir, `doc-${index}.txt`), doc))
  const records = `${dir}.jsonl`
  fs.writeFileSync(records, docs.map((text, id) => JSON.stringify({ id, text }) + '\n').join(''))
  const pair = (what, args, stdin) => {
    const run = (jobs) => {
      const input = stdin ? fs.openSync(stdin, 'r') : 'ignore'
      const output = fs.openSync(`${dir}.out${jobs}`, 'w')
      try {
        return row(`${what} --jobs ${jobs}`, mb, measure(process.execPath, [tq, ...args, '--jobs', jobs], { stdio: [input, output, 'pipe'] }))
      } finally {
        if (stdin) fs.closeSync(input)
        fs.closeSync(output)
      }
    }
    const one = run('1')
    const two = run('2')
    const same = fs.readFileSync(`${dir}.out1`).equals(fs.readFileSync(`${dir}.out2`)) && fs.statSync(`${dir}.out1`).size > 0
    console.log(
      `${''.padEnd(34)} speed-up with 2 jobs: ${(one.wall / two.wall).toFixed(2)}× ` +
        `(CPU time ${(two.cpu / one.cpu).toFixed(2)}× that of 1 job; same output: ${same ? 'yes' : 'NO'})`,
    )
  }
  pair('tq check dir/', ['check', '--format', 'json', dir])
  pair('tq check --jsonl', ['check', '--jsonl'], records)
  cores(dir, docs.length, mb)
}

/**
 * "Two cores against one", read literally: `--jobs 1` pinned to one core (`taskset`), where it
 * cannot borrow the second core for V8's garbage collector and compiler threads as an unpinned
 * run does (one job already keeps about 1.4 cores busy), against `--jobs 2` on both. And the
 * ceiling of this machine for the same work: two separate processes, each pinned to its own core,
 * each checking half the files.
 */
function cores(dir, count, mb) {
  if (os.cpus().length < 2 || spawnSync('taskset', ['-c', '0', 'true']).status !== 0) return
  const halves = ['a', 'b'].map((half, index) => {
    const sub = `${dir}-${half}`
    fs.mkdirSync(sub)
    for (let i = index * (count >> 1); i < (index + 1) * (count >> 1); i++) fs.symlinkSync(path.join(dir, `doc-${i}.txt`), path.join(sub, `doc-${i}.txt`))
    return sub
  })
  const check = (cpu, target, jobs) => `taskset -c ${cpu} ${process.execPath} ${tq} check --format json --jobs ${jobs} ${target} > /dev/null`
  const one = row('tq check dir/ --jobs 1, one core', mb, measure('sh', ['-c', check(0, dir, 1)]))
  const two = row('tq check dir/ --jobs 2, two cores', mb, measure('sh', ['-c', check('0,1', dir, 2)]))
  const apart = row('2 processes, a core and half each', mb, measure('sh', ['-c', `${check(0, halves[0], 1)} & ${check(1, halves[1], 1)}; wait`]))
  console.log(`${''.padEnd(34)} two cores against one: ${(one.wall / two.wall).toFixed(2)}× (separate processes on separate cores: ${(one.wall / apart.wall).toFixed(2)}×, what this machine gives)`)
}

if (only.has('startup')) {
  const file = path.join(work, 'small.txt')
  fs.writeFileSync(file, prose.slice(0, 40).join('\n\n').slice(0, 2000))
  console.log('\nstart-up, median of 7 runs (min):')
  for (const [what, args] of [
    ['tq --version', ['--version']],
    ['tq check 2 KB file', ['check', file]],
    ['tq check --format json 2 KB file', ['check', '--format', 'json', file]],
  ]) {
    const runs = Array.from({ length: 7 }, () => measure(process.execPath, [tq, ...args]))
    const walls = runs.map((run) => run.wall).sort((a, b) => a - b)
    const cpus = runs.map((run) => run.cpu).sort((a, b) => a - b)
    console.log(`${what.padEnd(34)} ${(walls[3] * 1000).toFixed(0).padStart(5)} ms wall (min ${(walls[0] * 1000).toFixed(0)} ms), cpu ${(cpus[3] * 1000).toFixed(0)} ms`)
  }
}

fs.rmSync(work, { recursive: true, force: true })
