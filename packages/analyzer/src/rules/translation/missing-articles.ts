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
 * language, are too short to count.
 *
 * Articles are few enough that a short English text can have none by chance: the first 150
 * prose words hold no `a` or `an` in 5% of stretches of general English (lm-train-en.txt) and
 * 2.3% of news openings (`Superimposing copy number profiles of different human genomes shows
 * each chromosome has distinctive…`), 200 words in 1.9%; 77% of Esperanto-pivot round trips'
 * openings do. So the evidence is graded: a warning once it is strong, at `SURE_WORDS` prose
 * words with none and one more allowed per further `WORDS_PER_ARTICLE` (0.8% of English
 * stretches of 250 words, about 1% of 375–500; 62–80% of the round trips), and info below that,
 * which the line model weighs as the weaker evidence it is (2.2 log-odds a line against 4.1 for a
 * warning, learned by scripts/train-translation.mjs). English text only.
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
  'Teachers from several schools said that they will bring pupils because story of voyage fits well with lessons about geography.',
  'Critics wrote in newspaper that such discoveries appear every few years and that most of them later prove to be forgery.',
  'They remembered case of map which was sold for large sum to foreign buyer before experts showed that it was printed recently.',
  'Collector answered that his chart was bought from family which kept it for three generations in house near coast.',
  'He also said that he paid for translation of notes on margin and that text mentions names of harbours from that period.',
  'Experts from national library offered to examine paper and ink without payment if collector agrees to give them sample.',
  'Result of examination should be known before end of summer, and museum promised to publish it on its website.',
  'Until then chart will stay behind glass in main hall, where visitors can see it every day except on Mondays.',
  'Guards said that crowd on first day was so big that doors of museum had to be closed for one hour at noon.',
].join('\n')

export const meta: RuleMeta = {
  id: 'translation/missing-articles',
  category: 'translation',
  severity: 'warning',
  description:
    'A text of 150 prose words or more that almost never uses `a` or `an` (under 0.5 per 100 words; English prose has 1–4), as machine translation from a language without articles writes it; each prose line without one is reported, as a warning once the text is long enough to be sure (none in 250 words, one more per further 125), else as info.',
  invalid: [
    PROSE,
    // 150–250 words without an article: info, as English has such stretches (1 in 20 at 150).
    PROSE.split('\n').slice(7).join('\n'),
  ],
  valid: [
    PROSE.replace('Chinese collector', 'A Chinese collector').replace('found copy', 'found a copy').replace('ancient chart', 'an ancient chart')
      .replace('famous sailor', 'a famous sailor').replace('from small shop', 'from a small shop').replace('for modest sum', 'for a modest sum')
      .replace('during public presentation', 'during a public presentation').replace('by independent laboratory', 'by an independent laboratory')
      .replace('such claim', 'such a claim').replace('to university', 'to a university'),
    // Too little prose to judge.
    PROSE.split('\n').slice(2, 7).join('\n'),
  ],
}

/** Fewest words a line needs to count as prose. */
const MIN_LINE_WORDS = 12
/** Fewest prose words before the document is judged. */
const MIN_WORDS = 150
/** Indefinite articles per word below which the document is judged to drop them. */
const MAX_RATE = 0.005
/** Fewest prose words for a warning; with this many, none may be an article. */
const SURE_WORDS = 250
/** Beyond `SURE_WORDS`, each further this many prose words allow one more article in a warning. */
const WORDS_PER_ARTICLE = 125

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
  const sure = words >= SURE_WORDS && articles <= Math.floor((words - SURE_WORDS) / WORDS_PER_ARTICLE)
  const rate = ((100 * articles) / words).toFixed(2)
  for (let index = 0; index < tally.words.length; index++) {
    if (tally.words[index]! < MIN_LINE_WORDS || tally.articles[index]! > 0) continue
    report(
      file,
      meta,
      placeAt(ctx.document, tally.first[index]!, tally.last[index]!),
      `No \`a\` or \`an\` in this line, and almost none in the text (${rate} per 100 words${sure ? '' : ` in ${words}, too few words to be sure`}; English prose has 1–4): were articles dropped in translation?`,
      sure ? {} : { severity: 'info' },
    )
  }
}

export const detector: Detector = { rules: [meta], plugin: missingArticles }
