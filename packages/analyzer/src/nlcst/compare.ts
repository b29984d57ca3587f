/**
 * Where two nlcst trees differ, for checking the fast parser (./index.ts, a port of parse-latin /
 * parse-english for speed) against the reference parsers, which are the oracle.
 *
 * Compares what a detector can read: node types, values, children and positions (line, column,
 * offset of both ends), plus any other own property. Key order and the sharing of point objects
 * are not compared.
 */

/** A readable path to the first difference between `actual` and `expected`, or undefined if equal. */
export function firstDifference(actual: unknown, expected: unknown): string | undefined {
  const found = difference(actual, expected)
  return found === undefined ? undefined : `$${found}`
}

/** The first difference as `path: what`, the path built only on the way back from one. */
function difference(actual: unknown, expected: unknown): string | undefined {
  if (actual === expected) return undefined
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) {
    return `: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) return ': array ≠ object'
  if (Array.isArray(actual) && Array.isArray(expected)) {
    const length = Math.min(actual.length, expected.length)
    for (let index = 0; index < length; index++) {
      const found = difference(actual[index], expected[index])
      if (found !== undefined) return `[${index}]${found}`
    }
    if (actual.length !== expected.length) return `: ${actual.length} children ≠ ${expected.length}`
    return undefined
  }
  const a = actual as Record<string, unknown>
  const b = expected as Record<string, unknown>
  const name = (): string => (typeof b.type === 'string' ? `<${b.type}>` : '')
  // Type and value first: they say more than a position.
  for (const key of ['type', 'value']) {
    if (!(key in a) && !(key in b)) continue
    if (!(key in a) || !(key in b)) return `${name()}.${key}: ${key in a ? 'extra' : 'missing'}`
    const found = difference(a[key], b[key])
    if (found !== undefined) return `${name()}.${key}${found}`
  }
  for (const key in b) {
    if (key === 'type' || key === 'value') continue
    if (!(key in a)) return `${name()}.${key}: missing`
    const found = difference(a[key], b[key])
    if (found !== undefined) return `${name()}.${key}${found}`
  }
  for (const key in a) if (!(key in b)) return `${name()}.${key}: extra`
  return undefined
}
