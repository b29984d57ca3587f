/** `--format sarif`, `--format github`, `-o FILE`, and the progress line. */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Writable } from 'node:stream'
import AjvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { Progress } from '../src/progress.js'
import { SEED_FILES, expectInputError, parseJson, seed, tempDir, tq, type JsonFinding } from './helpers.js'

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures')
/** The SARIF 2.1.0 schema (rtm.5, as shipped in @microsoft/jest-sarif 1.0.0-beta.0, MIT); tests cannot download it. */
const schema = JSON.parse(readFileSync(new URL('./fixtures/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'))

function sarifValidator() {
  // The schema's patterns are ECMAScript regular expressions without the u flag (one is invalid with it).
  // Both packages are CommonJS; under NodeNext their classes are the `default` export.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false })
  ajvFormats.default(ajv)
  return ajv.compile(schema)
}

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: { text: string }
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; index: number }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>
}

describe('--format sarif', () => {
  const inputs = [...SEED_FILES.map(seed), resolve(FIXTURES, 'markup/guide.md')]
  const sarifRun = tq(['check', '--format', 'sarif', ...inputs], { cwd: FIXTURES })
  const jsonRun = tq(['check', '--format', 'json', ...inputs], { cwd: FIXTURES })
  const log = JSON.parse(sarifRun.stdout)
  const report = parseJson(jsonRun.stdout)
  const validate = sarifValidator()

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(sarifRun.stderr).toBe('')
    expect(sarifRun.status).toBe(jsonRun.status)
    const valid = validate(log)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    expect(log.version).toBe('2.1.0')
  })

  it('the validator does reject a broken log', () => {
    expect(validate({ ...log, version: '2.0.0' })).toBe(false)
    const badRegion = structuredClone(log)
    badRegion.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0
    expect(validate(badRegion)).toBe(false)
  })

  it('describes every rule with a help URI, and each result points at its rule', () => {
    const rules: Array<{ id: string; helpUri: string; defaultConfiguration: { level: string } }> = log.runs[0].tool.driver.rules
    expect(rules.length).toBeGreaterThan(15)
    for (const rule of rules) expect(rule.helpUri).toMatch(new RegExp(`README\\.md#${rule.id.replace('/', '')}$`))
    const results: SarifResult[] = log.runs[0].results
    for (const result of results) expect(rules[result.ruleIndex]!.id).toBe(result.ruleId)
  })

  it('has one result per finding, with the same region, level and message', () => {
    const results: SarifResult[] = log.runs[0].results
    const findings: Array<JsonFinding & { uri: string }> = report.files.flatMap((file) => file.findings.map((finding) => ({ ...finding, uri: file.path })))
    expect(results).toHaveLength(findings.length)
    const level = { error: 'error', warning: 'warning', info: 'note' } as Record<string, string>
    results.forEach((result, index) => {
      const finding = findings[index]!
      expect(result.ruleId).toBe(finding.ruleId)
      expect(result.level).toBe(level[finding.severity])
      expect(result.message.text).toBe(finding.message)
      const { physicalLocation } = result.locations[0]!
      expect(physicalLocation.region).toEqual({ startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn })
      expect(physicalLocation.artifactLocation.uri).toBe(finding.uri.startsWith('/') ? `file://${finding.uri}` : finding.uri)
    })
    expect(log.runs[0].artifacts.map((artifact: { location: { uri: string } }) => artifact.location.uri)).toEqual(report.files.map((file) => (file.path.startsWith('/') ? `file://${file.path}` : file.path)))
  })

  it('writes relative paths as URI references and the locale pair findings too', () => {
    const pair = JSON.parse(tq(['check', '--format', 'sarif', '--source', 'locales/en.json', 'locales/de.json'], { cwd: FIXTURES }).stdout)
    expect(validate(pair)).toBe(true)
    expect(pair.runs[0].results.map((result: SarifResult) => result.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(Array(6).fill('locales/de.json'))
    const dir = tempDir({ 'a b/notes #1.txt': 'The talks went on after the summit , the spokesman said on Monday.\n' })
    const spaced = JSON.parse(tq(['check', '--format', 'sarif', 'a b/notes #1.txt'], { cwd: dir }).stdout)
    expect(validate(spaced)).toBe(true)
    expect(spaced.runs[0].artifacts[0].location.uri).toBe('a%20b/notes%20%231.txt')
  })
})

describe('--format github', () => {
  const inputs = ['markup/guide.md', 'locales/de.json']
  const run = tq(['check', '--format', 'github', ...inputs], { cwd: FIXTURES })
  const report = parseJson(tq(['check', '--format', 'json', ...inputs], { cwd: FIXTURES }).stdout)

  it('writes one workflow command per finding with file, line and column, then one per failing file', () => {
    const lines = run.stdout.trimEnd().split('\n')
    const findings = report.files.flatMap((file) => file.findings.map((finding) => ({ file: file.path, finding })))
    const failing = report.files.filter((file) => !file.pass)
    expect(lines).toHaveLength(findings.length + failing.length)
    const command = { error: 'error', warning: 'warning', info: 'notice' } as Record<string, string>
    let index = 0
    for (const file of report.files) {
      for (const finding of file.findings) {
        const line = lines[index++]!
        expect(line).toBe(
          `::${command[finding.severity]} file=${file.path},line=${finding.line},col=${finding.column},endLine=${finding.endLine},endColumn=${finding.endColumn},title=${finding.ruleId.replace(/:/g, '%3A')}::${finding.message.replace(/%/g, '%25')}`,
        )
      }
      if (!file.pass) expect(lines[index++]).toMatch(new RegExp(`^::error file=${file.path.replace('.', '\\.')},title=tq::Score ${file.scores.overall} is below the bar 70 `))
    }
    expect(run.status).toBe(report.files.every((file) => file.pass) ? 0 : 1)
  })

  it('escapes what would end a property or a command', () => {
    const dir = tempDir({ 'a,b:c.txt': 'The talks went on after the summit , the spokesman said on Monday.\n' })
    const line = tq(['check', '--format', 'github', 'a,b:c.txt'], { cwd: dir }).stdout.split('\n')[0]!
    expect(line).toMatch(/^::warning file=a%2Cb%3Ac\.txt,line=1,col=35,/)
  })
})

describe('-o FILE', () => {
  it('writes the report to the file, nothing to stdout, same exit code, no temporary file left', () => {
    const dir = tempDir({ 'a.txt': readFileSync(seed('npr-garbled.txt')) })
    const direct = tq(['check', '--format', 'json', 'a.txt'], { cwd: dir })
    for (const format of ['json', 'sarif', 'github', 'html', 'stylish']) {
      const run = tq(['check', '--format', format, '-o', `out.${format}`, 'a.txt'], { cwd: dir })
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe('')
      expect(run.status).toBe(direct.status)
      const written = readFileSync(join(dir, `out.${format}`), 'utf8')
      expect(written.length).toBeGreaterThan(100)
      if (format === 'json') expect(written).toBe(direct.stdout)
      if (format === 'stylish') expect(written).not.toMatch(/\u001b\[/)
    }
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('replaces an existing report, and never writes to an input', () => {
    const dir = tempDir({ 'a.txt': 'The talks went on after the summit, the spokesman said on Monday.\n', 'out.json': 'old' })
    tq(['check', '--format', 'json', '--output', 'out.json', 'a.txt'], { cwd: dir })
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).files[0].path).toBe('a.txt')
    expectInputError(tq(['check', '-o', 'a.txt', 'a.txt'], { cwd: dir }), /--output a\.txt is one of the inputs/)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('The talks went on after the summit, the spokesman said on Monday.\n')
  })

  it('fails with one line when the file cannot be written', () => {
    const dir = tempDir({ 'a.txt': 'Some text here that is fine.\n' })
    expectInputError(tq(['check', '-o', 'missing/dir/out.json', 'a.txt'], { cwd: dir }), /cannot write .*out\.json: ENOENT/)
    expect(existsSync(join(dir, 'missing'))).toBe(false)
  })
})

describe('progress line', () => {
  class Capture extends Writable {
    text = ''
    constructor(readonly isTTY: boolean) {
      super()
    }
    override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
      this.text += chunk.toString()
      callback()
    }
  }

  it('is rewritten in place on a terminal and erased at the end', async () => {
    const stream = new Capture(true)
    const progress = new Progress(stream, 3, 0)
    progress.update(0, 'a.txt')
    progress.update(1, 'b.txt')
    progress.done()
    await new Promise((done) => setImmediate(done))
    expect(stream.text).toBe('\r\u001b[Ktq: 1/3 a.txt\r\u001b[Ktq: 2/3 b.txt\r\u001b[K')
  })

  it('is never written when stderr is not a terminal, nor before the run has taken a moment', async () => {
    const pipe = new Capture(false)
    const notTty = new Progress(pipe, 3, 0)
    notTty.update(0, 'a.txt')
    notTty.done()
    const tty = new Capture(true)
    const quick = new Progress(tty, 3, 60_000)
    quick.update(0, 'a.txt')
    quick.done()
    await new Promise((done) => setImmediate(done))
    expect(pipe.text).toBe('')
    expect(tty.text).toBe('')
  })

  it('stays off stderr when tq runs in a pipe', () => {
    const run = tq(['check', ...SEED_FILES])
    expect(run.stderr).toBe('')
  })
})

