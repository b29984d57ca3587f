/**
 * translation/locale-extra-key
 *
 * A key in the translated locale file that the source does not have: a renamed or removed key left
 * behind, or a typo in the key, so the translation is never shown.
 */
import type { PairRule } from '../../markup/locale.js'
import type { RuleMeta } from '../../rule.js'

export const meta: RuleMeta = {
  id: 'translation/locale-extra-key',
  category: 'translation',
  severity: 'warning',
  description: 'A key in the translated locale file that the source does not have: renamed, removed or misspelt (checked with `tq check --source`).',
  invalid: ['{"signIn": "Sign in"}\n{"signIn": "Anmelden", "singIn": "Anmelden"}'],
  valid: ['{"signIn": "Sign in", "signOut": "Sign out"}\n{"signIn": "Anmelden", "signOut": "Abmelden"}'],
}

export const rule: PairRule = {
  meta,
  check(pair, report) {
    for (const unit of pair.target.units) {
      if (pair.source.byKey.has(unit.key)) continue
      const literal = unit.keyString ?? unit.string
      report(meta, { start: literal.start + 1, end: Math.max(literal.start + 1, literal.end - 1) }, `Key "${unit.key}" is not in the source`)
    }
  },
}
