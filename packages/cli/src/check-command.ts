/**
 * `tq check`, loaded by main.ts only when the command is `check`:
 *
 *   config (file, then flags) ─► settings
 *   --jsonl: stdin records ─► checkText each (on --jobs threads) ─► stdout, one result per line,
 *            in input order
 *   else:    expand inputs ─► validate every input (nothing printed yet)
 *            ─► check each (check-input.ts: syntax by extension; with --source, compared with the
 *               source locale file), in this thread or on --jobs worker threads
 *            ─► report in input order ─► format ─► stdout, or -o FILE
 *
 * `--jobs N` changes how fast, never what: the workers run the same code on the same setup, and
 * results, errors and exit code are those of `--jobs 1`. An input error stops the run with the
 * error of the first bad input in input order, as `--jobs 1` would.
 */
import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import type { CheckFlags } from './args.js'
import { buildReport, exitCodeOf, type CheckOptions, type CheckResult, type FileResult } from './check.js'
import { checkInput, checkRecord, type CheckSetup, type CheckTask, type RecordTask } from './check-input.js'
import { useColor } from './color.js'
import { loadConfig, resolveSettings, type Settings } from './config.js'
import { TqError } from './errors.js'
import { DEFAULT_FORMAT, loadFormatter } from './format/index.js'
import type { StylishContext } from './format/stylish.js'
import { expandInputs, openInputs, type Input, type Source } from './inputs.js'
import { checkJsonl, jsonlExitCode } from './jsonl.js'
import type { Io } from './main.js'
import { writeAll } from './output.js'
import { WorkerPool } from './pool.js'
import { Progress } from './progress.js'
import { writeReportFile } from './report-file.js'
import { checkLargeFile, isLargeFile } from './large.js'
import { SpoolDirectory } from './spool.js'
import { readLocaleSource } from './locale-source.js'
import { syntaxOfPath } from '@tq/analyzer/lazy'

/**
 * Without `--jobs`, a run of fewer bytes than this (files, or JSONL text so far) is checked in
 * this thread alone. A worker thread costs one to two seconds of CPU before it checks at full
 * speed (loading the analyzer and its data, and V8 compiling its hot code), about what checking
 * 2–3 MB of 5 KB texts takes in a warm thread; and on a two-core machine a second thread slows the
 * first (they share V8's helper threads and the memory system). Measured with scripts/bench.mjs on
 * two cores: 1,000 files of 0.4 MB in all run 0.74× as fast with two threads, 1,000 of 5 MB 0.97×.
 * An explicit `--jobs N` is obeyed. The output is the same either way.
 */
const POOL_MIN_BYTES = 8 * 1024 * 1024
/** JSONL records in flight per worker: enough to keep each busy, few enough to bound memory. */
const RECORDS_PER_WORKER = 4

const WORKER = new URL('./worker.js', import.meta.url)

export async function checkCommand(flags: CheckFlags, io: Io): Promise<number> {
  const settings = resolveSettings(flags, loadConfig(flags.config, io.cwd))
  const options = checkOptions(settings)
  const format = flags.jsonl ? undefined : (flags.format ?? DEFAULT_FORMAT)
  // stylish always shows a short form of the explanation; other formats only with --explain.
  if (flags.explain || format === 'stylish') options.explain = true
  const jobs = flags.jobs ?? availableParallelism()
  if (flags.jsonl) {
    if (flags.syntax !== undefined) options.syntax = flags.syntax
    const warn = (message: string): void => void io.stderr.write(`tq: ${message}\n`)
    const setup: CheckSetup = { options }
    // A stream is checked in this thread unless --jobs asks for more: one thread keeps the memory
    // of an endless stream bounded (about 210 MB), and on two cores it was as fast as two
    // (scripts/bench.mjs: V8's collector and compiler already use the second core).
    if (flags.jobs === undefined || jobs === 1) return jsonlExitCode(await checkJsonl(io.stdin, io.stdout, warn, (record) => checkRecord({ record }, setup)))
    const pool = new WorkerPool<CheckSetup, RecordTask, CheckResult>(WORKER, jobs - 1, checkRecord)
    pool.configure(setup)
    const check = (record: string): Promise<CheckResult> => pool.run({ record })
    try {
      return jsonlExitCode(await checkJsonl(io.stdin, io.stdout, warn, check, jobs * RECORDS_PER_WORKER))
    } finally {
      await pool.close()
    }
  }

  const { extensions, ignore, ignoreBase } = settings
  const sources = await expandInputs(flags.inputs, { cwd: io.cwd, extensions, ignore, ignoreBase })
  const threads = threadsFor(sources, jobs, flags.jobs !== undefined)
  // Started before the inputs are read and validated, so the workers load the analyzer meanwhile.
  const pool = threads > 1 ? new WorkerPool<CheckSetup, CheckTask, FileResult>(WORKER, threads - 1, checkInput) : undefined
  pool?.start()
  // Findings and line values of inputs too large to hold (large.ts), until they are printed.
  const spools = new SpoolDirectory()
  try {
    const inputs = await openInputs(sources, io.stdin)
    const source = flags.source !== undefined ? readLocaleSource(flags.source, io.cwd) : undefined
    const output = flags.output !== undefined ? resolve(io.cwd, flags.output) : undefined
    if (output !== undefined && (sources.some((item) => item.kind === 'file' && item.path === output) || output === source?.path)) {
      throw new TqError(`--output ${flags.output} is one of the inputs; tq never writes to the files it checks`)
    }
    const setup: CheckSetup = { options }
    if (flags.syntax !== undefined) setup.syntax = flags.syntax
    if (source !== undefined) setup.source = source
    const texts = new Map<string, string>() // the html report shows each text
    const keepText = format === 'html' ? (name: string, text: string) => void texts.set(name, text) : undefined
    const progress = new Progress(io.stderr, inputs.length)
    // A large plain-text file is checked here, a section at a time: its spools cannot cross threads.
    const large = (input: Input): boolean => input.path !== undefined && !source && isLargeFile(input.path, flags.syntax ?? syntaxOfPath(input.name), format)
    const checkLarge = (input: Input): Promise<FileResult> => checkLargeFile(input.path!, input.name, { ...options, syntax: 'text' }, spools)
    const files = pool
      ? await checkOnWorkers(inputs, setup, pool, progress, keepText, large, checkLarge)
      : await checkHere(inputs, setup, progress, keepText, large, checkLarge)
    progress.done()

    const render = await loadFormatter(format ?? DEFAULT_FORMAT)
    const context: StylishContext = {
      color: output === undefined && useColor(io.stdout, io.env),
      minScore: settings.minScore,
      minScores: settings.minScores,
      explain: flags.explain,
      text: (path) => texts.get(path),
    }
    const pieces = render(buildReport(files), context)
    if (output !== undefined) await writeReportFile(output, pieces)
    else await writeAll(io.stdout, pieces)
    return exitCodeOf(files)
  } finally {
    spools.remove()
    await pool?.close()
  }
}

/**
 * How many threads check the inputs: this one and the rest worker threads; 1 is this thread
 * alone. Never more than there are inputs; without an explicit `--jobs`, 1 for a small run.
 */
function threadsFor(sources: readonly Source[], jobs: number, explicit: boolean): number {
  if (jobs === 1 || sources.length < 2) return 1
  if (!explicit) {
    let bytes = 0
    for (const source of sources) {
      // A file that cannot be read counts nothing here; reading it reports it.
      if (source.kind === 'file') bytes += statSync(source.path, { throwIfNoEntry: false })?.size ?? 0
    }
    if (bytes < POOL_MIN_BYTES) return 1
  }
  return Math.min(jobs, sources.length)
}

type KeepText = ((name: string, text: string) => void) | undefined

/** Check every input in this thread, one after the other. */
async function checkHere(
  inputs: readonly Input[],
  setup: CheckSetup,
  progress: Progress,
  keepText: KeepText,
  large: (input: Input) => boolean,
  checkLarge: (input: Input) => Promise<FileResult>,
): Promise<FileResult[]> {
  const files: FileResult[] = []
  for (const [index, input] of inputs.entries()) {
    progress.update(index, input.name)
    if (large(input)) {
      files.push(await checkLarge(input))
      continue
    }
    const text = await input.read()
    keepText?.(input.name, text)
    const task: CheckTask = { name: input.name, text }
    if (input.path !== undefined) task.path = input.path
    files.push(await checkInput(task, setup))
  }
  return files
}

/**
 * Check the inputs on the pool's threads. Files go by path (each worker reads its own);
 * standard input, read once already, goes as text. Results are taken in input order, so the first
 * error met is the first bad input's, as in checkHere.
 */
async function checkOnWorkers(
  inputs: readonly Input[],
  setup: CheckSetup,
  pool: WorkerPool<CheckSetup, CheckTask, FileResult>,
  progress: Progress,
  keepText: KeepText,
  large: (input: Input) => boolean,
  checkLarge: (input: Input) => Promise<FileResult>,
): Promise<FileResult[]> {
  pool.configure(setup)
  const tasks: Array<CheckTask | undefined> = []
  for (const input of inputs) {
    if (large(input)) tasks.push(undefined)
    else tasks.push(input.path !== undefined ? { name: input.name, path: input.path } : { name: input.name, text: await input.read() })
  }
  const results = tasks.map((task) => {
    if (task === undefined) return undefined
    const result = pool.run(task)
    // Awaited in order below; one that fails meanwhile must not count as unhandled.
    result.catch(() => undefined)
    return result
  })
  const files: FileResult[] = []
  for (const [index, input] of inputs.entries()) {
    progress.update(index, input.name)
    const result = results[index]
    files.push(await (result ?? checkLarge(input)))
    if (keepText) keepText(input.name, await input.read())
  }
  return files
}

function checkOptions(settings: Settings): CheckOptions {
  const options: CheckOptions = { rules: settings.rules, minScore: settings.minScore, minScores: settings.minScores, quiet: settings.quiet }
  if (settings.lang !== undefined) options.lang = settings.lang
  if (settings.boilerplateThreshold !== undefined) options.boilerplateThreshold = settings.boilerplateThreshold
  if (settings.accept !== undefined) options.accept = settings.accept
  return options
}
