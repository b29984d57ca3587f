/**
 * translation/literal-frame
 *
 * The stretch of a sentence that is built the way word-for-word machine translation builds it:
 * `the future of execution of law` (for "the future of law enforcement"), `is read of the directory
 * of work`. The sentence is reduced to its frame, its function words kept and every other word a
 * class (src/lm/skeleton.ts: `the W of W of W`), and the frame's bigrams and trigrams are looked up
 * in a table of log-odds learned from human articles against their machine round trips. The
 * finding marks the `FRAME_WINDOW` positions with the highest sum, which is what the line's
 * `translation` value (src/lines.ts) weighs most on the line, so a reader sees which words gave it
 * away even when no word pair is improbable on its own.
 *
 * The rule runs inside translation/improbable-wording's pass over the sentences (both read the
 * same tokens); this file holds what defines it.
 *
 * Exceptions: sentences of fewer than six words are not judged, nor text in another language than
 * English, nor a text when the frame table is missing. Documentation, whose frames are not news's
 * (`the value of the option`), needs a higher sum (`TECHNICAL_SHIFT`).
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
 * Log-odds (natural) a sentence's highest window must reach. On the human originals of
 * mt-docs-dev.jsonl, read with frame tables learned without them (5 folds by doc_key), 0.16
 * windows per 1,000 words reach 8, against 6.1 in their Apertium round trips (7: 0.40 and 8.9; 9:
 * 0.05 and 3.9).
 */
export const MIN_WINDOW = 8
/** Log-odds added to `MIN_WINDOW` in wholly technical text (`TqContext.technical`, register.ts). */
export const TECHNICAL_SHIFT = 2

/** The message of a finding on `span`. */
export function message(span: string): string {
  return `Reads like a word-for-word translation: \`${span}\``
}
