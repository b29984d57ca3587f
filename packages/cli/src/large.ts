/**
 * Files too large to hold: read, checked and reported a piece at a time, so a 100 MB file costs
 * about what a 2 MB one does.
 *
 *   file ─► (a worker thread with a bounded heap)
 *        1 MB reads, strict UTF-8 ─► analyzeSections (sections of ~2 MB) ─► per section:
 *        scores tallied (Tally), findings and lines appended to spools (spool.ts) ─► a result
 *        whose `findings` and `lines` read the spools back when the output format walks them
 *        ─► spools removed when the run ends
 *
 * Semantics differ from a whole-file check only in what "the document" is: repeats, the
 * quote-style majority and the boilerplate classifier's page features look within a section
 * (see `analyzeSections`). Plain text only: Markdown, HTML and JSON need their whole tree.
 */
import { statSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { analyzeSections } from '@tq/analyzer/lazy'
import { DEFAULT_MIN_SCORE, Tally } from '@tq/scoring'
import { analyzeOptions, type CheckOptions, type FileResult, type FindingResult, type LineEntry } from './check.js'
import { LARGE_FILE_BYTES, readTextPieces } from './inputs.js'
import { Spool, type SpoolDirectory } from './spool.js'
import { deserializeError, type SerializedError } from './pool.js'
import { TqError } from './errors.js'

/**
 * Whether the file at `path` is checked a section at a time: plain text (Markdown, HTML and JSON
 * need their whole tree) above `LARGE_FILE_BYTES`, and not for a format that shows the whole text
 * (html holds it anyway).
 */
export function isLargeFile(path: string, syntax: CheckOptions['syntax'], format: string | undefined): boolean {
  if ((syntax ?? 'text') !== 'text' || format === 'html') return false
  return (statSync(path, { throwIfNoEntry: false })?.size ?? 0) > LARGE_FILE_BYTES
}

/** What the worker that checked a large file sends back: the result, its lists as spool lengths. */
export interface LargeSummary extends Omit<FileResult, 'findings' | 'lines'> {
  findings: number
  lines: number
}

/** What the main thread sends the worker (large-worker.ts): the file, the options, the spool paths. */
export interface LargeTask {
  path: string
  name: string
  options: CheckOptions
  findings: string
  lines: string
}

/**
 * Heap limit (old generation, MB) of the thread that checks a large file. The work needs about
 * 40 MB live at a section's end and more within it; without a limit V8 lets garbage pile up to
 * several hundred MB before collecting (459 MB peak on a 100 MB file), with one it collects
 * sooner at no measurable cost.
 */
const HEAP_MB = 128

/**
 * Check the plain-text file at `path` (shown as `name`) a section at a time, in a worker thread
 * with a bounded heap: the scores (and with `explain`, the explanation) over the whole file;
 * findings (all, or only errors with `quiet`) and line values spooled in `spools`, in order.
 */
export async function checkLargeFile(path: string, name: string, options: CheckOptions, spools: SpoolDirectory): Promise<FileResult> {
  const task: LargeTask = { path, name, options, findings: spools.file(), lines: spools.file() }
  const worker = new Worker(new URL('./large-worker.js', import.meta.url), { workerData: task, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } })
  const summary = await new Promise<LargeSummary>((resolve, reject) => {
    worker.once('message', (reply: { ok: true; value: LargeSummary } | { ok: false; error: SerializedError }) => {
      if (reply.ok) resolve(reply.value)
      else reject(deserializeError(reply.error))
    })
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new TqError(`ran out of memory checking ${name} (a line of many megabytes?)`))
      else reject(error)
    })
    worker.once('exit', (code) => reject(new Error(`the thread checking ${name} stopped (exit code ${code})`)))
  })
  await worker.terminate()
  return { ...summary, findings: new Spool<FindingResult>(task.findings, summary.findings), lines: new Spool<LineEntry>(task.lines, summary.lines) }
}

/** The work of `checkLargeFile`, in its worker thread (large-worker.ts). */
export function analyzeLargeFile(task: LargeTask): LargeSummary {
  const { path, name, options } = task
  const tally = new Tally({ explain: options.explain === true })
  const findings = new Spool<FindingResult>(task.findings)
  const lines = new Spool<LineEntry>(task.lines)
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
  const summary: LargeSummary = { path: name, language, scores: verdict.scores, pass: verdict.pass, findings: findings.length, lines: lines.length, notes }
  if (options.explain) summary.explain = tally.explanation()
  return summary
}
