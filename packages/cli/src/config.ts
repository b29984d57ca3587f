/**
 * The config file: where it is, what it may say, and how it combines with the flags.
 *
 * Search order, from the working directory up to the filesystem root, first hit wins:
 * `tq.config.json`, `.tqrc.json`, then the `tq` key of `package.json` (a package.json without
 * that key is skipped). `--config <path>` names the file instead; if it is a package.json, its
 * `tq` key is read. The file is validated strictly: any unknown key, wrong type, unknown rule id
 * or out-of-range number is an error.
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { ruleById, type RuleSetting } from '@tq/analyzer/lazy'
import { DEFAULT_MIN_SCORE, SUB_SCORE_NAMES, type SubScoreName } from '@tq/scoring'
import { isExtension, isLanguageCode, normalizeExtension, type CheckFlags } from './args.js'
import { TqError } from './errors.js'
import { displayPath } from './inputs.js'

export interface TqConfig {
  rules?: Record<string, RuleSetting>
  minScore?: number
  /** Bars per sub-score: a file must reach each (as `--min translation=80`). */
  minScores?: Partial<Record<SubScoreName, number>>
  lang?: string
  boilerplateThreshold?: number
  /** Globs, relative to the config file's directory, of files that directories and globs skip. */
  ignore?: string[]
  extensions?: string[]
  /** Names and jargon written on purpose: no translation finding on them (the analyzer's accept.ts). */
  accept?: string[]
}

export interface LoadedConfig {
  /** Absolute path of the file the config came from; undefined when there is none. */
  path?: string
  /** Directory `ignore` patterns are relative to: the config file's, else the working directory. */
  dir: string
  config: TqConfig
}

/** Everything `tq check` needs to know, flags and config merged (flags win). */
export interface Settings {
  minScore: number
  /** Bars per sub-score: config, each overridden by the same name in `--min`. */
  minScores: Partial<Record<SubScoreName, number>>
  lang?: string
  rules: Record<string, RuleSetting>
  boilerplateThreshold?: number
  /** Accepted terms (config `accept`). */
  accept?: string[]
  quiet: boolean
  extensions: string[]
  ignore: string[]
  ignoreBase: string
}

export const CONFIG_FILES = ['tq.config.json', '.tqrc.json', 'package.json'] as const
export const DEFAULT_EXTENSIONS = ['txt', 'md']

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error']
const KEYS: readonly string[] = ['rules', 'minScore', 'minScores', 'lang', 'boilerplateThreshold', 'ignore', 'extensions', 'accept']

/** The config named by `--config`, else the nearest one above `cwd`, else an empty config. */
export function loadConfig(explicit: string | undefined, cwd: string): LoadedConfig {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit)
    if (!existsSync(path)) throw new TqError(`config file not found: ${explicit}`)
    const raw = readConfigFile(path, cwd)
    if (raw === undefined) throw new TqError(`${explicit} has no "tq" key to read the config from`)
    return { path, dir: dirname(path), config: validateConfig(raw, displayPath(path, cwd)) }
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = configIn(dir, cwd)
    if (found) return found
    if (dirname(dir) === dir) return { dir: resolve(cwd), config: {} }
  }
}

function configIn(dir: string, cwd: string): LoadedConfig | undefined {
  for (const name of CONFIG_FILES) {
    const path = join(dir, name)
    if (!existsSync(path)) continue
    const raw = readConfigFile(path, cwd)
    if (raw !== undefined) return { path, dir, config: validateConfig(raw, displayPath(path, cwd)) }
  }
  return undefined
}

/** The parsed config object; for a package.json, its `tq` key (undefined when absent). */
function readConfigFile(path: string, cwd: string): unknown {
  const shown = displayPath(path, cwd)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new TqError(`invalid config ${shown}: ${reason}`)
  }
  if (basename(path) !== 'package.json') return json
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new TqError(`invalid config ${shown}: not a JSON object`)
  return (json as Record<string, unknown>).tq
}

/** Check every key and value of `raw`; throws one TqError naming the first problem. */
export function validateConfig(raw: unknown, source: string): TqConfig {
  const fail = (problem: string): never => {
    throw new TqError(`invalid config ${source}: ${problem}`)
  }
  if (!isPlainObject(raw)) return fail('expected a JSON object')
  const config: TqConfig = {}
  for (const [key, value] of Object.entries(raw)) {
    if (!KEYS.includes(key)) fail(`unknown key "${key}" (allowed: ${KEYS.join(', ')})`)
    const problem = checkValue(key, value, config)
    if (problem) fail(problem)
  }
  return config
}

/** Validate one key's value and store it in `config`; returns a problem or undefined. */
function checkValue(key: string, value: unknown, config: TqConfig): string | undefined {
  switch (key) {
    case 'rules':
      return checkRules(value, config)
    case 'minScore':
      if (!isNumberIn(value, 0, 100)) return `"minScore" must be a number from 0 to 100, got ${show(value)}`
      config.minScore = value
      return undefined
    case 'minScores':
      return checkMinScores(value, config)
    case 'boilerplateThreshold':
      if (!isNumberIn(value, 0, 1)) return `"boilerplateThreshold" must be a number from 0 to 1, got ${show(value)}`
      config.boilerplateThreshold = value
      return undefined
    case 'lang':
      if (typeof value !== 'string' || !isLanguageCode(value)) return `"lang" must be an ISO 639-1 or 639-3 code such as "en", got ${show(value)}`
      config.lang = value.toLowerCase()
      return undefined
    case 'ignore':
      if (!isStringArray(value) || value.some((pattern) => pattern === '')) return `"ignore" must be an array of glob patterns, got ${show(value)}`
      config.ignore = value
      return undefined
    case 'accept': {
      if (!Array.isArray(value)) return `"accept" must be an array of words or phrases, got ${show(value)}`
      const bad = value.findIndex((term: unknown) => typeof term !== 'string' || term.trim() === '' || /[\r\n]/.test(term))
      if (bad >= 0) return `"accept"[${bad}] must be a word or phrase on one line, got ${show(value[bad])}`
      config.accept = value as string[]
      return undefined
    }
    default:
      return checkExtensions(value, config)
  }
}

function checkRules(value: unknown, config: TqConfig): string | undefined {
  if (!isPlainObject(value)) return `"rules" must be an object of rule ids to ${SEVERITIES.join('|')}, got ${show(value)}`
  const rules: Record<string, RuleSetting> = {}
  for (const [id, setting] of Object.entries(value)) {
    if (!ruleById.has(id)) return `unknown rule "${id}" in "rules"`
    if (typeof setting !== 'string' || !SEVERITIES.includes(setting)) {
      return `rule "${id}" must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}, got ${show(setting)}`
    }
    rules[id] = setting as RuleSetting
  }
  config.rules = rules
  return undefined
}

function checkMinScores(value: unknown, config: TqConfig): string | undefined {
  const problem = `"minScores" must be an object of ${SUB_SCORE_NAMES.join(', ')} to numbers from 0 to 100, got ${show(value)}`
  if (!isPlainObject(value)) return problem
  const bars: Partial<Record<SubScoreName, number>> = {}
  for (const [key, bar] of Object.entries(value)) {
    const name = SUB_SCORE_NAMES.find((candidate) => candidate === key)
    if (name === undefined) return `unknown score "${key}" in "minScores" (allowed: ${SUB_SCORE_NAMES.join(', ')}; the overall bar is "minScore")`
    if (!isNumberIn(bar, 0, 100)) return `"minScores.${name}" must be a number from 0 to 100, got ${show(bar)}`
    bars[name] = bar
  }
  config.minScores = bars
  return undefined
}

function checkExtensions(value: unknown, config: TqConfig): string | undefined {
  const problem = `"extensions" must be a non-empty array of extensions such as ["txt", "md"], got ${show(value)}`
  if (!isStringArray(value) || value.length === 0) return problem
  const extensions = value.map(normalizeExtension)
  if (!extensions.every(isExtension)) return problem
  config.extensions = extensions
  return undefined
}

/** Merge flags over config over defaults. */
export function resolveSettings(flags: CheckFlags, loaded: LoadedConfig): Settings {
  const { config } = loaded
  const settings: Settings = {
    minScore: flags.minScore ?? config.minScore ?? DEFAULT_MIN_SCORE,
    minScores: { ...config.minScores, ...flags.minScores },
    rules: config.rules ?? {},
    quiet: flags.quiet,
    extensions: flags.extensions ?? config.extensions ?? DEFAULT_EXTENSIONS,
    ignore: config.ignore ?? [],
    ignoreBase: loaded.dir,
  }
  const lang = flags.lang ?? config.lang
  if (lang !== undefined) settings.lang = lang
  if (config.boilerplateThreshold !== undefined) settings.boilerplateThreshold = config.boilerplateThreshold
  if (config.accept !== undefined && config.accept.length > 0) settings.accept = config.accept
  return settings
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function isNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/** A value as it would appear in JSON, cut short. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}
