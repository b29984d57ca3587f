/**
 * boilerplate/byline
 *
 * Bylines, datelines and the initials agencies sign with:
 *
 * ```text
 * By Jane Doe                              ← flagged: "By" and a name
 * P.Claes--JdB                             ← flagged: AFP signature, author--desk
 * KR                                       ← flagged: bare initials on a line of their own
 * Nov 18, 2019 at 9:24 pm ET • 2 min read  ← flagged: a date line
 * bobmillion says:                         ← flagged: the header of a reader comment
 * ```
 *
 * Not flagged: a sentence starting with "By" ("By Monday the talks had collapsed.") ends in
 * sentence punctuation; a date inside a sentence has words around it; the signature of an embedded
 * tweet ("— Rep. Ilhan Omar (@Ilhan) November 19, 2019") belongs to the quoted tweet, which the
 * article cites (all 10 such lines of the dev pages are part of the text).
 */
import type { RuleMeta } from '../../rule.js'

export const meta: RuleMeta = {
  id: 'boilerplate/byline',
  category: 'boilerplate',
  severity: 'info',
  description: 'A byline, dateline or signature ("By Jane Doe", "P.Claes--JdB", "KR") around the text rather than part of it.',
  invalid: [
    'By Jane Doe\nThe talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.',
    'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.\nP.Claes--JdB',
  ],
  valid: [
    'By Monday the talks in Istanbul had ended without a commitment to a ceasefire, officials said.',
    'On Nov 18, 2019, the talks ended without a commitment to a ceasefire, officials said.',
  ],
}

const NAME = "[\\p{Lu}\\p{Lo}][\\p{L}.'’-]*"
/** "By Jane Doe", "von Hans Meier", "Текст: Лида Буслаева": the keyword in any case, the name capitalised. */
const BY = new RegExp(`^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Pp]rzez|[Aa]v|[Aa]f|[Tt]exte?|[Tt]ext|[Тт]екст|[Аа]втор)\\s*:?\\s+${NAME}`, 'u')
const SIGNATURE = /^[\p{L}.' -]{2,40}--\s*[\p{L}/-]{1,20}$/u
const COMMENTER = /^\S+(?:\s+\S+){0,3}\s+(?:says|said|wrote|schreibt|sagt|dit|écrit|dice|escribió|disse|escreveu|zegt|pisze|пишет|написал[аи]?)\s*:$/iu
const INITIALS = /^\p{Lu}{2,3}$/u
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|' +
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)'
const DATE = new RegExp(
  `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b\\d{1,2}\\.?\\s+${MONTH}\\.?,?\\s+\\d{4}\\b|\\b\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b|\\d{4}年\\d{1,2}月\\d{1,2}日|\\b\\d{1,2}:\\d{2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)|\\b\\d+\\s+min(?:ute)?s?\\s+read\\b|^(?:updated|published|posted|last updated)\\b`,
  'iu',
)

/** The one `DATE` pattern without a digit. */
const DATED = /^(?:updated|published|posted|last updated)\b/iu

/** The signature line of an embedded tweet: "— Name (@handle) November 19, 2019". */
const TWEET_SIGNATURE = /^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\S.*\b\d{4}$/u

/**
 * What the line is when it is a byline or dateline, else undefined. `hasDigit` false (when the
 * caller knows the line has no digit) skips the date patterns that all need one.
 */
export function byline(text: string, words: number, terminal: boolean, hasDigit = true): string | undefined {
  // A sentence of more than four words: none of the shapes below can match it (initials are one
  // word; a signature ends in a letter, a comment header in a colon), so the common case costs nothing.
  if (terminal && words > 4) return undefined
  const trimmed = text.trim()
  if (INITIALS.test(trimmed)) return 'signature initials'
  if (SIGNATURE.test(trimmed)) return 'agency signature'
  if (COMMENTER.test(trimmed)) return 'comment header'
  if (words <= 10 && BY.test(trimmed)) return 'byline'
  if (words > 14) return undefined
  if (hasDigit ? DATE.test(trimmed) : DATED.test(trimmed)) return TWEET_SIGNATURE.test(trimmed) ? undefined : 'date line'
  return undefined
}
