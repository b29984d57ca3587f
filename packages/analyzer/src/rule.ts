/**
 * What every rule declares and how it reports.
 *
 * A rule is a unified plugin with one job plus a `meta` object, as ESLint rules have: its id, its
 * category, its default severity, one line of docs, and examples that must and must not trigger it
 * (the tests run them, so they double as documentation).
 */
import type { Root } from 'nlcst'
import type { Plugin } from 'unified'
import type { VFile } from 'vfile'
import type { Node, Position } from 'unist'
import type { Category, Severity } from './types.js'
import type { Document } from './document.js'

export const DOCS_BASE = 'https://github.com/tq-lint/tq/blob/main/packages/analyzer/README.md'

export interface RuleMeta {
  /** `category/what-it-sees`; the rule's file is `src/rules/<id>.ts`. */
  id: string
  category: Category
  /** Severity when the rule does not choose one per finding and config does not override it. */
  severity: Severity
  /** One sentence: what the rule finds and why it matters. */
  description: string
  /** Texts that must trigger the rule (each at least once). */
  invalid: string[]
  /** Similar texts that must not trigger it. */
  valid: string[]
}

/** Anchor of a rule in the analyzer README: `translation/quote-misplaced` → `#translationquote-misplaced`. */
export function docsUrl(id: string): string {
  let url = docsUrls.get(id)
  if (url === undefined) {
    url = `${DOCS_BASE}#${id.replace(/[^a-z0-9-]/g, '')}`
    docsUrls.set(id, url)
  }
  return url
}

/** Each rule's url, made once: every finding carries one. */
const docsUrls = new Map<string, string>()

/** Numeric signals a detector writes on a line for the classifiers and the scores. */
export type LineSignals = Record<string, number>

/** Shared state of one analysis, kept on `file.data.tq`. */
export interface TqContext {
  readonly document: Document
  /** Language of the document (ISO 639-1 or 639-3, `und` when unknown). */
  language: string
  /** Whether the language came from the user (`--lang`) rather than detection. */
  languageGiven: boolean
  /** How technical the text is, 0 (prose) to 1 (documentation): its code density (register.ts). */
  readonly technical: number
  /** Blank lines separate the text's blocks by construction: a Markdown file's prose (markup/source.ts). */
  readonly blankLineBlocks: boolean
  /**
   * Signals by 0-based line index; a line's object exists once a detector wrote to it (see
   * `signalsOf`), so lines nobody measures cost nothing.
   */
  readonly signals: Array<LineSignals | undefined>
  /**
   * Whether the caller asked for the signals (`AnalyzeOptions.signals`: training and evaluation
   * scripts). Signals that only serve those scripts should be written only then, to save memory.
   */
  readonly collectSignals: boolean
  /**
   * With `collectSignals`: by 0-based line, the frame hashes (lm/skeleton.ts) of the sentences the
   * line model reads on that line, for scripts/train-translation.mjs to learn the frame table from.
   */
  readonly frames: Array<number[] | undefined> | undefined
  /** Probability that each line (0-based) is boilerplate; filled by the boilerplate detector. */
  readonly boilerplate: Float64Array
  /** Probability above which a line counts as boilerplate and gets a finding. */
  readonly threshold: number
  /** Sentences that retext-readability judged (at least five words). */
  sentences: number
  /** Work that needs the whole document, run after the last chunk, in order of registration. */
  readonly atEnd: Array<() => void>
  /** Per-rule state that must survive from one chunk of paragraphs to the next. */
  readonly state: Map<string, unknown>
  /**
   * Where the accepted terms (`AnalyzeOptions.accept`, accept.ts) stand in the document: offsets
   * [start, end) as pairs, in order; undefined when none is accepted.
   */
  readonly accepted: Int32Array | undefined
}

declare module 'vfile' {
  interface DataMap {
    tq: TqContext
  }
}

/** The analysis context of `file`; throws when a rule runs outside `analyze`. */
export function context(file: VFile): TqContext {
  const ctx = file.data.tq
  if (!ctx) throw new Error('tq rules run inside analyze(), which sets file.data.tq')
  return ctx
}

/** The signals of line `index` (0-based), created on first use. */
export function signalsOf(ctx: TqContext, index: number): LineSignals {
  let signals = ctx.signals[index]
  if (!signals) {
    signals = {}
    ctx.signals[index] = signals
  }
  return signals
}

/** Per-rule state, created on first use. */
export function stateOf<T>(file: VFile, id: string, create: () => T): T {
  const { state } = context(file)
  let value = state.get(id) as T | undefined
  if (value === undefined) {
    value = create()
    state.set(id, value)
  }
  return value
}

export interface ReportOptions {
  severity?: Severity
  expected?: string[]
}

/** Extra fields tq puts on vfile messages; other unified tools ignore them. */
export interface TqMessageFields {
  category?: Category
  tqSeverity?: Severity
}

/** Emit a vfile message for `meta` at `place` (a node or a position in document coordinates). */
export function report(
  file: VFile,
  meta: RuleMeta,
  place: Node | Position,
  reason: string,
  options: ReportOptions = {},
): void {
  const position = 'type' in place ? place.position : place
  // A vfile message is an `Error`, and creating one captures a stack trace: four fifths of its
  // cost, for a stack that would only point into this function. A finding's place is `position`.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message
  try {
    message = file.message(reason, { place: position, ruleId: meta.id, source: 'tq' })
  } finally {
    Error.stackTraceLimit = limit
  }
  const severity = options.severity ?? meta.severity
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  message.url = docsUrl(meta.id)
  if (options.expected) message.expected = options.expected
  const extra = message as typeof message & TqMessageFields
  extra.category = meta.category
  extra.tqSeverity = severity
}

/**
 * A detector: one unified plugin and the rules it reports. Most detectors report one rule; the
 * boilerplate classifier reports one rule per kind of junk it recognises.
 */
export interface Detector {
  rules: RuleMeta[]
  plugin: Plugin<[], Root>
}
