/**
 * Per-input reading options: the syntax (by `--syntax`, else by extension), and with `--source`
 * the source locale file each translated file is compared with, and the languages of the two.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { JsonSyntaxError, localeOfPath, parseJson, syntaxOfPath, type Syntax } from '@tq/analyzer/lazy'
import type { CheckOptions } from './check.js'
import { TqError } from './errors.js'
import { decodeText, displayPath, STDIN_NAME } from './inputs.js'

/** The source locale file of `--source`, read and parsed once. */
export interface LocaleSource {
  name: string
  path: string
  text: string
  /** Its language, from its file name (`en.json`, `en-US.json`, `en/common.json`). */
  language: string | undefined
}

/** Read and validate the `--source` file: UTF-8 text holding JSON. */
export function readLocaleSource(input: string, cwd: string): LocaleSource {
  const path = resolve(cwd, input)
  const name = displayPath(path, cwd)
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : ''
    throw new TqError(code === 'ENOENT' ? `no such file: ${input} (--source)` : `cannot read ${input} (--source): ${code}`)
  }
  const text = decodeText(bytes, name)
  parseOrThrow(text, name)
  return { name, path, text, language: localeOfPath(path) }
}

/**
 * The check options for one input: its syntax, and with a source, the pair to compare. The input
 * named like the source is checked on its own. A locale file's language comes from its file name
 * unless `--lang` (or the config) names one.
 */
export function optionsForInput(
  input: { name: string; path?: string },
  text: string,
  base: CheckOptions,
  syntax: Syntax | undefined,
  source: LocaleSource | undefined,
): CheckOptions {
  const chosen = syntax ?? (input.name === STDIN_NAME ? 'text' : syntaxOfPath(input.name))
  const options: CheckOptions = { ...base, syntax: chosen }
  if (chosen !== 'json') {
    if (source) throw new TqError(`--source compares locale JSON files, but ${input.name} is read as ${chosen} (use --syntax json)`)
    return options
  }
  parseOrThrow(text, input.name)
  const language = input.name === STDIN_NAME ? undefined : localeOfPath(input.name)
  if (options.lang === undefined && language !== undefined) options.lang = language
  if (source && input.path !== source.path) {
    options.source = source.text
    if (source.language !== undefined) options.sourceLang = source.language
  }
  return options
}

function parseOrThrow(text: string, name: string): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    parseJson(body)
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new TqError(`${name} is not valid JSON: ${error.message}`)
    throw error
  }
}
