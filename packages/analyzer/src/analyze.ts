/**
 * The whole analyzer pipeline in one place:
 *
 *   text ─► segment (lines, paragraphs) ─► document language (franc)
 *        ─► for each chunk of paragraphs: parse with retext-english / retext-latin, run every
 *           detector (unified plugins) on that chunk's nlcst tree
 *        ─► detectors' end-of-document work (repeats, quote-style majority, line classifier)
 *        ─► vfile messages ─► findings (config applied) and per-line values (lines.ts; the
 *           register, register.ts: documentation's wording is read with an allowance)
 */
import type { Paragraph as ParagraphNode, Root } from 'nlcst'
import { unified, type Processor } from 'unified'
import retextEnglish from 'retext-english'
import retextLatin from 'retext-latin'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { acceptanceOf, insideOccurrence } from './accept.js'
import { countWords, segment, type Line } from './document.js'
import { detectDocumentLanguage, toIso1 } from './language.js'
import { declareFlavor, parseParagraph, rootOf } from './parse.js'
import { detectors, ruleById } from './rules/index.js'
import type { LineSignals, TqContext, TqMessageFields } from './rule.js'
import { isJunk, lineResults } from './lines.js'
import { backquotedSpans, plainTextCodeDensity, technicalWeight } from './register.js'
import type { Analysis, AnalyzeOptions, Finding, Severity } from './types.js'

/**
 * Characters of text parsed and checked at a time. Small enough that every detector's pass over a
 * chunk's trees finds them still in the CPU cache (16 KB takes ~18% less time than 256 KB on 2 MB
 * of prose, same findings), and bounds memory on huge input.
 */
const CHUNK = 16 * 1024
/**
 * Characters of a section of a text analysed piece by piece (`analyzeSections`): about the most
 * that is judged as one document. A section ends at a line break, preferably a blank line.
 */
export const SECTION = 2 * 1024 * 1024

const processors = new Map<string, Processor<Root>>()

/** One frozen processor per parser and set of enabled detectors, built once per process. */
function processorFor(language: string, enabled: readonly number[]): Processor<Root> {
  const english = language === 'en' || language === 'und'
  const key = `${english ? 'en' : 'latin'}:${enabled.join(',')}`
  let processor = processors.get(key)
  if (!processor) {
    const base = unified().use(english ? retextEnglish : retextLatin) as unknown as Processor<Root>
    for (const index of enabled) base.use(detectors[index]!.plugin)
    processor = base.freeze() as Processor<Root>
    declareFlavor(processor, english ? 'english' : 'latin')
    processors.set(key, processor)
  }
  return processor
}

/** Analyze `text`: findings, per-line values and the counts scoring needs. */
/** What a markup front end (markup/source.ts) tells the analyzer about the text it made. */
export interface SourceHints {
  /** The code density (register.ts) to use instead of the text's own. */
  codeDensity?: number
  /** Blank lines separate the text's blocks by construction (a Markdown file's prose), so they say nothing about a run of short lines. */
  blankLineBlocks?: boolean
  /** The text is a marked-up file's prose (markup/source.ts): its code is already a stand-in. */
  markup?: boolean
}

export function analyze(text: string, options: AnalyzeOptions = {}, hints: SourceHints = {}): Analysis {
  const document = segment(text)
  const notes: string[] = []
  const nonBlank = document.lines.filter((line) => !line.blank)
  if (nonBlank.length === 0) {
    notes.push(text.length === 0 ? 'empty file: nothing to check' : 'no text: the file holds only white space')
  }

  const given = options.lang ? toIso1(options.lang.toLowerCase()) : undefined
  const language = given ?? detectDocumentLanguage(nonBlank.map((line) => line.text))

  const settings = options.rules ?? {}
  const enabled = detectors
    .map((detector, index) => ({ detector, index }))
    .filter(({ detector }) => detector.rules.some((rule) => settings[rule.id] !== 'off'))
    .map(({ index }) => index)

  // Words of each line (by 0-based index), and how technical the text is (register.ts), which
  // the boilerplate classifier and the line model read.
  const words = new Uint32Array(document.lines.length)
  let totalWords = 0
  for (const line of document.lines) if (!line.blank) totalWords += words[line.number - 1] = countWords(line.text)

  const ctx: TqContext = {
    document,
    language,
    technical: technicalWeight(hints.codeDensity ?? plainTextCodeDensity(text, totalWords)),
    blankLineBlocks: hints.blankLineBlocks === true,
    languageGiven: given !== undefined,
    signals: new Array<LineSignals | undefined>(document.lines.length),
    collectSignals: options.signals === true,
    frames: options.signals === true ? new Array<number[] | undefined>(document.lines.length) : undefined,
    boilerplate: new Float64Array(document.lines.length),
    threshold: options.boilerplateThreshold ?? 0.5,
    sentences: 0,
    atEnd: [],
    state: new Map(),
    accepted: acceptanceOf(options.accept)?.occurrences(text),
  }
  const file = new VFile({ data: { tq: ctx } })
  const processor = processorFor(language, enabled)

  // vfile messages are heavy (each is an Error); they become plain findings after every chunk.
  const findings: Finding[] = []
  // In documentation, a plain text's backquoted code is code (register.ts): no translation finding
  // inside it, and the rules that scan paragraph text read it blanked out (`Document.prose`). Not
  // in a marked-up file, whose front end read its code as a stand-in: a backquote left in its text
  // is the writer's (an escaped \` in Markdown, a backquote in HTML text).
  const code = ctx.technical > 0 && !hints.markup ? backquotedSpans(text) : undefined
  if (code && code.length > 0) document.prose = blanked(text, code)
  const collect = (): void => {
    toFindings(file.messages, settings, document.lines, findings, ctx.accepted, code)
    file.messages.length = 0
  }
  let batch: ParagraphNode[] = []
  let size = 0
  let ran = false
  const run = (): void => {
    processor.runSync(rootOf(batch), file)
    collect()
    batch = []
    size = 0
    ran = true
  }
  for (const paragraph of document.paragraphs) {
    const node = parseParagraph(processor, paragraph)
    if (node) {
      batch.push(node)
      size += paragraph.text.length
    }
    if (size >= CHUNK) run()
  }
  // The last chunk; on a text without paragraphs, one empty run so detectors still register their end work.
  if (batch.length > 0 || !ran) run()
  for (const task of ctx.atEnd) task()
  collect()
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))

  const threshold = ctx.threshold
  const analysis: Analysis = {
    language,
    findings,
    lines: lineResults(ctx, findings, threshold, words),
    stats: statsOf(ctx, threshold, words),
    notes,
  }
  if (options.signals) {
    analysis.signals = Array.from(ctx.signals, (signals) => signals ?? {})
    analysis.frames = Array.from(ctx.frames!, (frames) => frames ?? [])
  }
  return analysis
}

/**
 * Analyze a text too large to hold at once, one section at a time, for streaming input.
 *
 * `pieces` are consecutive slices of the text, cut anywhere (for example 1 MB reads of a file).
 * They are regrouped into sections of about `SECTION` characters that end at a paragraph break (a
 * blank line; failing that, a line break), and each section is analysed as its own document:
 * repeats, the quote-style majority and the boilerplate classifier's page features look within
 * the section. The language is detected on the first section and kept for the rest (unless
 * `options.lang` gives it). Each yielded `Analysis` covers one section, with line numbers counted
 * in the whole text and the section's own `stats`; add them up (or feed them to scoring's tally)
 * for the whole. A text that fits in one section yields exactly what `analyze` returns.
 *
 * ```text
 * 100 MB file ─► 1 MB reads ─► sections of ~2 MB ending at "\n\n" ─► analyze each ─► yield
 * ```
 */
export function* analyzeSections(pieces: Iterable<string>, options: AnalyzeOptions = {}, sectionSize = SECTION): Generator<Analysis> {
  let pending: string[] = []
  let pendingLength = 0
  let firstLine = 1
  let sectionOptions: AnalyzeOptions = { ...options, signals: false }
  // The first section's register (register.ts) holds for the rest, as its language does, so the
  // line model does not switch between prose and documentation from one section to the next.
  let hints: SourceHints | undefined
  let yielded = false
  const take = (text: string): Analysis => {
    hints ??= { codeDensity: plainTextCodeDensity(text) }
    const analysis = analyze(text, sectionOptions, hints)
    if (sectionOptions.lang === undefined) sectionOptions = { ...sectionOptions, lang: analysis.language }
    if (firstLine > 1) shiftLines(analysis, firstLine - 1)
    firstLine += lineBreaks(text)
    yielded = true
    return analysis
  }
  // Set while the pending text is one line longer than a section: wait for a piece with a break.
  let unbroken = false
  for (const piece of pieces) {
    if (piece.length === 0) continue
    pending.push(piece)
    pendingLength += piece.length
    if (unbroken && !piece.includes('\n')) continue
    unbroken = false
    while (pendingLength >= sectionSize) {
      const buffer = pending.join('')
      const cut = sectionEnd(buffer, sectionSize)
      if (cut === -1) {
        pending = [buffer]
        unbroken = true
        break
      }
      const rest = buffer.slice(cut)
      pending = rest.length > 0 ? [rest] : []
      pendingLength = rest.length
      yield take(buffer.slice(0, cut))
    }
  }
  const last = pending.join('')
  if (last.length > 0 || !yielded) yield take(last)
}

/** Where a section of at most `size` characters of `buffer` ends: just after its last blank line, else its last line break, in the second half; -1 when it has no line break there. */
function sectionEnd(buffer: string, size: number): number {
  const limit = Math.min(buffer.length, size)
  const half = limit >> 1
  const blank = buffer.lastIndexOf('\n\n', limit - 2)
  if (blank >= half) return blank + 2
  const crlfBlank = buffer.lastIndexOf('\n\r\n', limit - 3)
  if (crlfBlank >= half) return crlfBlank + 3
  const line = buffer.lastIndexOf('\n', limit - 1)
  if (line >= 0) return line + 1
  const later = buffer.indexOf('\n', limit)
  return later === -1 ? -1 : later + 1
}

/** Lines of a section that ends with a line break: one per `\n`. */
function lineBreaks(text: string): number {
  let count = 0
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++
  return count
}

/** Move an analysis of a section that starts on line `by + 1` to whole-text line numbers. */
function shiftLines(analysis: Analysis, by: number): void {
  for (const finding of analysis.findings) {
    finding.line += by
    finding.endLine += by
  }
  for (const line of analysis.lines) {
    line.line += by
    if (line.paragraph !== undefined) line.paragraph += by
  }
}

/**
 * `text` with what stands inside the backquoted spans `spans` (offset pairs) written as `x`: same
 * length, same offsets, the backquotes kept. The code reads as one word to the rules that scan
 * paragraph text, whatever it holds (`"`strict`"` stays a quoted word; `` `echo "hi"` `` opens
 * no quotation), as a space in its place did not (`"` then a space reads as a stray quote).
 */
function blanked(text: string, spans: Int32Array): string {
  const parts: string[] = []
  let at = 0
  for (let i = 0; i < spans.length; i += 2) {
    const start = spans[i]!
    const end = spans[i + 1]!
    const marks = text.charCodeAt(start + 1) === 96 ? 2 : 1
    parts.push(text.slice(at, start + marks), 'x'.repeat(end - start - 2 * marks), text.slice(end - marks, end))
    at = end
  }
  parts.push(text.slice(at))
  return parts.join('')
}

/** Turn vfile messages into findings (config applied), appending them to `into`. */
function toFindings(
  messages: readonly VFileMessage[],
  settings: NonNullable<AnalyzeOptions['rules']>,
  lines: readonly Line[],
  into: Finding[],
  accepted?: Int32Array,
  code?: Int32Array,
): void {
  for (const message of messages) {
    const ruleId = message.ruleId ?? 'unknown'
    const setting = settings[ruleId]
    if (setting === 'off') continue
    const rule = ruleById.get(ruleId)
    const extra = message as VFileMessage & TqMessageFields
    const severity: Severity = setting ?? extra.tqSeverity ?? rule?.severity ?? 'warning'
    const start = message.place && 'start' in message.place ? message.place.start : message.place
    const end = message.place && 'end' in message.place ? message.place.end : start
    const line = start?.line ?? 1
    const column = start?.column ?? 1
    const endLine = end?.line ?? line
    const endColumn = end?.column ?? column
    const category = extra.category ?? rule?.category ?? 'translation'
    // A translation finding on an accepted term (accept.ts), or inside a technical text's
    // backquoted code (register.ts), is no finding.
    if ((category === 'translation' || category === 'language') && ((accepted && accepted.length > 0) || (code && code.length > 0))) {
      const from = (lines[line - 1]?.offset ?? 0) + column - 1
      const to = (lines[endLine - 1]?.offset ?? 0) + endColumn - 1
      if ((accepted && insideOccurrence(accepted, from, to)) || (code && insideOccurrence(code, from, to))) continue
    }
    const finding: Finding = {
      ruleId,
      category,
      severity,
      message: message.reason,
      line,
      column,
      endLine,
      endColumn,
      excerpt: excerptOf(lines, line, column, endLine, endColumn),
      url: message.url ?? '',
    }
    if (message.expected && message.expected.length > 0) finding.expected = [...message.expected]
    into.push(finding)
  }
}

function excerptOf(lines: readonly Line[], line: number, column: number, endLine: number, endColumn: number): string {
  const textOf = (number: number): string => lines[number - 1]?.text ?? ''
  let text: string
  if (line === endLine) text = textOf(line).slice(column - 1, endColumn - 1)
  else {
    const parts = [textOf(line).slice(column - 1)]
    for (let number = line + 1; number < endLine; number++) parts.push(textOf(number))
    parts.push(textOf(endLine).slice(0, endColumn - 1))
    text = parts.join('\n')
  }
  text = text.replace(/\s+/g, ' ').trim()
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

function statsOf(ctx: TqContext, threshold: number, wordsOf: ArrayLike<number>): Analysis['stats'] {
  const stats = { chars: 0, words: 0, contentWords: 0, lines: 0, sentences: ctx.sentences, boilerplateWords: 0, boilerplateChars: 0 }
  const starts = ctx.document.wrapStarts
  for (const line of ctx.document.lines) {
    if (line.blank) continue
    const words = wordsOf[line.number - 1]!
    const chars = line.text.trim().length
    // A paragraph wrapped over several lines counts once, on its first line.
    if (starts === undefined || starts[line.number - 1] === line.number) stats.lines++
    stats.words += words
    stats.chars += chars
    if (isJunk(ctx.boilerplate[line.number - 1]!, threshold)) {
      stats.boilerplateWords += words
      stats.boilerplateChars += chars
    } else stats.contentWords += words
  }
  return stats
}
