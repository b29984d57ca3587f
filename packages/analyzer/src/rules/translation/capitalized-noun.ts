/**
 * translation/capitalized-noun
 *
 * A common word capitalised in mid-sentence, as German writes every noun: `the Ukrainian
 * Authorities were`, `an agreement on the Exchange of Prisoners`, or a word capitalised where a
 * sentence was split and joined again (`I asked him [Trump] Before his conversation`).
 *
 * English capitalises names, titles and terms, and many of them are common words too (`the White
 * House`, `President Trump`, `in May`, `said Brown`). A word counts only when
 *   - English writes it in lowercase far more often than capitalised in mid-sentence (by the
 *     counts in data/en-words.txt: `before` 2309 to 2, `house` 279 to 664 does not count),
 *   - it follows a lowercase word, a comma or a closing bracket (not a sentence start, a colon, an
 *     opening quote or bracket), and the next word is not capitalised (`Leave a Comment Box`, titles
 *     such as `Gone With the Wind` form runs); after a capitalised word it counts only when that
 *     word is a people's adjective (`the Ukrainian Authorities`),
 *   - the sentence is not a headline in title case, and the document never uses the word inside a
 *     run of capitalised words (`Gordon Brown` makes a later `Brown` a name).
 * Function words (`Before`, `With`, `Without`) are reported alone; capitalised nouns only when a
 * paragraph has two or more different ones, which keeps odd house styles and names that are also
 * words (`Hope`, `Rice`) quiet. English text only.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, stateOf, type Detector, type RuleMeta } from '../../rule.js'
import { placeAt } from '../../document.js'
import { isEnglish } from './shared.js'
import { countsOf, LETTERS, tokensOf, type Token } from './vocabulary.js'

export const meta: RuleMeta = {
  id: 'translation/capitalized-noun',
  category: 'translation',
  severity: 'warning',
  description: 'A common word capitalised in mid-sentence, as German writes nouns (`the Ukrainian Authorities were`).',
  invalid: [
    '“I asked him [Trump] Before his conversation with Putin, no decisions about Ukraine without us,” said Zelenskyy.',
    'The attacks, of which the Ukrainian Authorities said the Damage was the largest, went on.',
    'The ministers agreed on the Exchange of all Prisoners by the end of the Month.',
  ],
  valid: [
    'Karoline Leavitt, press spokeswoman for the White House, said on Monday that President Trump spoke to Putin.',
    'Trump, Putin Call On Russia-Ukraine War, Call Went Well, White House Says',
    'The talks begin in May: Before the vote, the Foreign Minister spoke to the Security Council.',
    'Gordon Brown spoke first. Later that day, Brown said the talks had failed.',
    'The ministers discussed the Exchange, a rule the Ukrainian side rejected.',
  ],
}

/** Closed-class words: capitalised in mid-sentence they are never a name. */
const FUNCTION_WORDS = new Set(
  ('about above after against along although among around because before behind below beneath beside besides between beyond ' +
    'during except into since through throughout toward towards under until unless upon whereas whether while within without ' +
    'however therefore nevertheless moreover furthermore meanwhile instead also already always often never still even just ' +
    'that which whose whom was were would could should than nor').split(' '),
)
/** Capitalised words a common noun may follow in English (`the Ukrainian Authorities` still counts). */
const PEOPLES = /(?:an|ian|ese|ish|ch|ic|i)$/u
/** Small words titles and names keep in lowercase between capitalised words. */
const JOINERS = new Set(['a', 'an', 'the', 'of', 'and', 'to', 'for', 'in', 'on', 'at', 'with', 'or', 'de', 'von', 'van', 'der', 'du', 'la', 'le'])
/** How much more often English writes the word in lowercase than capitalised in mid-sentence. */
const RATIO = 20
const MIN_LOWER = 20
/** Months, and words that are also common names of people or things English capitalises. */
const SKIP = new Set([
  // Pronouns capitalised for God (`trust in Him`) and numbers naming things (`won on Three`).
  'he', 'him', 'his', 'she', 'her', 'it', 'its', 'they', 'them', 'their', 'we', 'us', 'our', 'you', 'your', 'me', 'my',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'may', 'march', 'june', 'july', 'august', 'will', 'bill', 'mark', 'hope', 'grace', 'faith', 'joy', 'rose', 'frank', 'earth', 'sun', 'moon', 'internet', 'web', 'god', 'lord', 'church', 'state', 'federal', 'act', 'bureau'])

interface Candidate {
  token: Token
  lower: string
  functionWord: boolean
  paragraph: number
}

interface State {
  candidates: Candidate[]
  /** Lowercase forms seen inside runs of capitalised words anywhere in the document. */
  inRuns: Set<string>
  paragraphs: number
}

function capitalizedNoun() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (!isEnglish(ctx)) return
    const state = stateOf<State>(file, meta.id, () => {
      const created: State = { candidates: [], inRuns: new Set(), paragraphs: 0 }
      ctx.atEnd.push(() => finish(file, created))
      return created
    })
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      const number = state.paragraphs++
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue
        const tokens = tokensOf(sentence)
        // Most sentences have no capital after their first word: nothing to look at.
        let firstWord = -1
        let words = 0
        let capitals = 0
        for (let index = 0; index < tokens.length; index++) {
          const token = tokens[index]!
          if (token.kind !== 'word') continue
          if (firstWord < 0) firstWord = index
          words++
          if (token.title) capitals++
        }
        // A headline in title case capitalises everything.
        if (capitals <= 1 || capitals / words > 0.4) continue
        for (let index = 0; index < tokens.length; index++) {
          const token = tokens[index]!
          if (index === firstWord || !token.title || !LETTERS.test(token.text)) continue
          const beforeAt = previous(tokens, index)
          const before = tokens[beforeAt]
          const after = next(tokens, index)
          const afterIsCapital = after?.kind === 'word' && after.title
          const beforeIsCapital = before?.kind === 'word' && before.title && beforeAt !== firstWord
          const lower = token.lower
          // A title or name joined by small words or commas: `How to Grow a Chair`, `Family, Law and
          // Democracy Report`, `Yahoo and Excite`.
          const joinedBefore = joined(tokens, index, -1)
          const joinedAfter = joined(tokens, index, 1)
          const titled = (joinedBefore >= 0 && joinedBefore !== firstWord) || joinedAfter >= 0
          if (afterIsCapital || titled || (beforeIsCapital && !isPeoples(before!.text))) {
            state.inRuns.add(lower)
            continue
          }
          if (!before) continue
          // A label before a number: `Section 104`, `Volume 2`.
          if (after?.kind === 'word' && /^[\dIVX]/u.test(after.text) && !/^I$/u.test(after.text)) continue
          // After a list marker at the start of a sentence: `(B) That because…`, `(1) Below the…`.
          if ((before.text === ')' || before.text === ']') && opensSentence(tokens, beforeAt)) continue
          // After a lowercase word, a comma or a closing bracket; not after `:`, `“`, `(`, `–`.
          if (before.kind === 'word' ? !/^\p{Ll}/u.test(before.text) && !beforeIsCapital : !/^[,)\]]$/u.test(before.text)) continue
          if (SKIP.has(lower)) continue
          const counts = countsOf(lower)
          if (!counts || counts.lower < MIN_LOWER || counts.lower < RATIO * (counts.mid + 1)) continue
          state.candidates.push({ token, lower, functionWord: FUNCTION_WORDS.has(lower), paragraph: number })
        }
      }
    }
  }
}

/** Whether the bracket closing at `close` opened before any word of the sentence: `(B) That…`. */
function opensSentence(tokens: readonly Token[], close: number): boolean {
  for (let index = close - 1; index >= 0; index--) {
    const text = tokens[index]!.text
    if (text === '(' || text === '[') return !tokens.slice(0, index).some((token) => token.kind === 'word')
  }
  return true
}

/** The index of a capitalised word one small word or comma away from `index` in direction `step`, or −1. */
function joined(tokens: readonly Token[], index: number, step: 1 | -1): number {
  let at = index + step
  if (tokens[at]?.kind === 'space') at += step
  const joiner = tokens[at]
  if (!joiner || !(joiner.text === ',' || joiner.text === '&' || JOINERS.has(joiner.text))) return -1
  at += step
  if (tokens[at]?.kind === 'space') at += step
  const word = tokens[at]
  return word?.kind === 'word' && word.title ? at : -1
}

/** A people's adjective, capitalised in English: `Ukrainian`, `Chinese`, `British` (not `Electronic`). */
function isPeoples(word: string): boolean {
  if (!PEOPLES.test(word)) return false
  const counts = countsOf(word)
  return counts !== undefined && counts.mid + counts.other > counts.lower * 5
}

/** The index of the token before `index`, white space skipped when it is a single space; −1 when none. */
function previous(tokens: readonly Token[], index: number): number {
  const space = tokens[index - 1]
  if (space?.kind === 'space') return space.text === ' ' ? index - 2 : -1
  return index - 1
}

function next(tokens: readonly Token[], index: number): Token | undefined {
  const space = tokens[index + 1]
  if (space?.kind === 'space') return space.text === ' ' ? tokens[index + 2] : undefined
  return space
}

function finish(file: VFile, state: State): void {
  const ctx = context(file)
  const kept = state.candidates.filter((candidate) => !state.inRuns.has(candidate.lower))
  // Different capitalised nouns per paragraph.
  const nouns = new Map<number, Set<string>>()
  for (const candidate of kept) {
    if (candidate.functionWord) continue
    let set = nouns.get(candidate.paragraph)
    if (!set) nouns.set(candidate.paragraph, (set = new Set()))
    set.add(candidate.lower)
  }
  for (const candidate of kept) {
    if (!candidate.functionWord && (nouns.get(candidate.paragraph)?.size ?? 0) < 2) continue
    const { token, lower } = candidate
    report(
      file,
      meta,
      placeAt(ctx.document, token.start, token.end),
      candidate.functionWord
        ? `\`${token.text}\` capitalised in mid-sentence: English writes it in lowercase`
        : `Common word \`${token.text}\` capitalised in mid-sentence, as German writes nouns`,
      { expected: [lower] },
    )
  }
}

export const detector: Detector = { rules: [meta], plugin: capitalizedNoun }
