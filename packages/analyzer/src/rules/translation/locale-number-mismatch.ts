/**
 * translation/locale-number-mismatch
 *
 * A translated value whose numbers differ from the source's (`30 days` → `13 Tage`): a typo that
 * changes a price, a limit or a date. Numbers are compared by their digits, so `1,000` and `1.000`
 * or `2.5` and `2,5` (the same number in another locale's format) agree; numbers inside
 * placeholders are ignored.
 */
import { proseOf, sharedUnits, valueSpan, type PairRule } from '../../markup/locale.js'
import type { RuleMeta } from '../../rule.js'
import { difference } from './locale-placeholder-mismatch.js'

export const meta: RuleMeta = {
  id: 'translation/locale-number-mismatch',
  category: 'translation',
  severity: 'warning',
  description: 'A translated value whose numbers differ from the source (checked with `tq check --source`).',
  invalid: ['{"trial": "Your free trial ends in 30 days."}\n{"trial": "Ihre kostenlose Testphase endet in 13 Tagen."}'],
  valid: ['{"limit": "Upload up to 1,000 files of 2.5 MB."}\n{"limit": "Laden Sie bis zu 1.000 Dateien mit 2,5 MB hoch."}'],
}

const NUMBER = /\p{Nd}+(?:[.,'\u00a0\u202f]\p{Nd}+)*/gu

/** The numbers of a value's prose, as digit strings. */
export function numbersIn(value: string): string[] {
  return (proseOf(value).match(NUMBER) ?? []).map((number) => number.replace(/\D/gu, ''))
}

export const rule: PairRule = {
  meta,
  check(pair, report) {
    for (const { source, target } of sharedUnits(pair)) {
      const expected = numbersIn(source.string.value)
      const found = numbersIn(target.string.value)
      const missing = difference(expected, found)
      const extra = difference(found, expected)
      if (missing.length === 0 && extra.length === 0) continue
      const parts = [missing.length > 0 ? `${missing.join(', ')} in the source` : '', extra.length > 0 ? `${extra.join(', ')} here` : '']
      report(meta, valueSpan(target.string), `Numbers differ from the source: ${parts.filter(Boolean).join(', ')}`)
    }
  },
}
