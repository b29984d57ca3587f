/**
 * translation/locale-missing-key
 *
 * A key of the source locale file that the translation lacks: the app shows the fallback (often
 * the source text, or the key itself) there. Reported at the innermost object of the target that
 * should hold the key (the top-level object when none of its parents exists).
 */
import type { JsonNode } from '../../markup/json.js'
import { lineOf, type PairRule } from '../../markup/locale.js'
import type { RuleMeta } from '../../rule.js'

export const meta: RuleMeta = {
  id: 'translation/locale-missing-key',
  category: 'translation',
  severity: 'error',
  description: 'A key of the source locale file that the translated file lacks (checked with `tq check --source`).',
  invalid: ['{"nav": {"home": "Home", "settings": "Settings"}}\n{"nav": {"home": "Startseite"}}'],
  valid: ['{"nav": {"home": "Home", "settings": "Settings"}}\n{"nav": {"settings": "Einstellungen", "home": "Startseite"}}'],
}

export const rule: PairRule = {
  meta,
  check(pair, report) {
    for (const unit of pair.source.units) {
      if (pair.target.byKey.has(unit.key)) continue
      const holder = deepestObject(pair.target.root, unit.path.slice(0, -1))
      report(meta, { start: holder.start, end: holder.start + 1 }, `Key "${unit.key}" of the source (line ${lineOf(pair.source, unit.string.start)}) is missing`)
    }
  },
}

/** The object at `path` in `root`, or its deepest ancestor that exists. */
function deepestObject(root: JsonNode, path: readonly string[]): JsonNode {
  let node = root
  for (const segment of path) {
    const next =
      node.kind === 'object' ? node.entries.find((entry) => entry.key.value === segment)?.value : node.kind === 'array' ? node.items[Number(segment)] : undefined
    if (!next || (next.kind !== 'object' && next.kind !== 'array')) break
    node = next
  }
  return node
}
