/**
 * translation/repetition-loop
 *
 * A decoding loop of machine translation or a language model: the same one to four words three or
 * more times in a row inside a sentence (`in the war in the war in the war`, `very very very`).
 *
 * Not flagged: repetition set off by punctuation, which is rhetoric (`location, location,
 * location`; `No, no, no!`), numbers (`1 1 1` in a table), and sounds people write out on purpose
 * (`ha ha ha`, `blah blah blah`, `knock knock knock`).
 */
import type { Root, Sentence, Word } from 'nlcst'
import { toString } from 'nlcst-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { report, type Detector, type RuleMeta } from '../../rule.js'
import { SOUNDS } from './shared.js'

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
function repetitionLoop() {
  return function (tree: Root, file: VFile): void {
    visit(tree, 'SentenceNode', (sentence: Sentence) => {
      // Runs of words separated by white space only; punctuation ends a run.
      let run: Word[] = []
      for (const child of sentence.children) {
        if (child.type === 'WordNode') run.push(child)
        else if (child.type !== 'WhiteSpaceNode') {
          check(run, file)
          run = []
        }
      }
      check(run, file)
      return SKIP
    })
  }
}

function check(run: Word[], file: VFile): void {
  if (run.length < MIN_REPEATS) return
  const words = run.map((word) => toString(word).toLowerCase())
  let index = 0
  while (index < words.length) {
    const loop = loopAt(words, index)
    if (!loop) {
      index++
      continue
    }
    const { size, repeats } = loop
    const first = run[index]!.position!.start
    const last = run[index + size * repeats - 1]!.position!.end
    const gram = run.slice(index, index + size).map((word) => toString(word)).join(' ')
    report(file, meta, { start: first, end: last }, `Repetition loop: \`${gram}\` ${repeats} times in a row`, { expected: [gram] })
    index += size * repeats
  }
}

/** The shortest n-gram starting at `index` that repeats at least three times, with its count. */
function loopAt(words: string[], index: number): { size: number; repeats: number } | undefined {
  for (let size = 1; size <= MAX_GRAM; size++) {
    const gram = words.slice(index, index + size)
    if (gram.length < size || gram.every((word) => /^\p{N}+$/u.test(word) || SOUNDS.has(word))) continue
    let repeats = 1
    while (gram.every((word, offset) => words[index + repeats * size + offset] === word)) repeats++
    if (repeats >= MIN_REPEATS) return { size, repeats }
  }
  return undefined
}

export const detector: Detector = { rules: [meta], plugin: repetitionLoop }
