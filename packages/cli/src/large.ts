/**
 * Files too large to hold: read, checked and reported a piece at a time, so a 100 MB file costs
 * about what a 2 MB one does.
 *
 *   file ─► 1 MB reads, strict UTF-8 ─► analyzeSections (sections of ~2 MB) ─► per section:
 *        scores tallied (Tally), findings and lines appended to spools (spool.ts) ─► a result
 *        whose `findings` and `lines` read the spools back when the output format walks them
 *        ─► spools removed when the run ends
 *
 * Semantics differ from a whole-file check only in what "the document" is: repeats, the
 * quote-style majority and the boilerplate classifier's page features look within a section
 * (see `analyzeSections`). Plain text only: Markdown, HTML and JSON need their whole tree.
 */
import { statSync } from 'node:fs'
import { analyzeSections } from '@tq/analyzer/lazy'
import { DEFAULT_MIN_SCORE, Tally } from '@tq/scoring'
import { analyzeOptions, type CheckOptions, type FileResult, type FindingResult, type LineEntry } from './check.js'
import { LARGE_FILE_BYTES, readTextPieces } from './inputs.js'
import type { SpoolDirectory } from './spool.js'

/**
 * Whether the file at `path` is checked a section at a time: plain text (Markdown, HTML and JSON
 * need their whole tree) above `LARGE_FILE_BYTES`, and not for a format that shows the whole text
 * (html holds it anyway).
 */
export function isLargeFile(path: string, syntax: CheckOptions['syntax'], format: string | undefined): boolean {
  if ((syntax ?? 'text') !== 'text' || format === 'html') return false
  return (statSync(path, { throwIfNoEntry: false })?.size ?? 0) > LARGE_FILE_BYTES
}

/**
 * Check the plain-text file at `path` (shown as `name`) a section at a time: the scores (and with
 * `explain`, the explanation) over the whole file; findings (all, or only errors with `quiet`) and
 * line values spooled in `spools`, in order.
 */
export function checkLargeFile(path: string, name: string, options: CheckOptions, spools: SpoolDirectory): FileResult {
  const tally = new Tally({ explain: options.explain === true })
  const findings = spools.spool<FindingResult>()
  const lines = spools.spool<LineEntry>()
  let language = 'und'
  let notes: string[] = []
  let first = true
  for (const section of analyzeSections(readTextPieces(path, name), analyzeOptions(options))) {
    if (first) {
      language = section.language
      notes = section.notes
      first = false
    }
    tally.add(section)
    for (const finding of section.findings) if (!options.quiet || finding.severity === 'error') findings.push(finding)
    for (const line of section.lines) lines.push(line)
  }
  findings.close()
  lines.close()
  const verdict = tally.verdict({ minScore: options.minScore ?? DEFAULT_MIN_SCORE, minScores: options.minScores ?? {} })
  const result: FileResult = { path: name, language, scores: verdict.scores, pass: verdict.pass, findings, lines, notes }
  if (options.explain) result.explain = tally.explanation()
  return result
}
