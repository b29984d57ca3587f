/**
 * Files too large to hold go through large.ts: read in pieces, analysed a section at a time, their
 * findings and line values spooled to disk until printed. TQ_LARGE_FILE_BYTES lowers the size at
 * which that path is taken, so the seeds (each smaller than one section) run through it and must
 * print exactly what the ordinary path prints.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEED_FILES, seed, tempDir, tqAsync } from './helpers.js'

const LARGE = { TQ_LARGE_FILE_BYTES: '1000' }
const spoolsLeft = (): string[] => readdirSync(tmpdir()).filter((name) => /^tq-[A-Za-z0-9]{6}$/.test(name))

describe('a file checked a section at a time', () => {
  for (const format of ['json', 'stylish', 'github', 'sarif']) {
    it(`prints what the ordinary path prints (--format ${format}, all seeds)`, async () => {
      const args = ['check', '--format', format, '--jobs', '1', ...SEED_FILES]
      const [ordinary, large] = await Promise.all([tqAsync(args), tqAsync(args, { env: LARGE })])
      expect(large.stderr).toBe('')
      expect(large.status).toBe(ordinary.status)
      expect(large.stdout).toBe(ordinary.stdout)
    })
  }

  it('prints what the ordinary path prints with --quiet and --explain, on worker threads too', async () => {
    const args = ['check', '--format', 'json', '--quiet', '--explain', '--jobs', '2', ...SEED_FILES]
    const [ordinary, large] = await Promise.all([tqAsync(args), tqAsync(args, { env: LARGE })])
    expect(large.status).toBe(ordinary.status)
    expect(large.stdout).toBe(ordinary.stdout)
  })

  it('refuses a file with an invalid byte far from its start, before printing anything', async () => {
    const text = readFileSync(seed('afp-original.txt'))
    const bad = Buffer.concat([text, text, Buffer.from([0xc3, 0x28]), text])
    const dir = tempDir({ 'bad.txt': bad })
    const result = await tqAsync(['check', '--format', 'json', 'bad.txt'], { cwd: dir, env: LARGE })
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe('tq: bad.txt is not valid UTF-8 text (is it Latin-1 or another encoding?)\n')
  })

  it('takes the large-file path when asked to: it needs a writable temporary directory', async () => {
    const result = await tqAsync(['check', '--format', 'json', 'afp-original.txt'], { env: { ...LARGE, TMPDIR: '/nonexistent/tq-test' } })
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^tq: cannot write the results of a large file to the temporary directory \/nonexistent\/tq-test \(ENOENT\); set TMPDIR/)
  })

  it('numbers lines across sections (a 2.4 MB file) and removes its spools', { timeout: 120_000 }, async () => {
    const text = SEED_FILES.map((name) => readFileSync(seed(name), 'utf8').trim()).join('\n\n')
    const copies = Math.ceil(2_400_000 / Buffer.byteLength(text))
    const dir = tempDir()
    writeFileSync(join(dir, 'long.txt'), Array.from({ length: copies }, () => text).join('\n\n') + '\n')
    const before = spoolsLeft()
    const result = await tqAsync(['check', '--format', 'json', 'long.txt'], { cwd: dir, env: LARGE })
    expect(result.stderr).toBe('')
    const file = (JSON.parse(result.stdout) as { files: Array<{ lines: Array<{ line: number }>; findings: Array<{ line: number; ruleId: string }> }> }).files[0]!
    const source = readFileSync(join(dir, 'long.txt'), 'utf8').split('\n')
    expect(file.lines.map((entry) => entry.line)).toEqual(source.flatMap((line, index) => (line.trim() === '' ? [] : [index + 1])))
    // npr-garbled.txt's two misplaced quotes in every copy, on the lines that hold them.
    const quotes = file.findings.filter((finding) => finding.ruleId === 'translation/quote-misplaced')
    expect(quotes.length).toBeGreaterThanOrEqual(2 * copies)
    for (const finding of quotes) expect(source[finding.line - 1]).toMatch(/“said|”/)
    expect(spoolsLeft()).toEqual(before)
  })

  it('numbers the paragraphs of hard-wrapped text across sections too (a 2.4 MB file)', { timeout: 120_000 }, async () => {
    const wrap = (line: string): string => line.replace(/(.{1,72})(?: +|$)/g, '$1\n').trimEnd()
    const text = SEED_FILES.map((name) => readFileSync(seed(name), 'utf8').trim().split('\n').map(wrap).join('\n')).join('\n\n')
    const copies = Math.ceil(2_400_000 / Buffer.byteLength(text))
    const dir = tempDir()
    writeFileSync(join(dir, 'wrapped.txt'), Array.from({ length: copies }, () => text).join('\n\n') + '\n')
    const result = await tqAsync(['check', '--format', 'json', 'wrapped.txt'], { cwd: dir, env: LARGE })
    expect(result.stderr).toBe('')
    const file = (JSON.parse(result.stdout) as { files: Array<{ lines: Array<{ line: number; paragraph?: number }> }> }).files[0]!
    const spread = file.lines.filter((entry) => entry.paragraph !== undefined)
    expect(spread.length).toBeGreaterThan(1000)
    // A paragraph starts at most a few lines above each of its lines, in every section.
    for (const entry of spread) expect(entry.line - entry.paragraph!, `line ${entry.line}`).toBeGreaterThanOrEqual(0)
    for (const entry of spread) expect(entry.line - entry.paragraph!, `line ${entry.line}`).toBeLessThan(30)
    expect(spread.at(-1)!.line).toBeGreaterThan(30_000)
  })
})
