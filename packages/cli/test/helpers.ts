/** Run the built `tq` binary the way a user would, and make scratch directories for it. */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
export const BIN = resolve(here, '../bin/tq.js')
export const SEEDS = resolve(here, '../../../fixtures/seeds')
export const SEED_FILES = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort()

if (!existsSync(resolve(here, '../dist/main.js'))) {
  throw new Error('packages/cli is not built: run `pnpm build` (or npx tsc -p packages/cli) before the tests')
}

export interface RunResult {
  status: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  input?: string | Buffer
  env?: Record<string, string | undefined>
}

/** `node bin/tq.js …args`, colour variables cleared unless given. */
export function tq(args: readonly string[], options: RunOptions = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? SEEDS,
    input: options.input ?? '',
    env: runEnv(options),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.error) throw result.error
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/**
 * `tq()` without blocking: for tests that run tq many times, so the test worker stays responsive
 * (vitest gives up on a worker that answers nothing for a minute) and the runs can overlap.
 */
export function tqAsync(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? SEEDS, env: runEnv(options) })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', reject)
    // tq may exit before reading its input (a usage error): not the test's concern.
    child.stdin.on('error', () => undefined)
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }))
    child.stdin.end(options.input ?? '')
  })
}

function runEnv(options: RunOptions): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TQ_DEBUG: undefined, ...options.env }
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
  return env as NodeJS.ProcessEnv
}

export function seed(name: string): string {
  return join(SEEDS, name)
}

const scratch: string[] = []
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

/** A fresh temporary directory holding `files` (path → content), removed after the test file. */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tq-cli-'))
  scratch.push(dir)
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  }
  return dir
}

/** Parse `--format json` output; fails the test with the raw text when it is not JSON. */
export function parseJson(stdout: string): JsonReport {
  try {
    return JSON.parse(stdout) as JsonReport
  } catch {
    throw new Error(`stdout is not JSON:\n${stdout.slice(0, 2000)}`)
  }
}

export interface JsonFinding {
  ruleId: string
  category: string
  severity: string
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  excerpt: string
  url: string
  expected?: string[]
}

export interface JsonFile {
  path: string
  language: string
  scores: { overall: number; translation: number; boilerplate: number; readability: number }
  pass: boolean
  findings: JsonFinding[]
  lines: Array<{ line: number; kind: string; boilerplate: number; translation: number; words: number; paragraph?: number }>
  notes: string[]
}

export interface JsonReport {
  tool: { name: string; version: string }
  files: JsonFile[]
  summary: { files: number; passed: number; failed: number; findings: { error: number; warning: number; info: number } }
}

/** 1-based numbers of the non-blank lines of `text`, as the analyzer numbers them. */
export function nonBlankLines(text: string): number[] {
  const lines = text.split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines.flatMap((line, index) => (line.trim() === '' ? [] : [index + 1]))
}

/** Every line of a one-line-per-problem stderr, without the trailing newline. */
export function stderrLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '')
}

/** Assert the shape of a usage/input error: exit 2, one `tq: ` line on stderr, nothing on stdout. */
export function expectInputError(result: RunResult, pattern: RegExp): void {
  expect(result.stdout).toBe('')
  expect(result.status).toBe(2)
  const lines = stderrLines(result.stderr)
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^tq: /)
  expect(lines[0]).not.toMatch(/internal error|at .*\.js:\d+/)
  expect(lines[0]).toMatch(pattern)
}
