/**
 * translation/foreign-spelling
 *
 * A name or word left in another language's spelling where English has its own form: machine
 * translation through German writes `the southern Russian city of Soschi` (Sochi), `Kreml`
 * (Kremlin), `Moskau`, `amerikanische`; through Spanish or French `Moscú`, `Bruxelles`, `política`.
 *
 * Spell checkers find these but bury them under every real name (`Byrkin`, `Felgenhauer`,
 * `Timofeev`), which is just as unknown to them. tq flags a word only when it is
 *   - on a short hand-made list of exonyms and foreign forms (`Moskau` → Moscow, `Genf` → Geneva), or
 *   - unknown to English and turned into a frequent English word by undoing another language's
 *     spelling: accents, umlauts and ß, `sch`/`tsch`, k for c, endings such as German `-isch`,
 *     `-ität`, Spanish `-ción`, `-ía`, Italian `-ità` (`Amerikanisch` → American, `Kalifornia` →
 *     California), and not part of a run of capitalised words, as names are (`Bobby Fischer`,
 *     `Journal De Bruxelles`). Names that no spelling rule turns into English (`Felgenhauer`,
 *     `Zelenskyy`) are never flagged; accented spellings English itself uses (`café`, `José`) are
 *     known words or too rare to count.
 * English text only.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import { placeAt } from '../../document.js'
import { isEnglish } from './shared.js'
import { countsOf, isAsciiLower, LETTERS, sentenceTokens, type Token } from './vocabulary.js'

export const meta: RuleMeta = {
  id: 'translation/foreign-spelling',
  category: 'translation',
  severity: 'warning',
  description:
    'A place name or word in another language’s spelling where English has its own form (`Soschi` for Sochi, `Moskau` for Moscow, `amerikanische` for American).',
  invalid: [
    '“We will define the principles of a settlement,” said Putin in a briefing in the southern Russian city of Soschi.',
    'The talks will take place in Genf next week, the ministry said.',
    'He criticised the Amerikanisch position on sanctions.',
    'The ministers met in Bruselas on Monday.',
    'Crews fought the fires in southern Kalifornia for a week.',
  ],
  valid: [
    '“Russia can continue,” Ivan Timofeev, head of the Russian International Affairs Council, told NPR.',
    'Pavel Byrkin took the photo; Pavel Felgenhauer and Rustem Umerov spoke to reporters in Kyiv.',
    'Britain’s Prime Minister Keir Starmer spoke to Zelenskyy after the call with Trump in Sochi.',
    'The chess champion Bobby Fischer had lunch at a café in Reykjavik.',
    'She read the Journal De Bruxelles and ate Peking duck.',
  ],
}

/**
 * Foreign forms of places and names that English writes otherwise: foreign (lowercase) → English
 * form and the language. Forms that are also English words or names in their own right are left
 * out (`Rom`, `Europa`, `Polonia`, `Kiev`, an older English spelling).
 */
const EXONYMS: ReadonlyMap<string, readonly [string, string]> = new Map(
  (
    [
      // German
      ['moskau', 'Moscow', 'German'], ['kreml', 'Kremlin', 'German'], ['soschi', 'Sochi', 'German'],
      ['sotschi', 'Sochi', 'German'], ['kiew', 'Kyiv', 'German'], ['charkiw', 'Kharkiv', 'German'],
      ['lwiw', 'Lviv', 'German'], ['saporischschja', 'Zaporizhzhia', 'German'], ['cherson', 'Kherson', 'German'],
      ['bachmut', 'Bakhmut', 'German'], ['peking', 'Beijing', 'German'],
      ['warschau', 'Warsaw', 'German'], ['brüssel', 'Brussels', 'German'], ['genf', 'Geneva', 'German'],
      ['wien', 'Vienna', 'German'], ['mailand', 'Milan', 'German'], ['venedig', 'Venice', 'German'],
      ['florenz', 'Florence', 'German'], ['neapel', 'Naples', 'German'], ['lissabon', 'Lisbon', 'German'],
      ['prag', 'Prague', 'German'], ['kopenhagen', 'Copenhagen', 'German'], ['münchen', 'Munich', 'German'],
      ['köln', 'Cologne', 'German'], ['nürnberg', 'Nuremberg', 'German'], ['russland', 'Russia', 'German'],
      ['weißrussland', 'Belarus', 'German'], ['deutschland', 'Germany', 'German'], ['frankreich', 'France', 'German'],
      ['italien', 'Italy', 'German'], ['spanien', 'Spain', 'German'], ['ungarn', 'Hungary', 'German'],
      ['griechenland', 'Greece', 'German'], ['türkei', 'Turkey', 'German'], ['schweiz', 'Switzerland', 'German'],
      ['österreich', 'Austria', 'German'], ['niederlande', 'Netherlands', 'German'], ['belgien', 'Belgium', 'German'],
      ['tschechien', 'Czechia', 'German'], ['rumänien', 'Romania', 'German'], ['bulgarien', 'Bulgaria', 'German'],
      ['kroatien', 'Croatia', 'German'], ['serbien', 'Serbia', 'German'], ['großbritannien', 'Britain', 'German'],
      ['amerika', 'America', 'German'], ['afrika', 'Africa', 'German'], ['asien', 'Asia', 'German'],
      ['indien', 'India', 'German'], ['ägypten', 'Egypt', 'German'], ['syrien', 'Syria', 'German'],
      ['kanada', 'Canada', 'German'], ['mexiko', 'Mexico', 'German'], ['selenskyj', 'Zelenskyy', 'German'],
      ['nawalny', 'Navalny', 'German'], ['lawrow', 'Lavrov', 'German'], ['peskow', 'Peskov', 'German'],
      ['schoigu', 'Shoigu', 'German'], ['medwedew', 'Medvedev', 'German'], ['gorbatschow', 'Gorbachev', 'German'],
      ['chruschtschow', 'Khrushchev', 'German'], ['jelzin', 'Yeltsin', 'German'],
      ['deutsch', 'German', 'German'], ['deutsche', 'German', 'German'], ['deutschen', 'German', 'German'],
      ['französisch', 'French', 'German'], ['französische', 'French', 'German'], ['französischen', 'French', 'German'],
      ['europäisch', 'European', 'German'], ['europäische', 'European', 'German'], ['europäischen', 'European', 'German'],
      // French
      ['moscou', 'Moscow', 'French'], ['londres', 'London', 'French'], ['pékin', 'Beijing', 'French'],
      ['varsovie', 'Warsaw', 'French'], ['genève', 'Geneva', 'French'], ['bruxelles', 'Brussels', 'French'],
      ['allemagne', 'Germany', 'French'], ['angleterre', 'England', 'French'], ['russie', 'Russia', 'French'],
      ['espagne', 'Spain', 'French'], ['italie', 'Italy', 'French'], ['pologne', 'Poland', 'French'],
      ['chine', 'China', 'French'], ['japon', 'Japan', 'French'], ['mexique', 'Mexico', 'French'],
      ['européenne', 'European', 'French'], ['européen', 'European', 'French'], ['américain', 'American', 'French'],
      ['américaine', 'American', 'French'],
      // Spanish, Italian, Portuguese, Catalan
      ['moscú', 'Moscow', 'Spanish'], ['pekín', 'Beijing', 'Spanish'], ['bruselas', 'Brussels', 'Spanish'],
      ['ginebra', 'Geneva', 'Spanish'], ['varsovia', 'Warsaw', 'Spanish'], ['viena', 'Vienna', 'Spanish'],
      ['alemania', 'Germany', 'Spanish'], ['rusia', 'Russia', 'Spanish'], ['ucrania', 'Ukraine', 'Spanish'],
      ['inglaterra', 'England', 'Spanish'], ['londra', 'London', 'Italian'], ['ucraina', 'Ukraine', 'Italian'],
      ['giappone', 'Japan', 'Italian'], ['spagna', 'Spain', 'Italian'], ['inghilterra', 'England', 'Italian'],
      ['mosca', 'Moscow', 'Italian'], ['pechino', 'Beijing', 'Italian'], ['ginevra', 'Geneva', 'Italian'],
    ] as const
  ).map(([foreign, english, language]) => [foreign, [english, language] as const]),
)

/** Lowercase words that follow an exonym in an English set phrase: `Peking duck`, `Peking opera`. */
const SET_PHRASE_NEXT = new Set(['duck', 'opera', 'man', 'university', 'cabbage'])

/** Spelling of another language: diacritics, ß, `sch` (a strong sign), or only k and endings (weak). */
const STRONG = /[\u00c0-\u00ff\u0100-\u017f]|sch/u

/** English words one of these spellings must produce, at least this often in the vocabulary. */
const MIN_ENGLISH = 30
/** A name so frequent that k for c alone is enough (`Kalifornia` → California, 289). */
const FREQUENT_NAME = 200

/** Endings of other languages and their English counterparts. */
const ENDINGS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/äisch(e|en|er|es)?$/u, ['ean']],
  [/isch(e|en|er|es)?$/u, ['', 'ian', 'an', 'ic', 'ical', 'ish']],
  [/(ität|ité|ità|idad)$/u, ['ity']],
  [/(ismus|ismo|isme)$/u, ['ism']],
  [/iker$/u, ['ician']],
  [/atie$/u, ['acy']],
  [/(ción|cion|zione|ção|tión)$/u, ['tion']],
  [/(ía|ie)$/u, ['y']],
  [/(ico|ica|ique|isch)$/u, ['ic', 'ical']],
  [/(ia)$/u, ['y', 'ia']],
]

/** `é` → `e`, `ß` → `ss`: the word without its diacritics. */
function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/gu, 'ss')
}

interface Guess {
  english: string
  language: string
}

/** The English word a foreign spelling stands for, or undefined (lowercase `word`). */
const guesses = new Map<string, Guess | null>()

/** `guessEnglish`, remembered per word (bounded, so a huge file cannot grow it without end). */
function guessCached(word: string, capitalised: boolean): Guess | undefined {
  const key = capitalised ? word + '^' : word
  let guess = guesses.get(key)
  if (guess === undefined) {
    if (guesses.size > 50_000) guesses.clear()
    guess = guessEnglish(word, capitalised) ?? null
    guesses.set(key, guess)
  }
  return guess ?? undefined
}

function guessEnglish(word: string, capitalised: boolean): Guess | undefined {
  const strong = STRONG.test(word)
  // The word as it is first (`Victòria` → Victoria), then with a foreign ending made English.
  const stems: string[][] = [[word], []]
  for (const [ending, replacements] of ENDINGS) {
    const match = ending.exec(word)
    if (!match || match.index < 3) continue
    for (const replacement of replacements) stems[1]!.push(word.slice(0, match.index) + replacement)
  }
  for (const group of stems) {
    let best: { english: string; total: number } | undefined
    for (const variant of spellings(group, word)) {
      const counts = countsOf(variant)
      if (!counts || counts.total < MIN_ENGLISH) continue
      const common = counts.lower >= counts.mid + counts.other
      // Only k for c or an ending changed: a name just as likely (`Kash`, `Kandy`, `Jodie`), unless
      // the foreign word is long and the English one a common lowercase word or a very frequent name.
      // Lowercase English forms missing from the counts (`forking`) are not German nouns: capitalised only.
      if (!strong && !(capitalised && word.length >= 7 && word.includes('k') && (common || counts.total >= FREQUENT_NAME))) continue
      if (!best || counts.total > best.total) {
        best = { english: common ? variant : variant[0]!.toUpperCase() + variant.slice(1), total: counts.total }
      }
    }
    if (best) return { english: best.english, language: languageOf(word) }
  }
  return undefined
}

/** English-looking spellings of `stems`: diacritics dropped (ä as a and ae), sch → sh, k → c. */
function spellings(stems: readonly string[], word: string): Set<string> {
  const variants = new Set<string>()
  for (const stem of stems) {
    const base = plain(stem.replace(/ä/gu, 'ae').replace(/ö/gu, 'oe').replace(/ü/gu, 'ue'))
    for (const form of [plain(stem), base]) {
      variants.add(form)
      const sh = form.replace(/tsch/gu, 'ch').replace(/sch/gu, 'sh')
      variants.add(sh)
      if (word.length >= 6 && sh.includes('k')) variants.add(sh.replace(/k/gu, 'c'))
    }
  }
  variants.delete(word)
  return variants
}

/** Which language the spelling looks like, for the message. */
function languageOf(word: string): string {
  if (/[äöüß]|sch|k/u.test(word)) return 'German'
  if (/[ñ]|ción|ía$|[áíóú]/u.test(word) || /é.*(o|os|a|as)$/u.test(word)) return 'Spanish'
  if (/[ãõ]|ção/u.test(word)) return 'Portuguese'
  if (/[çêèëœ]|ique$|ité$|[éô]/u.test(word)) return 'French'
  if (/[àò]|ità$|zione$/u.test(word)) return 'Catalan or Italian'
  return 'Foreign'
}

/** Particles inside names of people and places: `Piazza di Spagna`, `Ursula von der Leyen`. */
const PARTICLES = new Set(['di', 'de', 'da', 'del', 'della', 'dos', 'von', 'van', 'der', 'du', 'des', 'la', 'le', 'y'])

/** Whether the word at `index` sits in a run of capitalised words (`Bobby Fischer`, `Journal De Bruxelles`). */
function inNameRun(tokens: readonly Token[], index: number): boolean {
  const particle = tokens[index - 2]
  if (particle?.kind === 'word' && PARTICLES.has(particle.text) && tokens[index - 4]?.kind === 'word' && tokens[index - 4]!.title) return true
  const neighbour = (step: number): Token | undefined => {
    const space = tokens[index + step]
    const word = tokens[index + 2 * step]
    if (!space || space.kind !== 'space' || space.text !== ' ' || !word || word.kind !== 'word') return undefined
    return word
  }
  // `Dai-Ichi Kangyo Bank (Schweiz)`: a name continued in brackets.
  const bracketed = tokens[index - 1]?.text === '(' && tokens[index - 2]?.kind === 'space' && tokens[index - 3]?.kind === 'word'
  const before = bracketed ? tokens[index - 3] : neighbour(-1)
  const after = neighbour(1)
  // A capitalised word before counts unless it starts the sentence (`Soschi` right after `In`).
  const beforeIsName = before !== undefined && before.title && tokens.indexOf(before) > 0
  const afterIsName = after !== undefined && after.title
  return beforeIsName || afterIsName
}

function foreignSpelling() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (!isEnglish(ctx)) return
    for (const tokens of sentenceTokens(tree)) {
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!
        if (token.kind !== 'word' || token.text.length < 4) continue
        // Plain lowercase ASCII without `sch` can be neither an exonym nor a strong foreign spelling.
        if (isAsciiLower(token.text) && !token.text.includes('sch')) continue
        if (!LETTERS.test(token.text)) continue
        const lower = token.lower
        const exonym = EXONYMS.get(lower)
        if (exonym) {
          if (!token.title) continue
          const next = tokens[index + 2]
          if (next && SET_PHRASE_NEXT.has(next.text)) continue
          // Inside a run of capitalised words it is the name of something: `Journal De Bruxelles`.
          if (inNameRun(tokens, index)) continue
          const [english, language] = exonym
          report(file, meta, placeAt(ctx.document, token.start, token.end), `${language} spelling of ${english}?`, {
            expected: [english],
          })
          continue
        }
        if (countsOf(lower)) continue
        if (inNameRun(tokens, index)) continue
        const guess = guessCached(lower, token.title)
        if (!guess) continue
        report(file, meta, placeAt(ctx.document, token.start, token.end), `${guess.language} spelling of ${guess.english}?`, {
          expected: [guess.english],
        })
      }
    }
  }
}

export const detector: Detector = { rules: [meta], plugin: foreignSpelling }
