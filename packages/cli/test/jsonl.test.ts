/** `tq check --jsonl`: one record in, one result out, the same result as checking a file. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BIN, SEED_FILES, parseJson, seed, stderrLines, tempDir, tq } from './helpers.js'

function records(stdout: string): Array<Record<string, unknown>> {
  return stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>)
}

function jsonl(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join('\n') + '\n'
}

describe('--jsonl', () => {
  it('gives the same scores, findings and lines as checking the files', () => {
    const texts = SEED_FILES.map((name) => readFileSync(seed(name), 'utf8'))
    const result = tq(['check', '--jsonl'], { input: jsonl(SEED_FILES.map((name, index) => ({ id: name, text: texts[index] }))) })
    const fromFiles = parseJson(tq(['check', '--format', 'json', ...SEED_FILES]).stdout)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(fromFiles.summary.failed > 0 ? 1 : 0)

    const out = records(result.stdout)
    expect(out).toHaveLength(SEED_FILES.length)
    out.forEach((record, index) => {
      const { path, ...file } = fromFiles.files[index]!
      expect(Object.keys(record)).toEqual(['id', ...Object.keys(file)])
      expect(record).toEqual({ id: path, ...file })
    })
  })

  it('applies the same options as file mode (--min-score, --quiet, config)', () => {
    const dir = tempDir({ 'tq.config.json': JSON.stringify({ minScore: 100 }), 'a.txt': readFileSync(seed('afp-roundtrip.txt')) })
    const text = readFileSync(seed('afp-roundtrip.txt'), 'utf8')
    for (const flags of [[], ['--quiet'], ['--min-score', '10']]) {
      const [record] = records(tq(['check', '--jsonl', ...flags], { cwd: dir, input: jsonl([{ id: 1, text }]) }).stdout)
      const [file] = parseJson(tq(['check', '--format', 'json', ...flags, 'a.txt'], { cwd: dir }).stdout).files
      const { path: _path, ...expected } = file!
      expect(record).toEqual({ id: 1, ...expected })
    }
  })

  it('exits 1 when a record fails the bar', () => {
    const result = tq(['check', '--jsonl', '--min-score', '100'], { input: jsonl([{ id: 'x', text: readFileSync(seed('ndtv-boilerplate.txt'), 'utf8') }]) })
    const [record] = records(result.stdout)
    expect(record!.pass).toBe(false)
    expect(result.status).toBe(1)
  })

  it('writes an error object for a malformed line, notes it on stderr, goes on, and exits 2', () => {
    const input = jsonl([
      { id: 'first', text: 'A short and simple sentence.' },
      'this is not JSON',
      '',
      { id: 'no-text' },
      [1, 2],
      { id: { nested: true }, text: 'x' },
      { id: 'last', text: 'Another short sentence.', extra: 'ignored' },
    ])
    const result = tq(['check', '--jsonl'], { input })
    expect(result.status).toBe(2)
    const out = records(result.stdout)
    expect(out.map((record) => record.id)).toEqual(['first', null, 'no-text', null, null, 'last'])
    expect(out.map((record) => record.line)).toEqual([undefined, 2, 4, 5, 6, undefined])
    for (const record of out.filter((entry) => 'error' in entry)) {
      expect(Object.keys(record)).toEqual(['id', 'line', 'error'])
      expect(typeof record.error).toBe('string')
    }
    expect(out[5]!.scores).toBeDefined()
    const notes = stderrLines(result.stderr)
    expect(notes).toHaveLength(4)
    expect(notes.map((note) => /^tq: stdin line (\d+): /.exec(note)?.[1])).toEqual(['2', '4', '5', '6'])
  })

  it('rejects a line that is not UTF-8 but keeps the others', () => {
    const good = Buffer.from(JSON.stringify({ id: 'ok', text: 'Plain text here.' }) + '\n')
    const bad = Buffer.concat([Buffer.from('{"id":"bad","text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')])
    const result = tq(['check', '--jsonl'], { input: Buffer.concat([bad, good]) })
    expect(records(result.stdout).map((record) => [record.id, record.error === undefined])).toEqual([[null, false], ['ok', true]])
    expect(result.status).toBe(2)
  })

  it('accepts CRLF line endings, a BOM and a last line without a newline', () => {
    const text = readFileSync(seed('aljazeera-rewrite.txt'), 'utf8')
    const input = '\uFEFF' + JSON.stringify({ id: 'a', text }) + '\r\n' + JSON.stringify({ id: 'b', text })
    const out = records(tq(['check', '--jsonl'], { input }).stdout)
    expect(out.map((record) => record.id)).toEqual(['a', 'b'])
    expect({ ...out[0], id: 'b' }).toEqual(out[1])
  })

  it('writes nothing and exits 0 for empty input', () => {
    expect(tq(['check', '--jsonl'], { input: '' })).toEqual({ status: 0, stdout: '', stderr: '' })
  })

  it('streams many records', () => {
    const count = 300
    const input = jsonl(Array.from({ length: count }, (_, index) => ({ id: index, text: `Line number ${index} of a simple test.` })))
    const out = records(tq(['check', '--jsonl', '--min-score', '0'], { input }).stdout)
    expect(out.map((record) => record.id)).toEqual(Array.from({ length: count }, (_, index) => index))
  })

  it('stops quietly when the reader closes the pipe', () => {
    const dir = tempDir({
      'many.jsonl': jsonl(Array.from({ length: 3000 }, (_, index) => ({ id: index, text: `Short sentence number ${index}.` }))),
    })
    const script = `"${process.execPath}" "${BIN}" check --jsonl --min-score 0 < many.jsonl | head -c 100; echo " status=\${PIPESTATUS[0]:-?}"`
    const result = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^\{"id":0,.* status=0\n$/s)
  })

  it('takes no file arguments and no --format', () => {
    for (const args of [['check', '--jsonl', 'a.txt'], ['check', '--jsonl', '--format', 'json']]) {
      const result = tq(args)
      expect(result.status).toBe(2)
      expect(result.stdout).toBe('')
      expect(stderrLines(result.stderr)).toHaveLength(1)
    }
  })
})
