/** `tq check` end to end: stylish output, exit codes, help and version, stdin, --quiet, colour. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEED_FILES, parseJson, seed, tq } from './helpers.js'

/** A finding row of the stylish format: `  12:3  warning  Message  category/rule`. */
const ROW = /^ {2}\s*(\d+):(\d+)\s+(error|warning|info)\s{2}(.+?)\s{2,}([a-z]+\/[a-z0-9-]+)$/
const SCORE_LINE = /^ {2}(PASS|FAIL) {2}overall (\d+) {2}translation (\d+) {2}boilerplate (\d+) {2}readability (\d+) {2}\(bar (\d+)\)$/
const ESC = '\u001b['

describe('tq check, stylish', () => {
  it('fails npr-garbled.txt with exit code 1 and line:col rows', () => {
    const result = tq(['check', 'npr-garbled.txt'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(1)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('npr-garbled.txt')
    expect(lines.some((line) => ROW.test(line))).toBe(true)
    expect(lines.find((line) => SCORE_LINE.test(line))).toMatch(/^ {2}FAIL/)
    expect(result.stdout).toMatch(/✖ 1 file checked: 0 passed, 1 failed/)
  })

  it('prints one block per file with aligned rows, scores and verdict, then a summary', () => {
    const result = tq(['check', ...SEED_FILES])
    const json = parseJson(tq(['check', '--format', 'json', ...SEED_FILES]).stdout)
    expect(result.status).toBe(json.summary.failed > 0 ? 1 : 0)
    const lines = result.stdout.trimEnd().split('\n')

    for (const file of json.files) {
      const start = lines.indexOf(file.path)
      expect(start).toBeGreaterThanOrEqual(0)
      const first = start + 1 + file.notes.length
      const rows = lines.slice(first, first + file.findings.length)
      rows.forEach((row, index) => {
        const finding = file.findings[index]!
        const match = ROW.exec(row)
        expect(match, row).not.toBeNull()
        expect(match!.slice(1, 4)).toEqual([String(finding.line), String(finding.column), finding.severity])
        expect(match![5]).toBe(finding.ruleId)
      })
      // Aligned: every row's severity and rule id start in the same column.
      expect(new Set(rows.map((row) => row.search(/(error|warning|info) /))).size).toBeLessThanOrEqual(1)
      expect(new Set(rows.map((row) => row.lastIndexOf(' ') + 1)).size).toBeLessThanOrEqual(1)

      const score = SCORE_LINE.exec(lines[first + file.findings.length + 1]!)
      expect(score).not.toBeNull()
      expect(score!.slice(1, 7)).toEqual([
        file.pass ? 'PASS' : 'FAIL',
        String(file.scores.overall),
        String(file.scores.translation),
        String(file.scores.boilerplate),
        String(file.scores.readability),
        '70',
      ])
    }
    const { files, passed, failed, findings } = json.summary
    const total = findings.error + findings.warning + findings.info
    expect(lines.at(-1)).toContain(`${files} files checked: ${passed} passed, ${failed} failed · ${total} problems`)
  })

  it('judges against --min-score', () => {
    const json = parseJson(tq(['check', '--format', 'json', 'aljazeera-rewrite.txt']).stdout)
    const overall = json.files[0]!.scores.overall
    expect(tq(['check', '--min-score', String(overall), 'aljazeera-rewrite.txt']).status).toBe(0)
    if (overall < 100) {
      const result = tq(['check', '--min-score', String(overall + 1), 'aljazeera-rewrite.txt'])
      expect(result.status).toBe(1)
      expect(result.stdout).toContain(`(bar ${overall + 1})`)
    }
  })

  it('reads stdin as one document with -', () => {
    const text = readFileSync(seed('ndtv-boilerplate.txt'))
    const fromStdin = parseJson(tq(['check', '--format', 'json', '-'], { input: text }).stdout)
    const fromFile = parseJson(tq(['check', '--format', 'json', 'ndtv-boilerplate.txt']).stdout)
    expect(fromStdin.files[0]!.path).toBe('<stdin>')
    expect({ ...fromStdin.files[0], path: '' }).toEqual({ ...fromFile.files[0], path: '' })
    const stylish = tq(['check', '-'], { input: text })
    expect(stylish.stdout.split('\n')[0]).toBe('<stdin>')
  })

  it('shows only error findings with --quiet, in every format, without changing scores', () => {
    const full = parseJson(tq(['check', '--format', 'json', ...SEED_FILES]).stdout)
    const quiet = parseJson(tq(['check', '--format', 'json', '--quiet', ...SEED_FILES]).stdout)
    expect(full.summary.findings.warning + full.summary.findings.info).toBeGreaterThan(0)
    for (const [index, file] of quiet.files.entries()) {
      const before = full.files[index]!
      expect(file.scores).toEqual(before.scores)
      expect(file.pass).toBe(before.pass)
      expect(file.findings).toEqual(before.findings.filter((finding) => finding.severity === 'error'))
    }
    expect(quiet.summary.findings).toEqual({ error: full.summary.findings.error, warning: 0, info: 0 })

    const stylish = tq(['check', '-q', ...SEED_FILES]).stdout
    expect(stylish).not.toMatch(/^\s+\d+:\d+\s+(warning|info)\s/m)
    expect(stylish.match(/^\s+\d+:\d+\s+error\s/gm)?.length ?? 0).toBe(full.summary.findings.error)
  })

  it('prints help for --help, -h and tq help, and the version for --version', () => {
    const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string
    for (const args of [['--help'], ['-h'], ['help'], ['check', '--help']]) {
      const result = tq(args)
      expect(result.status).toBe(0)
      expect(result.stdout).toMatch(/^Usage: tq check/)
      for (const flag of ['--format', '--jsonl', '--min-score', '--lang', '--quiet', '--config', '--ext', '--version']) {
        expect(result.stdout).toContain(flag)
      }
    }
    expect(tq(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' })
  })
})

describe('colour', () => {
  it('is off when stdout is not a terminal', () => {
    expect(tq(['check', 'aljazeera-rewrite.txt']).stdout).not.toContain(ESC)
  })

  it('is on with FORCE_COLOR, and NO_COLOR wins over it', () => {
    expect(tq(['check', 'aljazeera-rewrite.txt'], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC)
    expect(tq(['check', 'aljazeera-rewrite.txt'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC)
    expect(tq(['check', 'aljazeera-rewrite.txt'], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain(ESC)
  })

  it('never colours the JSON format', () => {
    const result = tq(['check', '--format', 'json', 'aljazeera-rewrite.txt'], { env: { FORCE_COLOR: '1' } })
    expect(result.stdout).not.toContain(ESC)
    parseJson(result.stdout)
  })
})

describe('the README', () => {
  // The root README shows what its first command prints; scripts/readme-sample.mjs rewrites it.
  it('shows what `tq check fixtures/seeds/npr-garbled.txt` really prints', () => {
    const root = new URL('../../../', import.meta.url)
    // A checkout with CRLF line endings (core.autocrlf) prints the same as with LF.
    const readme = readFileSync(new URL('README.md', root), 'utf8').replace(/\r\n/g, '\n')
    const block = readme.slice(readme.indexOf('<!-- npr-output:start -->'), readme.indexOf('<!-- npr-output:end -->'))
    const shown = /```text\n\$ npx tq check fixtures\/seeds\/npr-garbled\.txt\n([\s\S]*?)\n```/.exec(block)
    expect(shown, 'README sample block').not.toBeNull()
    const run = tq(['check', 'fixtures/seeds/npr-garbled.txt'], { cwd: fileURLToPath(root), env: { NO_COLOR: '1' } })
    expect(block).toContain(`(exit code ${run.status})`)
    expect(run.stdout.trimEnd(), 'rerun `node scripts/readme-sample.mjs`').toBe(shown![1])
  })
})
