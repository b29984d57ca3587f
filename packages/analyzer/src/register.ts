/**
 * How technical a text is, for the line model (lines.ts): the share of its words that are code.
 *
 * tq's language model learned English from news, speeches and encyclopaedia text. Documentation
 * is English too, but of another register: `Pass a callback to control the box dimensions`, `the
 * config overrides the defaults` are n-grams news never writes, and the model read correct
 * technical prose as machine translation (human READMEs of npm packages: 9% reached 70 on
 * `translation`; scripts/eval-technical.mjs). Such text is easy to recognise by its code, which
 * machine translation leaves as it is:
 *
 * ```text
 * Use `readFile` from `node:fs`, or pass --force to skip the check.   ← 3 markers in 12 words
 * The talks ended without a commitment to a ceasefire.                ← none
 * ```
 *
 * Markers: inline code in backticks, identifiers written as code (`readFile`, `package.json`,
 * `src/index.ts`, `snake_case`; not the brands `iPhone` and `macOS`, nor `ended.The`, a scrape's
 * glued sentences), command-line flags (`--force`, `-o`), calls (`run()`) and URLs.
 * A URL counts once. Per 100 words: 95% of human READMEs (scripts/eval-technical.mjs) have 3.4 or
 * more, 99% 1.4 or more; 99% of the news articles of mt-docs-dev.jsonl (human, round trips, WMT
 * systems) have under 0.6 and none reaches `FROM`; 99% of the scraped pages of boilerplate-dev.jsonl
 * have under 1.1.
 */

/**
 * One pass over the text finds every marker; the alternatives are tried left to right, the one
 * that starts mid-word first (`package.json`, `src/index.ts`): in that order the pass over 5 MB of
 * news takes about 33 ms, in the order of the list above 48–73 ms, for the same count. A URL is
 * one marker, however many dots and slashes it holds.
 */
const MARKER = /[A-Za-z]{2}[._/][a-z]\w*|https?:\/\/\S+|`[^`\n]+`|(?<![\w-])--?[a-z][\w-]*|\b[a-z]{2,}[A-Z][a-z]\w*|\w\(\)/g

/** Code density (markers per word) from which a text starts to count as technical, and at which it is wholly so. */
const FROM = 0.015
const FULL = 0.04

/**
 * Code markers per word of `text`, which holds `words` words. `standIn`: the word a markup front
 * end put where the file had inline code (markup/stand-in.ts), which counts as a marker too.
 */
export function codeDensity(text: string, words: number, standIn?: string): number {
  if (words === 0) return 0
  const pattern = standIn === undefined ? MARKER : withStandIn(standIn)
  let markers = 0
  pattern.lastIndex = 0
  while (pattern.exec(text) !== null) markers++
  return markers / words
}

let standInPattern: { standIn: string; pattern: RegExp } | undefined

function withStandIn(standIn: string): RegExp {
  if (standInPattern?.standIn !== standIn) standInPattern = { standIn, pattern: new RegExp(`${MARKER.source}|\\b${standIn}\\b`, 'g') }
  return standInPattern.pattern
}

/** How technical a text of code density `density` is: 0 (prose) to 1 (documentation), linear in between. */
export function technicalWeight(density: number): number {
  return Math.min(1, Math.max(0, (density - FROM) / (FULL - FROM)))
}
