/**
 * The `tq` command, start to finish:
 *
 *   argv ─► parseCommandLine ─► help | version | check
 *   check: config (file, then flags) ─► settings
 *          --jsonl: stdin records ─► checkText each ─► stdout, one result per line
 *          else:    expand inputs ─► validate every input (nothing printed yet)
 *                   ─► checkText each ─► report ─► format ─► stdout
 *   exit code: 0 all pass, 1 some fail, 2 usage or input error (one `tq: …` line on stderr)
 */
import type { Readable, Writable } from 'node:stream'
import { parseCommandLine, USAGE, type CheckFlags } from './args.js'
import { buildReport, checkText, exitCodeOf, type CheckOptions, type FileResult } from './check.js'
import { useColor } from './color.js'
import { loadConfig, resolveSettings, type Settings } from './config.js'
import { TqError } from './errors.js'
import { DEFAULT_FORMAT, formatter } from './format/index.js'
import { expandInputs, openInputs } from './inputs.js'
import { checkJsonl, jsonlExitCode } from './jsonl.js'
import { isBrokenPipe, write, writeAll } from './output.js'
import { toolVersion } from './version.js'

export interface Io {
  argv: readonly string[]
  cwd: string
  env: NodeJS.ProcessEnv
  stdin: Readable
  stdout: Writable & { isTTY?: boolean }
  stderr: Writable
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
  }
}

async function check(flags: CheckFlags, io: Io): Promise<number> {
  const settings = resolveSettings(flags, loadConfig(flags.config, io.cwd))
  const options = checkOptions(settings)
  if (flags.jsonl) {
    const warn = (message: string): void => void io.stderr.write(`tq: ${message}\n`)
    return jsonlExitCode(await checkJsonl(io.stdin, io.stdout, options, warn))
  }

  const { extensions, ignore, ignoreBase } = settings
  const sources = await expandInputs(flags.inputs, { cwd: io.cwd, extensions, ignore, ignoreBase })
  const inputs = await openInputs(sources, io.stdin)
  const files: FileResult[] = []
  for (const input of inputs) files.push({ path: input.name, ...checkText(await input.read(), options) })

  const render = formatter(flags.format ?? DEFAULT_FORMAT)
  await writeAll(io.stdout, render(buildReport(files), { color: useColor(io.stdout, io.env), minScore: settings.minScore }))
  return exitCodeOf(files)
}

function checkOptions(settings: Settings): CheckOptions {
  const options: CheckOptions = { rules: settings.rules, minScore: settings.minScore, quiet: settings.quiet }
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
