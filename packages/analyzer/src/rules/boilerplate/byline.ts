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
 * By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m.
 *                                          ← flagged: "By", names and a date (its final stop is
 *                                            the time's `a.m.`, not a sentence's end)
 * ```
 *
 * Not flagged: a sentence starting with "By" ("By Monday the talks had collapsed.") ends in
 * sentence punctuation, and one whose stop is a time's ("By Friday, the deadline had moved to
 * 5:00 p.m.") is a byline only when names alone stand between "By" and the date; a date inside a sentence has words around it; the signature of an embedded
 * tweet ("— Rep. Ilhan Omar (@Ilhan) November 19, 2019") belongs to the quoted tweet, which the
 * article cites (all 10 such lines of the dev pages are part of the text).
 */
import type { RuleMeta } from '../../rule.js'
import { unitSet } from './chars.js'

export const meta: RuleMeta = {
  id: 'boilerplate/byline',
  category: 'boilerplate',
  severity: 'info',
  description: 'A byline, dateline or signature ("By Jane Doe", "P.Claes--JdB", "KR") around the text rather than part of it.',
  invalid: [
    'By Jane Doe\nThe talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.',
    'By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m.\nThe talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.',
    'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.\nP.Claes--JdB',
  ],
  valid: [
    'By Monday the talks in Istanbul had ended without a commitment to a ceasefire, officials said.',
    'The talks in Istanbul ended without a commitment to a ceasefire.\nThe shooting was reported at 2:15 a.m.\nBy Friday, the deadline had moved to 5:00 p.m.\nOfficials said the talks would resume next week in Geneva.',
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

/** The first two characters of `BY`'s keywords ("By", "von", "Текст" …), as `first << 16 | second`. */
const BY_STARTS = new Set(
  ['By', 'by', 'BY', 'Vo', 'vo', 'Pa', 'pa', 'Po', 'po', 'Do', 'do', 'Pr', 'pr', 'Av', 'av', 'Af', 'af', 'Te', 'te', 'Те', 'те', 'Ав', 'ав'].map(
    (start) => (start.charCodeAt(0) << 16) | start.charCodeAt(1),
  ),
)
/** First letters of `DATED`'s words, in either case. */
const DATED_INITIALS = unitSet('uUpPlL')

/**
 * What the line is when it is a byline or dateline, else undefined. `hasDigit` false (when the
 * caller knows the line has no digit) skips the date patterns that all need one.
 */
export function byline(text: string, words: number, terminal: boolean, hasDigit = true): string | undefined {
  // A sentence of more than four words: none of the shapes below can match it (initials are one
  // word; a signature ends in a letter, a comment header in a colon), so the common case costs
  // nothing. A line whose final stop belongs to a time (`at 11:08 a.m.`) may still be a byline
  // with its date, or a date line (`Updated at 1:23 p.m.`), but nothing else: "The shooting was
  // reported at 2:15 a.m." is a sentence.
  if (terminal && words > 4) {
    if (!hasDigit || !endsWithTime(text)) return undefined
    const trimmed = text.trim()
    if (isDatedByline(trimmed, words)) return 'byline'
    return DATED.test(trimmed) ? 'date line' : undefined
  }
  return bylineShape(text.trim(), words, hasDigit)
}

/** Whether `text` ends with a time of day: `… at 11:08 a.m.`, `9 p.m.` */
function endsWithTime(text: string): boolean {
  const end = text.trimEnd()
  return (end.endsWith('m.') || end.endsWith('M.')) && ENDS_WITH_TIME.test(end)
}
const ENDS_WITH_TIME = /\d\s*[ap]\.m\.$/iu
/**
 * "By", names only (capitalised words, initials, commas, "and"), then "on", "at" or a separator
 * before the date: "By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m.". Not
 * "By Friday, the deadline had moved to 5:00 p.m.": a lower-case word is no name.
 */
const NAMES_THEN_DATE = new RegExp(`^(?:[Bb]y|BY)\\s+${NAME}(?:,?\\s+(?:and\\s+)?${NAME})*,?\\s+(?:on|at|[|•·–—-])\\s`, 'u')

/** A byline of up to 16 words with the story's date (`NAMES_THEN_DATE`, then a `DATE`); the line has a digit. */
function isDatedByline(trimmed: string, words: number): boolean {
  return words <= 16 && NAMES_THEN_DATE.test(trimmed) && DATE.test(trimmed)
}

/** `byline` past its first test, apart: see `measureShapes` in features.ts on rare paths. */
function bylineShape(trimmed: string, words: number, hasDigit: boolean): string | undefined {
  // Cheap tests first: initials are at most three letters (six code units), a signature holds
  // "--", a comment header ends in a colon.
  if (trimmed.length <= 6 && INITIALS.test(trimmed)) return 'signature initials'
  if (trimmed.includes('--') && SIGNATURE.test(trimmed)) return 'agency signature'
  if (trimmed.charCodeAt(trimmed.length - 1) === 58 && COMMENTER.test(trimmed)) return 'comment header'
  if (BY_STARTS.has((trimmed.charCodeAt(0) << 16) | trimmed.charCodeAt(1)) && BY.test(trimmed)) {
    // "By Jane Doe", or names and the date of the story: "By Jane Doe and John Roe on Monday,
    // November 18, 2019".
    if (words <= 10 || (hasDigit && isDatedByline(trimmed, words))) return 'byline'
  }
  if (words > 14) return undefined
  if (hasDigit ? mayBeDate(trimmed) && DATE.test(trimmed) : DATED_INITIALS.has(trimmed.charCodeAt(0)) && DATED.test(trimmed)) {
    return TWEET_SIGNATURE.test(trimmed) ? undefined : 'date line'
  }
  return undefined
}

/**
 * Whether `DATE` may match `text`, from what each of its forms needs: four digits in a row (a
 * year), a digit followed by "." "/" or ":" (11.12.19, 9:24 pm), "read" in any case ("2 min
 * read"), or a first letter of `DATED`. Most short lines with a digit have none ("Top 10 stories").
 */
function mayBeDate(text: string): boolean {
  if (DATED_INITIALS.has(text.charCodeAt(0))) return true
  let run = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) {
      if (++run >= 4) return true
      const next = text.charCodeAt(i + 1)
      if (next === 46 || next === 47 || next === 58) return true
    } else {
      run = 0
      // "read", any case: none of these letters has a case variant outside ASCII.
      if ((code | 32) === 114 && (text.charCodeAt(i + 1) | 32) === 101 && (text.charCodeAt(i + 2) | 32) === 97 && (text.charCodeAt(i + 3) | 32) === 100) return true
    }
  }
  return false
}
