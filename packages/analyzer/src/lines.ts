/**
 * Per-line values: how likely each line is page junk (from the boilerplate classifier) and how
 * strongly it shows machine-translation artifacts (from the translation findings on it).
 */
import type { TqContext } from './rule.js'
import type { Finding, LineResult, Severity } from './types.js'

/** How much one finding of each severity adds to a line's `translation` value (combined as 1 − Π(1 − w)). */
const TRANSLATION_WEIGHT: Record<Severity, number> = { error: 0.6, warning: 0.35, info: 0.1 }

/** One entry per non-blank line. */
export function lineResults(ctx: TqContext, findings: readonly Finding[], threshold: number): LineResult[] {
  const keep = new Float64Array(ctx.document.lines.length).fill(1)
  for (const finding of findings) {
    if (finding.category !== 'translation') continue
    for (let line = finding.line; line <= finding.endLine; line++) {
      keep[line - 1]! *= 1 - TRANSLATION_WEIGHT[finding.severity]
    }
  }
  const results: LineResult[] = []
  for (const line of ctx.document.lines) {
    if (line.blank) continue
    const index = line.number - 1
    const boilerplate = round(ctx.boilerplate[index]!)
    results.push({
      line: line.number,
      kind: boilerplate > threshold ? 'boilerplate' : 'content',
      boilerplate,
      translation: round(1 - keep[index]!),
    })
  }
  return results
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
