/**
 * Output formats, by name. A format turns a report into text, in pieces, so large reports are
 * written as they are produced. To add one (sarif, github, html…): write `format/<name>.ts`
 * exporting a `Formatter` and register it here.
 */
import type { Report } from '../check.js'
import { json } from './json.js'
import { stylish } from './stylish.js'

export interface FormatContext {
  /** Whether ANSI colour may be used. */
  color: boolean
  /** The bar files were judged against, for formats that show it. */
  minScore: number
}

export type Formatter = (report: Report, context: FormatContext) => Iterable<string>

const FORMATS = { stylish, json } satisfies Record<string, Formatter>

export type FormatName = keyof typeof FORMATS
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[]
export const DEFAULT_FORMAT: FormatName = 'stylish'

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name)
}

export function formatter(name: FormatName): Formatter {
  return FORMATS[name]
}
