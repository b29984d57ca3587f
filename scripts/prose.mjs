// The benchmarks' English prose, built from ../shared/corpus/: the same text for scripts/bench.mjs
// and scripts/bench-detectors.mjs, so their figures are about one input.
import fs from 'node:fs'
import path from 'node:path'

export const corpus = path.join(new URL('..', import.meta.url).pathname, '../shared/corpus')

/** English prose paragraphs: human news of mt-docs-dev, then the LM training text. */
export function proseParagraphs() {
  const out = []
  for (const line of fs.readFileSync(path.join(corpus, 'mt-docs-dev.jsonl'), 'utf8').split('\n')) {
    if (!line) continue
    const doc = JSON.parse(line)
    if (doc.origin === 'human') out.push(...doc.text.split('\n').filter((p) => p.trim()))
  }
  for (const line of fs.readFileSync(path.join(corpus, 'lm-train-en.txt'), 'utf8').split('\n')) if (line.trim()) out.push(line)
  return out
}

/** About `mb` megabytes of `paragraphs`, in turn and over again, each followed by a blank line. */
export function* prosePieces(paragraphs, mb) {
  let bytes = 0
  for (let index = 0; bytes < mb * 1e6; index++) {
    const piece = paragraphs[index % paragraphs.length] + '\n\n'
    bytes += Buffer.byteLength(piece)
    yield piece
  }
}
