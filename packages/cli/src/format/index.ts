/**
 * Output formats, by name. A format turns a report into text, in pieces, so large reports are
 * written as they are produced. To add one: write `format/<name>.ts` exporting a `Formatter`, add
 * its name to format/names.ts and its loader here.
 *
 *   stylish  for people (default)        json    the stable contract
 *   sarif    SARIF 2.1.0 for code scanning   github  workflow commands (annotations)
 *   html     one self-contained page with the text and its findings highlighted
 *
 * Only the chosen format is loaded: a run writes one.
 */
import type { Report } from '../check.js'
import type { FormatName } from './names.js'

export { DEFAULT_FORMAT, FORMAT_NAMES, isFormatName, type FormatName } from './names.js'

export interface FormatContext {
  /** Whether ANSI colour may be used. */
  color: boolean
  /** The bar files were judged against, for formats that show it. */
  minScore: number
  /** The text of a checked file, by its path as reported; formats that show the text (html) need it. */
  text?: (path: string) => string | undefined
}

export type Formatter = (report: Report, context: FormatContext) => Iterable<string>

const LOADERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  html: async () => (await import('./html.js')).html,
} satisfies Record<FormatName, () => Promise<Formatter>>

/** The formatter called `name`, loaded. */
export function loadFormatter(name: FormatName): Promise<Formatter> {
  return LOADERS[name]()
}
