/** `tq check --source en.json de.json`: locale pairs. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectInputError, parseJson, tempDir, tq } from './helpers.js'

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures')
const de = readFileSync(resolve(FIXTURES, 'locales/de.json'), 'utf8')
const lineOf = (needle: string): number => de.slice(0, de.indexOf(needle)).split('\n').length

describe('--source', () => {
  const result = tq(['check', '--format', 'json', '--source', 'locales/en.json', 'locales/de.json'], { cwd: FIXTURES })
  const file = parseJson(result.stdout).files[0]!

  it('reports exactly the defects of the pair, each where it is in the translated file', () => {
    expect(result.stderr).toBe('')
    expect(result.status).toBe(1)
    expect(file.path).toBe('locales/de.json')
    expect(file.language).toBe('de')
    expect(file.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([
      ['translation/locale-missing-key', lineOf('"nav": {')],
      ['translation/locale-extra-key', lineOf('"profil"')],
      ['translation/locale-placeholder-mismatch', lineOf('"welcome"')],
      ['translation/locale-number-mismatch', lineOf('"trial"')],
      ['translation/locale-untranslated', lineOf('"network"')],
      ['language/unexpected', lineOf('"password"')],
    ])
    for (const finding of file.findings) expect(finding.url).toMatch(/README\.md#[a-z-]+$/)
  })

  it('the translated file alone has none of those findings', () => {
    const alone = parseJson(tq(['check', '--format', 'json', 'locales/de.json'], { cwd: FIXTURES }).stdout).files[0]!
    expect(alone.findings.filter((finding) => finding.ruleId.startsWith('translation/locale-'))).toEqual([])
    expect(alone.findings).toEqual([])
  })

  it('checks the source itself on its own when a glob names it too', () => {
    const both = parseJson(tq(['check', '--format', 'json', '--source', 'locales/en.json', 'locales/*.json'], { cwd: FIXTURES }).stdout)
    expect(both.files.map((entry) => entry.path)).toEqual(['locales/de.json', 'locales/en.json'])
    expect(both.files[1]!.findings).toEqual([])
    expect(both.files[0]!.findings).toHaveLength(6)
  })

  it('a rule can be turned off in the config like any other', () => {
    const off = tq(['check', '--format', 'json', '--config', 'tq.config.json', '--source', resolve(FIXTURES, 'locales/en.json'), resolve(FIXTURES, 'locales/de.json')], {
      cwd: tempDir({ 'tq.config.json': JSON.stringify({ rules: { 'translation/locale-untranslated': 'off' } }) }),
    })
    const ids = parseJson(off.stdout).files[0]!.findings.map((finding) => finding.ruleId)
    expect(ids).toHaveLength(5)
    expect(ids).not.toContain('translation/locale-untranslated')
  })

  it('a missing or malformed source is an input error', () => {
    expectInputError(tq(['check', '--source', 'locales/xx.json', 'locales/de.json'], { cwd: FIXTURES }), /no such file: locales\/xx\.json \(--source\)/)
    expectInputError(tq(['check', '--source', 'markup/guide.md', 'locales/de.json'], { cwd: FIXTURES }), /markup\/guide\.md is not valid JSON/)
    expectInputError(tq(['check', '--jsonl', '--source', 'locales/en.json'], { cwd: FIXTURES }), /--source compares files; it cannot be combined with --jsonl/)
  })
})

