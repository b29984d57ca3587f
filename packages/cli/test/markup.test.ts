/** `tq check` on Markdown, HTML and locale JSON: syntax by extension or `--syntax`, positions in the original file. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectInputError, parseJson, tempDir, tq } from './helpers.js'

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures')
const GUIDE = 'markup/guide.md'
const guide = readFileSync(resolve(FIXTURES, GUIDE), 'utf8')
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length

describe('Markdown input', () => {
  const report = parseJson(tq(['check', '--format', 'json', GUIDE], { cwd: FIXTURES }).stdout)
  const file = report.files[0]!

  it('is read as Markdown by its extension: findings only in the garbled paragraph, at its columns', () => {
    const garbled = lineOf(guide, 'Putin did not agree')
    expect(file.findings.length).toBeGreaterThan(0)
    expect(file.findings.filter((finding) => finding.line !== garbled)).toEqual([])
    const line = guide.split('\n')[garbled - 1]!
    const quote = file.findings.find((finding) => finding.ruleId === 'translation/quote-misplaced')!
    expect(quote.column).toBe(line.indexOf('“said') + 1)
    expect(line.slice(quote.column - 1, quote.endColumn - 1)).toBe('“')
  })

  it('as plain text (--syntax text), the front matter and code blocks are flagged too', () => {
    const plain = parseJson(tq(['check', '--format', 'json', '--syntax', 'text', GUIDE], { cwd: FIXTURES }).stdout).files[0]!
    const lines = new Set(plain.findings.map((finding) => finding.line))
    expect(lines.has(lineOf(guide, 'title: "Installing'))).toBe(true)
    expect(lines.has(lineOf(guide, '1.2.3 , build'))).toBe(true)
  })

  it('--syntax forces a reading whatever the extension', () => {
    const page = '<p>The talks went on after the summit , the spokesman said.</p>\n<script>var a = "b , c"</script>\n'
    const dir = tempDir({ 'page.txt': page })
    const html = parseJson(tq(['check', '--format', 'json', '--syntax', 'html', 'page.txt'], { cwd: dir }).stdout).files[0]!
    expect(html.findings.map((finding) => [finding.ruleId, finding.line, finding.column])).toEqual([['translation/space-before-punctuation', 1, page.indexOf(' ,') + 1]])
  })

  it('rejects an unknown syntax, and --source with a file that is not JSON', () => {
    expectInputError(tq(['check', '--syntax', 'rst', GUIDE], { cwd: FIXTURES }), /unknown syntax 'rst'; choose one of text, markdown, mdx, html, json/)
    expectInputError(tq(['check', '--source', 'locales/en.json', GUIDE], { cwd: FIXTURES }), /--source compares locale JSON files, but markup\/guide\.md is read as markdown/)
  })

  it('reports a malformed JSON file as an input error with its position', () => {
    const dir = tempDir({ 'de.json': '{\n  "a": "Hallo",\n  "b": "Welt",\n}\n' })
    expectInputError(tq(['check', 'de.json'], { cwd: dir }), /^tq: de\.json is not valid JSON: expected a key in double quotes at line 4, column 1$/)
  })
})
