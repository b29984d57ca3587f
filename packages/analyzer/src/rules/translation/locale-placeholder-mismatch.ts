/**
 * translation/locale-placeholder-mismatch
 *
 * A translated value whose placeholders differ from the source's: a placeholder dropped, added,
 * renamed or translated (`{name}` → `{nom}`, `%s` → `%d`, `{{count}}` → `{count}`), so the app shows
 * a raw placeholder or loses a value. Placeholders are compared as a set with their counts, in any
 * order; the plural categories inside `{count, plural, …}` may differ between languages.
 */
import { placeholderSignature } from '../../markup/placeholders.js'
import { sharedUnits, valueSpan, type PairRule } from '../../markup/locale.js'
import type { RuleMeta } from '../../rule.js'

export const meta: RuleMeta = {
  id: 'translation/locale-placeholder-mismatch',
  category: 'translation',
  severity: 'error',
  description: 'A translated value whose placeholders (`{name}`, `{{count}}`, `%s`, `<0>`) differ from the source (checked with `tq check --source`).',
  invalid: ['{"welcome": "Welcome back, {name}!"}\n{"welcome": "Willkommen zurück, {nom}!"}', '{"items": "%d items in %s"}\n{"items": "%s Artikel"}'],
  valid: [
    '{"welcome": "Welcome back, {name}!"}\n{"welcome": "{name}, willkommen zurück!"}',
    '{"files": "{count, plural, one {# file} other {# files}}"}\n{"files": "{count, plural, one {# Datei} other {# Dateien}}"}',
  ],
}

export const rule: PairRule = {
  meta,
  check(pair, report) {
    for (const { source, target } of sharedUnits(pair)) {
      const expected = placeholderSignature(source.string.value)
      const found = placeholderSignature(target.string.value)
      const missing = difference(expected, found)
      const extra = difference(found, expected)
      if (missing.length === 0 && extra.length === 0) continue
      const parts = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', extra.length > 0 ? `unexpected ${extra.join(', ')}` : '']
      report(meta, valueSpan(target.string), `Placeholders differ from the source: ${parts.filter(Boolean).join('; ')}`)
    }
  },
}

/** Items of `a` not matched by an item of `b` (multiset difference). */
export function difference(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b]
  const out: string[] = []
  for (const item of a) {
    const index = left.indexOf(item)
    if (index === -1) out.push(item)
    else left.splice(index, 1)
  }
  return out
}
