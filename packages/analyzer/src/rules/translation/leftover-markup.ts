/**
 * translation/leftover-markup
 *
 * HTML that survived into plain text: entities (`&nbsp;`, `&amp;`, `&#39;`, `&quot;`) and tags
 * (`<br>`, `</p>`, `<span class="x">`, `<!-- -->`). Scrapers and translation tools that work on
 * HTML leave them when text is taken out of its markup carelessly.
 *
 * Only real HTML is flagged: an entity must be one HTML defines (common ones) or a numeric one, and
 * a tag must name an HTML element. So `a < b`, `<3`, `x<y>z` in code-like prose, an address in angle
 * brackets `<a@b.c>` and `AT&T;` pass.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import { eachParagraph } from './shared.js'
import { placeAt } from '../../document.js'

export const meta: RuleMeta = {
  id: 'translation/leftover-markup',
  category: 'translation',
  severity: 'warning',
  description: 'HTML entities (`&nbsp;`, `&amp;`) or tags (`<br>`, `</p>`) left in plain text.',
  invalid: [
    'Trump&nbsp;and Putin spoke for two hours.',
    'Tom &amp; Jerry said it&#39;s over.',
    'The talks ended.<br>Both sides left.',
    'He said <span class="quote">no</span> twice.',
  ],
  valid: [
    'If a < b and b > c, then nothing follows.',
    'I <3 this city, wrote AT&T; R&D spending rose.',
    'Write to <press@example.org> for details.',
    'Press <Enter> to continue.',
  ],
}

const ENTITIES: Record<string, string> = {
  nbsp: '\u00A0', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', mdash: '—', ndash: '–',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  copy: '©', reg: '®', trade: '™', deg: '°', euro: '€', pound: '£', yen: '¥', cent: '¢',
  sect: '§', para: '¶', middot: '·', bull: '•', times: '×', divide: '÷', shy: '\u00AD',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', oacute: 'ó', uacute: 'ú', iacute: 'í',
  ntilde: 'ñ', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', zwnj: '\u200C', zwj: '\u200D',
  thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', frac12: '½', frac14: '¼', plusmn: '±',
}
const ELEMENTS = new Set(
  ('a abbr b blockquote body br center code dd div dl dt em font h1 h2 h3 h4 h5 h6 head hr html i ' +
    'iframe img li link meta nav noscript ol p pre q s script section small span strike strong ' +
    'style sub sup table tbody td th thead title tr tt u ul').split(' '),
)
const ENTITY = /&(?:([a-zA-Z][a-zA-Z0-9]{1,7})|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/gu
const TAG = /<!--[\s\S]{0,500}?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)(?:\s+[a-zA-Z_:][\w:.-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*\s*\/?>/gu

function leftoverMarkup() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    eachParagraph(tree, ctx.document, (text, offset) => {
      const at = (start: number, end: number) => placeAt(ctx.document, offset + start, offset + end)
      if (text.includes('&')) {
        ENTITY.lastIndex = 0
        for (let match = ENTITY.exec(text); match; match = ENTITY.exec(text)) {
          const [value, name, decimal, hex] = match
          const decoded = name !== undefined ? ENTITIES[name] : codePoint(decimal ? Number(decimal) : Number.parseInt(hex!, 16))
          if (decoded === undefined) continue
          const shown = decoded.trim() === '' ? 'a space' : `\`${decoded}\``
          report(file, meta, at(match.index, match.index + value.length), `HTML entity \`${value}\` in plain text: write ${shown}`, {
            expected: [decoded],
          })
        }
      }
      if (text.includes('<')) {
        TAG.lastIndex = 0
        for (let match = TAG.exec(text); match; match = TAG.exec(text)) {
          const name = match[1]
          if (name !== undefined && !ELEMENTS.has(name.toLowerCase())) continue
          const what = name === undefined ? 'HTML comment' : `HTML tag`
          report(file, meta, at(match.index, match.index + match[0].length), `${what} \`${shorten(match[0])}\` left in plain text`)
        }
      }
    })
  }
}

function codePoint(value: number): string | undefined {
  return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : undefined
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value
}

export const detector: Detector = { rules: [meta], plugin: leftoverMarkup }
