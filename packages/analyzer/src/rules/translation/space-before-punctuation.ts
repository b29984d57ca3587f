/**
 * translation/space-before-punctuation
 *
 * French typography puts a space before `: ; ! ?`, and careless translation carries it into
 * English: `Al Jazeera :`, `a ceasefire ?`. Only English (and text of unknown language) is checked:
 * in French the space is right.
 *
 * Not flagged: an ellipsis, closed or spaced as style guides write it (`and then ...`,
 * `and then . . .`), a dash or bullet (`Push for sanctions -`), a colon between digits
 * (`3 : 1`, a ratio or a time), an emoticon or emoji code, whose colon the next character touches
 * (`small but powerful :P`, `:tada:`; French spacing leaves a space after it too), and a colon
 * after inline code in a marked-up file, documentation's definition list (`` `oldStr` : the
 * original string ``).
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { spanOnLine } from '../../document.js'
import { STAND_IN } from '../../markup/stand-in.js'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'

export const meta: RuleMeta = {
  id: 'translation/space-before-punctuation',
  category: 'translation',
  severity: 'warning',
  description: 'A space before `, . : ; ! ?`, as French typography writes it, in English text.',
  invalid: [
    'Al Jazeera :\nThe talks ended without a deal.',
    'Is this the end of the war ? Nobody knows.',
    'He said the talks failed , and left.',
  ],
  valid: [
    'Al Jazeera: The talks ended without a deal.',
    'Wait for it ... and then it happened.',
    'The minister said . . . nothing at all.',
    'The score was 3 : 1 at half time.',
    '- Push for sanctions -',
    'It is small, simple but powerful :P and it saves time :tada:',
  ],
}

const PATTERN = /(?<=[\p{L}\p{N})\]"”’'])([ \u00A0\u202F]+)([,.:;!?])(?![.,:;!?\p{N}])/gu
/**
 * What every match of `PATTERN` contains, a space and a mark: a line without it is passed over
 * without running `PATTERN`, whose look-behind is tried at every space of the line.
 */
const CANDIDATE = /[ \u00A0\u202F][,.:;!?]/

function spaceBeforePunctuation() {
  return function (_tree: Root, file: VFile): void {
    const ctx = context(file)
    if (ctx.language !== 'en' && ctx.language !== 'und') return
    const state = ctx.state
    // This detector reads lines, not the tree, so it runs once, on the first chunk.
    if (state.has(meta.id)) return
    state.set(meta.id, true)
    for (const line of ctx.document.lines) {
      if (line.blank || !CANDIDATE.test(line.text)) continue
      PATTERN.lastIndex = 0
      for (let match = PATTERN.exec(line.text); match; match = PATTERN.exec(line.text)) {
        const mark = match[2]!
        const before = line.text.slice(0, match.index)
        const after = line.text.slice(match.index + match[0].length)
        // `3 : 1`, `10 : 30`: a ratio or a time, not a misplaced space.
        if (mark === ':' && /\p{N}$/u.test(before) && /^\s*\p{N}/u.test(after)) continue
        // `said . . . nothing`: a spaced ellipsis.
        if (mark === '.' && /^\s*\./u.test(after)) continue
        // `powerful :P`, `:tada:`: an emoticon or emoji code, not a colon with French spacing.
        if ((mark === ':' || mark === ';') && after !== '' && !/^\s/u.test(after)) continue
        // `Xyz : the original string`: inline code and its description (a stand-in, markup/stand-in.ts).
        if (mark === ':' && before.endsWith(STAND_IN) && !/\p{L}/u.test(before.charAt(before.length - STAND_IN.length - 1))) continue
        const start = match.index
        const end = start + match[0].length
        report(file, meta, spanOnLine(line.number, line.offset, start, end), `Space before \`${mark}\`: French typography, not English`, {
          expected: [mark],
        })
      }
    }
  }
}

export const detector: Detector = { rules: [meta], plugin: spaceBeforePunctuation }
