/** `--format json`: the contract in the README, checked field by field on all five seeds. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SEED_FILES, nonBlankLines, parseJson, seed, tempDir, tq, type JsonFile, type JsonReport } from './helpers.js'

const CATEGORIES = ['translation', 'boilerplate', 'readability', 'language']
const SEVERITIES = ['error', 'warning', 'info']

describe('--format json', () => {
  const result = tq(['check', '--format', 'json', ...SEED_FILES])
  const report: JsonReport = parseJson(result.stdout)

  it('is one JSON document with tool, files and summary, nothing else', () => {
    expect(result.stderr).toBe('')
    expect(Object.keys(report)).toEqual(['tool', 'files', 'summary'])
    const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version
    expect(report.tool).toEqual({ name: 'tq', version })
    expect(report.files.map((file) => file.path)).toEqual(SEED_FILES)
  })

  it('exits 1 exactly when some file fails', () => {
    expect(result.status).toBe(report.files.some((file) => !file.pass) ? 1 : 0)
  })

  for (const name of SEED_FILES) {
    it(`describes ${name} by the contract`, () => {
      const file = report.files.find((entry) => entry.path === name)!
      expectFileContract(file)
      const text = readFileSync(seed(name), 'utf8').split('\n')
      expect(file.lines.map((line) => line.line)).toEqual(nonBlankLines(text.join('\n')))
      // `words`: the line's runs of letters or digits (`Trump's` and `2.5` are one word each).
      for (const line of file.lines) expect(line.words).toBe(text[line.line - 1]!.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0)
    })
  }

  it('sums the files up in summary', () => {
    const findings = report.files.flatMap((file) => file.findings)
    expect(report.summary).toEqual({
      files: SEED_FILES.length,
      passed: report.files.filter((file) => file.pass).length,
      failed: report.files.filter((file) => !file.pass).length,
      findings: Object.fromEntries(SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity).length])),
    })
  })
})

function expectFileContract(file: JsonFile): void {
  expect(Object.keys(file)).toEqual(['path', 'language', 'scores', 'pass', 'findings', 'lines', 'notes'])
  expect(file.language).toMatch(/^([a-z]{2,3})$/)
  expect(Object.keys(file.scores)).toEqual(['overall', 'translation', 'boilerplate', 'readability'])
  for (const value of Object.values(file.scores)) expectNumberIn(value, 0, 100)
  expect(typeof file.pass).toBe('boolean')
  expect(file.pass).toBe(file.scores.overall >= 70)
  expect(Array.isArray(file.notes) && file.notes.every((note) => typeof note === 'string')).toBe(true)

  for (const finding of file.findings) {
    const keys = ['ruleId', 'category', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'excerpt', 'url']
    expect(Object.keys(finding)).toEqual(finding.expected === undefined ? keys : [...keys, 'expected'])
    expect(finding.ruleId).toMatch(/^[a-z]+\/[a-z0-9-]+$/)
    expect(CATEGORIES).toContain(finding.category)
    expect(SEVERITIES).toContain(finding.severity)
    expect(typeof finding.message).toBe('string')
    expect(finding.message.length).toBeGreaterThan(0)
    for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
      expect(Number.isInteger(finding[key]) && finding[key] >= 1, `${key} = ${finding[key]}`).toBe(true)
    }
    expect(finding.endLine > finding.line || (finding.endLine === finding.line && finding.endColumn >= finding.column)).toBe(true)
    expect(typeof finding.excerpt).toBe('string')
    expect(typeof finding.url).toBe('string')
    if (finding.expected !== undefined) expect(finding.expected.every((value) => typeof value === 'string')).toBe(true)
  }

  for (const line of file.lines) {
    const keys = ['line', 'kind', 'boilerplate', 'translation', 'words']
    expect(Object.keys(line)).toEqual(line.paragraph === undefined ? keys : [...keys, 'paragraph'])
    if (line.paragraph !== undefined) expect(Number.isInteger(line.paragraph) && line.paragraph >= 1 && line.paragraph <= line.line).toBe(true)
    expect(Number.isInteger(line.words) && line.words >= 0).toBe(true)
    expect(Number.isInteger(line.line) && line.line >= 1).toBe(true)
    expect(['content', 'boilerplate']).toContain(line.kind)
    expectNumberIn(line.boilerplate, 0, 1)
    expectNumberIn(line.translation, 0, 1)
  }
}

function expectNumberIn(value: unknown, min: number, max: number): void {
  expect(typeof value).toBe('number')
  expect(value as number).toBeGreaterThanOrEqual(min)
  expect(value as number).toBeLessThanOrEqual(max)
}

describe('--format json on hard-wrapped text', () => {
  it('names the line each wrapped paragraph starts on, on each of its lines (README contract)', () => {
    // afp-roundtrip.txt with each line wrapped at 72 columns, as a mail client wraps it.
    const wrapped = readFileSync(seed('afp-roundtrip.txt'), 'utf8')
      .split('\n')
      .map((line) => line.replace(/(.{1,72})(?: +|$)/g, '$1\n').trimEnd())
      .join('\n')
    const dir = tempDir({ 'wrapped.txt': `${wrapped}\n` })
    const file = (parseJson(tq(['check', '--format', 'json', 'wrapped.txt'], { cwd: dir }).stdout) as JsonReport).files[0]!
    expectFileContract(file)
    const spread = file.lines.filter((line) => line.paragraph !== undefined)
    expect(spread.length).toBeGreaterThan(20)
    // Each such paragraph's lines follow one another from the line it starts on.
    const byStart = new Map<number, number[]>()
    for (const line of spread) byStart.set(line.paragraph!, [...(byStart.get(line.paragraph!) ?? []), line.line])
    for (const [start, lines] of byStart) expect(lines).toEqual(lines.map((_, index) => start + index))
  })
})

describe('JSON written in pieces', () => {
  it('is exactly JSON.stringify of the same object', async () => {
    const { objectJson } = await import('../dist/format/json.js')
    const lines = Array.from({ length: 2500 }, (_, index) => ({ line: index + 1, kind: 'content', boilerplate: 0, translation: 0.5 }))
    const samples = [{}, { id: undefined, text: 'x' }, { id: 'a"é', findings: [], lines, notes: ['n'], scores: { overall: 1 } }]
    for (const sample of samples) expect([...objectJson(sample)].join('')).toBe(JSON.stringify(sample))
    expect([...objectJson({ lines })].length).toBeGreaterThan(3)
  })

  it('is compact: one line ending in a newline', () => {
    const { stdout } = tq(['check', '--format', 'json', 'aljazeera-rewrite.txt'])
    expect(stdout).toBe(JSON.stringify(JSON.parse(stdout)) + '\n')
  })
})
