/**
 * `analyzeSource`: analyze a file as written (plain text, Markdown, MDX, HTML or locale JSON),
 * positions in that file.
 *
 *   original ─► front end (markdown.ts, html.ts, json.ts): the prose as virtual text + offset map
 *               (Markdown and HTML through front-ends.ts, which may load them on demand)
 *            ─► analyze() on the virtual text
 *            ─► findings and lines mapped back to the original ─► inline control comments applied
 *            ─► with `source` (locale JSON): the pair rules' findings added (locale-pair.ts)
 */
import { analyze } from '../analyze.js'
import { countWords } from '../document.js'
import { isJunk } from '../lines.js'
import { acceptanceOf, insideOccurrence } from '../accept.js'
import { codeDensity, fencedCodeLines, technicalWeight } from '../register.js'
import { TECHNICAL_SHAPES_ONLY } from '../rules/boilerplate/classifier.js'
import { STAND_IN } from './stand-in.js'
import { ruleById } from '../rules/index.js'
import type { Analysis, AnalyzeOptions, Finding, LineResult, RuleSetting } from '../types.js'
import { suppressor } from './control.js'
import { htmlFrontEnd, markdownFrontEnd } from './front-ends.js'
import { prepareJson } from './json.js'
import { checkLocalePair } from './locale-pair.js'
import type { Prepared, Syntax } from './types.js'
import { lineStarts, offsetOf, pointOf, type VirtualText } from './virtual-text.js'

export interface AnalyzeSourceOptions extends AnalyzeOptions {
  /** How to read the text (default `text`). */
  syntax?: Syntax
  /**
   * The source locale file's text, when `text` is its translation (`syntax: 'json'`): adds the
   * pair rules' findings (missing and extra keys, untranslated values, placeholders, numbers,
   * values in the wrong language).
   */
  source?: string
  /** Language of the source locale file; detected when absent. */
  sourceLang?: string
}

/** The syntax a file name suggests: `.md`/`.markdown` Markdown, `.mdx` MDX, `.html`/`.htm` HTML, `.json` JSON, else text. */
export function syntaxOfPath(path: string): Syntax {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase()
  switch (extension) {
    case 'md':
    case 'markdown':
      return 'markdown'
    case 'mdx':
      return 'mdx'
    case 'html':
    case 'htm':
      return 'html'
    case 'json':
      return 'json'
    default:
      return 'text'
  }
}

export function analyzeSource(text: string, options: AnalyzeSourceOptions = {}): Analysis {
  const { syntax = 'text', source, sourceLang, ...analyzeOptions } = options
  if (source !== undefined && syntax !== 'json') throw new Error('a source file is compared only with a locale JSON file (syntax json)')
  if (syntax === 'text') return analyze(text, analyzeOptions)

  const prepared = prepare(text, syntax)
  if (syntax === 'json') analyzeOptions.rules = localeRules(analyzeOptions.rules)
  const codeDensity = codeDensityOf(prepared, text, syntax)
  const analysis = analyze(prepared.virtual.text, { ...analyzeOptions, signals: false }, { codeDensity, blankLineBlocks: syntax === 'markdown' || syntax === 'mdx', markup: true })
  // A bar of links or a block quote is a README's own in documentation (the register from which
  // the classifier judges lines by their shape alone), maybe page junk elsewhere: `[Home](/) |
  // [World](/world) | [Business](/business)` above a news story in Markdown is a site's
  // navigation, `> View this post on Instagram` an embed's chrome.
  if (prepared.structuredInDocs && prepared.structuredInDocs.length > 0 && technicalWeight(codeDensity) >= TECHNICAL_SHAPES_ONLY) {
    prepared.structured = [...(prepared.structured ?? []), ...prepared.structuredInDocs]
  }
  const mapped = remap(analysis, prepared, text, syntax, analyzeOptions.boilerplateThreshold ?? 0.5)
  if (source !== undefined) {
    const pairOptions: Parameters<typeof checkLocalePair>[2] = { targetLanguage: analyzeOptions.lang ?? analysis.language }
    if (sourceLang !== undefined) pairOptions.sourceLanguage = sourceLang
    if (options.rules !== undefined) pairOptions.rules = options.rules
    mapped.findings = mergeFindings(mapped.findings, withoutAccepted(checkLocalePair(source, text, pairOptions), text, analyzeOptions.accept))
  }
  return mapped
}

/**
 * The code density (register.ts) of a marked-up file: that of the prose the analyzer reads, plus
 * the file's code, which that prose holds as a stand-in word or leaves out (a block of nothing but
 * code): each inline code (a Markdown code span; an HTML `<code>`, `<kbd>`, `<samp>`, `<var>` or
 * `<tt>`) and each line of a code block (fenced in Markdown, `<pre>` in HTML). Other stand-ins (an
 * image, a bare URL) and link targets are no sign of documentation: a news story in Markdown with
 * a "Read more:" link in every other paragraph is no README, while a short README of a description
 * and two install commands is one. A locale file is UI strings, whose placeholders are no sign of
 * it either: never technical.
 */
function codeDensityOf(prepared: Prepared, original: string, syntax: Exclude<Syntax, 'text'>): number {
  if (syntax === 'json') return 0
  const text = prepared.virtual.text
  return codeDensity(text, countWords(text), syntax === 'html' ? htmlCode(original) : markdownCode(original))
}

/** A Markdown code span. */
const CODE_SPAN = /`[^`\n]+`/g

/** Code in a Markdown file: its code spans outside fences and the non-blank lines of its fenced code blocks. */
function markdownCode(markdown: string): number {
  let spans = 0
  const lines = fencedCodeLines(markdown, (line) => (spans += line.match(CODE_SPAN)?.length ?? 0))
  return spans + lines
}

/** Code in an HTML file: the non-blank lines of its `<pre>` elements and its inline code elements elsewhere. */
function htmlCode(html: string): number {
  let code = 0
  const rest = html.replace(/<pre\b[^>]*>([\s\S]*?)<\/pre>/gi, (_, inside: string) => {
    for (const line of inside.split('\n')) if (line.trim() !== '') code++
    return ' '
  })
  return code + (rest.match(/<(?:code|kbd|samp|var|tt)\b/gi)?.length ?? 0)
}

function prepare(text: string, syntax: Exclude<Syntax, 'text'>): Prepared {
  switch (syntax) {
    case 'markdown':
      return markdownFrontEnd()(text)
    case 'mdx':
      return markdownFrontEnd()(text, { mdx: true })
    case 'html':
      return htmlFrontEnd()(text)
    case 'json':
      return prepareJson(text)
  }
}

/**
 * A locale file is all UI strings by nature: the boilerplate rules (which look for UI strings,
 * menus and page chrome) say nothing useful about it and are off, and so is repeated-sentence
 * (one string under several keys is normal). A setting the user gave wins.
 */
function localeRules(rules: Record<string, RuleSetting> | undefined): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {}
  for (const rule of ruleById.values()) {
    if (rule.category === 'boilerplate' || rule.id === 'translation/repeated-sentence') settings[rule.id] = 'off'
  }
  return { ...settings, ...rules }
}

/** The analysis of the virtual text, with positions in the original and inline control applied. */
function remap(analysis: Analysis, prepared: Prepared, original: string, syntax: Exclude<Syntax, 'text'>, threshold: number): Analysis {
  const { virtual } = prepared
  const virtualStarts = lineStarts(virtual.text)
  const originalStarts = lineStarts(original)
  const isOff = suppressor(prepared.directives, original)
  const structured = prepared.structured ?? []
  const inStructure = rangeTest(structured)

  const findings: Finding[] = []
  for (const finding of analysis.findings) {
    const virtualStart = offsetOf(virtualStarts, virtual.text.length, finding.line, finding.column)
    const start = virtual.start(virtualStart)
    const endVirtual = offsetOf(virtualStarts, virtual.text.length, finding.endLine, finding.endColumn)
    const end = Math.max(start, virtual.end(endVirtual))
    if (isOff(finding.ruleId, finding.category, start)) continue
    if (finding.category === 'boilerplate' && inStructure(start)) continue
    const from = pointOf(originalStarts, start)
    const to = pointOf(originalStarts, end)
    const words = unhidden(finding, virtual, original, syntax, virtualStart, endVirtual)
    if (LINE_REFERENCES.has(finding.ruleId)) words.message = words.message.replace(/\bline (\d+)\b/g, (_, line: string) => `line ${originalLine(virtual, virtualStarts, originalStarts, Number(line))}`)
    findings.push({ ...finding, ...words, line: from.line, column: from.column, endLine: to.line, endColumn: to.column })
  }
  findings.sort(byPosition)

  return {
    ...analysis,
    findings,
    lines: remapLines(analysis.lines, virtual, virtualStarts, originalStarts, threshold, inStructure),
    stats: structured.length > 0 ? structureAsContent(analysis, virtual, virtualStarts, inStructure) : analysis.stats,
    notes: notesOf(analysis, virtual, original),
  }
}

/**
 * A finding's excerpt, message and suggestions with each stand-in in the finding's span replaced,
 * in order, by the text of what it stood for (`risk` for a Markdown code span or an HTML
 * `<code>risk</code>`, `Promise<void>` for \`Promise<void>\`, the address of an autolink, an
 * image's alt text): `Improbable wording: \`Xyz more utmost of\`` named a word the user never
 * wrote; it now reads `Improbable wording: \`risk more utmost of\``. The excerpt stays the
 * rendered text the analyzer read, as for every finding of a marked-up file. `from`, `to`: the
 * finding's span in the virtual text.
 */
function unhidden(finding: Finding, virtual: VirtualText, original: string, syntax: Exclude<Syntax, 'text'>, from: number, to: number): Pick<Finding, 'excerpt' | 'message' | 'expected'> {
  const values: string[] = []
  STAND_IN_WORD.lastIndex = from
  for (let match = STAND_IN_WORD.exec(virtual.text); match && match.index < to; match = STAND_IN_WORD.exec(virtual.text)) {
    const value = shownAs(original.slice(virtual.start(match.index), virtual.end(match.index + STAND_IN.length)), syntax)
    values.push(value.length > 40 ? `${value.slice(0, 39)}…` : value)
  }
  if (values.length === 0) return { excerpt: finding.excerpt, message: finding.message }
  const fill = (value: string): string => {
    let index = 0
    return value.replace(STAND_IN_WORD, (match) => values[index++] ?? match)
  }
  const result: Pick<Finding, 'excerpt' | 'message' | 'expected'> = { excerpt: fill(finding.excerpt), message: fill(finding.message) }
  if (finding.expected !== undefined) result.expected = finding.expected.map(fill)
  return result
}

/** The text a reader sees of `raw`, the original of a stand-in: code without its marks, an autolink's address, an image's alt text. */
function shownAs(raw: string, syntax: Exclude<Syntax, 'text'>): string {
  let value = raw
  if (syntax === 'html') {
    const alt = /^<img\b[^>]*\balt\s*=\s*["']([^"']*)["']/i.exec(value)
    value = alt ? alt[1]! : value.replace(/<[^>]*>/g, '')
    value = value.replace(/&(lt|gt|amp|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? _)
  } else if (value.startsWith('`')) value = value.replace(/^`+ ?/, '').replace(/ ?`+$/, '')
  else if (value.startsWith('![')) value = /^!\[([^\]]*)\]/.exec(value)?.[1] ?? value
  else if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1)
  return value.replace(/\s+/g, ' ').trim()
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }

/** Rules whose messages name another line ("Repeats line 12"), which is a line of the analyzed text. */
const LINE_REFERENCES = new Set(['boilerplate/repeated', 'translation/repeated-sentence'])

/**
 * Every occurrence of the stand-in's letters, glued to a word or not (`Xyzs` for \`Acme\`s): each
 * is replaced by the original text at its place, which for letters the file itself holds (`Xyzzy`)
 * is the same letters.
 */
const STAND_IN_WORD = new RegExp(STAND_IN, 'g')

/**
 * Whether an offset lies in one of `ranges` (which may nest or overlap): a binary search over their
 * union, so a document of thousands of headings or lists costs a logarithm per look-up, not a scan.
 */
function rangeTest(ranges: ReadonlyArray<{ start: number; end: number }>): (offset: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  const starts: number[] = []
  const ends: number[] = []
  for (const range of sorted) {
    if (range.end <= range.start) continue
    const last = ends.length - 1
    if (last >= 0 && range.start <= ends[last]!) ends[last] = Math.max(ends[last]!, range.end)
    else {
      starts.push(range.start)
      ends.push(range.end)
    }
  }
  return (offset) => {
    // The last merged range starting at or before `offset`.
    let low = 0
    let high = starts.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (starts[middle]! <= offset) low = middle + 1
      else high = middle - 1
    }
    return high >= 0 && offset < ends[high]!
  }
}

/** `analysis.stats` with the junk lines the classifier found in structured content counted as content, as `lines` counts them. */
function structureAsContent(analysis: Analysis, virtual: VirtualText, virtualStarts: readonly number[], inStructure: (offset: number) => boolean): Analysis['stats'] {
  const stats = { ...analysis.stats }
  for (const entry of analysis.lines) {
    if (entry.kind !== 'boilerplate') continue
    const { first, text } = virtualLine(virtual, virtualStarts, entry.line)
    if (!inStructure(virtual.start(first))) continue
    stats.boilerplateWords -= entry.words
    stats.contentWords += entry.words
    stats.boilerplateChars -= text.length
  }
  return stats
}

/** The original line of virtual line `line` (1-based): where its first character that is not white space came from. */
function originalLine(virtual: VirtualText, virtualStarts: readonly number[], originalStarts: readonly number[], line: number): number {
  return pointOf(originalStarts, virtual.start(virtualLine(virtual, virtualStarts, line).first)).line
}

/** Virtual line `line` (1-based), trimmed, and the virtual offset of its first character that is not white space. */
function virtualLine(virtual: VirtualText, virtualStarts: readonly number[], line: number): { first: number; text: string } {
  const lineStart = virtualStarts[line - 1] ?? 0
  const whole = virtual.text.slice(lineStart, virtualStarts[line] ?? virtual.text.length)
  return { first: lineStart + (/\S/.exec(whole)?.index ?? 0), text: whole.trim() }
}

/**
 * One entry per original line that holds prose: a virtual line counts on the original line where
 * its first character is. Lines of structured content count as content (boilerplate 0). Virtual lines that land on one original line (two HTML blocks on one
 * line) are merged: the larger boilerplate probability and translation value, their words added up.
 */
function remapLines(
  lines: readonly LineResult[],
  virtual: VirtualText,
  virtualStarts: readonly number[],
  originalStarts: readonly number[],
  threshold: number,
  inStructure: (offset: number) => boolean,
): LineResult[] {
  const byLine = new Map<number, LineResult>()
  for (const entry of lines) {
    const offset = virtual.start(virtualLine(virtual, virtualStarts, entry.line).first)
    const line = pointOf(originalStarts, offset).line
    const seen = byLine.get(line)
    if (!seen) {
      const moved: LineResult = { ...entry, line }
      // A wrapped paragraph of the virtual text (prose in a <pre>) starts on an original line too.
      if (entry.paragraph !== undefined) moved.paragraph = originalLine(virtual, virtualStarts, originalStarts, entry.paragraph)
      // Structured content (a Markdown list or table) is content, whatever the classifier thought.
      byLine.set(line, inStructure(offset) ? { ...moved, kind: 'content', boilerplate: 0 } : moved)
      continue
    }
    seen.boilerplate = Math.max(seen.boilerplate, inStructure(offset) ? 0 : entry.boilerplate)
    seen.translation = Math.max(seen.translation, entry.translation)
    seen.words += entry.words
    seen.kind = isJunk(seen.boilerplate, threshold) ? 'boilerplate' : 'content'
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line)
}

function notesOf(analysis: Analysis, virtual: VirtualText, original: string): string[] {
  if (virtual.text.trim() !== '' || original.trim() === '') return [...analysis.notes]
  return ['no prose to check: the file holds only markup, code or placeholders']
}

/** The pair check's findings but those on an accepted term (accept.ts), as `analyze` drops its own. */
function withoutAccepted(findings: Finding[], text: string, accept: readonly string[] | undefined): Finding[] {
  const occurrences = acceptanceOf(accept)?.occurrences(text)
  if (!occurrences || occurrences.length === 0) return findings
  const starts = lineStarts(text)
  const offset = (line: number, column: number): number => offsetOf(starts, text.length, line, column)
  return findings.filter(
    (finding) =>
      !((finding.category === 'translation' || finding.category === 'language') && insideOccurrence(occurrences, offset(finding.line, finding.column), offset(finding.endLine, finding.endColumn))),
  )
}

function mergeFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  // A value the pair check calls wrong-language may already be flagged by the text check.
  const seen = new Set(a.filter((finding) => finding.ruleId === 'language/unexpected').map((finding) => finding.line))
  return [...a, ...b.filter((finding) => !(finding.ruleId === 'language/unexpected' && seen.has(finding.line)))].sort(byPosition)
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)
}
