/**
 * translation/leftover-placeholder
 *
 * Template and format placeholders that reached the reader: `{0}`, `{name}`, `{{name}}`, `${name}`,
 * printf's `%s`, `%d`, `%1$s`, `%(name)s`, and wiki links `[[Page]]`. Localisation pipelines and
 * machine translation of UI strings leave them when a value was never filled in.
 *
 * Kept precise so prose and maths pass: a percentage is not a placeholder (`50% said yes`: the `%`
 * follows a digit), nor a one-letter set (`{x}`), LaTeX (`\frac{a}{b}`, `x^{2}`), JSON-like text
 * with quotes or colons inside the braces (`{"a": 1}`), or an editor's word in braces
 * (`a "passion {that} finds…"`): a word in braces counts only when it is shaped like a variable
 * (`{user_id}`, `{firstName}`, `{0}`) or is a usual placeholder name (`{name}`, `{count}`).
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import type { Severity } from '../../types.js'
import { eachParagraph } from './shared.js'
import { placeAt } from '../../document.js'

export const meta: RuleMeta = {
  id: 'translation/leftover-placeholder',
  category: 'translation',
  severity: 'error',
  description: 'A template or format placeholder (`{0}`, `{{name}}`, `%s`, `${var}`) left in the text.',
  invalid: [
    'Welcome back, {0}! You have {1} new messages.',
    'Hello {{ user.name }}, your order has shipped.',
    'The file %s could not be opened.',
    'Deleted %1$s of %2$d items.',
    'Dear ${firstName}, thank you.',
    'See [[Climate change]] for more.',
  ],
  valid: [
    'Turnout was 50% said officials, up from 45%.',
    'The set {x} has one element, and {"a": 1} is JSON.',
    'Prices rose 5 %, and 10% saw declines.',
    'The set {x | x > 0} is open; it cost $5 {approx.}.',
    'Sayers called ringing a "passion {that} finds its satisfaction" in mathematics.',
  ],
}

interface Kind {
  pattern: RegExp
  severity: Severity
  what: string
}

const KINDS: Kind[] = [
  { pattern: /\{\{\s*[\p{L}_][\p{L}\p{N}_.-]*\s*\}\}/gu, severity: 'error', what: 'template placeholder' },
  { pattern: /\$\{[\p{L}_][\p{L}\p{N}_.]*\}/gu, severity: 'error', what: 'template placeholder' },
  // `{0}`, `{user_id}`, `{firstName}`, `{user.name}`, `{name}`; not after a letter, `\`, `^` or `_`
  // (LaTeX), not `{{` (above).
  { pattern: /(?<![\p{L}\p{N}\\^_{$])\{(?:\d{1,2}|[\p{L}_][\p{L}\p{N}_]+(?:\.[\p{L}_][\p{L}\p{N}_]*)*)\}(?!\})/gu, severity: 'error', what: 'format placeholder' },
  // printf: `%s`, `%d`, `%1$s`, `%.2f`, `%(name)s`, `%@`; not `50%` or `%` inside a word.
  { pattern: /(?<![\p{L}\p{N}%])%(?:\d\$|\([\p{L}_]+\))?(?:\.\d)?[sdif@](?![\p{L}\p{N}])/gu, severity: 'error', what: 'printf placeholder' },
  { pattern: /\[\[[^[\]\n|]{1,80}(?:\|[^[\]\n]{1,80})?\]\]/gu, severity: 'warning', what: 'wiki link markup' },
]
const PRECHECK = /[{%[$]/u
/** Placeholder names that are plain words. */
const NAMES = new Set(
  ('name names first last firstname lastname fullname user username email count number num n amount ' +
    'total value price date time day month year title url link id city country company product ' +
    'item items file filename path size code percent version').split(' '),
)

/** Whether the inside of `{…}` reads as a variable rather than a word an editor put in braces. */
function variableLike(inner: string): boolean {
  return /^\d+$|[_.\d]|\p{Ll}\p{Lu}/u.test(inner) || NAMES.has(inner.toLowerCase())
}

function leftoverPlaceholder() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    eachParagraph(tree, ctx.document, (text, offset) => {
      if (!PRECHECK.test(text)) return
      const taken: Array<[number, number]> = []
      for (const { pattern, severity, what } of KINDS) {
        pattern.lastIndex = 0
        for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
          const start = match.index
          const end = start + match[0].length
          if (taken.some(([from, to]) => start < to && end > from)) continue
          if (match[0].startsWith('{') && !variableLike(match[0].slice(1, -1))) continue
          taken.push([start, end])
          report(file, meta, placeAt(ctx.document, offset + start, offset + end), `Leftover ${what} \`${match[0]}\`: a value was never filled in`, { severity })
        }
      }
    })
  }
}

export const detector: Detector = { rules: [meta], plugin: leftoverPlaceholder }
