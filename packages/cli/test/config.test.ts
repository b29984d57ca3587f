/** Config discovery, precedence, and each setting's effect. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseJson, tempDir, tq } from './helpers.js'

const TEXT = 'The talks ended on Monday without a deal , officials said ; both sides will meet again next week .\n'
const RULE = 'translation/space-before-punctuation'

/** The bar `tq check` judged `a.txt` against, read from the stylish output. */
function barIn(cwd: string, args: string[] = []): number {
  const result = tq(['check', ...args, 'a.txt'], { cwd })
  expect(result.stderr).toBe('')
  const bar = /\(bar (\d+(?:\.\d+)?)\)/.exec(result.stdout)
  expect(bar, result.stdout).not.toBeNull()
  return Number(bar![1])
}

/** A project with `files` at its root and a.txt two directories down; returns that directory. */
function project(files: Record<string, string>): string {
  const root = tempDir(files)
  const cwd = join(root, 'docs', 'guide')
  mkdirSync(cwd, { recursive: true })
  writeFileSync(join(cwd, 'a.txt'), TEXT)
  return cwd
}

describe('config discovery', () => {
  it('uses the default bar without a config', () => {
    expect(barIn(project({}))).toBe(70)
  })

  for (const [name, content] of [
    ['tq.config.json', { minScore: 42 }],
    ['.tqrc.json', { minScore: 42 }],
    ['package.json', { name: 'docs', private: true, tq: { minScore: 42 } }],
  ] as const) {
    it(`finds ${name} in a parent directory`, () => {
      expect(barIn(project({ [name]: JSON.stringify(content) }))).toBe(42)
    })
  }

  it('prefers tq.config.json, then .tqrc.json, then package.json#tq in one directory', () => {
    const all = {
      'tq.config.json': '{"minScore": 41}',
      '.tqrc.json': '{"minScore": 42}',
      'package.json': '{"tq": {"minScore": 43}}',
    }
    expect(barIn(project(all))).toBe(41)
    expect(barIn(project({ '.tqrc.json': all['.tqrc.json'], 'package.json': all['package.json'] }))).toBe(42)
  })

  it('takes the nearest config and skips a package.json without a tq key', () => {
    expect(barIn(project({ 'tq.config.json': '{"minScore": 41}', 'docs/.tqrc.json': '{"minScore": 42}' }))).toBe(42)
    expect(barIn(project({ 'tq.config.json': '{"minScore": 41}', 'docs/package.json': '{"name": "docs"}' }))).toBe(41)
  })

  it('reads the file named by --config instead', () => {
    const cwd = project({ 'tq.config.json': '{"minScore": 41}' })
    const elsewhere = tempDir({ 'strict.json': '{"minScore": 90}', 'package.json': '{"tq": {"minScore": 91}}' })
    expect(barIn(cwd, ['--config', join(elsewhere, 'strict.json')])).toBe(90)
    expect(barIn(cwd, ['-c', join(elsewhere, 'package.json')])).toBe(91)
  })

  it('lets flags override the config', () => {
    const cwd = project({ 'tq.config.json': '{"minScore": 41, "lang": "de"}' })
    expect(barIn(cwd, ['--min-score', '12.5'])).toBe(12.5)
    const json = (args: string[]) => parseJson(tq(['check', '--format', 'json', ...args, 'a.txt'], { cwd }).stdout).files[0]!
    expect(json([]).language).toBe('de')
    expect(json(['--lang', 'fr']).language).toBe('fr')
  })
})

describe('config settings', () => {
  const findings = (config: object) => {
    const cwd = project({ 'tq.config.json': JSON.stringify(config) })
    return parseJson(tq(['check', '--format', 'json', 'a.txt'], { cwd }).stdout).files[0]!.findings
  }

  it('turns rules off and changes their severity', () => {
    const own = (list: ReturnType<typeof findings>) => list.filter((finding) => finding.ruleId === RULE)
    expect(own(findings({})).length).toBeGreaterThan(0)
    expect(own(findings({ rules: { [RULE]: 'off' } }))).toEqual([])
    const raised = own(findings({ rules: { [RULE]: 'error' } }))
    expect(raised.length).toBeGreaterThan(0)
    expect(raised.every((finding) => finding.severity === 'error')).toBe(true)
  })

  it('accepts the terms it lists: no translation finding on them, in every mode', () => {
    // npr-garbled.txt spells Sochi the German way on line 21.
    const text = readFileSync(new URL('../../../fixtures/seeds/npr-garbled.txt', import.meta.url), 'utf8')
    const on = (list: Array<{ ruleId: string; line: number }>) => list.filter((finding) => finding.ruleId === 'translation/foreign-spelling').map((finding) => finding.line)
    const run = (config: object, args: string[], input?: string) => {
      const cwd = tempDir({ 'tq.config.json': JSON.stringify(config), 'npr.txt': text })
      return tq(['check', ...args], { cwd, ...(input === undefined ? {} : { input }) })
    }
    expect(on(parseJson(run({}, ['--format', 'json', 'npr.txt']).stdout).files[0]!.findings)).toEqual([21])
    expect(on(parseJson(run({ accept: ['Soschi'] }, ['--format', 'json', 'npr.txt']).stdout).files[0]!.findings)).toEqual([])
    // Case-sensitive (but for a capital first letter): `SOSCHI` is not `Soschi`.
    expect(on(parseJson(run({ accept: ['SOSCHI'] }, ['--format', 'json', 'npr.txt']).stdout).files[0]!.findings)).toEqual([21])
    const record = `${JSON.stringify({ id: 'npr', text })}\n`
    const jsonl = run({ accept: ['Soschi'] }, ['--jsonl'], record)
    expect(on(JSON.parse(jsonl.stdout.trim()).findings)).toEqual([])
    // On worker threads too: two files, two jobs.
    const cwd = tempDir({ 'tq.config.json': JSON.stringify({ accept: ['Soschi'] }), 'a.txt': text, 'b.txt': text })
    const files = parseJson(tq(['check', '--format', 'json', '--jobs', '2', 'a.txt', 'b.txt'], { cwd }).stdout).files
    expect(files.map((file) => on(file.findings))).toEqual([[], []])
  })

  it('passes boilerplateThreshold to the line classifier', () => {
    for (const threshold of [0, 0.5, 1]) {
      const cwd = project({ 'tq.config.json': JSON.stringify({ boilerplateThreshold: threshold }) })
      const [file] = parseJson(tq(['check', '--format', 'json', 'a.txt'], { cwd }).stdout).files
      for (const line of file!.lines) expect(line.kind).toBe(line.boilerplate > threshold ? 'boilerplate' : 'content')
    }
  })

  it('judges pass against the configured bar', () => {
    for (const minScore of [0, 100]) {
      const cwd = project({ 'tq.config.json': JSON.stringify({ minScore }) })
      const result = tq(['check', '--format', 'json', 'a.txt'], { cwd })
      const [file] = parseJson(result.stdout).files
      expect(file!.pass).toBe(file!.scores.overall >= minScore)
      expect(result.status).toBe(file!.pass ? 0 : 1)
    }
  })
})
