/** Bad input: one `tq: …` line on stderr, exit code 2, nothing on stdout, no stack trace. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectInputError, seed, tempDir, tq } from './helpers.js'

const GOOD = readFileSync(seed('aljazeera-rewrite.txt'))

describe('input errors', () => {
  const dir = tempDir({
    'good.txt': GOOD,
    'binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]),
    'latin1.txt': Buffer.from('Un caf\xe9 cr\xe8me.\n', 'latin1'),
    'utf16.txt': Buffer.from('\ufeffHello', 'utf16le'),
    'empty-dir/.keep': '',
    'empty.txt': '',
    'blank.txt': ' \n\t\r\n\n',
    'bom-only.txt': '\ufeff',
    'unicode-blank.txt': '\u00a0\u3000\n\ufeff \u2003\n',
    'images/photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  })
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing file', ['check', 'missing.txt'], /no such file or directory: missing\.txt/],
    ['a directory with no text files', ['check', 'empty-dir'], /no \.txt or \.md files in directory empty-dir/],
    ['a directory with only other files', ['check', 'images'], /no \.txt or \.md files in directory images/],
    ['a glob matching nothing', ['check', '*.rst'], /no files match \*\.rst/],
    ['a binary file', ['check', 'binary.txt'], /binary\.txt looks like a binary file/],
    ['invalid UTF-8', ['check', 'latin1.txt'], /latin1\.txt is not valid UTF-8/],
    ['UTF-16', ['check', 'utf16.txt'], /utf16\.txt is UTF-16/],
    ['an empty file', ['check', 'empty.txt'], /empty\.txt is empty: there is no text to check/],
    ['a file of only a byte-order mark', ['check', 'bom-only.txt'], /bom-only\.txt is empty/],
    ['a file of only white space', ['check', 'blank.txt'], /blank\.txt holds only white space/],
    ['a file of only white space outside ASCII', ['check', 'unicode-blank.txt'], /unicode-blank\.txt holds only white space/],
    ['an empty file to clean', ['clean', 'empty.txt'], /empty\.txt is empty/],
    ['an unknown flag', ['check', '--frobnicate', 'good.txt'], /unknown option '--frobnicate'/],
    ['an unknown short flag', ['check', '-x', 'good.txt'], /unknown option '-x'/],
    ['--min-score abc', ['check', '--min-score', 'abc', 'good.txt'], /--min-score must be a number from 0 to 100, got 'abc'/],
    ['--min-score out of range', ['check', '--min-score', '101', 'good.txt'], /--min-score must be a number from 0 to 100/],
    ['--min-score without a value', ['check', 'good.txt', '--min-score'], /--min-score/],
    ['--format xml', ['check', '--format', 'xml', 'good.txt'], /unknown format 'xml'; choose one of stylish, json/],
    ['--lang that is not a code', ['check', '--lang', 'English', 'good.txt'], /--lang must be an ISO 639-1 or 639-3 code/],
    ['--ext with a glob', ['check', '--ext', 'txt,*', '.'], /--ext takes a comma-separated list/],
    ['no inputs', ['check'], /no inputs given/],
    ['no command', [], /no command given/],
    ['an unknown command', ['lint', 'good.txt'], /unknown command 'lint'/],
    ['--config naming a missing file', ['check', '--config', 'nope.json', 'good.txt'], /config file not found: nope\.json/],
  ]
  for (const [what, args, pattern] of cases) {
    it(`rejects ${what}`, () => expectInputError(tq(args, { cwd: dir }), pattern))
  }

  it('checks every input before writing any result', () => {
    for (const args of [['check', 'good.txt', 'binary.txt'], ['check', 'good.txt', 'missing.txt'], ['check', '--format', 'json', 'good.txt', 'latin1.txt']]) {
      expectInputError(tq(args, { cwd: dir }), /./)
    }
  })

  it('rejects a blank file read by the large-file path, before writing anything', () => {
    const big = tempDir({ 'a.txt': GOOD, 'big-blank.txt': ' \n'.repeat(200) })
    const env = { TQ_LARGE_FILE_BYTES: '150' }
    expectInputError(tq(['check', 'big-blank.txt'], { cwd: big, env }), /big-blank\.txt holds only white space/)
    expectInputError(tq(['clean', '--write', 'a.txt', 'big-blank.txt'], { cwd: big, env }), /big-blank\.txt holds only white space/)
    expect(readFileSync(`${big}/a.txt`)).toEqual(GOOD)
  })

  it('rejects empty stdin', () => {
    expectInputError(tq(['check', '-'], { cwd: dir, input: '' }), /<stdin> is empty/)
  })

  it('rejects invalid UTF-8 on stdin', () => {
    expectInputError(tq(['check', '-'], { cwd: dir, input: Buffer.from([0x61, 0xff, 0x62]) }), /<stdin> is not valid UTF-8/)
  })

  it('finds a NUL byte only in the first 8 KB', () => {
    const late = Buffer.concat([Buffer.from('Some text. '.repeat(1000)), Buffer.from([0])])
    const dir2 = tempDir({ 'late.txt': late })
    expect(tq(['check', '--min-score', '0', 'late.txt'], { cwd: dir2 }).status).toBe(0)
  })
})

describe('config errors', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['bad JSON', '{"minScore": 80,', /invalid config tq\.config\.json: /],
    ['not an object', '[1, 2]', /invalid config tq\.config\.json: expected a JSON object/],
    ['an unknown key', '{"minscore": 80}', /unknown key "minscore"/],
    ['a wrong type', '{"minScore": "80"}', /"minScore" must be a number from 0 to 100, got "80"/],
    ['an out-of-range minScore', '{"minScore": 101}', /"minScore" must be a number from 0 to 100, got 101/],
    ['an out-of-range boilerplateThreshold', '{"boilerplateThreshold": 1.5}', /"boilerplateThreshold" must be a number from 0 to 1/],
    ['an unknown rule', '{"rules": {"translation/no-such-rule": "error"}}', /unknown rule "translation\/no-such-rule"/],
    ['a bad severity', '{"rules": {"translation/space-before-punctuation": "fatal"}}', /rule "translation\/space-before-punctuation" must be one of "off", "info", "warning", "error"/],
    ['a bad lang', '{"lang": "english"}', /"lang" must be an ISO 639-1 or 639-3 code/],
    ['ignore not an array', '{"ignore": "drafts/**"}', /"ignore" must be an array of glob patterns/],
    ['empty extensions', '{"extensions": []}', /"extensions" must be a non-empty array/],
    ['bad extensions', '{"extensions": ["txt", 3]}', /"extensions" must be a non-empty array/],
    ['accept not an array', '{"accept": "Soschi"}', /"accept" must be an array of words or phrases, got "Soschi"/],
    ['an empty accepted term', '{"accept": ["Soschi", " "]}', /"accept"\[1\] must be a word or phrase on one line, got " "/],
    ['an accepted term that is no string', '{"accept": ["Soschi", "Kreml", 3]}', /"accept"\[2\] must be a word or phrase on one line, got 3/],
  ]
  for (const [what, content, pattern] of cases) {
    it(`rejects ${what}`, () => {
      const dir = tempDir({ 'tq.config.json': content, 'a.txt': GOOD })
      expectInputError(tq(['check', 'a.txt'], { cwd: dir }), pattern)
    })
  }

  it('keeps a multi-line JSON parser message on one line', () => {
    const dir = tempDir({ 'tq.config.json': '{\n  "minScore": 80\n  "lang": "en"\n}\n', 'a.txt': GOOD })
    expectInputError(tq(['check', 'a.txt'], { cwd: dir }), /invalid config/)
  })

  it('rejects a bad config in package.json#tq', () => {
    const dir = tempDir({ 'package.json': JSON.stringify({ name: 'x', tq: { minScore: -1 } }), 'a.txt': GOOD })
    expectInputError(tq(['check', 'a.txt'], { cwd: dir }), /invalid config package\.json: "minScore"/)
  })

  it('rejects --config naming a package.json without a tq key', () => {
    const dir = tempDir({ 'package.json': '{"name": "x"}', 'a.txt': GOOD })
    expectInputError(tq(['check', '--config', 'package.json', 'a.txt'], { cwd: dir }), /has no "tq" key/)
  })
})

describe('internal errors', () => {
  it('are one line, with the stack only under TQ_DEBUG=1', async () => {
    const { describeError } = await import('../dist/main.js')
    const error = new RangeError('boom\nsecond line')
    expect(describeError(error, {})).toBe('tq: internal error: boom second line\n')
    const debug = describeError(error, { TQ_DEBUG: '1' })
    expect(debug.startsWith('tq: internal error: boom second line\nRangeError: boom')).toBe(true)
  })
})
