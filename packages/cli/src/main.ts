/**
 * The `tq` command, start to finish:
 *
 *   argv ─► parseCommandLine ─► help | version | check | clean (clean.ts)
 *   check: config (file, then flags) ─► settings
 *          --jsonl: stdin records ─► checkText each ─► stdout, one result per line
 *          else:    expand inputs ─► validate every input (nothing printed yet)
 *                   ─► checkText each (syntax by extension; with --source, compared with the
 *                      source locale file) ─► report ─► format ─► stdout, or -o FILE
 *   exit code: 0 all pass, 1 some fail, 2 usage or input error (one `tq: …` line on stderr)
 */
import { resolve } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { parseCommandLine, USAGE, type CheckFlags } from './args.js'
import { clean } from './clean.js'
import { buildReport, checkText, exitCodeOf, type CheckOptions, type FileResult } from './check.js'
import { useColor } from './color.js'
import { loadConfig, resolveSettings, type Settings } from './config.js'
import { TqError } from './errors.js'
import { DEFAULT_FORMAT, formatter } from './format/index.js'
import type { StylishContext } from './format/stylish.js'
import { expandInputs, openInputs } from './inputs.js'
import { checkJsonl, jsonlExitCode } from './jsonl.js'
import { optionsForInput, readLocaleSource } from './locale-source.js'
import { Progress } from './progress.js'
import { writeReportFile } from './report-file.js'
import { isBrokenPipe, write, writeAll } from './output.js'
import { toolVersion } from './version.js'

export interface Io {
  argv: readonly string[]
  cwd: string
  env: NodeJS.ProcessEnv
  stdin: Readable
  stdout: Writable & { isTTY?: boolean }
  stderr: Writable & { isTTY?: boolean; columns?: number }
}

/** Run one command line; resolves to the exit code. Throws TqError for usage and input errors. */
export async function main(io: Io): Promise<number> {
  const command = parseCommandLine(io.argv)
  switch (command.name) {
    case 'help':
      await write(io.stdout, USAGE)
      return 0
    case 'version':
      await write(io.stdout, `${toolVersion()}\n`)
      return 0
    case 'check':
      return check(command.flags, io)
    case 'clean':
      return clean(command.flags, io)
  }
}

async function check(flags: CheckFlags, io: Io): Promise<number> {
  const settings = resolveSettings(flags, loadConfig(flags.config, io.cwd))
  const options = checkOptions(settings)
  const format = flags.jsonl ? undefined : (flags.format ?? DEFAULT_FORMAT)
  // stylish always shows a short form of the explanation; other formats only with --explain.
  if (flags.explain || format === 'stylish') options.explain = true
  if (flags.jsonl) {
    if (flags.syntax !== undefined) options.syntax = flags.syntax
    const warn = (message: string): void => void io.stderr.write(`tq: ${message}\n`)
    return jsonlExitCode(await checkJsonl(io.stdin, io.stdout, options, warn))
  }

  const { extensions, ignore, ignoreBase } = settings
  const sources = await expandInputs(flags.inputs, { cwd: io.cwd, extensions, ignore, ignoreBase })
  const inputs = await openInputs(sources, io.stdin)
  const source = flags.source !== undefined ? readLocaleSource(flags.source, io.cwd) : undefined
  const output = flags.output !== undefined ? resolve(io.cwd, flags.output) : undefined
  if (output !== undefined && (sources.some((item) => item.kind === 'file' && item.path === output) || output === source?.path)) {
    throw new TqError(`--output ${flags.output} is one of the inputs; tq never writes to the files it checks`)
  }
  const texts = new Map<string, string>() // the html report shows each text
  const files: FileResult[] = []
  const progress = new Progress(io.stderr, inputs.length)
  for (const [index, input] of inputs.entries()) {
    progress.update(index, input.name)
    const text = await input.read()
    if (format === 'html') texts.set(input.name, text)
    files.push({ path: input.name, ...checkText(text, optionsForInput(input, text, options, flags.syntax, source)) })
  }
  progress.done()

  const render = formatter(format ?? DEFAULT_FORMAT)
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
}

function checkOptions(settings: Settings): CheckOptions {
  const options: CheckOptions = { rules: settings.rules, minScore: settings.minScore, minScores: settings.minScores, quiet: settings.quiet }
  if (settings.lang !== undefined) options.lang = settings.lang
  if (settings.boilerplateThreshold !== undefined) options.boilerplateThreshold = settings.boilerplateThreshold
  return options
}

/** The one line printed for an error that ends the run; the stack only with TQ_DEBUG=1. */
export function describeError(error: unknown, env: NodeJS.ProcessEnv): string {
  const message = oneLine(error instanceof Error ? error.message : String(error))
  if (error instanceof TqError) return `tq: ${message}\n`
  const stack = env.TQ_DEBUG && env.TQ_DEBUG !== '0' && error instanceof Error && error.stack ? `${error.stack}\n` : ''
  return `tq: internal error: ${message}\n${stack}`
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Entry point of bin/tq.js: run with the real process, set the exit code, never throw. */
export async function run(): Promise<void> {
  // A reader that closes the pipe early is not an error (see output.ts).
  process.stdout.on('error', (error) => {
    if (!isBrokenPipe(error)) process.stderr.write(describeError(error, process.env))
  })
  const io: Io = {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  }
  try {
    process.exitCode = await main(io)
  } catch (error) {
    process.stderr.write(describeError(error, process.env))
    process.exitCode = 2
  }
}
