/**
 * translation/missing-articles
 *
 * Machine translation from a language without articles (Russian, Chinese, Japanese, Polish, or a
 * pivot through Esperanto, which has no `a`) drops English's indefinite article:
 * `Chinese map collector found copy of ancient chart he claims prove controversial theories`.
 * One sentence without `a` or `an` is ordinary English; a whole text almost without them is not.
 * English prose uses 1–4 per 100 words (news in mt-docs-dev.jsonl: 5th percentile 1.1, median
 * 2.7); Esperanto-pivot round trips of the same articles have a median of 0.16.
 *
 * So the rule judges the document first: when its prose lines (at least `MIN_LINE_WORDS` words)
 * hold at least `MIN_WORDS` words and fewer than `MAX_RATE` indefinite articles per word, each
 * such line without one is reported. Headlines, lists and captions, which drop articles in any
 * language, are too short to count. English text only.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { context, report, stateOf, type Detector, type RuleMeta } from '../../rule.js'
import { placeAt } from '../../document.js'
import { isEnglish } from './shared.js'
import { sentenceTokens } from './vocabulary.js'

/** A news story as an Esperanto-pivot round trip writes it (written for this example). */
const PROSE = [
  'Chinese collector of old maps found copy of ancient chart which he says proves controversial theory about famous sailor of fifteenth century.',
  'Collector bought chart from small shop in capital for modest sum and showed it on Monday during public presentation in museum of city.',
  'According to him, chart shows that Chinese fleet reached distant coasts long before European explorers and charted them in unusual detail.',
  'Several historians who saw copy said that paper and ink must be tested by independent laboratory before anybody can accept such claim.',
  'Collector answered that he welcomes every test and that he will give chart to university for further study during next year.',
  'Museum said exhibition will stay open until end of month and that entry is free for students and for teachers of history.',
  'Director of museum added that interest of public was big and that school classes already reserved visits for whole week.',
].join('\n')

export const meta: RuleMeta = {
  id: 'translation/missing-articles',
  category: 'translation',
  severity: 'warning',
  description:
    'A text that almost never uses `a` or `an` (under 0.5 per 100 words; English prose has 1–4), as machine translation from a language without articles writes it; each prose line without one is reported.',
  invalid: [PROSE],
  valid: [
    PROSE.replace('Chinese collector', 'A Chinese collector').replace('found copy', 'found a copy').replace('ancient chart', 'an ancient chart')
      .replace('famous sailor', 'a famous sailor').replace('from small shop', 'from a small shop').replace('for modest sum', 'for a modest sum')
      .replace('during public presentation', 'during a public presentation').replace('by independent laboratory', 'by an independent laboratory')
      .replace('such claim', 'such a claim').replace('to university', 'to a university'),
    // Too little prose to judge: a short note without articles is ordinary English.
    'Collector bought chart from small shop in capital for modest sum and showed it on Monday during public presentation in museum of city.',
  ],
}

/** Fewest words a line needs to count as prose. */
const MIN_LINE_WORDS = 12
/** Fewest prose words before the document is judged. */
const MIN_WORDS = 150
/** Indefinite articles per word below which the document is judged to drop them. */
const MAX_RATE = 0.005

interface Tally {
  /** Per 0-based line: words, indefinite articles, and the document offsets of the first and last word. */
  words: Int32Array
  articles: Int32Array
  first: Int32Array
  last: Int32Array
}

function missingArticles() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (!isEnglish(ctx)) return
    const lines = ctx.document.lines
    const tally = stateOf(file, meta.id, (): Tally => {
      const value: Tally = {
        words: new Int32Array(lines.length),
        articles: new Int32Array(lines.length),
        first: new Int32Array(lines.length).fill(-1),
        last: new Int32Array(lines.length),
      }
      ctx.atEnd.push(() => judge(file, value))
      return value
    })
    for (const tokens of sentenceTokens(tree)) {
      for (const token of tokens) {
        if (token.kind !== 'word' || token.node === undefined) continue
        const index = (token.node.position?.start.line ?? 0) - 1
        if (index < 0) continue
        tally.words[index]!++
        if (token.lower === 'a' || token.lower === 'an') tally.articles[index]!++
        if (tally.first[index] === -1) tally.first[index] = token.start
        tally.last[index] = token.end
      }
    }
  }
}

function judge(file: VFile, tally: Tally): void {
  const ctx = context(file)
  let words = 0
  let articles = 0
  for (let index = 0; index < tally.words.length; index++) {
    if (tally.words[index]! < MIN_LINE_WORDS) continue
    words += tally.words[index]!
    articles += tally.articles[index]!
  }
  if (words < MIN_WORDS || articles / words >= MAX_RATE) return
  const rate = ((100 * articles) / words).toFixed(1)
  for (let index = 0; index < tally.words.length; index++) {
    if (tally.words[index]! < MIN_LINE_WORDS || tally.articles[index]! > 0) continue
    report(
      file,
      meta,
      placeAt(ctx.document, tally.first[index]!, tally.last[index]!),
      `No \`a\` or \`an\` in this line, and almost none in the text (${rate} per 100 words; English prose has 1–4): were articles dropped in translation?`,
    )
  }
}

export const detector: Detector = { rules: [meta], plugin: missingArticles }
