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
 * same sentences), with what it works out per word remembered: the plugin looks every word up in
 * two arrays of about 3,000 words and counts its syllables again at every occurrence, which made
 * it a third of tq's running time. Here each distinct spelling is looked at once (`facts`), the
 * syllables of common words come from a table the `syllable` package computed (`syllables.ts`),
 * and words are read from the sentence tokens the translation rules share.
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
import { smogFormula } from 'smog-formula'
import { spache } from 'spache'
import { spacheFormula } from 'spache-formula'
import { syllable } from 'syllable'
import type { VFile } from 'vfile'
import { context, report, type Detector, type RuleMeta } from '../../rule.js'
import type { Severity } from '../../types.js'
import { StringTable } from '../translation/string-table.js'
import { tokensOf } from '../translation/vocabulary.js'
import { COMMON_SYLLABLES, COMMON_WORDS } from './syllables.js'

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

/**
 * What the formulas need of each spelling, packed in one number by spelling id: `caseless id ×
 * 128 + complex × 64 + syllables` (syllables capped at 63; `bigSyllables` holds the count of the
 * rare longer token). `complex`: three syllables or more and not capitalised (Gunning fog leaves
 * proper nouns out, by case). The caseless id numbers the lowercase form, shared by `The` and
 * `the`: the word lists count each lowercase word once per sentence. The spellings are kept in a
 * `StringTable`, whose lookups cost a third of a `Map`'s here (see string-table.ts).
 */
const spellings = new StringTable()
let facts = new Int32Array(1024)
const bigSyllables = new Map<string, number>()
const caselessForms = new StringTable()
/** By caseless id: on the Spache familiar list (1), the Dale–Chall easy list (2); the last sentence that counted it. */
let listed = new Uint8Array(1024)
let seenIn = new Int32Array(1024)
/** Spellings kept at most; then the tables start again, so a huge input cannot grow them without end. */
const MAX_SPELLINGS = 100_000
let sentenceNumber = 0

/** Syllables of `value`, from the table of common words when it is one (`syllables.ts`). */
function syllablesOf(value: string, caseless: string): number {
  // ASCII words only: `syllable` lowercases them after folding accents, which leaves ASCII as it is,
  // so `The` counts as `the`; a fold may turn another character into ASCII (`K`, the kelvin sign).
  if (isAscii(value)) {
    const count = commonSyllables(caseless)
    if (count !== undefined) return count
  }
  return syllable(value)
}

/** Where each word of `COMMON_WORDS` starts, made on first use: one scan, no strings. */
let wordStarts: Int32Array | undefined

/**
 * The syllables of `word` when it is one of the common words: a binary search of `COMMON_WORDS`
 * in place. A `Map` of the 31,631 words took 20 ms to build, a tenth of a short run's start-up,
 * for lookups made once per distinct word of a text.
 */
export function commonSyllables(word: string): number | undefined {
  if (!wordStarts) {
    wordStarts = new Int32Array(COMMON_SYLLABLES.length)
    let start = 0
    for (let index = 0; index < wordStarts.length; index++) {
      wordStarts[index] = start
      start = COMMON_WORDS.indexOf(' ', start) + 1
    }
  }
  let low = 0
  let high = wordStarts.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const order = compareAt(word, wordStarts[middle]!)
    if (order === 0) return COMMON_SYLLABLES.charCodeAt(middle) - 48
    if (order < 0) high = middle - 1
    else low = middle + 1
  }
  return undefined
}

/** `word` against the word of `COMMON_WORDS` at `start`, by UTF-16 code units (`Array#sort`'s order). */
function compareAt(word: string, start: number): number {
  for (let i = 0; ; i++) {
    const at = start + i
    // The listed word ends at a space or at the end of the string: 0 sorts before any character.
    const listed = at < COMMON_WORDS.length ? COMMON_WORDS.charCodeAt(at) : 32
    const end = listed === 32
    if (i === word.length) return end ? 0 : -1
    if (end) return 1
    const diff = word.charCodeAt(i) - listed
    if (diff !== 0) return diff
  }
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) >= 128) return false
  return true
}

/** The packed facts of spelling `value`, lowercase `caseless`, seen for the first time. */
function factsOf(value: string, caseless: string): number {
  const known = caselessForms.size
  const id = caselessForms.add(caseless)
  if (id === known) {
    if (id >= listed.length) {
      listed = grow(listed, listed.length * 2)
      seenIn = grow(seenIn, seenIn.length * 2)
    }
    listed[id] = (SPACHE_FAMILIAR.has(caseless) ? 1 : 0) | (DALE_CHALL_EASY.has(caseless) ? 2 : 0)
    seenIn[id] = -1
  }
  const syllables = syllablesOf(value, caseless)
  if (syllables >= 63) bigSyllables.set(value, syllables)
  const complex = syllables >= 3 && value.charCodeAt(0) === caseless.charCodeAt(0)
  const packed = id * 128 + (complex ? 64 : 0) + Math.min(syllables, 63)
  const spelling = spellings.add(value)
  if (spelling >= facts.length) facts = grow(facts, facts.length * 2)
  facts[spelling] = packed
  return packed
}

function grow<T extends Uint8Array | Int32Array>(array: T, length: number): T {
  const grown = new (array.constructor as new (length: number) => T)(length)
  grown.set(array)
  return grown
}

/** How many of the seven formulas place `sentence` above `age`; undefined below `MIN_WORDS` words. */
export function formulasAbove(sentence: Sentence, age = AGE): number | undefined {
  const sentenceId = sentenceNumber++
  // Cleared between sentences only: a word's `seenIn` must hold for the whole sentence.
  if (spellings.size >= MAX_SPELLINGS) {
    spellings.clear()
    bigSyllables.clear()
    caselessForms.clear()
  }
  let familiar = 0
  let easy = 0
  let complexPolysillabicWord = 0
  let letters = 0
  let polysillabicWord = 0
  let totalSyllables = 0
  let wordCount = 0
  for (const token of tokensOf(sentence)) {
    if (token.kind !== 'word') continue
    const value = token.text
    const spelling = spellings.get(value)
    const packed = spelling >= 0 ? facts[spelling]! : factsOf(value, token.lower)
    let syllables = packed & 63
    if (syllables === 63) syllables = bigSyllables.get(value)!
    wordCount++
    totalSyllables += syllables
    letters += value.length
    if (syllables >= 3) {
      polysillabicWord++
      if (packed & 64) complexPolysillabicWord++
    }
    // Each familiar or easy word counts once per sentence, as the plugin's sets do.
    const id = (packed - (packed & 127)) / 128
    if (seenIn[id] !== sentenceId) {
      seenIn[id] = sentenceId
      const lists = listed[id]!
      if (lists & 1) familiar++
      if (lists & 2) easy++
    }
  }
  if (wordCount < MIN_WORDS) return undefined
  const counts = {
    character: letters,
    complexPolysillabicWord,
    difficultWord: wordCount - easy,
    letter: letters,
    polysillabicWord,
    sentence: 1,
    syllable: totalSyllables,
    unfamiliarWord: wordCount - familiar,
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
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue
        const above = formulasAbove(sentence)
        if (above === undefined) continue
        ctx.sentences++
        if (above / FORMULAS >= THRESHOLD) {
          const severity: Severity = above >= FORMULAS - 1 ? 'warning' : 'info'
          report(file, meta, sentence, `Hard to read sentence: ${above} of ${FORMULAS} readability formulas put it above reading age ${AGE}`, { severity })
        }
      }
    }
  }
}

export const detector: Detector = { rules: [meta], plugin: hardSentence }
