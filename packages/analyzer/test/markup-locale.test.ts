/**
 * Locale JSON: one unit per string value, placeholders masked, positions inside the JSON string
 * (escapes included); and locale pairs: each pair rule's own examples from its meta, and the
 * fixture pair in fixtures/locales with exactly one instance of each defect.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeSource, checkLocalePair, localeOfPath, pairRules, ruleById, type Finding } from '../src/index.js'
import { maskPlaceholders, placeholderSignature } from '../src/markup/placeholders.js'
import { JsonSyntaxError, parseJson } from '../src/markup/json.js'

const fixture = (path: string): string => fs.readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8')

function flagged(text: string, finding: Finding): string {
  return text.split('\n')[finding.line - 1]!.slice(finding.column - 1, finding.endColumn - 1)
}

/** The prose a value reads as: placeholders as the stand-in word, dropped markup gone. */
function reading(value: string): string {
  return maskPlaceholders(value)
    .pieces.map((piece) => (piece.kind === 'text' ? value.slice(piece.from, piece.to) : piece.kind === 'stand-in' ? 'X' : ''))
    .join('')
}

describe('placeholders', () => {
  it('masks ICU, i18next, printf, tags and nesting; reads the `other` message of a plural', () => {
    expect(reading('Hello, {name}!')).toBe('Hello, X!')
    expect(reading('{count, plural, one {# file was uploaded} other {# files were uploaded}}')).toBe('X files were uploaded')
    expect(reading('{gender, select, female {She} male {He} other {They}} replied.')).toBe('They replied.')
    expect(reading('{{inviter}} invited you to {{- workspace}}.')).toBe('X invited you to X.')
    expect(reading('Used %1$s of %2$s, 50% off, 100%% sure, %(name)s and %{count}')).toBe('Used X of X, 50% off, 100%% sure, X and X')
    expect(reading('Accept the <0>terms</0> and <strong>rules</strong>.<br/>')).toBe('Accept the terms and rules.')
    expect(reading('See $t(common.help) for more.')).toBe('See X for more.')
    expect(reading('A { plain brace } stays text.')).toBe('A { plain brace } stays text.')
  })

  it('gives signatures that ignore order and plural categories', () => {
    expect(placeholderSignature('{b} and {a}')).toEqual(placeholderSignature('{a} or {b}'))
    expect(placeholderSignature('{n, plural, one {# Datei} few {# pliki} other {# Dateien}}')).toEqual(['{n}'])
    expect(placeholderSignature('%s of %d, <0>x</0>, {{a}}')).toEqual(['%d', '%s', '<0>', '{{a}}'])
  })
})

describe('locale JSON', () => {
  it('never flags a placeholder, and maps findings into the JSON string through escapes', () => {
    const source = [
      '{',
      '  "plural": "{count, plural, one {# item , left} other {# items , left}}",',
      '  "printf": "%s , %d : %1$s",',
      '  "i18next": "{{name}} , {{count}} ;",',
      '  "escaped": "Caf\\u00e9 \\"Bleu\\" opened after the summit , the owner said on Monday."',
      '}',
      '',
    ].join('\n')
    const analysis = analyzeSource(source, { syntax: 'json', lang: 'en' })
    const spaces = analysis.findings.filter((finding) => finding.ruleId === 'translation/space-before-punctuation')
    // Punctuation after a placeholder or inside plural messages is the value's own text: flagged
    // where the value has it, never on the placeholder itself.
    for (const finding of analysis.findings) expect(flagged(source, finding)).not.toMatch(/[{}%#]/)
    const escaped = spaces.find((finding) => finding.line === 5)!
    expect(flagged(source, escaped)).toBe(' ,')
    expect(escaped.column).toBe(source.split('\n')[4]!.indexOf('summit ,') + 'summit'.length + 1)
  })

  it('has one line entry per line holding a string value with prose', () => {
    const source = '{\n  "a": "First sentence here.",\n  "n": 3,\n  "b": {\n    "c": "Second sentence here."\n  },\n  "d": "{name}"\n}\n'
    expect(analyzeSource(source, { syntax: 'json', lang: 'en' }).lines.map((line) => line.line)).toEqual([2, 5])
  })

  it('turns the boilerplate rules off: a locale file is all UI strings', () => {
    const source = JSON.stringify({ a: 'Home', b: 'News', c: 'Sign in', d: 'Close', e: 'Read more', f: 'Share' }, null, 2)
    const analysis = analyzeSource(source, { syntax: 'json', lang: 'en' })
    expect(analysis.findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
    expect(analysis.lines.every((line) => line.kind === 'content')).toBe(true)
  })

  it('reports bad JSON with its line and column', () => {
    expect(() => parseJson('{\n  "a": "x",\n  "b" "y"\n}')).toThrow(JsonSyntaxError)
    expect(() => parseJson('{\n  "a": "x",\n  "b" "y"\n}')).toThrow("expected ':' after the key at line 3, column 7")
    expect(() => parseJson('{"a": "x",}')).toThrow(/expected a key/)
  })

  it('reads a locale from a path', () => {
    expect(['locales/de.json', 'de-DE.json', 'pt_BR.json', 'locales/fr/common.json', 'zh-Hant-TW.json', 'strings.json'].map(localeOfPath)).toEqual([
      'de', 'de', 'pt', 'fr', 'zh', undefined,
    ])
  })
})

describe('locale pair rules: their own examples', () => {
  for (const rule of pairRules) {
    const { meta } = rule
    const split = (example: string): [string, string] => {
      const cut = example.indexOf('\n')
      return [example.slice(0, cut), example.slice(cut + 1)]
    }
    it(`${meta.id} is registered and documented`, () => {
      expect(ruleById.get(meta.id)).toBe(meta)
      expect(meta.invalid.length).toBeGreaterThan(0)
      expect(meta.valid.length).toBeGreaterThan(0)
    })
    it.each(meta.invalid)(`${meta.id} flags %j`, (example) => {
      const [source, target] = split(example)
      const ids = checkLocalePair(source, target, { targetLanguage: 'de', sourceLanguage: 'en' }).map((finding) => finding.ruleId)
      expect(ids).toContain(meta.id)
    })
    it.each(meta.valid)(`${meta.id} accepts %j`, (example) => {
      const [source, target] = split(example)
      const ids = checkLocalePair(source, target, { targetLanguage: 'de', sourceLanguage: 'en' }).map((finding) => finding.ruleId)
      expect(ids).not.toContain(meta.id)
    })
  }
})

describe('locale pair: fixtures/locales', () => {
  const en = fixture('locales/en.json')
  const de = fixture('locales/de.json')
  const findings = analyzeSource(de, { syntax: 'json', lang: 'de', source: en, sourceLang: 'en' }).findings
  const line = (needle: string): number => de.slice(0, de.indexOf(needle)).split('\n').length

  it('finds exactly one instance of each defect, where it is', () => {
    expect(findings.map((finding) => [finding.ruleId, finding.line])).toEqual([
      ['translation/locale-missing-key', line('"nav": {')],
      ['translation/locale-extra-key', line('"profil"')],
      ['translation/locale-placeholder-mismatch', line('"welcome"')],
      ['translation/locale-number-mismatch', line('"trial"')],
      ['translation/locale-untranslated', line('"network"')],
      ['language/unexpected', line('"password"')],
    ])
  })

  it('points at the value (or the key) inside the quotes', () => {
    const at = (id: string): string => flagged(de, findings.find((finding) => finding.ruleId === id)!)
    expect(at('translation/locale-extra-key')).toBe('profil')
    expect(at('translation/locale-placeholder-mismatch')).toBe('Willkommen zurück, {nom}!')
    expect(at('translation/locale-untranslated')).toBe('The connection to the server was lost. Please try again.')
    expect(at('language/unexpected')).toBe('Votre mot de passe a été modifié avec succès.')
    expect(findings.find((finding) => finding.ruleId === 'translation/locale-missing-key')!.message).toContain('"nav.help"')
  })

  it('drops a finding once its defect is fixed, and honours rule settings', () => {
    const fixed = de.replace('{nom}', '{name}').replace('13 Tagen', '30 Tagen')
    const ids = analyzeSource(fixed, { syntax: 'json', lang: 'de', source: en, sourceLang: 'en' }).findings.map((finding) => finding.ruleId)
    expect(ids).not.toContain('translation/locale-placeholder-mismatch')
    expect(ids).not.toContain('translation/locale-number-mismatch')
    const off = analyzeSource(de, { syntax: 'json', lang: 'de', source: en, sourceLang: 'en', rules: { 'translation/locale-untranslated': 'off', 'language/unexpected': 'info' } }).findings
    expect(off.map((finding) => finding.ruleId)).not.toContain('translation/locale-untranslated')
    expect(off.find((finding) => finding.ruleId === 'language/unexpected')!.severity).toBe('info')
  })

  it('drops a pair finding on an accepted term, as the text check drops its own (found by review)', () => {
    // A string left in English on purpose: a product's slogan, accepted as a phrase.
    const slogan = 'The connection to the server was lost. Please try again.'
    const accepted = analyzeSource(de, { syntax: 'json', lang: 'de', source: en, sourceLang: 'en', accept: [slogan] }).findings.map((finding) => finding.ruleId)
    expect(accepted).not.toContain('translation/locale-untranslated')
    expect(accepted).toEqual(findings.map((finding) => finding.ruleId).filter((id) => id !== 'translation/locale-untranslated'))
  })
})
