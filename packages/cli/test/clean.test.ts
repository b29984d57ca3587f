/** `tq clean` end to end: the built binary removes the lines `tq check` calls boilerplate. */
import { readFileSync, statSync, chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectInputError, parseJson, seed, stderrLines, tempDir, tq } from './helpers.js'

const PAGE = [
  'Advertisement',
  '',
  'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.',
  '',
  'Share this article',
  '',
  'Officials said the two delegations would meet again next week in Geneva to continue.',
  '',
].join('\n')

const CLEANED = [
  'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.',
  '',
  'Officials said the two delegations would meet again next week in Geneva to continue.',
  '',
].join('\n')

/** The lines `tq check --format json` calls boilerplate in `file`. */
function boilerplateLines(file: string, args: string[] = []): number[] {
  const report = parseJson(tq(['check', '--format', 'json', ...args, file]).stdout)
  return report.files[0]!.lines.filter((line) => line.kind === 'boilerplate').map((line) => line.line)
}

describe('tq clean', () => {
  it('prints the text without its boilerplate lines, blank lines collapsed', () => {
    const dir = tempDir({ 'page.txt': PAGE })
    const result = tq(['clean', 'page.txt'], { cwd: dir })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(CLEANED)
    // Nothing is written without --write.
    expect(readFileSync(join(dir, 'page.txt'), 'utf8')).toBe(PAGE)
  })

  it('removes exactly the lines tq check calls boilerplate, keeping the others in order', () => {
    for (const name of ['afp-original.txt', 'npr-garbled.txt']) {
      const text = readFileSync(seed(name), 'utf8')
      const removed = new Set(boilerplateLines(name))
      expect(removed.size, name).toBeGreaterThan(0)
      const cleaned = tq(['clean', name]).stdout
      const kept = text.split('\n').filter((line, index) => !removed.has(index + 1) && line.trim() !== '')
      expect(cleaned.split('\n').filter((line) => line.trim() !== ''), name).toEqual(kept)
      // No run of blank lines is longer than the longest run in the input.
      const longest = (value: string): number => Math.max(0, ...(value.match(/\n(?:[ \t]*\n)+/g) ?? []).map((run) => run.split('\n').length - 2))
      expect(longest(cleaned), name).toBeLessThanOrEqual(longest(text))
    }
  })

  it('uses --threshold: a higher threshold removes fewer lines', () => {
    const strict = tq(['clean', '--threshold', '0.99', 'afp-original.txt']).stdout
    const loose = tq(['clean', '--threshold', '0.1', 'afp-original.txt']).stdout
    expect(strict.length).toBeGreaterThan(loose.length)
    expect(tq(['clean', '--threshold', '1', 'afp-original.txt']).stdout).toBe(readFileSync(seed('afp-original.txt'), 'utf8'))
    expect(boilerplateLines('afp-original.txt').length).toBeGreaterThan(0)
  })

  it('reads standard input with -', () => {
    const result = tq(['clean', '-'], { input: PAGE })
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(CLEANED)
  })

  it('keeps CRLF line endings and a text without boilerplate unchanged', () => {
    const crlf = PAGE.replace(/\n/g, '\r\n')
    expect(tq(['clean', '-'], { input: crlf }).stdout).toBe(CLEANED.replace(/\n/g, '\r\n'))
    const plain = 'Hello world.\n'
    expect(tq(['clean', '-'], { input: plain }).stdout).toBe(plain)
  })

  it('writes one output file with -o, leaving the input alone', () => {
    const dir = tempDir({ 'page.txt': PAGE })
    const result = tq(['clean', '-o', 'out.txt', 'page.txt'], { cwd: dir })
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('')
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(CLEANED)
    expect(readFileSync(join(dir, 'page.txt'), 'utf8')).toBe(PAGE)
  })

  it('replaces files in place with --write, keeping their mode, and leaves clean files untouched', () => {
    const dir = tempDir({ 'a.txt': PAGE, 'b.txt': 'Hello world.\n' })
    chmodSync(join(dir, 'a.txt'), 0o640)
    const before = statSync(join(dir, 'b.txt')).mtimeMs
    const result = tq(['clean', '--write', 'a.txt', 'b.txt'], { cwd: dir })
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('')
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(CLEANED)
    expect(statSync(join(dir, 'a.txt')).mode & 0o777).toBe(0o640)
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('Hello world.\n')
    expect(statSync(join(dir, 'b.txt')).mtimeMs).toBe(before)
  })

  it('reads and writes JSONL records with the removed line numbers', () => {
    const input = [JSON.stringify({ id: 'a', text: PAGE }), JSON.stringify({ id: 2, text: 'Hello world.' }), ''].join('\n')
    const result = tq(['clean', '--jsonl'], { input })
    expect(result.status).toBe(0)
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: unknown; text: string; removed: number[] })
    expect(records).toEqual([
      { id: 'a', text: CLEANED, removed: [1, 5] },
      { id: 2, text: 'Hello world.', removed: [] },
    ])
  })

  it('reports a malformed JSONL record and goes on, exit code 2', () => {
    const input = ['{"id": 1, "text": 5}', JSON.stringify({ id: 2, text: PAGE }), ''].join('\n')
    const result = tq(['clean', '--jsonl'], { input })
    expect(result.status).toBe(2)
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines[0]).toEqual({ id: 1, line: 1, error: '"text" must be a string' })
    expect(lines[1]).toMatchObject({ id: 2, text: CLEANED })
    expect(stderrLines(result.stderr)).toEqual(['tq: stdin line 1: "text" must be a string'])
  })
})

describe('tq clean: usage and input errors (exit 2, nothing written)', () => {
  it('refuses several inputs without --write', () => {
    const dir = tempDir({ 'a.txt': PAGE, 'b.txt': PAGE })
    expectInputError(tq(['clean', 'a.txt', 'b.txt'], { cwd: dir }), /one text to standard output.*--write/)
    expectInputError(tq(['clean', '-o', 'out.txt', 'a.txt', 'b.txt'], { cwd: dir }), /one text to --output/)
  })

  it('refuses bad flag combinations and values', () => {
    expectInputError(tq(['clean', '--threshold', '1.5', 'afp-original.txt']), /--threshold must be a number from 0 to 1/)
    expectInputError(tq(['clean', '--threshold', 'abc', 'afp-original.txt']), /--threshold/)
    expectInputError(tq(['clean', '--write', '-o', 'x.txt', 'afp-original.txt']), /cannot be combined with --output/)
    expectInputError(tq(['clean', '--write', '-']), /standard input/)
    expectInputError(tq(['clean', '--jsonl', 'afp-original.txt']), /takes no file arguments/)
    expectInputError(tq(['clean', '--format', 'json', 'afp-original.txt']), /--format is a flag of tq check/)
    expectInputError(tq(['clean']), /no inputs given/)
    expectInputError(tq(['check', '--write', 'afp-original.txt']), /--write is a flag of tq clean/)
  })

  it('refuses a missing or binary input before writing anything', () => {
    const dir = tempDir({ 'a.txt': PAGE, 'bin.txt': Buffer.from([0x41, 0x00, 0x42]) })
    expectInputError(tq(['clean', '--write', 'a.txt', 'missing.txt'], { cwd: dir }), /no such file or directory: missing\.txt/)
    expectInputError(tq(['clean', '--write', 'a.txt', 'bin.txt'], { cwd: dir }), /binary/)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(PAGE)
    expectInputError(tq(['clean', '-o', 'a.txt', 'a.txt'], { cwd: dir }), /is the input/)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(PAGE)
  })

  it('fails with one line when the output cannot be written', () => {
    const dir = tempDir({ 'a.txt': PAGE })
    writeFileSync(join(dir, 'a.txt'), PAGE)
    expectInputError(tq(['clean', '-o', 'no/such/dir/out.txt', 'a.txt'], { cwd: dir }), /cannot write/)
  })
})
