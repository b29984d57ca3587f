/**
 * translation/mojibake
 *
 * UTF-8 text read as Latin-1 or Windows-1252 somewhere on its way: `cafÃ©` for `café`, `itâ€™s`
 * for `it’s`, `Â ` for a no-break space, and the replacement character `�` left where a decoder
 * gave up. Where the bytes can be recovered the repaired text is suggested.
 *
 * A mojibake sequence is a UTF-8 lead byte's character (`Â`–`ô`) followed by the right number of
 * continuation bytes' characters (`€`, `™`, `©`, `¼` …), and it must decode as UTF-8. Portuguese
 * and Vietnamese capitals therefore pass: in `SÃO PAULO` or `Ãngel` no continuation byte follows.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import { eachParagraph } from './shared.js'
import { placeAt } from '../../document.js'

export const meta: RuleMeta = {
  id: 'translation/mojibake',
  category: 'translation',
  severity: 'error',
  description: 'UTF-8 text decoded as Latin-1 or Windows-1252 (`Ã©`, `â€™`) or replacement characters `�`.',
  invalid: [
    'The cafÃ© opened on Monday.',
    'Itâ€™s the â€œfinalâ€ offer, he said.',
    'Prices rose by 5Â % in MÃ¼nchen.',
    'The word was lost: caf\uFFFD.',
  ],
  valid: [
    'The café opened on Monday in SÃO PAULO.',
    'Ãngel Di María scored twice.',
    'It’s the “final” offer, said the Â-level chief.',
    'Ça va, à bientôt, ÂGE: Über cool.',
  ],
}

/** Windows-1252 characters of bytes 0x80–0x9F; the five it leaves undefined read as Latin-1 controls. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
const BYTE = new Map<string, number>()
for (let byte = 0; byte < 256; byte++) BYTE.set(String.fromCharCode(byte), byte)
for (let byte = 0x80; byte < 0xa0; byte++) BYTE.set(CP1252[byte - 0x80]!, byte)

const CONT = `[${CP1252}\\u0080-\\u00BF]`
const FULL = `[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`
/**
 * A run of lead + continuation characters; `â€` that lost its third byte (a quote or dash); `Â`
 * before a space, a no-break space whose second byte became a plain space; replacement characters.
 */
const SEQUENCE = new RegExp(`(?:${FULL})+|â€|(?<!\\p{L})Â(?= )|\\uFFFD+`, 'gu')
const PRECHECK = /[\u00C2-\u00F4\uFFFD]/u
/** What mojibake decodes to: Latin letters, punctuation, currency, ™, emoji, a byte-order mark. */
const PLAUSIBLE = /^[\u00A0-\u017F\u2000-\u206F\u20A0-\u20CF\u2100-\u215F\uFEFF\u{1F000}-\u{1FAFF}]+$/u
/** Greek and Cyrillic count only in runs of two or more: `Ð¿Ñ€Ð¸`, not `“ÑANDÚ”`. */
const PLAUSIBLE_RUN = /^[\u00A0-\u017F\u0370-\u04FF\u2000-\u206F]{2,}$/u
const decoder = new TextDecoder('utf-8', { fatal: true })

/** The text `value` stood for before UTF-8 was read as Windows-1252, or undefined. */
export function repair(value: string): string | undefined {
  const bytes = Uint8Array.from(value, (char) => BYTE.get(char) ?? 0x3f)
  let decoded: string
  try {
    decoded = decoder.decode(bytes)
  } catch {
    return undefined
  }
  if (!PLAUSIBLE.test(decoded) && !PLAUSIBLE_RUN.test(decoded)) return undefined
  // Text encoded twice (`Ã¢â‚¬â„¢`) decodes to mojibake again.
  return new RegExp(`^(?:${FULL})+$`, 'u').test(decoded) ? (repair(decoded) ?? decoded) : decoded
}

function mojibake() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    eachParagraph(tree, ctx.document, (text, offset) => {
      if (!PRECHECK.test(text)) return
      SEQUENCE.lastIndex = 0
      for (let match = SEQUENCE.exec(text); match; match = SEQUENCE.exec(text)) {
        const value = match[0]
        const place = placeAt(ctx.document, offset + match.index, offset + match.index + value.length)
        if (value.startsWith('\uFFFD')) {
          report(file, meta, place, 'Replacement character `�`: text decoded with the wrong encoding, the character is lost')
        } else if (value === 'â€') {
          report(file, meta, place, 'Mojibake `â€`: a quote or dash in UTF-8 read as Windows-1252')
        } else if (value === 'Â') {
          report(file, meta, place, 'Mojibake `Â`: a no-break space in UTF-8 read as Windows-1252', { expected: [''] })
        } else {
          const fixed = repair(value)
          if (fixed === undefined) continue
          if (fixed.includes('â€')) {
            // Encoded twice and a byte lost on the way: still a quote or dash, which one is lost.
            report(file, meta, place, `Mojibake \`${value}\`: a quote or dash in UTF-8 read as Windows-1252 twice`)
            continue
          }
          report(file, meta, place, `Mojibake \`${value}\`: UTF-8 read as Windows-1252; meant \`${fixed.replace(/\u00A0/gu, ' ')}\``, {
            expected: [fixed],
          })
        }
      }
    })
  }
}

export const detector: Detector = { rules: [meta], plugin: mojibake }
