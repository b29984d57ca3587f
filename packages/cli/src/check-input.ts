/**
 * One input of `tq check`, checked the one way both runners use: in this thread (`--jobs 1`, or a
 * single input) and in a worker of the pool (worker.ts). Sharing it is what makes `--jobs N`
 * print exactly what `--jobs 1` prints.
 *
 * Everything here crosses a thread boundary by structured clone: the setup once per worker, a
 * task per input, a result back. So they are plain data: no functions, no class instances.
 */
import { loadSyntax } from '@tq/analyzer/lazy'
import { checkText, type CheckOptions, type CheckResult, type FileResult } from './check.js'
import { readTextFile } from './inputs.js'
import { optionsForInput, type LocaleSource } from './locale-source.js'

/** What every input of a run shares: config and flags, resolved. */
export interface CheckSetup {
  options: CheckOptions
  /** `--syntax`, when given (else by extension). */
  syntax?: CheckOptions['syntax']
  /** `--source`, read and validated once. */
  source?: LocaleSource
}

/**
 * An input to check: a file by its path (the worker reads it), or a text already read (standard
 * input; or a file whose text the caller holds anyway). `name` is the path as reported.
 */
export interface CheckTask {
  name: string
  path?: string
  text?: string
}

/** A JSONL record's text, checked with the setup's options as they are (`tq check --jsonl`). */
export interface RecordTask {
  record: string
}

/** Check one input; throws TqError for an input error (unreadable file, JSON that does not parse, …). */
export async function checkInput(task: CheckTask, setup: CheckSetup): Promise<FileResult> {
  const text = task.text ?? readTextFile(task.path!, task.name)
  const input = task.path === undefined ? { name: task.name } : { name: task.name, path: task.path }
  const options = optionsForInput(input, text, setup.options, setup.syntax, setup.source)
  await loadSyntax(options.syntax ?? 'text')
  return { path: task.name, ...checkText(text, options) }
}

/** Check one JSONL record's text. */
export async function checkRecord(task: RecordTask, setup: CheckSetup): Promise<CheckResult> {
  await loadSyntax(setup.options.syntax ?? 'text')
  return checkText(task.record, setup.options)
}
