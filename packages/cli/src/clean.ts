/**
 * `tq clean`: the text with its boilerplate lines removed.
 *
 *   flags + config ─► threshold, language
 *   --jsonl: stdin records ─► cleanText each ─► {"id","text","removed"} per line on stdout
 *   else:    expand inputs ─► validate every input (nothing written yet)
 *            ─► stdout (one input), -o FILE (one input), or --write (each file in place)
 *
 * A line is removed when the analyzer's `lines[].kind` is `boilerplate` at the threshold, so
 * `tq clean` removes exactly the lines `tq check --format json` calls boilerplate (for the same
 * threshold, language and config). Every input is read as plain text (no --syntax).
 *
 * The output keeps the order of the lines, their line endings (`\n` or `\r\n`) and the final
 * newline when there was one. Blank lines stay, but removing a line must not join two runs of
 * blank lines into a longer one: a run left between two kept lines becomes as long as the longest
 * run it was made of, and blank lines that removal would leave at the start or the end of the text
 * are dropped (the text's own leading and trailing blank lines are kept).
 *
 * ```text
 * Advertisement          ← removed
 *                        ← dropped: would start the text
 * The talks ended …      ← kept
 *                        ← kept (one blank line, not two)
 * Share this article     ← removed
 *
 * Officials said …       ← kept
 * ```
 */
import { chmodSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { analyze, ruleById, type RuleSetting } from '@tq/analyzer/lazy'
import type { CleanFlags } from './args.js'
import { loadConfig, resolveSettings, type Settings } from './config.js'
import { TqError, UsageError } from './errors.js'
import { expandInputs, openInputs } from './inputs.js'
import { eachRecord } from './jsonl.js'
import { write } from './output.js'
import { writeReportFile } from './report-file.js'

export interface CleanOptions {
  /** Probability above which a line is removed (default 0.5). */
  threshold?: number
  /** Language of the text; detected when absent. */
  lang?: string
  /** Rule settings from the config (only the boilerplate rules matter). */
  rules?: Record<string, RuleSetting>
}

export interface CleanResult {
  text: string
  /** 1-based numbers of the removed lines, ascending. */
  removed: number[]
}

/** Only the boilerplate classifier decides what is removed; the other detectors are not run. */
function analyzerRules(rules: Record<string, RuleSetting> = {}): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {}
  for (const [id, rule] of ruleById) settings[id] = rule.category === 'boilerplate' ? (rules[id] ?? rule.severity) : 'off'
  return settings
}

/** Remove the boilerplate lines of `text`. A leading byte-order mark is dropped. */
export function cleanText(text: string, options: CleanOptions = {}): CleanResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const analyzeOptions: Parameters<typeof analyze>[1] = { rules: analyzerRules(options.rules) }
  if (options.lang !== undefined) analyzeOptions.lang = options.lang
  if (options.threshold !== undefined) analyzeOptions.boilerplateThreshold = options.threshold
  const removed = analyze(body, analyzeOptions)
    .lines.filter((line) => line.kind === 'boilerplate')
    .map((line) => line.line)
  return { text: removeLines(body, removed), removed }
}

/**
 * `text` without the lines numbered in `removed` (1-based, as the analyzer numbers them: split at
 * `\n`, a final newline starts no line), blank-line runs collapsed as the module comment says.
 */
export function removeLines(text: string, removed: readonly number[]): string {
  if (removed.length === 0) return text
  const gone = new Set(removed)
  const endsWithNewline = text.endsWith('\n')
  const lines = text.split('\n')
  if (endsWithNewline) lines.pop()
  const blank = (line: string): boolean => line.trim() === ''

  const out: string[] = []
  let keptAny = false
  // The blank lines since the last kept non-blank line, the runs they formed in the input, and
  // whether a removed line lies among them.
  let blanks: string[] = []
  let run = 0
  let longestRun = 0
  let removedHere = false
  const flush = (atEnd: boolean): void => {
    let keep = blanks.length
    if (removedHere) {
      // At the start or the end, only the text's own leading or trailing blank lines stay.
      if (!keptAny) keep = leadingRun(lines)
      else if (atEnd) keep = trailingRun(lines)
      else keep = longestRun
    }
    out.push(...blanks.slice(0, keep))
    blanks = []
    run = 0
    longestRun = 0
    removedHere = false
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (gone.has(index + 1)) {
      removedHere = true
      run = 0
      continue
    }
    if (blank(line)) {
      blanks.push(line)
      run++
      longestRun = Math.max(longestRun, run)
      continue
    }
    flush(false)
    out.push(line)
    keptAny = true
  }
  if (keptAny) flush(true)
  else if (!removedHere) out.push(...blanks)
  // Nothing left but blank lines the removal would have joined: the text's own leading run only.
  else out.push(...blanks.slice(0, Math.min(blanks.length, leadingRun(lines))))
  if (out.length === 0) return ''
  return out.join('\n') + (endsWithNewline ? '\n' : '')
}

function leadingRun(lines: readonly string[]): number {
  let count = 0
  while (count < lines.length && lines[count]!.trim() === '') count++
  return count
}

function trailingRun(lines: readonly string[]): number {
  let count = 0
  while (count < lines.length && lines[lines.length - 1 - count]!.trim() === '') count++
  return count
}

export interface CleanIo {
  cwd: string
  stdin: Readable
  stdout: Writable
  stderr: Writable
}

/** Run `tq clean`; resolves to the exit code (0, or 2 when a JSONL record was malformed). */
export async function clean(flags: CleanFlags, io: CleanIo): Promise<number> {
  const settingsFlags = { inputs: flags.inputs, jsonl: flags.jsonl, quiet: false } as Parameters<typeof resolveSettings>[0]
  if (flags.lang !== undefined) settingsFlags.lang = flags.lang
  if (flags.extensions !== undefined) settingsFlags.extensions = flags.extensions
  const settings = resolveSettings(settingsFlags, loadConfig(flags.config, io.cwd))
  const options = cleanOptions(flags, settings)

  if (flags.jsonl) {
    const warn = (message: string): void => void io.stderr.write(`tq: ${message}\n`)
    const outcome = await eachRecord(io.stdin, io.stdout, warn, async (record) => {
      const result = cleanText(record.text, options)
      return [JSON.stringify({ id: record.id, text: result.text, removed: result.removed }) + '\n']
    })
    return outcome.malformed > 0 ? 2 : 0
  }

  const { extensions, ignore, ignoreBase } = settings
  const sources = await expandInputs(flags.inputs, { cwd: io.cwd, extensions, ignore, ignoreBase })
  // Standard output and -o FILE take one text: several cleaned texts run together would lose
  // where each ends. --write takes any number of files.
  if (!flags.write && sources.length !== 1) {
    const where = flags.output !== undefined ? '--output' : 'standard output'
    throw new UsageError(`tq clean writes one text to ${where}, but the inputs name ${sources.length} files; name one, or use --write to clean each in place`)
  }
  const output = flags.output !== undefined ? resolve(io.cwd, flags.output) : undefined
  if (output !== undefined && sources.some((source) => source.kind === 'file' && source.path === output)) {
    throw new TqError(`--output ${flags.output} is the input; use --write to replace a file in place`)
  }
  // Every input is validated (UTF-8 text) before anything is written.
  const inputs = await openInputs(sources, io.stdin)

  for (const input of inputs) {
    const text = await input.read()
    const result = cleanText(text, options)
    if (flags.write) {
      // A file with nothing to remove is left untouched.
      const path = input.path
      if (path === undefined || result.removed.length === 0) continue
      const mode = statSync(path).mode
      await writeReportFile(path, [result.text])
      chmodSync(path, mode & 0o7777)
    } else if (output !== undefined) await writeReportFile(output, [result.text])
    else await write(io.stdout, result.text)
  }
  return 0
}

function cleanOptions(flags: CleanFlags, settings: Settings): CleanOptions {
  const options: CleanOptions = { rules: settings.rules }
  const threshold = flags.threshold ?? settings.boilerplateThreshold
  if (threshold !== undefined) options.threshold = threshold
  if (settings.lang !== undefined) options.lang = settings.lang
  return options
}
