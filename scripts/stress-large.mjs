#!/usr/bin/env node
// Peak memory and throughput of `tq check` on one very large input, built from ../shared/corpus:
//
//   node scripts/stress-large.mjs [megabytes=100]            one plain-text file, `--format json`
//   node scripts/stress-large.mjs 1000 --jsonl [--jobs N]    a JSONL stream on stdin (`--jsonl`):
//        records of about 5 KB made on the fly and piped in, never stored, the output counted and
//        dropped, as a pipeline step over a crawl would run it
//
// Prints wall time, MB/s and peak memory: the child's VmHWM from /proc (Linux only), so worker
// threads are included. Results go to a temporary file (plain text) or are only counted (JSONL).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { jsonl: { type: 'boolean' }, jobs: { type: 'string' } } })
const megabytes = Number(positionals[0] ?? 100)
const corpus = new URL('../../shared/corpus/lm-train-en.txt', import.meta.url)
const paragraphs = fs.readFileSync(corpus, 'utf8').split('\n').filter((line) => line.trim())
const bin = new URL('../packages/cli/bin/tq.js', import.meta.url).pathname
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tq-stress-'))
const started = process.hrtime.bigint()
let child
let describeOutput

if (values.jsonl) {
  const args = [bin, 'check', '--jsonl', ...(values.jobs ? ['--jobs', values.jobs] : [])]
  child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] })
  let records = 0
  let outBytes = 0
  child.stdout.on('data', (chunk) => {
    outBytes += chunk.length
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) records++
  })
  describeOutput = () => `${records.toLocaleString('en')} results, output ${(outBytes / 1e6).toFixed(1)} MB`
  // Records of about 5 KB, each a run of consecutive paragraphs, cycling through the corpus;
  // written as fast as tq reads them (backpressure), so the pipe, not this script, holds the data.
  let next = 0
  let written = 0
  let id = 0
  const write = () => {
    while (written < megabytes * 1e6) {
      let text = ''
      while (text.length < 5000) text += (text ? '\n\n' : '') + paragraphs[next++ % paragraphs.length]
      const line = JSON.stringify({ id: id++, text }) + '\n'
      written += Buffer.byteLength(line)
      if (!child.stdin.write(line)) return void child.stdin.once('drain', write)
    }
    child.stdin.end()
  }
  child.stdin.on('error', () => {})
  write()
} else {
  const source = paragraphs.join('\n\n')
  const file = path.join(dir, `large-${megabytes}mb.txt`)
  const fd = fs.openSync(file, 'w')
  let written = 0
  while (written < megabytes * 1e6) {
    const piece = source.slice(0, Math.min(source.length, megabytes * 1e6 - written))
    fs.writeSync(fd, piece + '\n\n')
    written += Buffer.byteLength(piece) + 2
  }
  fs.closeSync(fd)
  const output = path.join(dir, 'out.json')
  child = spawn(process.execPath, [bin, 'check', '--format', 'json', file], { stdio: ['ignore', fs.openSync(output, 'w'), 'pipe'] })
  describeOutput = () => `output ${(fs.statSync(output).size / 1e6).toFixed(1)} MB`
}

// VmHWM is the process's peak resident set so far; its last reading before exit is the peak.
let peakKb = 0
const poll = setInterval(() => {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
  } catch {}
}, 100)
let stderr = ''
child.stderr.on('data', (chunk) => (stderr += chunk))
child.on('close', (code) => {
  clearInterval(poll)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  console.log(`input ${megabytes} MB${values.jsonl ? ' of JSONL' : ''}, exit ${code}${stderr.trim() ? `, stderr: ${stderr.trim().slice(0, 500)}` : ''}`)
  console.log(`wall ${seconds.toFixed(1)} s, ${(megabytes / seconds).toFixed(2)} MB/s, peak RSS ${(peakKb / 1024).toFixed(0)} MB, ${describeOutput()}`)
  fs.rmSync(dir, { recursive: true, force: true })
})
