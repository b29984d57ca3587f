/**
 * language/unexpected
 *
 * A paragraph in another language than the document's (or than `--lang`): an untranslated passage,
 * or a "translated" file that is still in the source language.
 *
 * franc is only asked about paragraphs long enough to be reliable (120 characters; 30 for scripts
 * such as Chinese, where a character carries more), chooses among the usual languages of translated
 * copy, and a paragraph is flagged only when the expected language is clearly behind. Short lines
 * (`Anzeige`, `Mehr lesen`) are left to the boilerplate classifier: franc on them is noise. In an
 * English document, a paragraph that is plainly English by its words (`plainlyEnglish`) is not
 * sent to franc at all: that skips franc's cost on nearly every paragraph.
 */
import type { Paragraph, Root } from 'nlcst'
import { toString } from 'nlcst-to-string'
import type { VFile } from 'vfile'
import { CANDIDATES, ENGLISH_FUNCTION_WORDS, MIN_PARAGRAPH_LENGTH, guess, languageName, mostlyFunctionWords, toIso1, toIso3 } from '../../language.js'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import { tokensOf, vocabulary } from '../translation/vocabulary.js'

export const meta: RuleMeta = {
  id: 'language/unexpected',
  category: 'language',
  severity: 'warning',
  description: 'A paragraph written in another language than the document (or than `--lang`).',
  invalid: [
    'The leaders of Britain, France, Germany and Italy held a phone call with the president on Sunday to discuss the war.\n\nDie Staats- und Regierungschefs haben am Sonntag mit dem Präsidenten telefoniert und über die Lage in der Ukraine gesprochen.\n\nThey agreed that sanctions would follow if Russia failed to engage seriously in a ceasefire and in peace talks.',
  ],
  valid: [
    'The leaders of Britain, France, Germany and Italy held a phone call with the president on Sunday to discuss the war.\n\nAnzeige\n\nThey agreed that sanctions would follow if Russia failed to engage seriously in a ceasefire and in peace talks.',
    'Vladimir Putin and Volodymyr Zelenskyy met Recep Tayyip Erdogan in Istanbul, where Marco Rubio and Keir Starmer joined them for the talks on Monday.',
  ],
}

/** The expected language's score (relative to franc's best, 1) below which a paragraph is flagged. */
const MARGIN = 0.85
const MIN_DENSE_SCRIPT_LENGTH = 30
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu
/**
 * Code units that every `DENSE_SCRIPT` character starts with (Thai, Hangul Jamo, the CJK blocks,
 * Hangul syllables, any high surrogate, the compatibility and half-width forms), and few others:
 * one plain range test rules out a paragraph without any, where the script classes cost 10 ms per
 * MB of English prose.
 */
const MAYBE_DENSE_SCRIPT = /[\u0E00-\u0E7F\u1100-\u11FF\u2E80-\u9FFF\uA960-\uA97F\uAC00-\uDBFF\uF900-\uFAFF\uFF00-\uFFEF]/

/** Characters of Chinese, Japanese, Korean or Thai script in `text`. */
export function denseScriptCount(text: string): number {
  if (!MAYBE_DENSE_SCRIPT.test(text)) return 0
  return text.match(DENSE_SCRIPT)?.length ?? 0
}

function unexpectedLanguage() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (ctx.language === 'und') return
    const expected = toIso3(ctx.language)
    const only = CANDIDATES.includes(expected) ? CANDIDATES : [...CANDIDATES, expected]
    const source = ctx.document.text
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      // The paragraph's text is the document's between its offsets (the parser loses nothing).
      const from = paragraph.position?.start.offset
      const to = paragraph.position?.end.offset
      const text = from !== undefined && to !== undefined ? source.slice(from, to) : toString(paragraph)
      const dense = denseScriptCount(text)
      if (text.length < MIN_PARAGRAPH_LENGTH && dense < MIN_DENSE_SCRIPT_LENGTH) continue
      if (expected === 'eng' && dense === 0 && plainlyEnglish(paragraph)) continue
      const ranked = guess(text, only)
      const [best] = ranked
      if (!best || best[0] === expected) continue
      const expectedScore = ranked.find(([code]) => code === expected)?.[1] ?? 0
      if (expectedScore >= MARGIN) continue
      const found = toIso1(best[0])
      report(file, meta, paragraph, `Paragraph looks like ${languageName(found)} in a ${languageName(ctx.language)} document`, {
        severity: expectedScore < 0.5 ? 'error' : 'warning',
      })
    }
  }
}

/**
 * Whether `paragraph` is plainly English by its words, read from the sentence tokens the
 * translation rules share. Either test settles it:
 * - at least a fifth of its words are English function words (ordinary English prose runs at
 *   40–50 %, German or Spanish prose under 10 %);
 * - at least four words in five are in tq's English vocabulary (`data/en-words.txt`). This catches
 *   English that is dense with names and terms, which the first test misses (`Turnbull's top 10
 *   list includes 51 Pegasus, where in 1995 Swiss astronomers spotted the first planet…`): English
 *   paragraphs that fail the first test still have a median of 92 % known words, while Portuguese
 *   paragraphs of scraped pages reach at most 66 % (many short words, `a`, `de`, `do`, are also
 *   English tokens) and Russian or Korean none.
 * Numbers are not words here.
 */
function plainlyEnglish(paragraph: Paragraph): boolean {
  let words = 0
  let common = 0
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    for (const token of tokensOf(sentence)) {
      if (token.kind !== 'word' || !startsWithLetter(token.lower)) continue
      words++
      if (ENGLISH_FUNCTION_WORDS.has(token.lower)) common++
    }
  }
  if (words < 8) return false
  if (mostlyFunctionWords(common, words)) return true
  // Rarely needed (2% of English paragraphs), so the vocabulary is only read then.
  const known = vocabulary()
  let inVocabulary = common
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    for (const token of tokensOf(sentence)) {
      if (token.kind === 'word' && startsWithLetter(token.lower) && !ENGLISH_FUNCTION_WORDS.has(token.lower) && known.has(token.lower)) inVocabulary++
    }
  }
  return inVocabulary / words >= 0.8
}

const LETTER = /^\p{L}/u

/** Whether a lowercase word starts with a letter (`2014` and `10-year` do not). */
function startsWithLetter(lower: string): boolean {
  const code = lower.charCodeAt(0)
  if (code < 128) return code >= 97 && code <= 122
  return LETTER.test(lower)
}

export const detector: Detector = { rules: [meta], plugin: unexpectedLanguage }
