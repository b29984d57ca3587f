#!/usr/bin/env node
// Build a large text file from ../shared/corpus and run `tq check --format json` on it, printing
// wall time, throughput and peak memory (the child's VmHWM from /proc, so Linux only).
// Usage: node scripts/stress-large.mjs [megabytes=100]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const megabytes = Number(process.argv[2] ?? 100)
const corpus = new URL('../../shared/corpus/lm-train-en.txt', import.meta.url)
const source = fs.readFileSync(corpus, 'utf8').split('\n').filter((line) => line.trim()).join('\n\n')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tq-stress-'))
const file = path.join(dir, `large-${megabytes}mb.txt`)
const fd = fs.openSync(file, 'w')
let written = 0
while (written < megabytes * 1e6) {
  const piece = source.slice(0, Math.min(source.length, megabytes * 1e6 - written))
  fs.writeSync(fd, piece + '\n\n')
  written += Buffer.byteLength(piece) + 2
}
fs.closeSync(fd)

const bin = new URL('../packages/cli/bin/tq.js', import.meta.url).pathname
const output = path.join(dir, 'out.json')
const started = process.hrtime.bigint()
const child = spawn(process.execPath, [bin, 'check', '--format', 'json', file], {
  stdio: ['ignore', fs.openSync(output, 'w'), 'pipe'],
})
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
  const out = fs.statSync(output).size
  console.log(`input ${megabytes} MB, exit ${code}${stderr.trim() ? `, stderr: ${stderr.trim()}` : ''}`)
  console.log(`wall ${seconds.toFixed(1)} s, ${(megabytes / seconds).toFixed(2)} MB/s, peak RSS ${(peakKb / 1024).toFixed(0)} MB, output ${(out / 1e6).toFixed(1)} MB`)
  fs.rmSync(dir, { recursive: true, force: true })
})
