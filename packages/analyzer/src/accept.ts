/**
 * Accepted terms (`AnalyzeOptions.accept`, the config's `accept`): the names and jargon a project
 * writes on purpose, which tq would otherwise read as foreign or improbable, as Vale's
 * vocabularies and cspell's word lists let a team say "this word is right here".
 *
 * ```text
 * accept: ["Soschi", "stdout"]
 * … at the summit in Soschi, …            ← no translation/foreign-spelling finding on `Soschi`
 * Write the report to stdout.             ← the language model does not blame `stdout`
 * ```
 *
 * A term is one word or a phrase, matched as a whole word, case-sensitively as written; where a
 * sentence starts with it, also with its first letter capitalised (`stdout` matches `Stdout.`
 * opening a sentence, and `before` never matches a `Before` in mid-sentence, which
 * translation/capitalized-noun exists to flag). Two things follow from a match:
 * - a translation or language finding whose flagged text lies inside an occurrence of an accepted
 *   term is dropped: the word a rule named is the word the project accepts. A finding on a wider
 *   span (a line without articles, a calque that holds the term) stays;
 * - the language model gives the words of an occurrence no blame, as it gives a name none
 *   (lm/fluency.ts); the same words elsewhere (`of` in an accepted `Department of the Interior`)
 *   are judged as ever.
 */

/** The accepted terms of one analysis, compiled. */
export interface Acceptance {
  /**
   * Offsets [start, end) of where the accepted terms stand in `text`, as pairs in order; occurrences
   * that overlap (`the Kreml` and `Kreml in Moskau` in `the Kreml in Moskau`) are merged into one.
   */
  occurrences(text: string): Int32Array
}

/** The last terms compiled, and their matcher: `--jsonl` analyses every record with the same list. */
let cached: { key: string; acceptance: Acceptance | undefined } | undefined

/** The matcher of `terms`; undefined when there are none (the analyzer then does nothing extra). */
export function acceptanceOf(terms: readonly string[] | undefined): Acceptance | undefined {
  if (terms === undefined || terms.length === 0) return undefined
  const key = JSON.stringify(terms)
  if (cached?.key === key) return cached.acceptance
  const acceptance = compile(terms)
  cached = { key, acceptance }
  return acceptance
}

function compile(terms: readonly string[]): Acceptance | undefined {
  const written = new Set<string>()
  for (const term of terms) {
    const trimmed = term.trim().replace(/\s+/g, ' ')
    if (trimmed !== '') written.add(trimmed)
  }
  if (written.size === 0) return undefined
  const capitalised = new Set<string>()
  for (const term of written) {
    const form = term.charAt(0).toUpperCase() + term.slice(1)
    if (!written.has(form)) capitalised.add(form)
  }
  // Two scans: the terms as written, anywhere; their capitalised forms, where a sentence starts.
  // Apart, a capitalised form refused in mid-sentence (`Kreml in moskau` of `kreml in moskau`)
  // cannot hide a term as written at the same place (`Kreml`).
  const anywhere = patternOf(written)
  const atStart = capitalised.size > 0 ? patternOf(capitalised) : undefined
  return {
    occurrences(text: string): Int32Array {
      const found: Array<[number, number]> = []
      scan(anywhere, text, found, () => true)
      if (atStart) scan(atStart, text, found, (start) => startsSentence(text, start))
      found.sort((a, b) => a[0] - b[0])
      // Overlapping occurrences (`the Kreml` and `Kreml in Moskau`) merge into one stretch.
      const merged: number[] = []
      for (const [start, end] of found) {
        const last = merged.length - 1
        if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end)
        else merged.push(start, end)
      }
      return Int32Array.from(merged)
    },
  }
}

/** One alternation of `forms`, longest first (`New York Times` wins over `New York` at one place), as whole words. */
function patternOf(forms: ReadonlySet<string>): RegExp {
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escape)
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'gu')
}

/** Every match of `pattern` in `text` that `keep` keeps, overlapping ones too, into `found`. */
function scan(pattern: RegExp, text: string, found: Array<[number, number]>, keep: (start: number) => boolean): void {
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index
    // Look for another occurrence starting inside this one, not only after it: from the next word.
    // Past the match's first character, a whole code point (`😀`, `𠮷`): inside a surrogate pair a
    // `u` pattern starts again at the pair, and the scan would never move on.
    WORD_START.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1)
    pattern.lastIndex = WORD_START.exec(text)?.index ?? text.length
    if (keep(start)) found.push([start, start + match[0].length])
  }
}

/** Where a word starts: a letter, digit or other character after one that continues no word. */
const WORD_START = /(?<![\p{L}\p{N}_])\S/gu

/** Opening marks and white space, which may stand between a sentence's start and its first word. */
const OPENERS = /[\s"“„‘'«‹(\[*_>#–—-]*$/u
/** A full stop (or a line break) before them. */
const AFTER_STOP = /[\n.!?…:;][\s"“„‘'«‹(\[*_>#–—-]*$/u

/** Whether the word at `start` starts a sentence: after the text's start, a line break or a full stop, and opening marks. */
function startsSentence(text: string, start: number): boolean {
  const from = Math.max(0, start - 24)
  const before = text.slice(from, start)
  if (from === 0 && OPENERS.exec(before)?.index === 0) return true
  return AFTER_STOP.test(before)
}

/** Whether [start, end) lies inside one of `occurrences` (pairs of offsets, in order, not overlapping). */
export function insideOccurrence(occurrences: Int32Array, start: number, end: number): boolean {
  // Binary search for the last occurrence starting at or before `start`.
  let low = 0
  let high = occurrences.length / 2 - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >>> 1
    if (occurrences[2 * middle]! <= start) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  return found >= 0 && end <= occurrences[2 * found + 1]!
}

/** The occurrences that fall within [start, end), moved to offsets from `start`; undefined when none. */
export function occurrencesWithin(occurrences: Int32Array, start: number, end: number): Int32Array | undefined {
  // Binary search for the first occurrence that ends after `start`.
  let low = 0
  let high = occurrences.length / 2
  while (low < high) {
    const middle = (low + high) >>> 1
    if (occurrences[2 * middle + 1]! <= start) low = middle + 1
    else high = middle
  }
  const first = 2 * low
  let last = first
  while (last < occurrences.length && occurrences[last]! < end) last += 2
  if (last === first) return undefined
  const within = occurrences.slice(first, last)
  for (let i = 0; i < within.length; i++) within[i] = within[i]! - start
  return within
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
}
