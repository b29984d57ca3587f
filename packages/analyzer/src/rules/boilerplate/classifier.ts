/**
 * The boilerplate classifier: one probability per line that it is page junk, and one
 * `boilerplate/*` finding per line above the threshold.
 *
 * It works on the non-blank lines, not on the nlcst tree:
 *
 * 1. `buildPage` (features.ts): each line's own features (length, final punctuation, function-word
 *    share, case, digits and symbols, the named shapes: UI string, ticker, credit, byline, inline
 *    menu, how its words score in the learned lexicon shipped with the model, and how many of its
 *    words come back elsewhere on the page: `cohesionOf`) in compact typed arrays, and the page's
 *    structure (the main body of prose, the headline above it, runs of short lines and of lines
 *    alike, segments of prose and non-prose, repeats, the comment section).
 * 2. Stage 1 of the learned model (model.ts, data/boilerplate-model.json): gradient-boosted trees
 *    over the line's features, its neighbours' (three lines either way) and its place on the page.
 * 3. Stage 2: the same trees over the same row plus stage 1's probabilities of the lines around
 *    (stacking), so a line is judged by what its neighbourhood turned out to be: a list item by the
 *    lines that open and close its list, and by the other items.
 * 4. Each line above the threshold is named by its shape (`describe`) and reported.
 *
 * The weights are learned from the dev pages by scripts/train-boilerplate.mjs (cross-validated by
 * page; figures in the model file's `about`).
 *
 * ```text
 * close                                    ← ui-string
 * Trump and Putin talk about 2 hours       ← headline: content
 * Pavel Byrkin/Sputnik Kreml/AP            ← credit
 * Moscow – President Trump spoke more …    ← content (main body)
 * - Push for sanctions -                   ← content (short, but between paragraphs)
 * Leave a Comment                          ← ui-string
 * ```
 *
 * Exceptions:
 * - The headline the page structure finds (just above the body, title-like) is content: tq's
 *   definition, though the benchmark the model learned from leaves headlines out.
 * - A document too small to have a page around it (`SMALL_DOCUMENT` lines or fewer) is judged as
 *   a pasted text, not as a web page: only junk shapes stay junk; "Hello world." is content.
 * - Documentation (`TqContext.technical`, register.ts) is no web page either: its short
 *   paragraphs introduce code or name an option's type, and repeat by design (`To install version
 *   8:`, `Type: \`string\``, `Default: \`'left'\``). There a line is judged as in a small
 *   document, by its shape alone (UI strings, credits, tickers, bylines, joined menus stay junk;
 *   `TECHNICAL_SHAPES_ONLY`), unless it is in a run of `MENU_RUN` or more bare labels (a scraped
 *   docs page's navigation: `Docs / API / Blog / Community / GitHub`), which the trees still judge
 *   (`shortRuns`).
 * - A page the trees would leave without any content line keeps its main body (`keepSomeText`).
 * - Lines whose shape alone says junk get at least `SHAPE_FLOOR`.
 * - A hard-wrapped text (an e-mail, a .txt README) is judged a paragraph at a time, each of its
 *   lines getting its paragraph's value (`logicalLines`).
 *
 * Memory: features live in typed arrays for the time of the classification; `ctx.signals` gets
 * `bp.*` values only when the caller asked for signals (`analyze(text, {signals: true})`).
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { spanOnLine } from '../../document.js'
import { isJunk } from '../../lines.js'
import { STAND_IN } from '../../markup/stand-in.js'
import { codeDensity, EXTENSION } from '../../register.js'
import { context, report, signalsOf, type Detector, type RuleMeta, type TqContext } from '../../rule.js'
import { meta as bylineMeta } from './byline.js'
import { labelsStandIn, meta as creditMeta } from './credit.js'
import {
  buildPage,
  buildStack,
  FEATURES,
  endsInColon,
  featureRow,
  isAllCaps,
  isLabel,
  isProse,
  isShaped,
  isTerminal,
  SHAPE_NAMES,
  shapeOf,
  shareAt,
  STACK_FEATURES,
  stackRow,
  type Page,
} from './features.js'
import { explain, meta as junkLineMeta } from './junk-line.js'
import { stopWordsOf } from './lexicon.js'
import { meta as menuMeta } from './menu.js'
import { boilerplateModel, sigmoid, stageLogit, type Model } from './model.js'
import { meta as repeatedMeta } from './repeated.js'
import { meta as tickerMeta } from './ticker.js'
import { meta as uiStringMeta } from './ui-string.js'

const STATE_KEY = 'boilerplate/classifier'

/** Highest probability the page's headline may get: it is content by tq's definition. */
const HEADLINE_CAP = 0.2
/**
 * Least probability of a line whose shape alone says junk, where the trees have too little context
 * to see it (a short paste, a signature or a menu after the article). Each rule is as reliable on
 * the dev pages as its share says:
 * - a named shape (UI string, ticker, credit, byline, inline menu): junk in 99.5% (2,359 of
 *   2,370 shape hits; the signature of an embedded tweet, "— Name (@handle) date", is no longer
 *   one: the dev pages count all 10 of them as part of the text);
 * - a short label ending in a colon ("Related Topics:", "Al Jazeera :"): 42 of 49;
 * - a copy of the headline above it (the page's title bar: all 3 copies of an <h1> on the dev pages
 *   are junk);
 * - one of `MENU_RUN` or more short lines in a row that ends the page, after the main body, of at
 *   most `MENU_WORDS` words a line on average (the site's footer menu: "ideas", "top", "Alfa
 *   recipes", …; 1,670 of 1,671 such lines of the dev pages are junk). A list of longer items
 *   ending a text ("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre") is left to the trees:
 *   a floor for any run of short lines made about 80 of the dev pages' content lines, pasted
 *   alone, junk.
 */
const SHAPE_FLOOR = 0.75
const MENU_RUN = 5
const MENU_WORDS = 4
/** Probability given to the body's prose lines on a page the trees would leave without text. */
const KEPT_BODY = 0.4
/** Documents of at most this many non-blank lines have no page around them to learn from. */
const SMALL_DOCUMENT = 5
/**
 * Highest probability of a line without a junk shape in such a document: below 0.25, where the
 * boilerplate score starts to count a content line as part junk (packages/scoring), as
 * `TECHNICAL_CAP`. At 0.3, a one-line README tagline (`Get the command from a shebang`) scored 69
 * on boilerplate whenever the trees put it at 0.3 or more, though nothing on it looks like junk.
 */
const SMALL_DOCUMENT_CAP = 0.2
/**
 * Technical weight (register.ts) from which the lines outside runs of bare labels (`shortRuns`)
 * count only by their shape, as in a small document: a fifth of the way up the register's ramp
 * (2 code markers per 100 words; no news article or scraped page of ../shared/corpus has more than
 * 0.5), so a short README whose only code is one install command counts. Of the READMEs of npm
 * packages read whole as Markdown (scripts/eval-technical.mjs), 28% scored under 70 on
 * boilerplate, nearly all for short paragraphs the trees called junk by their place among code
 * blocks; with this, none of those of 150 words or more, 1.2% of all 427. No page of
 * boilerplate-dev.jsonl is technical (its figures are unchanged).
 */
export const TECHNICAL_SHAPES_ONLY = 0.2
/**
 * Highest probability of such a line: below 0.25, where the boilerplate score starts to count a
 * content line as part junk (packages/scoring), since the trees' doubt about a line among code
 * blocks says nothing (capped at 0.3, an option reference of 40 short lines with one licence line
 * scored 77).
 */
const TECHNICAL_CAP = 0.2

/** Stage-1 and final probabilities of every line of `page`. */
export function pageProbabilities(
  page: Page,
  model: Model = boilerplateModel(),
  options: { headlineCap?: number; technical?: number; shortRuns?: Int32Array; spared?: Uint8Array } = {},
): { p1: Float32Array; p: Float32Array } {
  const n = page.n
  const p1 = new Float32Array(n)
  // One row buffer for both stages: stage 1 reads its first `FEATURES.length` values, stage 2 all.
  // Stage 2 builds each line's stage-1 part again rather than keeping every stage-1 row: kept, the
  // rows of 5 MB of prose took 20 MB (129 values of 4 bytes for each of its 38,725 lines), and
  // copying them in and out cost more than building them again (the whole classifier took a tenth
  // less time without them).
  const row = new Float32Array(FEATURES.length + STACK_FEATURES.length)
  for (let k = 0; k < n; k++) p1[k] = sigmoid(stageLogit(model.stage1, featureRow(page, k, row)))
  const stack = buildStack(page, p1)
  const p = new Float32Array(n)
  for (let k = 0; k < n; k++) p[k] = sigmoid(stageLogit(model.stage2, stackRow(page, stack, p1, k, row)))
  for (let k = 0; k < n; k++) {
    if (isShaped(page, k) || isLabel(page, k) || footerMenu(page, k) || copyOfHeadline(page, k)) p[k] = Math.max(p[k]!, SHAPE_FLOOR)
  }
  if (page.headline >= 0) p[page.headline] = Math.min(p[page.headline]!, options.headlineCap ?? HEADLINE_CAP)
  keepSomeText(page, p)
  if (smallDocument(page)) {
    // A shape documentation makes (`sparedShapes`, technical text only) is no junk here either.
    const spared = options.spared
    for (let k = 0; k < n; k++) if ((!isShaped(page, k) || spared?.[k]) && !isLabel(page, k)) p[k] = Math.min(p[k]!, SMALL_DOCUMENT_CAP)
  } else if ((options.technical ?? 0) >= TECHNICAL_SHAPES_ONLY) {
    const runs = options.shortRuns ?? page.shortRun
    const spared = options.spared
    for (let k = 0; k < n; k++) {
      if ((isShaped(page, k) && !spared?.[k]) || runs[k]! >= MENU_RUN || copyOfHeadline(page, k)) continue
      p[k] = Math.min(p[k]!, TECHNICAL_CAP)
    }
  }
  return { p1, p }
}

/**
 * Line `k`, above the headline, has the headline's text: the page's title bar. Copies below it are
 * left to the trees: a text pasted twice repeats its headline with its paragraphs, and is no page.
 * `repeats` links every copy to the first, the first to the second.
 */
function copyOfHeadline(page: Page, k: number): boolean {
  const h = page.headline
  if (h < 0 || k >= h) return false
  const other = page.other
  return other[k] === h || other[h] === k || (other[k]! >= 0 && other[k] === other[h])
}

/** Line `k` is in a footer menu: see `SHAPE_FLOOR`. */
function footerMenu(page: Page, k: number): boolean {
  const run = page.shortRun[k]!
  if (run < MENU_RUN || page.bodyStart < 0 || k <= page.bodyEnd) return false
  // The run is contiguous: it reaches the end when the last line is short and within `run` lines.
  if (page.shortRun[page.n - 1] !== run || page.n - 1 - k >= run) return false
  let words = 0
  for (let j = page.n - run; j < page.n; j++) words += page.words[j]!
  return words <= MENU_WORDS * run
}

/**
 * A text is never all junk: when the trees leave no content line at all, the prose lines of the
 * main body are the text (a short paste of two paragraphs between share buttons looks, line by
 * line, like a teaser; a page in a language unlike the training pages must not collapse).
 */
function keepSomeText(page: Page, p: Float32Array): void {
  if (page.bodyStart < 0) return
  for (let k = 0; k < page.n; k++) if (p[k]! <= 0.5 && !isShaped(page, k)) return
  for (let k = page.bodyStart; k <= page.bodyEnd; k++) if (isProse(page, k)) p[k] = Math.min(p[k]!, KEPT_BODY)
}

/**
 * A document of a few lines is a pasted text, not a scraped page: the trees learned what a line
 * means among the lines of a page, and a few lines have none ("Hello world." alone looks like a
 * two-word label, "Dear team," like a menu item). There, only what a line's shape says is junk
 * (a UI string, a credit, a ticker, a label such as "Al Jazeera :") stays junk.
 */
function smallDocument(page: Page): boolean {
  return page.n <= SMALL_DOCUMENT
}

/** Compute every line's probability, and report the lines above the threshold. */
export function classify(ctx: TqContext, file: VFile): void {
  const all = ctx.document.lines
  const stopWords = stopWordsOf(ctx.language)
  let n = 0
  for (const line of all) if (!line.blank) n++
  if (n === 0) return
  // 1-based line numbers and texts of the non-blank lines (references, not copies).
  const numbers = new Int32Array(n)
  const texts: string[] = new Array(n)
  let k = 0
  for (const line of all) {
    if (line.blank) continue
    numbers[k] = line.number
    texts[k] = line.text
    k++
  }

  // A hard-wrapped text is judged a paragraph at a time: `units[u]` are the joined texts, `unitOf[j]`
  // the unit of non-blank line j, `firstLines[u]` the 1-based number of each unit's first line.
  const { units, unitOf, firstLines } = logicalLines(texts, numbers, ctx.document.wrapStarts)
  const model = boilerplateModel()
  const page = buildPage(units, stopWords, model.lexicon)
  const options =
    ctx.technical >= TECHNICAL_SHAPES_ONLY
      ? { technical: ctx.technical, shortRuns: shortRuns(page, units, numbers, unitOf, ctx.blankLineBlocks), spared: sparedShapes(page, units, ctx.blankLineBlocks) }
      : {}
  const { p1, p } = pageProbabilities(page, model, options)
  for (let j = 0; j < n; j++) ctx.boilerplate[numbers[j]! - 1] = p[unitOf[j]!]!

  if (ctx.collectSignals) {
    const row = new Float32Array(FEATURES.length)
    for (let j = 0; j < n; j++) {
      const u = unitOf[j]!
      const signals = signalsOf(ctx, numbers[j]! - 1)
      featureRow(page, u, row)
      FEATURES.forEach((name, index) => (signals[`bp.${name}`] = row[index]!))
      signals['bp.p1'] = p1[u]!
      signals['bp.probability'] = p[u]!
    }
  }

  // `report` makes each message without a stack trace (rule.ts), which a page of 500 junk lines needs.
  for (let j = 0; j < n; j++) {
    const u = unitOf[j]!
    if (!isJunk(p[u]!, ctx.threshold)) continue
    const text = texts[j]!
    const { meta, message } = describe(page, u, units[u]!, firstLines, p, ctx.threshold)
    const lineNumber = numbers[j]!
    const offset = all[lineNumber - 1]!.offset
    const start = text.length - text.trimStart().length
    const end = text.trimEnd().length
    report(file, meta, spanOnLine(lineNumber, offset, start, end), message)
  }
}

/**
 * For each unit, the length of the run of bare labels it is in (0 for a unit that is none): short
 * lines of at most `MENU_WORDS` words, starting with a capital or a digit, without indent, final
 * punctuation, colon or code. A
 * navigation menu is a run of labels (`Docs`, `API`, `Blog`); documentation's short lines are not,
 * or not five in a row: they hold code (`Type: \`string\``, `import frameBox from 'frame-box'`,
 * `npm install frame-box`, indented), end a sentence, introduce what follows (`To install the latest version:`), or sit
 * between such lines (`Install`, `Usage`). In plain text a run goes on across blank lines,
 * which an extractor may put between every two blocks; with `cutAtBlank` (Markdown, whose blocks
 * blank lines separate by construction and whose menus are lists) a blank line ends it.
 * `numbers` are the 1-based numbers of the non-blank lines, `unitOf` their units.
 */
export function shortRuns(page: Page, units: readonly string[], numbers: Int32Array, unitOf: Int32Array, cutAtBlank: boolean): Int32Array {
  const gapBefore = new Uint8Array(page.n)
  if (cutAtBlank) for (let j = 1; j < numbers.length; j++) if (unitOf[j] !== unitOf[j - 1] && numbers[j] !== numbers[j - 1]! + 1) gapBefore[unitOf[j]!] = 1
  const label = (u: number): boolean =>
    page.shortRun[u]! > 0 &&
    page.words[u]! <= MENU_WORDS &&
    !isTerminal(page, u) &&
    !endsInColon(page, u) &&
    ((CAPITALIZED.test(units[u]!) && !holdsCode(units[u]!)) || CODE_NAME.test(units[u]!.trimEnd()))
  const runs = new Int32Array(page.n)
  let start = 0
  for (let u = 0; u <= page.n; u++) {
    const isLabelHere = u < page.n && label(u)
    if (isLabelHere && (u === start || gapBefore[u] === 0)) continue
    for (let inside = start; inside < u; inside++) runs[inside] = u - start
    start = isLabelHere ? u : u + 1
  }
  return runs
}

/**
 * The junk shapes that are none in documentation, where the technical cap takes them as any other
 * line: two or three capitals, in news the initials an agency signs with (`KR`, boilerplate/byline),
 * in documentation a heading (`API`, `CLI`, `FAQ`); a credit label before code (`This error occurs
 * if acorn crashes (source: \`micromark-extension-mdx-expression\`)`, `labelsStandIn`); and in a
 * Markdown file (`markdown`), a project's licence line (`MIT © Jane Roe`, `LICENCE`), the end of
 * its README rather than a site's footer (a README of five lines failed for it).
 */
function sparedShapes(page: Page, units: readonly string[], markdown: boolean): Uint8Array {
  const copyright = SHAPE_NAMES.indexOf('copyright notice')
  const photoCredit = SHAPE_NAMES.indexOf('photo credit')
  // A licence named on the copyright line or near it (`## License` / `(MIT)` above it, `Permission
  // is hereby granted…` below).
  const licensed = (k: number): boolean => {
    for (let j = Math.max(0, k - 2); j <= Math.min(units.length - 1, k + 1); j++) if (LICENCE.test(units[j]!)) return true
    return false
  }
  return Uint8Array.from(units, (unit, k) =>
    ACRONYM.test(unit.trim()) || (page.shape[k] === photoCredit && labelsStandIn(unit)) || (markdown && page.shape[k] === copyright && licensed(k)) ? 1 : 0,
  )
}
/** A licence statement, as a project's README ends (not a site's footer, `Copyright © 2024 Widget Labs. Built with Docusaurus.`). */
const LICENCE = /(?<![A-Za-z])(?:MIT|ISC|0?BSD|Apache|A?GPL|LGPL|MPL|Unlicense|CC0|WTFPL|Zlib|BlueOak|licen[cs]ed?|permission is hereby granted)\b/i
const ACRONYM = /^\p{Lu}{2,3}$/u

/**
 * A line that is one bare name in code, unindented, an entry of a docs site's sidebar
 * (`Array.prototype.at()`, `Intl.DateTimeFormat.prototype`, `readFile()`, or its stand-in in
 * HTML), is a label too; a call with arguments or a chained method (`.use(remarkParse)`), a file
 * name (`package.json`, `index.d.ts`) or a version (`v2.1.0`) is not.
 */
const NAME = '[\\w$#:<>-]+'
const CODE_NAME = new RegExp(`^(?!v?\\d)(?!\\S*\\.${EXTENSION}$)(?:${NAME}(?:\\.${NAME})*\\(\\)|${NAME}(?:\\.${NAME}){2,}|${STAND_IN})$`)

/** A label starts with a capital or a digit, unindented: not a command (`npm install frame-box`), a joiner (`or`), indented code. */
const CAPITALIZED = /^[\p{Lu}\p{N}]/u

/** Whether a line holds a code marker (register.ts) or a markup file's stand-in for code. */
function holdsCode(text: string): boolean {
  return codeDensity(text, 1) > 0 || STAND_IN_WORD.test(text)
}
const STAND_IN_WORD = new RegExp(`\\b${STAND_IN}\\b`)

/**
 * The units the classifier judges: the non-blank lines, or, in a hard-wrapped text, its paragraphs.
 *
 * The classifier learned from pages with a paragraph on each line. A text wrapped at a fixed width
 * (an e-mail, a README, a book from Project Gutenberg) cuts every paragraph into lines that end
 * without punctuation, and a row of them looked like a menu:
 *
 * ```text
 * The talks in Istanbul ended without a commitment to a      ← full line: joined with the next
 * ceasefire, officials said on Monday. Russian and Ukrainian ← full line: joined
 * delegations met for less than two hours.                   ← the paragraph's last line
 * ```
 *
 * `wrapStarts` are the paragraphs `segment` found (`Document.wrapStarts`: by 0-based line index,
 * the line each line's paragraph starts on), undefined when the text is not wrapped.
 */
export function logicalLines(texts: readonly string[], numbers: Int32Array, wrapStarts: Int32Array | undefined): { units: string[]; unitOf: Int32Array; firstLines: Int32Array } {
  const n = texts.length
  const unitOf = new Int32Array(n)
  if (wrapStarts === undefined) {
    for (let j = 0; j < n; j++) unitOf[j] = j
    return { units: texts as string[], unitOf, firstLines: numbers }
  }
  const units: string[] = []
  const firsts: number[] = []
  for (let j = 0; j < n; j++) {
    if (j > 0 && wrapStarts[numbers[j]! - 1] === wrapStarts[numbers[j - 1]! - 1]) units[units.length - 1] += ` ${texts[j]!.trim()}`
    else {
      units.push(texts[j]!)
      firsts.push(numbers[j]!)
    }
    unitOf[j] = units.length - 1
  }
  return { units, unitOf, firstLines: Int32Array.from(firsts) }
}


function quoted(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ')
  return `'${trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed}'`
}

/** The kind of junk line `k` is, and a message a person understands (from the page table alone). */
function describe(page: Page, k: number, text: string, numbers: Int32Array, p: Float32Array, threshold: number): { meta: RuleMeta; message: string } {
  const capital = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1)
  const shape = page.shape[k]!
  if (shape > 0) {
    const { ticker, credit, byline } = shapeOf(page, k)
    const name = SHAPE_NAMES[shape]!
    if (ticker) return { meta: tickerMeta, message: `Looks like a ${name} (${quoted(text)})` }
    const meta = credit ? creditMeta : byline ? bylineMeta : uiStringMeta
    return { meta, message: `${capital(name)} (${quoted(text)})` }
  }
  if (page.headlineEcho[k] && page.headline >= 0) {
    return { meta: repeatedMeta, message: `Repeats the headline (line ${numbers[page.headline]!})` }
  }
  const other = page.other[k]!
  if (other >= 0 && (!isProse(page, k) || other < k)) return { meta: repeatedMeta, message: `Repeats line ${numbers[other]!}` }
  if (page.menuShape[k]! > 0) return { meta: menuMeta, message: `${capital(SHAPE_NAMES[page.menuShape[k]!]!)} (${quoted(text)})` }
  const run = page.shortRun[k]!
  if (run >= 3) return { meta: menuMeta, message: `Menu item: one of ${run} short lines in a row` }
  const bodyDistance = page.bodyStart < 0 ? 0 : k < page.bodyStart ? page.bodyStart - k : k > page.bodyEnd ? k - page.bodyEnd : 0
  return {
    meta: junkLineMeta,
    message: explain({
      words: page.words[k]!,
      terminal: isTerminal(page, k),
      colonEnd: endsInColon(page, k),
      digitsAndSymbols: shareAt(page, k, 3) + shareAt(page, k, 4),
      allCaps: isAllCaps(page, k),
      titleCase: shareAt(page, k, 1),
      bodyDistance,
      edge: page.n > 4 && (k < 2 || k >= page.n - 2),
      junkNeighbours: k > 0 && k < page.n - 1 && p[k - 1]! > threshold && p[k + 1]! > threshold,
      // Not for a line with copies (its copies hold its words), nor where there is no rest of a page.
      offTopic: page.cohesion[k] === 0 && page.other[k]! < 0 && !smallDocument(page),
    }),
  }
}

function boilerplateClassifier() {
  return function (_tree: Root, file: VFile): void {
    const ctx = context(file)
    // The plugin runs once per chunk of paragraphs; the line work needs the whole document.
    if (ctx.state.has(STATE_KEY)) return
    ctx.state.set(STATE_KEY, true)
    ctx.atEnd.push(() => classify(ctx, file))
  }
}

export const detector: Detector = {
  rules: [uiStringMeta, tickerMeta, creditMeta, bylineMeta, menuMeta, repeatedMeta, junkLineMeta],
  plugin: boilerplateClassifier,
}
