/**
 * readability/hard-sentence
 *
 * Seven readability formulas (Automated Readability, Coleman–Liau, Dale–Chall, Flesch, Gunning
 * fog, SMOG, Spache) are run on every sentence of five words or more, and a sentence that most of
 * them place above reading age 20 is reported: `warning` when at least six of the seven agree,
 * `info` when only a majority does. retext-readability's default age, 16, flags half the sentences
 * of ordinary news, which is noise, not advice.
 *
 * This is retext-readability 8's algorithm, counted the same way (a test checks that both flag the
 * same sentences), with its word lists held in Sets: the plugin looks every word up in two arrays
 * of about 3,000 words, which made it a third of tq's running time.
 *
 * Sentences shorter than five words are not judged (`Show comments`, a headline), since the
 * formulas mean nothing on them; nor is text in another language than English, since the formulas
 * count English syllables and look words up in English word lists.
 */
import type { Root, Sentence } from 'nlcst'
import { automatedReadability } from 'automated-readability'
import { colemanLiau } from 'coleman-liau'
import { daleChall } from 'dale-chall'
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula'
import { flesch } from 'flesch'
import { gunningFog } from 'gunning-fog'
import { toString } from 'nlcst-to-string'
import { smogFormula } from 'smog-formula'
import { spache } from 'spache'
import { spacheFormula } from 'spache-formula'
import { syllable } from 'syllable'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import type { Severity } from '../../types.js'

export const meta: RuleMeta = {
  id: 'readability/hard-sentence',
  category: 'readability',
  severity: 'info',
  description: 'A sentence that most of seven readability formulas place above the reading age of 20.',
  invalid: [
    'The constitutional implications of the unprecedented intergovernmental reorganisation necessitated comprehensive deliberation among representatives of all participating jurisdictions.',
  ],
  valid: [
    'The cat sat on the mat. It was warm and it was happy.',
    'Talks with Russia are getting down to a very critical stage, he added.',
    'Show comments',
  ],
}

/** Reading age the formulas are compared with. */
export const AGE = 20
/** Fewest words in a sentence that is judged (retext-readability's default). */
export const MIN_WORDS = 5
/** Share of the formulas that must place a sentence above `AGE` (retext-readability's default). */
const THRESHOLD = 4 / 7

const SPACHE_FAMILIAR = new Set(spache)
const DALE_CHALL_EASY = new Set(daleChall)
/** Syllable counts of words seen before; bounded so a huge input cannot grow it without end. */
const syllables = new Map<string, number>()
const SYLLABLE_CACHE = 50_000

function syllablesOf(word: string): number {
  let count = syllables.get(word)
  if (count === undefined) {
    count = syllable(word)
    if (syllables.size < SYLLABLE_CACHE) syllables.set(word, count)
  }
  return count
}

/** How many of the seven formulas place `sentence` above `age`; undefined below `MIN_WORDS` words. */
export function formulasAbove(sentence: Sentence, age = AGE): number | undefined {
  const familiar = new Set<string>()
  const easy = new Set<string>()
  let complexPolysillabicWord = 0
  let letters = 0
  let polysillabicWord = 0
  let totalSyllables = 0
  let wordCount = 0
  for (const node of sentence.children) {
    if (node.type !== 'WordNode') continue
    const value = node.children.length === 1 && node.children[0]!.type === 'TextNode' ? node.children[0]!.value : toString(node)
    const caseless = value.toLowerCase()
    const count = syllablesOf(value)
    wordCount++
    totalSyllables += count
    letters += value.length
    // Gunning fog counts complex words that are not proper nouns (checked, as the plugin does, by case).
    if (count >= 3) {
      polysillabicWord++
      if (value.charCodeAt(0) === caseless.charCodeAt(0)) complexPolysillabicWord++
    }
    if (SPACHE_FAMILIAR.has(caseless)) familiar.add(caseless)
    if (DALE_CHALL_EASY.has(caseless)) easy.add(caseless)
  }
  if (wordCount < MIN_WORDS) return undefined
  const counts = {
    character: letters,
    complexPolysillabicWord,
    difficultWord: wordCount - easy.size,
    letter: letters,
    polysillabicWord,
    sentence: 1,
    syllable: totalSyllables,
    unfamiliarWord: wordCount - familiar.size,
    word: wordCount,
  }
  const ages = [
    gradeToAge(automatedReadability(counts)),
    gradeToAge(colemanLiau(counts)),
    gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
    20 - Math.floor(flesch(counts) / 10),
    gradeToAge(gunningFog(counts)),
    Math.ceil(Math.sqrt(smogFormula(counts)) + 2.5),
    gradeToAge(spacheFormula(counts)),
  ]
  let above = 0
  for (const value of ages) if (value > age) above++
  return above
}

function gradeToAge(grade: number): number {
  return Math.round(grade + 5)
}

const FORMULAS = 7

function hardSentence() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (ctx.language !== 'en' && ctx.language !== 'und') return
    visit(tree, 'SentenceNode', (sentence) => {
      const above = formulasAbove(sentence)
      if (above === undefined) return 'skip'
      ctx.sentences++
      if (above / FORMULAS >= THRESHOLD) {
        const severity: Severity = above >= FORMULAS - 1 ? 'warning' : 'info'
        report(file, meta, sentence, `Hard to read sentence: ${above} of ${FORMULAS} readability formulas put it above reading age ${AGE}`, { severity })
      }
      return 'skip'
    })
  }
}

export const detector: Detector = { rules: [meta], plugin: hardSentence }
