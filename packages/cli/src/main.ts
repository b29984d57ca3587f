/**
 * The `tq` command, start to finish:
 *
 *   argv ─► parseCommandLine ─► help | version | check (check-command.ts) | clean (clean.ts)
 *   exit code: 0 all pass, 1 some fail, 2 usage or input error (one `tq: …` line on stderr)
 *
 * This module loads only the command line parser: each command's module (and with it the
 * analyzer, most of tq's start-up time) is imported when that command runs, so `tq --version`
 * and `tq --help` answer at once.
 */
import type { Readable, Writable } from 'node:stream'
import { parseCommandLine, USAGE } from './args.js'
import { TqError } from './errors.js'
import { isBrokenPipe, write } from './output.js'
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
      return (await import('./check-command.js')).checkCommand(command.flags, io)
    case 'clean':
      return (await import('./clean.js')).clean(command.flags, io)
  }
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
