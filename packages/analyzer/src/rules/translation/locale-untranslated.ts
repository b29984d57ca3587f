/**
 * translation/locale-untranslated
 *
 * A value of the translated locale file left identical to the source: the string was never
 * translated. Values of fewer than two words (`OK`, `Name`, `Status`) and names in title case
 * (`Team Notes`) are often the same in both languages and are not flagged, nor is anything when
 * both files are in one language.
 */
import { proseOf, sharedUnits, valueSpan, type PairRule } from '../../markup/locale.js'
import type { RuleMeta } from '../../rule.js'

export const meta: RuleMeta = {
  id: 'translation/locale-untranslated',
  category: 'translation',
  severity: 'error',
  description: 'A value of the translated locale file left identical to the source text (checked with `tq check --source`).',
  invalid: ['{"saved": "Your changes have been saved."}\n{"saved": "Your changes have been saved."}'],
  valid: [
    '{"saved": "Your changes have been saved."}\n{"saved": "Ihre Änderungen wurden gespeichert."}',
    '{"ok": "OK", "status": "Status", "app": "Team Notes"}\n{"ok": "OK", "status": "Status", "app": "Team Notes"}',
  ],
}

const WORD = /\p{L}{2,}/gu

export const rule: PairRule = {
  meta,
  check(pair, report) {
    if (pair.sourceLanguage !== 'und' && pair.sourceLanguage === pair.targetLanguage) return
    for (const { source, target } of sharedUnits(pair)) {
      if (target.string.value.trim() !== source.string.value.trim()) continue
      const words = proseOf(target.string.value).match(WORD) ?? []
      if (words.length < 2 || words.every((word) => /^\p{Lu}/u.test(word))) continue
      report(meta, valueSpan(target.string), 'Value is identical to the source: not translated')
    }
  },
}
