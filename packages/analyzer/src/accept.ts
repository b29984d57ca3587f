/**
 * Accepted terms (`AnalyzeOptions.accept`, the config's `accept`): the names and jargon a project
 * writes on purpose, which tq would otherwise read as foreign or improbable, as Vale's
 * vocabularies and cspell's word lists let a team say "this word is right here".
 *
 * ```text
 * accept: ["Soschi", "stdout"]
 * … at the summit in Soschi, …            ← no translation/foreign-spelling finding on `Soschi`
 * Write the report to stdout.             ← the language model reads `stdout` as a name
 * ```
 *
 * A term is one word or a phrase, matched as a whole word, case-sensitively as written, or with
 * its first letter capitalised (a sentence starts with it): `stdout` matches `Stdout` at the start
 * of a sentence, `Soschi` never matches `soschi`. Two things follow from a match:
 * - a translation (or language) finding whose flagged text lies inside an occurrence of an accepted
 *   term is dropped: the word a rule named is the word the project accepts. A finding on a wider
 *   span (a line without articles, a sentence in the wrong order) stays, whatever terms it holds;
 * - the language model gives the term's words no blame, as it gives a name none
 *   (lm/fluency.ts), so the line's `translation` value and the improbable-wording rule judge the
 *   wording around the term, not the term.
 */

/** What the analyzer needs of the accepted terms. */
export interface Acceptance {
  /** Every word of every term, in each accepted casing, for the language model. */
  readonly words: ReadonlySet<string>
  /** Offsets [start, end) of each occurrence of an accepted term in `text`, in order. */
  occurrences(text: string): Int32Array
}

/** The matcher of `terms`; undefined when there are none (the analyzer then does nothing extra). */
export function acceptanceOf(terms: readonly string[] | undefined): Acceptance | undefined {
  const forms = new Set<string>()
  for (const term of terms ?? []) {
    const trimmed = term.trim()
    if (trimmed === '') continue
    forms.add(trimmed)
    forms.add(trimmed.charAt(0).toUpperCase() + trimmed.slice(1))
  }
  if (forms.size === 0) return undefined
  const words = new Set<string>()
  for (const form of forms) for (const word of form.split(/[^\p{L}\p{N}_]+/u)) if (word !== '') words.add(word)
  // Longest first, so that `New York Times` wins over `New York` at the same place.
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escape)
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'gu')
  return {
    words,
    occurrences(text: string): Int32Array {
      const found: number[] = []
      pattern.lastIndex = 0
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) found.push(match.index, match.index + match[0].length)
      return Int32Array.from(found)
    },
  }
}

/** Whether [start, end) lies inside one of `occurrences` (pairs of offsets, in order). */
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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
}
