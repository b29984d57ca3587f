/**
 * translation/repeated-word
 *
 * The same word twice in a row, `the the`: a slip that machine translation and careless editing
 * both leave. The detection is retext-repeated-words 5.0.0's, ported to read the sentence tokens
 * the translation rules share (the plugin walks the tree and serialises every word again, which
 * cost as much as all of tq's other word rules together); its messages became tq findings.
 *
 * Its exceptions hold: words English doubles on purpose (`the best exhibition they had had since`,
 * `he said that that was all`), capitalised names (`Walla Walla`, `Duran Duran`) and initials
 * (`D. D.`). tq adds sounds written out (`ha ha`, `bye bye`) and doubled intensifiers (`a very
 * very clear message`, `for many many years`), and leaves three or more in a row (`the the the`)
 * to `translation/repetition-loop`, so a loop is reported once.
 */
import type { Root } from 'nlcst'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { report, type Detector, type RuleMeta } from '../../rule.js'
import { SOUNDS } from './shared.js'
import { sentenceTokens, type Token } from './vocabulary.js'

export const meta: RuleMeta = {
  id: 'translation/repeated-word',
  category: 'translation',
  severity: 'warning',
  description: 'The same word twice in a row (`the the`).',
  invalid: [
    'Putin did not agree to the the ceasefire.',
    'The talks will will resume on Monday.',
    'It was a a long call between the leaders.',
  ],
  valid: [
    'It was the best exhibition they had had since the war.',
    'He said that that was all he knew.',
    'They flew to Walla Walla on Monday.',
    'The, the, and the again: a list of words.',
    '“Ha ha,” he said, and waved bye bye.',
    'We are very very pleased after many many years.',
  ],
}

/** Words English doubles on purpose (retext-repeated-words' list): `they had had`, `that that`. */
const DOUBLED = new Set(['had', 'that', 'can', 'blah', 'beep', 'yadda', 'sapiens', 'tse', 'mau'])
/** Words speech doubles for emphasis: `a very very clear message`, `for many many years`. */
const INTENSIFIERS = new Set(['very', 'many', 'really', 'so', 'much', 'far', 'more', 'long'])

interface Found {
  start: Point
  end: Point
  /** The second word as written. */
  word: string
}

/**
 * The doubled words of one sentence, as retext-repeated-words finds them: two words with only
 * white space between them, equal in lowercase, neither on its list nor a capitalised name (`Walla
 * Walla`) or initial (`D. D.`).
 */
function doubled(tokens: readonly Token[], into: Found[]): void {
  let previous: Token | undefined
  let current: Token | undefined
  for (const token of tokens) {
    if (token.kind === 'word') {
      current = token
      if (previous && previous.lower === token.lower && !ignore(token.text)) {
        into.push({ start: previous.node!.position!.start, end: token.node!.position!.end, word: token.text })
      }
    } else if (token.kind === 'space') {
      previous = current
      current = undefined
    } else {
      previous = undefined
      current = undefined
    }
  }
}

/** retext-repeated-words' exceptions for a word that occurs twice. */
function ignore(value: string): boolean {
  if (DOUBLED.has(value.toLowerCase())) return true
  const head = value.charAt(0)
  if (head === head.toUpperCase()) {
    // D. D. will pop up with…
    if (value.length === 2 && value.charAt(1) === '.') return true
    // Duran Duran… Bella Bella…
    const tail = value.slice(1)
    if (tail === tail.toLowerCase()) return true
  }
  return false
}

function repeatedWord() {
  return function (tree: Root, file: VFile): void {
    const found: Found[] = []
    for (const tokens of sentenceTokens(tree)) doubled(tokens, found)
    found.forEach(({ start, end, word }, index) => {
      // Sounds written out (`ha ha`, `bye bye`) and doubled intensifiers (`very very`) are meant.
      if (SOUNDS.has(word.toLowerCase()) || INTENSIFIERS.has(word.toLowerCase())) return
      // Three or more in a row overlap: that is a loop, `translation/repetition-loop` reports it.
      const overlaps = (other: Found | undefined): boolean =>
        other !== undefined && other.start.offset! < end.offset! && start.offset! < other.end.offset!
      if (overlaps(found[index - 1]) || overlaps(found[index + 1])) return
      report(file, meta, { start, end }, `Repeated word \`${word}\`: remove one`, { expected: [word] })
    })
  }
}

export const detector: Detector = { rules: [meta], plugin: repeatedWord }
