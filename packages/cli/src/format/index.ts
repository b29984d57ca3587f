/**
 * Output formats, by name. A format turns a report into text, in pieces, so large reports are
 * written as they are produced. To add one: write `format/<name>.ts` exporting a `Formatter` and
 * register it here.
 *
 *   stylish  for people (default)        json    the stable contract
 *   sarif    SARIF 2.1.0 for code scanning   github  workflow commands (annotations)
 *   html     one self-contained page with the text and its findings highlighted
 */
import type { Report } from '../check.js'
import { github } from './github.js'
import { html } from './html.js'
import { json } from './json.js'
import { sarif } from './sarif.js'
import { stylish } from './stylish.js'

export interface FormatContext {
  /** Whether ANSI colour may be used. */
  color: boolean
  /** The bar files were judged against, for formats that show it. */
  minScore: number
  /** The text of a checked file, by its path as reported; formats that show the text (html) need it. */
  text?: (path: string) => string | undefined
}

export type Formatter = (report: Report, context: FormatContext) => Iterable<string>

const FORMATS = { stylish, json, sarif, github, html } satisfies Record<string, Formatter>

export type FormatName = keyof typeof FORMATS
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[]
export const DEFAULT_FORMAT: FormatName = 'stylish'

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name)
}

export function formatter(name: FormatName): Formatter {
  return FORMATS[name]
}
