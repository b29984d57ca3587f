/**
 * The whole analyzer pipeline in one place:
 *
 *   text ─► segment (lines, paragraphs) ─► document language (franc)
 *        ─► for each chunk of paragraphs: parse with retext-english / retext-latin, run every
 *           detector (unified plugins) on that chunk's nlcst tree
 *        ─► detectors' end-of-document work (repeats, quote-style majority, line classifier)
 *        ─► vfile messages ─► findings (config applied) and per-line values
 */
import type { Paragraph as ParagraphNode, Root } from 'nlcst'
import { unified, type Processor } from 'unified'
import retextEnglish from 'retext-english'
import retextLatin from 'retext-latin'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { countWords, segment } from './document.js'
import { detectDocumentLanguage, toIso1 } from './language.js'
import { parseParagraph, rootOf } from './parse.js'
import { detectors, ruleById } from './rules/index.js'
import type { TqContext, TqMessageFields } from './rule.js'
import { lineResults } from './lines.js'
import type { Analysis, AnalyzeOptions, Finding, Severity } from './types.js'

/** Characters of text parsed and checked at a time; bounds memory on huge input. */
const CHUNK = 256 * 1024

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
    processors.set(key, processor)
  }
  return processor
}

/** Analyze `text`: findings, per-line values and the counts scoring needs. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
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

  const ctx: TqContext = {
    document,
    language,
    languageGiven: given !== undefined,
    signals: document.lines.map(() => ({})),
    boilerplate: new Float64Array(document.lines.length),
    threshold: options.boilerplateThreshold ?? 0.5,
    sentences: 0,
    atEnd: [],
    state: new Map(),
  }
  const file = new VFile({ data: { tq: ctx } })
  const processor = processorFor(language, enabled)

  let batch: ParagraphNode[] = []
  let size = 0
  const run = (): void => {
    if (batch.length === 0) return
    processor.runSync(rootOf(batch), file)
    batch = []
    size = 0
  }
  for (const paragraph of document.paragraphs) {
    const node = parseParagraph(processor, paragraph)
    if (node) {
      batch.push(node)
      size += paragraph.text.length
    }
    if (size >= CHUNK) run()
  }
  run()
  if (batch.length === 0 && document.paragraphs.length === 0) processor.runSync(rootOf([]), file)
  for (const task of ctx.atEnd) task()

  const threshold = ctx.threshold
  const findings = toFindings(file.messages, settings, document.lines.map((line) => line.text))
  const analysis: Analysis = {
    language,
    findings,
    lines: lineResults(ctx, findings, threshold),
    stats: statsOf(ctx, threshold),
    notes,
  }
  if (options.signals) analysis.signals = ctx.signals
  return analysis
}

function toFindings(
  messages: readonly VFileMessage[],
  settings: NonNullable<AnalyzeOptions['rules']>,
  lines: readonly string[],
): Finding[] {
  const findings: Finding[] = []
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
    const finding: Finding = {
      ruleId,
      category: extra.category ?? rule?.category ?? 'translation',
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
    findings.push(finding)
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))
  return findings
}

function excerptOf(lines: readonly string[], line: number, column: number, endLine: number, endColumn: number): string {
  let text: string
  if (line === endLine) text = (lines[line - 1] ?? '').slice(column - 1, endColumn - 1)
  else text = [(lines[line - 1] ?? '').slice(column - 1), ...lines.slice(line, endLine - 1), (lines[endLine - 1] ?? '').slice(0, endColumn - 1)].join('\n')
  text = text.replace(/\s+/g, ' ').trim()
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

function statsOf(ctx: TqContext, threshold: number): Analysis['stats'] {
  const stats = { chars: 0, words: 0, contentWords: 0, lines: 0, sentences: ctx.sentences, boilerplateWords: 0, boilerplateChars: 0 }
  for (const line of ctx.document.lines) {
    if (line.blank) continue
    const words = countWords(line.text)
    const chars = line.text.trim().length
    stats.lines++
    stats.words += words
    stats.chars += chars
    if (ctx.boilerplate[line.number - 1]! > threshold) {
      stats.boilerplateWords += words
      stats.boilerplateChars += chars
    } else stats.contentWords += words
  }
  return stats
}
