/**
 * `--format html`: one self-contained page for a reviewer (no scripts, fonts or other assets from
 * the network; open it from disk or attach it to a CI run).
 *
 *   header    the run's summary and a legend of the highlight colours
 *   per file  its verdict and scores, notes, then its text with line numbers: each flagged span
 *             highlighted in its category's colour (the message and rule on hover), lines the
 *             classifier calls boilerplate struck through; then the findings as a table
 *
 * The text comes from `FormatContext.text`; without it a file shows its findings only.
 */
import type { FileResult, FindingResult, LineEntry, Report } from '../check.js'
import type { FormatContext } from './index.js'

const CATEGORIES = ['translation', 'language', 'boilerplate', 'readability'] as const
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const

export function* html(report: Report, context: FormatContext): Iterable<string> {
  yield head(report)
  yield header(report, context.minScore)
  for (const [index, file] of report.files.entries()) yield* fileSection(file, index, context)
  yield '</main>\n</body>\n</html>\n'
}

function head(report: Report): string {
  const title = report.files.length === 1 ? `tq: ${report.files[0]!.path}` : `tq: ${report.files.length} files`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escape(`${report.tool.name} ${report.tool.version}`)}">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
`
}

function header(report: Report, minScore: number): string {
  const { files, passed, failed, findings } = report.summary
  const legend = CATEGORIES.map((category) => `<li><mark class="cat-${category}">${category}</mark></li>`).join('')
  return `<header>
<h1>tq report</h1>
<p class="summary">${files} ${plural(files, 'file')} checked against the bar ${minScore}: <b class="pass">${passed} passed</b>, <b class="fail">${failed} failed</b> · ${findings.error} ${plural(findings.error, 'error')}, ${findings.warning} ${plural(findings.warning, 'warning')}, ${findings.info} info</p>
<ul class="legend" aria-label="legend">${legend}<li><span class="struck">boilerplate line</span></li><li class="hint">hover a highlight for its message</li></ul>
</header>
<main>
`
}

function* fileSection(file: FileResult, index: number, context: FormatContext): Iterable<string> {
  const verdict = file.pass ? 'PASS' : 'FAIL'
  const scores = (['overall', 'translation', 'boilerplate', 'readability'] as const)
    .map((name) => `<div class="score score-${name}"><dt>${name}</dt><dd>${file.scores[name]}</dd></div>`)
    .join('')
  let out = `<section class="file ${file.pass ? 'pass' : 'fail'}" id="file-${index + 1}">
<h2><span class="verdict">${verdict}</span> ${escape(file.path)}</h2>
<dl class="scores">${scores}<div class="score"><dt>bar</dt><dd>${context.minScore}</dd></div><div class="score"><dt>language</dt><dd>${escape(file.language)}</dd></div></dl>
`
  for (const note of file.notes) out += `<p class="note">${escape(note)}</p>\n`
  yield out

  const text = context.text?.(file.path)
  if (text !== undefined) yield* textBlock(text, file)
  yield findingTable([...file.findings])
  yield '</section>\n'
}

/** The text, one row per line, findings highlighted. */
function* textBlock(text: string, file: FileResult): Iterable<string> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = body.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  if (lines.length > 1 && lines[lines.length - 1] === '' && body.endsWith('\n')) lines.pop()
  const kinds = new Map<number, LineEntry>()
  for (const entry of file.lines) kinds.set(entry.line, entry)
  const byLine = findingsByLine(file.findings)
  const width = String(lines.length).length
  yield `<div class="text" style="--gutter:${width + 1}ch">\n`
  let batch = ''
  for (const [index, line] of lines.entries()) {
    const number = index + 1
    const entry = kinds.get(number)
    const classes = ['line', entry?.kind === 'boilerplate' ? 'boilerplate' : '', byLine.has(number) ? 'flagged' : ''].filter(Boolean).join(' ')
    const title = entry ? ` title="boilerplate ${entry.boilerplate.toFixed(2)} · translation ${entry.translation.toFixed(2)}"` : ''
    batch += `<div class="${classes}" data-line="${number}"><span class="ln"${title}>${number}</span><span class="src">${highlight(line, number, byLine.get(number) ?? [])}</span></div>\n`
    if (batch.length > 64 * 1024) {
      yield batch
      batch = ''
    }
  }
  yield `${batch}</div>\n`
}

function findingsByLine(findings: Iterable<FindingResult>): Map<number, FindingResult[]> {
  const byLine = new Map<number, FindingResult[]>()
  for (const finding of findings) {
    for (let line = finding.line; line <= finding.endLine; line++) {
      let list = byLine.get(line)
      if (!list) byLine.set(line, (list = []))
      list.push(finding)
    }
  }
  return byLine
}

/**
 * A line's text with each flagged span in a `<mark>`: the line is cut at every finding's start and
 * end, and each piece is marked with the findings that cover it (the most severe one's category
 * gives the colour). A finding of no width (a missing key) is a small marker at its place.
 */
function highlight(line: string, number: number, findings: readonly FindingResult[]): string {
  if (findings.length === 0) return escape(line)
  const spans = findings.map((finding) => ({
    finding,
    from: finding.line === number ? Math.min(finding.column - 1, line.length) : 0,
    to: finding.endLine === number ? Math.min(finding.endColumn - 1, line.length) : line.length,
  }))
  const cuts = new Set<number>([0, line.length])
  for (const span of spans) {
    cuts.add(span.from)
    cuts.add(span.to)
  }
  const points = [...cuts].sort((a, b) => a - b)
  let out = ''
  for (const [index, from] of points.entries()) {
    // Markers for findings of no width at this point.
    for (const span of spans) if (span.from === from && span.to === from) out += mark('', [span.finding], true)
    const to = points[index + 1]
    if (to === undefined) break
    const covering = spans.filter((span) => span.from <= from && span.to >= to && span.to > span.from).map((span) => span.finding)
    const piece = line.slice(from, to)
    out += covering.length > 0 ? mark(piece, covering, false) : escape(piece)
  }
  return out
}

function mark(text: string, findings: readonly FindingResult[], point: boolean): string {
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
  const top = sorted[0]!
  const message = sorted.map((finding) => `${finding.message} (${finding.ruleId})`).join('\n')
  const rules = [...new Set(sorted.map((finding) => finding.ruleId))].join(' ')
  const classes = [`cat-${top.category}`, `sev-${top.severity}`, point ? 'point' : ''].filter(Boolean).join(' ')
  return `<mark class="${classes}" data-rules="${escape(rules)}" data-message="${escape(message)}" title="${escape(message)}">${escape(text)}</mark>`
}

function findingTable(findings: readonly FindingResult[]): string {
  if (findings.length === 0) return '<p class="none">No findings.</p>\n'
  const rows = findings
    .map(
      (finding) =>
        `<tr class="sev-${finding.severity}"><td class="pos">${finding.line}:${finding.column}</td><td><span class="dot cat-${finding.category}"></span>${finding.severity}</td><td>${escape(finding.message)}</td><td><a href="${escape(finding.url)}">${escape(finding.ruleId)}</a></td></tr>`,
    )
    .join('\n')
  return `<details class="findings"><summary>${findings.length} ${plural(findings.length, 'finding')}</summary>
<table><thead><tr><th>where</th><th>severity</th><th>message</th><th>rule</th></tr></thead><tbody>
${rows}
</tbody></table></details>
`
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}

const STYLE = `
:root { --translation: #ffc9c9; --translation-line: #e03131; --language: #e5dbff; --language-line: #7048e8;
  --boilerplate: #ffe8cc; --boilerplate-line: #e8590c; --readability: #d0ebff; --readability-line: #1c7ed6;
  color-scheme: light; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212529; background: #f8f9fa; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; word-break: break-all; }
.summary .pass { color: #2b8a3e; } .summary .fail { color: #c92a2a; }
.legend { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; padding: 0; margin: .5rem 0 1rem; align-items: center; }
.legend .hint { color: #868e96; font-size: .85rem; }
.struck { text-decoration: line-through; color: #868e96; }
.file { background: #fff; border: 1px solid #dee2e6; border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
.verdict { display: inline-block; padding: 0 .5rem; border-radius: 4px; color: #fff; font-size: .85rem; vertical-align: middle; }
.pass .verdict { background: #2b8a3e; } .fail .verdict { background: #c92a2a; }
.scores { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 .75rem; }
.score { border: 1px solid #dee2e6; border-radius: 6px; padding: .15rem .6rem; display: flex; gap: .4rem; align-items: baseline; }
.score dt { color: #868e96; font-size: .8rem; } .score dd { margin: 0; font-weight: 600; }
.score-overall dd { font-size: 1.1rem; }
.note { color: #495057; font-style: italic; }
.text { font: 13px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; border-top: 1px solid #e9ecef; padding-top: .5rem; }
.line { display: grid; grid-template-columns: var(--gutter) 1fr; gap: .75rem; }
.line .ln { color: #adb5bd; text-align: right; user-select: none; }
.line .src { white-space: pre-wrap; overflow-wrap: anywhere; }
.line.boilerplate .src { text-decoration: line-through; color: #868e96; }
.line.flagged .ln { color: #495057; font-weight: 600; }
mark { border-radius: 2px; padding: 0 1px; color: inherit; cursor: help; }
mark.cat-translation { background: var(--translation); box-shadow: inset 0 -2px var(--translation-line); }
mark.cat-language { background: var(--language); box-shadow: inset 0 -2px var(--language-line); }
mark.cat-boilerplate { background: var(--boilerplate); box-shadow: inset 0 -2px var(--boilerplate-line); }
mark.cat-readability { background: var(--readability); box-shadow: inset 0 -2px var(--readability-line); }
mark.point { display: inline-block; width: .5ch; min-height: 1em; vertical-align: text-bottom; }
mark:hover { outline: 2px solid #212529; outline-offset: 1px; }
mark:hover::after { content: attr(data-message); position: fixed; left: 50%; bottom: 1rem; transform: translateX(-50%); z-index: 2; width: max-content;
  max-width: min(48rem, 90vw); white-space: pre-wrap; background: #212529; color: #fff; font: 14px/1.45 system-ui, sans-serif;
  padding: .5rem .75rem; border-radius: 6px; box-shadow: 0 4px 16px rgb(0 0 0 / .25); pointer-events: none; }
.findings { margin-top: .75rem; } .findings summary { cursor: pointer; color: #495057; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin-top: .5rem; }
th, td { text-align: left; padding: .2rem .5rem; border-bottom: 1px solid #f1f3f5; vertical-align: top; }
td.pos { font-family: ui-monospace, monospace; white-space: nowrap; }
.dot { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; margin-right: .35rem; }
.dot.cat-translation { background: var(--translation-line); } .dot.cat-language { background: var(--language-line); }
.dot.cat-boilerplate { background: var(--boilerplate-line); } .dot.cat-readability { background: var(--readability-line); }
a { color: #1c7ed6; }
`
