/**
 * translation/number-format
 *
 * A number written with another locale's separators, as machine translation from German, French,
 * Spanish or Italian leaves it: a full stop between thousands (`1.000 prisoners`, `12.500.000`), a
 * decimal comma (`3,5 percent`, `0,7%`), or both (`1.234,56`).
 *
 * English writes the same shapes for other things, so the pattern is kept tight:
 *   - `1.5 million`, `2.0`, `3.14`: a full stop followed by other than three digits is a decimal.
 *   - `3,500`: a comma before three digits is an English thousands separator; a decimal comma needs
 *     one or two digits after it and a unit, a percent sign or currency next to it (`3,5 percent`,
 *     `€2,50`), or a zero before it (`0,7`), so a list such as `chapters 1,2` stays quiet.
 *   - a single `1.500` may be a precise decimal (`a ratio of 1.500`): it is flagged only before a
 *     word, with round hundreds (`2.500 soldiers`); `1.234` alone is left.
 *   - version numbers (`v1.000.2`), dates (`12.05.2023`), times (`12.30`) and IP addresses
 *     (`192.168.100.200`) have other groupings, or a letter or extra dot next to them.
 * English text only.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import { placeAt } from '../../document.js'
import { eachParagraph, isEnglish } from './shared.js'

export const meta: RuleMeta = {
  id: 'translation/number-format',
  category: 'translation',
  severity: 'warning',
  description:
    'A number with another locale’s separators: a full stop between thousands (`1.000 prisoners`) or a decimal comma (`3,5 percent`).',
  invalid: [
    'Both sides said they would exchange 1.000 prisoners of war each.',
    'Inflation rose to 3,5 percent in May.',
    'The city has 12.500.000 inhabitants.',
    'Turnout fell by 0,7% compared with the last election.',
    'The ticket costs 1.234,56 euros.',
  ],
  valid: [
    'The deal is worth 1.5 million dollars, up from 2.0 in the first draft.',
    'Both sides said they would exchange 3,500 prisoners of war each.',
    'Version 1.000.2 was released on 12.05.2023 at 12.30.',
    'The server at 192.168.100.200 answered; read chapters 1,2 and 3.',
    'The ratio was 1.234 in the first sample.',
  ],
}

/** Units, currencies and words of quantity a decimal comma stands before: `3,5 percent`, `2,4 million`. */
const UNITS = new Set(
  ('percent per cent percentage points point million millions billion billions trillion thousand km kilometres kilometers ' +
    'kilometre kilometer miles metres meters metre meter cm mm kg kilograms kilos grams g tonnes tons litres liters ' +
    'degrees euros euro dollars dollar pounds hours minutes seconds years times mph kph hectares acres'
  ).split(' '),
)

/** Digits separated by full stops in groups of three, optionally a decimal comma: `12.500.000`, `1.234,56`. */
const DOTTED = /(?<![\p{L}\p{N}.,])(\d{1,3})((?:\.\d{3})+)(,\d+)?(?![\p{N}]|[.,]\p{N})/gu
/** A decimal comma: `3,5`, `0,75`. */
const DECIMAL_COMMA = /(?<![\p{L}\p{N}.,])([€$£]\s?)?(\d+),(\d{1,2})(?![\p{N}]|[.,]\p{N})(\s?%|\s?[€$£]|\s+\p{L}+)?/gu

function numberFormat() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (!isEnglish(ctx)) return
    eachParagraph(tree, ctx.document, (text, offset) => {
      if (!/\d[.,]\d/u.test(text)) return
      for (const match of text.matchAll(DOTTED)) {
        const [whole, head, groups, decimals] = match
        const count = groups!.length / 4
        const start = offset + match.index
        const place = placeAt(ctx.document, start, start + whole.length)
        const english = head! + groups!.replace(/\./gu, ',') + (decimals ? decimals.replace(',', '.') : '')
        if (decimals) {
          report(file, meta, place, 'Number written with a full stop between thousands and a decimal comma, as other languages do', {
            severity: 'error',
            expected: [english],
          })
          continue
        }
        // Four numbers up to 255 is an IP address (`192.168.100.200`).
        if (count === 3 && [head!, ...groups!.slice(1).split('.')].every((part) => Number(part) <= 255)) continue
        if (count === 1) {
          // `1.500 grams` may be a precise decimal; round hundreds before a word rarely are.
          const after = text.slice(match.index + whole.length)
          if (head === '0' || !/^\.\d00$/u.test(groups!) || !/^\s+\p{L}/u.test(after)) continue
        }
        report(file, meta, place, 'Full stop between thousands, as other languages write them: English uses a comma', {
          expected: [english],
        })
      }
      for (const match of text.matchAll(DECIMAL_COMMA)) {
        const [, currency, units, decimals, after] = match
        const next = after?.trim().toLowerCase() ?? ''
        const unit = next === '%' || /^[€$£]$/u.test(next) || UNITS.has(next)
        if (!currency && !unit && units !== '0') continue
        // `chapters 1,2 and 3`: numbers in a list, not a decimal.
        const start = offset + match.index + (currency?.length ?? 0)
        const end = start + units!.length + 1 + decimals!.length
        report(file, meta, placeAt(ctx.document, start, end), 'Decimal comma, as other languages write it: English uses a full stop', {
          expected: [`${units}.${decimals}`],
        })
      }
    })
  }
}

export const detector: Detector = { rules: [meta], plugin: numberFormat }
