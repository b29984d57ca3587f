/**
 * A locale file and a pair of them, and what the pair rules share: units by key, value spans,
 * a value's prose. The rules are in `src/rules/translation/locale-*.ts`; `locale-pair.ts` runs them.
 */
import type { RuleMeta } from '../rule.js'
import type { Severity } from '../types.js'
import { localeUnits, parseJson, type JsonNode, type JsonString, type LocaleUnit } from './json.js'
import { maskPlaceholders } from './placeholders.js'
import { lineStarts, pointOf } from './virtual-text.js'

/** One side of a pair: the file's text and its string units. */
export interface LocaleFile {
  text: string
  root: JsonNode
  units: LocaleUnit[]
  byKey: Map<string, LocaleUnit>
  /** Line starts, for positions. */
  starts: number[]
}

export interface LocalePair {
  source: LocaleFile
  target: LocaleFile
  /** Languages (ISO 639-1 or 639-3) of the two files; `und` when unknown. */
  sourceLanguage: string
  targetLanguage: string
}

/** Where a pair finding sits in the target file: original offsets. */
export interface TargetSpan {
  start: number
  end: number
}

export type PairReport = (meta: RuleMeta, span: TargetSpan, message: string, options?: { severity?: Severity; expected?: string[] }) => void

/** A rule that compares a locale file with its source. */
export interface PairRule {
  meta: RuleMeta
  check(pair: LocalePair, report: PairReport): void
}

export function localeFile(text: string): LocaleFile {
  const root = parseJson(text)
  const units = localeUnits(root)
  return { text, root, units, byKey: new Map(units.map((unit) => [unit.key, unit])), starts: lineStarts(text) }
}

/** The units present in both files, by key, in target order. */
export function sharedUnits(pair: LocalePair): Array<{ key: string; source: LocaleUnit; target: LocaleUnit }> {
  const shared: Array<{ key: string; source: LocaleUnit; target: LocaleUnit }> = []
  for (const target of pair.target.units) {
    const source = pair.source.byKey.get(target.key)
    if (source) shared.push({ key: target.key, source, target })
  }
  return shared
}

/** The span of a string literal's contents (inside the quotes). */
export function valueSpan(string: JsonString): TargetSpan {
  return { start: string.start + 1, end: Math.max(string.start + 1, string.end - 1) }
}

/** A value's prose: placeholders and tags left out, white space collapsed. */
export function proseOf(value: string): string {
  return maskPlaceholders(value)
    .pieces.filter((piece) => piece.kind === 'text')
    .map((piece) => value.slice(piece.from, piece.to))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Line (1-based) of an offset in a locale file. */
export function lineOf(file: LocaleFile, offset: number): number {
  return pointOf(file.starts, offset).line
}
