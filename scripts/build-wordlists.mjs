#!/usr/bin/env node
/**
 * Build tq's English vocabulary with counts: packages/analyzer/data/en-words.txt.
 *
 *   node scripts/build-wordlists.mjs [/work/shared/corpus/lm-train-en.txt] [manifest.json]
 *
 * Reads ONLY the permissively licensed sections of the training text, chosen by name from the
 * manifest's line ranges: MASC (commercial use allowed), inaugural and State of the Union addresses
 * (public domain), English Wikinews (CC BY 2.5, "Wikinews contributors") and WikiText-2 (CC BY-SA
 * 3.0, "Wikipedia contributors"). Brown, WSJ, ABC, IE-ER and CoNLL-2000 are research-only and are
 * never read.
 *
 * Output, one word a line, sorted by frequency: `word lower mid other`, where `word` is the
 * lowercase form and the counts are how often the corpus wrote it
 *   lower: all in lowercase (`house`),
 *   mid:   capitalised in the middle of a sentence, after a letter, digit or comma (`the White House`),
 *   other: capitalised elsewhere (after a full stop, a quote, at the start of a line) or in capitals.
 * Only words seen at least MIN_COUNT times are kept. Zero counts are left off at the end of a line
 * (`kremlin 0 40` means other = 0).
 */
import { createReadStream, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { PERMISSIVE, RESEARCH_ONLY } from './lm-sections.mjs'

const corpus = process.argv[2] ?? '/work/shared/corpus/lm-train-en.txt'
const manifestPath = process.argv[3] ?? corpus.replace(/\.txt$/, '.manifest.json')
const out = new URL('../packages/analyzer/data/en-words.txt', import.meta.url)
const MIN_COUNT = 3


const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const ranges = []
for (const section of manifest.sections) {
  if (RESEARCH_ONLY.has(section.section)) continue
  if (!PERMISSIVE.has(section.section)) {
    console.warn(`skipping section of unknown licence: ${section.section}`)
    continue
  }
  ranges.push([section.first_line, section.last_line, section.section])
}
if (ranges.length === 0) throw new Error('no permissive sections in the manifest')
console.log(`sections: ${ranges.map((r) => r[2]).join(', ')}`)

const inRange = (n) => ranges.some(([first, last]) => n >= first && n <= last)

/** word → [lower, mid, other] */
const counts = new Map()
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu
const UPPER = /^\p{Lu}/u
const LOWER = /^\p{Ll}+$/u
const MID_BEFORE = /[\p{L}\p{N},]/u

let lineNumber = 0
let words = 0
const reader = createInterface({ input: createReadStream(corpus, 'utf8'), crlfDelay: Infinity })
for await (const line of reader) {
  lineNumber++
  if (!inRange(lineNumber)) continue
  for (const match of line.matchAll(WORD)) {
    let token = match[0]
    // Possessives and contractions: count the word they hang on (`Russia's` → `russia`).
    token = token.replace(/['’](s|ll|re|ve|d|m|t)$/iu, '')
    if (token.length === 0) continue
    words++
    const key = token.toLowerCase()
    let entry = counts.get(key)
    if (!entry) counts.set(key, (entry = [0, 0, 0]))
    if (LOWER.test(token)) entry[0]++
    else if (UPPER.test(token) && token.length > 1 && token.slice(1) !== token.slice(1).toUpperCase()) {
      // Title case: mid-sentence when the last non-space character before it is a letter, digit or comma.
      let i = match.index - 1
      while (i >= 0 && line[i] === ' ') i--
      if (i >= 0 && i < match.index - 1 && MID_BEFORE.test(line[i])) entry[1]++
      else entry[2]++
    } else entry[2]++
  }
}

const kept = [...counts.entries()]
  .filter(([, c]) => c[0] + c[1] + c[2] >= MIN_COUNT)
  .sort((a, b) => b[1][0] + b[1][1] + b[1][2] - (a[1][0] + a[1][1] + a[1][2]) || (a[0] < b[0] ? -1 : 1))
const lines = kept.map(([word, c]) => {
  const fields = [...c]
  while (fields.length > 1 && fields[fields.length - 1] === 0) fields.pop()
  return `${word} ${fields.join(' ')}`
})
const header =
  '# tq English vocabulary: word lower mid-sentence-capitalised other (zeros at the end left off).\n' +
  '# Built by scripts/build-wordlists.mjs from MASC, inaugural and State of the Union addresses (public domain),\n' +
  '# English Wikinews (CC BY 2.5, Wikinews contributors) and WikiText-2 (CC BY-SA 3.0, Wikipedia contributors).\n'
mkdirSync(new URL('.', out), { recursive: true })
writeFileSync(out, header + lines.join('\n') + '\n')
console.log(`${words} words read, ${counts.size} distinct, ${kept.length} kept (count ≥ ${MIN_COUNT}) → ${out.pathname}`)
