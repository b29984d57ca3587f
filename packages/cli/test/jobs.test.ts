/**
 * `--jobs N`: inputs checked on N threads give what `--jobs 1` (the main thread alone) gives, byte
 * for byte, errors and exit codes included. And the bundle bin/tq.js runs gives what dist/ gives.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEED_FILES, expectInputError, seed, stderrLines, tempDir, tqAsync, type RunOptions, type RunResult } from './helpers.js'

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures')
const CLI = resolve(import.meta.dirname, '..')
/** Every kind of input: plain text, Markdown, a locale file, and standard input. */
const INPUTS = [...SEED_FILES.map((name) => `seeds/${name}`), 'markup/guide.md', 'locales/de.json', '-']
const STDIN = readFileSync(seed('npr-garbled.txt'), 'utf8')

/** tq with `--jobs 1` and with `--jobs n`, side by side. */
async function bothWays(args: readonly string[], jobs: number, options: RunOptions): Promise<[RunResult, RunResult]> {
  return Promise.all([tqAsync([...args, '--jobs', '1'], options), tqAsync([...args, '--jobs', String(jobs)], options)])
}

function expectSameRun(threads: RunResult, here: RunResult): void {
  expect(threads.stderr).toBe(here.stderr)
  expect(threads.stdout).toBe(here.stdout)
  expect(threads.status).toBe(here.status)
}

describe('--jobs', () => {
  for (const format of ['json', 'stylish', 'sarif', 'html']) {
    it(`prints what --jobs 1 prints, in input order (--format ${format})`, async () => {
      const [here, threads] = await bothWays(['check', '--format', format, ...INPUTS], 3, { cwd: FIXTURES, input: STDIN })
      expect(here.status).toBe(1)
      if (format === 'json') expect((JSON.parse(here.stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path)).toEqual([...INPUTS.slice(0, -1), '<stdin>'])
      expectSameRun(threads, here)
    })
  }

  it('applies the config and the flags in the workers as in the main thread', async () => {
    const config = { rules: { 'boilerplate/ui-string': 'off', 'translation/quote-misplaced': 'info' }, minScore: 60, lang: 'en' }
    const files = Object.fromEntries(SEED_FILES.map((name) => [name, readFileSync(seed(name))]))
    const dir = tempDir({ 'tq.config.json': JSON.stringify(config), ...files })
    for (const flags of [[], ['--quiet', '--explain'], ['--min', 'translation=90', '--min-score', '10']]) {
      const [here, threads] = await bothWays(['check', '--format', 'json', ...flags, '.'], 2, { cwd: dir })
      expect(here.stdout).not.toContain('boilerplate/ui-string')
      expectSameRun(threads, here)
    }
  })

  it('stops at the first bad input in input order, with the same one line and exit 2', async () => {
    // Both locale files fail only when checked (their JSON is parsed then), not when read.
    const dir = tempDir({ 'a.txt': STDIN, 'b.json': '{"a": "Hallo",}', 'c.txt': STDIN, 'd.json': '[1, 2' })
    const [here, threads] = await bothWays(['check', '.', '--ext', 'txt,json'], 2, { cwd: dir })
    expectInputError(here, /^tq: b\.json is not valid JSON/)
    expectSameRun(threads, here)
  })

  it('--jsonl: the same records, malformed lines and exit code, in input order', async () => {
    const texts = SEED_FILES.map((name) => readFileSync(seed(name), 'utf8'))
    const lines = texts.flatMap((text, index) => [JSON.stringify({ id: index, text }), index === 2 ? 'not JSON' : JSON.stringify({ id: `short-${index}`, text: text.slice(0, 200) })])
    const [here, threads] = await bothWays(['check', '--jsonl'], 2, { input: lines.join('\n') + '\n' })
    expect(here.status).toBe(2)
    expect(stderrLines(here.stderr)).toEqual([expect.stringMatching(/^tq: stdin line 6: invalid JSON: /)])
    expect(here.stdout.split('\n').filter(Boolean)).toHaveLength(lines.length)
    expectSameRun(threads, here)
  })

  it('--jsonl: a front end the workers load on demand', async () => {
    const guide = JSON.stringify({ id: 1, text: readFileSync(resolve(FIXTURES, 'markup/guide.md'), 'utf8') }) + '\n'
    const [here, threads] = await bothWays(['check', '--jsonl', '--syntax', 'markdown'], 2, { input: guide.repeat(3) })
    expect(here.stdout).toContain('translation/quote-misplaced')
    expectSameRun(threads, here)
  })

  it('rejects a value that is not a whole number from 1, and is a flag of tq check only', async () => {
    for (const value of ['0', '-1', '1.5', 'two', '', '1025']) {
      expectInputError(await tqAsync(['check', `--jobs=${value}`, seed('npr-garbled.txt')]), /--jobs must be a whole number from 1 to 1024/)
    }
    expectInputError(await tqAsync(['clean', '--jobs', '2', seed('npr-garbled.txt')]), /--jobs is a flag of tq check, not of tq clean/)
  })
})

describe('the bundle', () => {
  it('is up to date, so bin/tq.js runs it rather than dist/', () => {
    const { files } = JSON.parse(readFileSync(resolve(CLI, 'bundle/sources.json'), 'utf8')) as { files: Record<string, [number, string]> }
    const sha1 = (file: string): string => createHash('sha1').update(readFileSync(resolve(CLI, 'bundle', file))).digest('hex')
    const stale = Object.entries(files).filter(([file, [time, hash]]) => statSync(resolve(CLI, 'bundle', file)).mtimeMs !== time && sha1(file) !== hash)
    expect(stale.map(([file]) => file), 'run `pnpm build`: these changed after the bundle was made').toEqual([])
  })

  it('prints what dist/main.js prints (data files found, worker started)', async () => {
    const args = ['check', '--format', 'json', '--jobs', '2', ...INPUTS]
    // bin/tq.js with dist/main.js in place of the bundle.
    const runner = resolve(tempDir({ 'tq-dist.mjs': `const { run } = await import(${JSON.stringify(pathToFileURL(resolve(CLI, 'dist/main.js')).href)})\nawait run()\n` }), 'tq-dist.mjs')
    const unbundled = new Promise<RunResult>((done, fail) => {
      const child = spawn(process.execPath, [runner, ...args], { cwd: FIXTURES })
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      child.on('error', fail)
      child.on('close', (status) => done({ status, stdout, stderr }))
      child.stdin.end(STDIN)
    })
    const [bundled, fromDist] = await Promise.all([tqAsync(args, { cwd: FIXTURES, input: STDIN }), unbundled])
    expect(bundled.status).toBe(1)
    expectSameRun(bundled, fromDist)
  })
})
