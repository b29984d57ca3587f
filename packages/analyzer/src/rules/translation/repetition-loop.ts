/**
 * translation/repetition-loop
 *
 * A decoding loop of machine translation or a language model: the same one to four words three or
 * more times in a row inside a sentence (`in the war in the war in the war`, `very very very`).
 *
 * Not flagged: repetition set off by punctuation, which is rhetoric (`location, location,
 * location`; `No, no, no!`), numbers (`1 1 1` in a table), sounds people write out on purpose
 * (`ha ha ha`, `blah blah blah`, `knock knock knock`), and the stand-in a marked-up file's code
 * leaves in the text the analyzer reads, whose hidden values differ: a README's list of values
 * (Values: `'left'` `'center'` `'right'`, `left` or `center` or `right`) reads `Values: Xyz Xyz
 * Xyz`, `Xyz or Xyz or Xyz`.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { report, type Detector, type RuleMeta } from '../../rule.js'
import { STAND_IN } from '../../markup/stand-in.js'
import { SOUNDS } from './shared.js'
import { sentenceTokens, type Token } from './vocabulary.js'
export const meta: RuleMeta = {
  id: 'translation/repetition-loop',
  category: 'translation',
  severity: 'error',
  description: 'The same one to four words repeated three or more times in a row: a translation or model loop.',
  invalid: [
    'Russia has maintained pressure in the war in the war in the war in Ukraine.',
    'This is very very very very important.',
    'The leaders discussed the the the ceasefire.',
    'He said that peace talks peace talks peace talks would start.',
  ],
  valid: [
    'Location, location, location: that is what matters.',
    'No, no, no! He would never agree.',
    'Ha ha ha, said the crowd, and the scores were 1 1 1.',
    'He said that that was the war in the war of words.',
  ],
}

const MAX_GRAM = 4
const MIN_REPEATS = 3
const NUMBER = /^\p{N}+$/u
const STAND_IN_LOWER = STAND_IN.toLowerCase()

function repetitionLoop() {
  return function (tree: Root, file: VFile): void {
    const run: Token[] = []
    for (const tokens of sentenceTokens(tree)) {
      // Runs of words separated by white space only; punctuation ends a run.
      run.length = 0
      for (const token of tokens) {
        if (token.kind === 'word') run.push(token)
        else if (token.kind !== 'space') {
          check(run, file)
          run.length = 0
        }
      }
      check(run, file)
    }
  }
}

function check(run: readonly Token[], file: VFile): void {
  if (run.length < MIN_REPEATS) return
  let index = 0
  while (index < run.length) {
    const loop = loopAt(run, index)
    if (!loop) {
      index++
      continue
    }
    const { size, repeats } = loop
    const first = run[index]!.node!.position!.start
    const last = run[index + size * repeats - 1]!.node!.position!.end
    const gram = run.slice(index, index + size).map((word) => word.text).join(' ')
    report(file, meta, { start: first, end: last }, `Repetition loop: \`${gram}\` ${repeats} times in a row`, { expected: [gram] })
    index += size * repeats
  }
}

/**
 * The shortest n-gram starting at `index` that repeats at least three times, with its count. An
 * n-gram of numbers or sounds only does not count (`1 1 1`, `ha ha ha`), nor one that holds a code
 * stand-in (`Xyz Xyz Xyz`, `Xyz or Xyz or Xyz or`). Words are compared
 * before anything is allocated: almost every position has no repeat at all.
 */
function loopAt(words: readonly Token[], index: number): { size: number; repeats: number } | undefined {
  for (let size = 1; size <= MAX_GRAM; size++) {
    if (index + size > words.length) break
    let repeats = 1
    for (;;) {
      const at = index + repeats * size
      if (at + size > words.length) break
      let same = true
      for (let offset = 0; offset < size; offset++) {
        if (words[at + offset]!.lower !== words[index + offset]!.lower) {
          same = false
          break
        }
      }
      if (!same) break
      repeats++
    }
    if (repeats < MIN_REPEATS) continue
    // An n-gram of numbers or sounds only does not count; nor one with a stand-in, whose hidden
    // values differ (`left` or `center` or `right` or … reads `Xyz or Xyz or Xyz or`).
    let counts = false
    let code = false
    for (let offset = 0; offset < size; offset++) {
      const word = words[index + offset]!.lower
      if (word === STAND_IN_LOWER) code = true
      else if (!NUMBER.test(word) && !SOUNDS.has(word)) counts = true
    }
    if (counts && !code) return { size, repeats }
  }
  return undefined
}

export const detector: Detector = { rules: [meta], plugin: repetitionLoop }
