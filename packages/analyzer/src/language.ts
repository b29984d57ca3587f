/**
 * Language identification with franc, made reliable on short text.
 *
 * franc on single lines is noise (by default it calls a quarter of clean English lines Scots), so tq
 * asks it only about text long enough, and chooses among the languages translated copy is usually
 * in rather than all 187 franc knows.
 */
import { data } from 'franc/data.js'
import { expressions } from 'franc/expressions.js'
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js'
import { asTuples } from 'trigram-utils'

/** ISO 639-3 codes franc may answer with: the languages translated copy is usually in. */
export const CANDIDATES = [
  'eng', 'spa', 'fra', 'deu', 'ita', 'por', 'nld', 'pol', 'rus', 'ukr', 'tur', 'swe', 'dan',
  'nob', 'fin', 'ces', 'slk', 'slv', 'hrv', 'bos', 'srp', 'ron', 'hun', 'cat', 'glg', 'epo',
  'ell', 'bul', 'als', 'lit', 'lav', 'ekk', 'ind', 'vie', 'tgl', 'cmn', 'jpn', 'kor', 'arb',
  'pes', 'heb', 'hin', 'ben', 'tha', 'swh', 'afr',
]

/** Shortest text franc is asked about for the whole document. */
export const MIN_DOCUMENT_LENGTH = 50
/** Shortest paragraph franc is asked about. */
export const MIN_PARAGRAPH_LENGTH = 120
/** The document sample franc reads: enough for a stable answer, bounded on huge files. */
const SAMPLE = 20_000

/** `eng` → `en`; codes without a 639-1 form stay 639-3; franc's `und` stays `und`. */
export function toIso1(code: string): string {
  if (code === 'und') return 'und'
  // franc reports macrolanguage members; fold the common ones to their 639-1 language.
  const folded = ({ cmn: 'zho', arb: 'ara', pes: 'fas', ekk: 'est', als: 'sqi', swh: 'swa' } as Record<string, string>)[code] ?? code
  return iso6393To1[folded] ?? folded
}

/** `en` → `eng`; a 639-3 code is returned as it is. */
export function toIso3(code: string): string {
  if (code.length === 3) return code
  for (const [three, one] of Object.entries(iso6393To1)) if (one === code) return three
  return code
}

/** Ranked guesses (639-3 code, score 0–1 relative to the best) for `text`. */
export function guess(text: string, only: readonly string[] = CANDIDATES): Array<[string, number]> {
  return francAll(text, only)
}

// ---------------------------------------------------------------------------------------------
// franc 6's `francAll(value, { only, minLength: 1 })`, with its language models built on first use.
// On import, franc turns the trigram lists of all its 187 languages into lookup tables: 20 ms, a
// tenth of tq's start-up, for a text that is judged against the 46 `CANDIDATES` at most (and an
// English one, mostly, against none: see `language/unexpected`). This is its algorithm over its
// own data (`franc/data.js`, `franc/expressions.js`) and trigram counter; test/language.test.ts
// checks that both rank the same languages with the same scores.

/** franc's bounds: text it reads, and the distance of a trigram a language lacks. */
const MAX_LENGTH = 2048
const MAX_DIFFERENCE = 300
/** A language's trigrams by rank (0 = most frequent), by `script:language`, made on first use. */
const models = new Map<string, Map<string, number>>()

function modelOf(script: string, language: string): Map<string, number> {
  const key = `${script}:${language}`
  let model = models.get(key)
  if (!model) {
    const trigrams = data[script]![language]!.split('|')
    model = new Map()
    // franc numbers them from the end down, so a repeated trigram keeps its first rank.
    for (let rank = trigrams.length - 1; rank >= 0; rank--) model.set(trigrams[rank]!, rank)
    models.set(key, model)
  }
  return model
}

function francAll(text: string, only: readonly string[]): Array<[string, number]> {
  if (!text) return [['und', 1]]
  const value = text.slice(0, MAX_LENGTH)
  // The script most of the characters are in (the first of equals, in franc's order).
  let script: string | undefined
  let most = -1
  for (const name in expressions) {
    const share = (value.match(expressions[name]!)?.length ?? 0) / value.length || 0
    if (share > most) {
      most = share
      script = name
    }
  }
  // A script only one language is written in (franc names it by that language: `cmn`, `jpn`).
  if (!script || !(script in data)) {
    if (!script || most === 0 || (only.length > 0 && !only.includes(script))) return [['und', 1]]
    return [[script, 1]]
  }
  const trigrams = asTuples(value)
  const distances: Array<[string, number]> = []
  for (const language in data[script]) {
    if (only.length > 0 && !only.includes(language)) continue
    const model = modelOf(script, language)
    let distance = 0
    for (const [trigram, count] of trigrams) {
      const rank = model.get(trigram)
      distance += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1)
    }
    distances.push([language, distance])
  }
  if (distances.length === 0) return [['und', 1]]
  distances.sort((a, b) => a[1] - b[1])
  const min = distances[0]![1]
  const max = value.length * MAX_DIFFERENCE - min
  for (const entry of distances) entry[1] = 1 - (entry[1] - min) / max || 0
  return distances
}

/**
 * The commonest English function words. A paragraph where at least a fifth of the words are among
 * them is English (ordinary English prose runs at 40–50 %, German or Spanish prose under 10 %), so
 * franc need not be asked about it (see `language/unexpected`).
 */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  ('the of and to a in is that for it was on with as by at from be are this have has had not but or ' +
    'an they he she his her their its which we you i will would there been were who what when said').split(' '),
)

/**
 * Whether `common` function words among `words` make a text English: at least a fifth of them
 * (ordinary English prose runs at 40–50 %, German or Spanish prose under 10 %). Shared by the
 * document language here and `language/unexpected`'s paragraphs.
 */
export function mostlyFunctionWords(common: number, words: number): boolean {
  return words > 0 && common * 5 >= words
}

/**
 * Whether `text` is English by its function words (`mostlyFunctionWords` of
 * `ENGLISH_FUNCTION_WORDS`). Most documents tq sees are English, and franc costs about 2 ms a
 * document (a third of the time of a 5 KB file), so they are settled without it. On the corpus
 * (10,971 pages, documents and MT segments) this never calls a text English that franc calls
 * another language, except short English lines franc gets wrong (`As a result, our party has lost
 * an important leader.` is French to franc).
 */
function plainlyEnglishText(text: string): boolean {
  let words = 0
  let common = 0
  for (const [word] of text.matchAll(WORD)) {
    words++
    if (ENGLISH_FUNCTION_WORDS.has(word.toLowerCase())) common++
  }
  return mostlyFunctionWords(common, words)
}

const WORD = /\p{L}+/gu

/** Language of a whole document, as a 639-1 (or 639-3) code; `und` for too little text. */
export function detectDocumentLanguage(lines: readonly string[]): string {
  let sample = ''
  // Long lines are prose; short ones are menus and UI strings, which mislead franc.
  for (const line of lines) {
    if (line.length < 40) continue
    sample += line + '\n'
    if (sample.length > SAMPLE) break
  }
  if (sample.length < MIN_DOCUMENT_LENGTH) sample = lines.join('\n').slice(0, SAMPLE)
  if (sample.trim().length < MIN_DOCUMENT_LENGTH) return 'und'
  if (plainlyEnglishText(sample.slice(0, MAX_LENGTH))) return 'en'
  const [best] = guess(sample)
  return best ? toIso1(best[0]) : 'und'
}

/** Made on first use: creating it costs 15–20 ms, a twentieth of a short run, and few texts need it. */
let displayNames: Intl.DisplayNames | undefined

/** `de` → `German`; a code Intl does not know stays as it is. */
export function languageName(code: string): string {
  try {
    displayNames ??= new Intl.DisplayNames(['en'], { type: 'language' })
    return displayNames.of(code) ?? code
  } catch {
    return code
  }
}
