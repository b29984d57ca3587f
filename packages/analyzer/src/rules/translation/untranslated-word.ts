/**
 * translation/untranslated-word
 *
 * A function word of another language left in an English sentence: `the talks und the ceasefire`,
 * `more than 20 años ago`, `the government pero not the army`. Machine translation leaves these
 * where it fails to parse a phrase, and they never occur inside English prose.
 *
 * Many short foreign words are also English or live in names and set phrases, so the list leaves
 * out `die`, `a`, `en`, `de`, `la`, `le`, `con`, `per`, `et` (`et al.`), `pas` (`faux pas`), `hay`,
 * `sin`, `pour`, `den`, and a word is flagged only when it is written in lowercase between two
 * lowercase English words: `Ursula von der Leyen` (a capitalised name follows), `Les Misérables`
 * (capitalised), `a pas de deux` and `liberté, égalité` (foreign phrases, quoted or not: the
 * neighbours are not English) stay quiet. English text only.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import { placeAt } from '../../document.js'
import { isEnglish } from './shared.js'
import { countsOf, LOWERCASE, sentenceTokens, type Token } from './vocabulary.js'

export const meta: RuleMeta = {
  id: 'translation/untranslated-word',
  category: 'translation',
  severity: 'warning',
  description: 'A function word of another language left between English words (`the talks und the ceasefire`).',
  invalid: [
    'The leaders discussed the talks und the ceasefire on Monday.',
    'The first fossils were found more than twenty años ago in the desert.',
    'The government agreed pero the army refused to withdraw.',
    'He said the plan was nicht ready for a vote.',
  ],
  valid: [
    'The President of the European Commission, Ursula von der Leyen, threatened further sanctions.',
    'She danced a pas de deux and quoted the motto liberté, égalité, fraternité.',
    'Smith et al. found that the die was cast before the con began.',
    'The cafe served coffee en route to Les Misérables on Monday.',
  ],
}

/** Words of German, French, Spanish, Italian, Portuguese, Catalan and Esperanto that English never uses alone. */
const FOREIGN: ReadonlyMap<string, string> = new Map(
  (
    [
      ['German', 'und oder aber auch noch nicht ist sind wird wurde werden haben hatte eine einen einem einer das dass zu für über nach bei sich wenn weil sehr wie vom zum zur auf ich wir nur schon jetzt heute'],
      ['French', 'avec mais dans une aussi très nous vous ils elle leur cette sont été ont qui les'],
      ['Spanish', 'pero como muy también porque cuando donde sobre los las una esta está están fue años año más sus ella ellos'],
      ['Italian', 'della degli delle nella anche perché sono questo molto gli dei che'],
      ['Portuguese', 'não também mais uma pelo pela isso ele'],
      ['Catalan', 'anys amb perquè però això aquest aquesta més'],
      ['Esperanto', 'kaj estas estis kiu kiuj tiu sed ankaŭ ĉar kun pri oni'],
    ] as const
  ).flatMap(([language, words]) => words.split(' ').map((word) => [word, language] as const)),
)

/** The word `step` words away through single spaces, or undefined. */
function neighbour(tokens: readonly Token[], index: number, step: 1 | -1): Token | undefined {
  const space = tokens[index + step]
  const word = tokens[index + 2 * step]
  if (!space || space.kind !== 'space' || word?.kind !== 'word') return undefined
  return word
}

/** A lowercase English word seen often enough not to be a foreign one (`the`, `talks`). */
function isEnglishWord(token: Token | undefined): boolean {
  if (!token || !LOWERCASE.test(token.text) || FOREIGN.has(token.text)) return false
  const counts = countsOf(token.text)
  return counts !== undefined && counts.lower >= 20
}

function untranslatedWord() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (!isEnglish(ctx)) return
    for (const tokens of sentenceTokens(tree)) {
      tokens.forEach((token, index) => {
        if (token.kind !== 'word') return
        const language = FOREIGN.get(token.text)
        if (!language) return
        if (!isEnglishWord(neighbour(tokens, index, -1)) || !isEnglishWord(neighbour(tokens, index, 1))) return
        report(file, meta, placeAt(ctx.document, token.start, token.end), `${language} word \`${token.text}\` left in an English sentence`)
      })
    }
  }
}

export const detector: Detector = { rules: [meta], plugin: untranslatedWord }
