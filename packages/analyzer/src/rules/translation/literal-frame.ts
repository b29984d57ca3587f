/**
 * translation/literal-frame
 *
 * The stretch of a sentence that is built the way word-for-word machine translation builds it:
 * `the future of execution of law` (for "the future of law enforcement"), `is read of the directory
 * of work`. The sentence is reduced to its frame, its function words kept and every other word a
 * class (src/lm/skeleton.ts: `the W of W of W`), and the frame's bigrams and trigrams are looked up
 * in a table of log-odds learned from human articles against their machine round trips. The
 * finding marks the words under the `FRAME_WINDOW` consecutive frame positions with the highest
 * sum (the four tokens their bigrams cover), so a reader sees which words gave a line away even
 * when no word pair is improbable on its own. The line's `translation` value reads the mean of the
 * same log-odds (the `frame` feature); the findings themselves do not enter it (lines.ts
 * `NOT_IN_LINE_VALUE`), so the evidence is not counted twice there.
 *
 * The rule runs inside translation/improbable-wording's pass over the sentences (both read the
 * same tokens); this file holds what defines it.
 *
 * Exceptions: sentences of fewer than six words are not judged, nor text in another language than
 * English, nor a text when the frame table is missing. No window is read over a number, a symbol,
 * a placeholder's stand-in or an accepted term (`proof of stake` in the config's `accept`), nor over
 * the end of a line that ends without a mark (a heading, a list item). Documentation, whose frames
 * are not news's (`the value of the option`), needs a higher sum (`TECHNICAL_SHIFT`).
 */
import type { RuleMeta } from '../../rule.js'

export const meta: RuleMeta = {
  id: 'translation/literal-frame',
  category: 'translation',
  severity: 'info',
  description:
    'A stretch built the way word-for-word machine translation builds sentences (`the future of execution of law`): its frame of function words and word classes is one round trips write and human news rarely has.',
  invalid: [
    'The police of the US launched what they say is the future of execution of law in the form of a drone.',
    'The file of configuration is read of the directory of work.',
  ],
  valid: [
    'US police launched what they say is the future of law enforcement in the form of a drone.',
    'The configuration file is read from the working directory.',
    'Collaborators in the project include the bureau, the US Department of Energy and the University of Washington.',
  ],
}

/**
 * Log-odds (natural) a sentence's highest window must reach. Chosen on the human originals of
 * mt-docs-dev.jsonl and their Apertium round trips, read with frame tables learned without them
 * (5 folds by doc_key): at 8, `node scripts/eval-translation.mjs` counts 0.18 findings per 1,000
 * words on the originals and 6.4 on the round trips; in 427 READMEs read whole as Markdown
 * none (`node scripts/eval-technical.mjs`).
 */
export const MIN_WINDOW = 8
/** Log-odds added to `MIN_WINDOW` in wholly technical text (`TqContext.technical`, register.ts). */
export const TECHNICAL_SHIFT = 2

/** The message of a finding on `span`. */
export function message(span: string): string {
  return `Reads like a word-for-word translation: \`${span}\``
}
