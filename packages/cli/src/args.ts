/**
 * The command line: `tq <command> [flags] [inputs]`, parsed strictly with node:util `parseArgs`.
 * Every flag value is validated here, so the rest of the CLI only sees well-formed options.
 */
import { parseArgs } from 'node:util'
import { UsageError } from './errors.js'
import { FORMAT_NAMES, isFormatName, type FormatName } from './format/names.js'
// The light entry (the syntax names alone): `tq --help` and `tq --version` must not load the analyzer.
import { SYNTAXES, type Syntax } from '@tq/analyzer/syntax'
import { SUB_SCORE_NAMES, type SubScoreName } from '@tq/scoring'

/** What `tq check` was asked to do. Absent options fall back to the config file, then defaults. */
export interface CheckFlags {
  /** Files, directories, globs and `-` (stdin), as typed. */
  inputs: string[]
  format?: FormatName
  jsonl: boolean
  minScore?: number
  /** Bars per sub-score (`--min translation=80,boilerplate=90`). */
  minScores?: Partial<Record<SubScoreName, number>>
  /** Say what pulled each sub-score down (`--explain`). */
  explain: boolean
  lang?: string
  quiet: boolean
  config?: string
  extensions?: string[]
  /** How to read every input; by extension when absent. */
  syntax?: Syntax
  /** Source locale file the inputs (its translations) are compared with. */
  source?: string
  /** Write the report to this file instead of stdout. */
  output?: string
  /** Files (or JSONL records) checked at once: this thread and jobs − 1 worker threads. */
  jobs?: number
}

/** What `tq clean` was asked to do (see clean.ts). */
export interface CleanFlags {
  /** Files, directories, globs and `-` (stdin), as typed. */
  inputs: string[]
  jsonl: boolean
  /** Replace each input file with its cleaned text. */
  write: boolean
  /** Write the cleaned text of the one input to this file. */
  output?: string
  /** Probability above which a line is removed (0–1); config `boilerplateThreshold`, else 0.5. */
  threshold?: number
  lang?: string
  config?: string
  extensions?: string[]
}

export type Command = { name: 'help' } | { name: 'version' } | { name: 'check'; flags: CheckFlags } | { name: 'clean'; flags: CleanFlags }

export const USAGE = `Usage: tq check [options] <file|dir|glob|->...
       tq check --jsonl < records.jsonl
       tq clean [-o <file> | --write] [--threshold <p>] <file|dir|glob|->...
       tq clean --jsonl < records.jsonl
       tq help | tq --help | tq --version

Check text for machine-translation artifacts, page boilerplate and readability problems.

Inputs:
  <file>                a text file (any extension)
  <dir>                 every matching file below it (see --ext)
  <glob>                files matching a glob pattern, e.g. 'docs/**/*.md'
  -                     standard input, as one document

Options:
  -f, --format <name>   output format: ${FORMAT_NAMES.join(', ')} (default: stylish)
  -o, --output <file>   write the report to <file> instead of stdout
      --syntax <name>   read inputs as ${SYNTAXES.join(', ')} (default: by extension:
                        .md .markdown markdown, .mdx mdx, .html .htm html, .json json, else text)
      --source <file>   source locale file: compare each input (a translated locale JSON) with it
      --jsonl           read {"id","text"} records from stdin, one per line; write one result per line
      --min-score <n>   bar for the overall score, 0-100 (default: 70)
      --min <bars>      bars for sub-scores too, e.g. translation=80,boilerplate=90
                        (${SUB_SCORE_NAMES.join(', ')}); a file must reach every bar
      --explain         say what pulled each sub-score down, biggest cause first, with its lines
                        (json: an "explain" field per file)
      --lang <code>     language of the text (ISO 639-1 or 639-3); detected when absent
  -q, --quiet           report errors only (scores and pass/fail are unchanged)
  -c, --config <path>   config file (default: tq.config.json, .tqrc.json or package.json#tq,
                        searched from the working directory upwards)
      --ext <list>      extensions searched in directories (default: txt,md)
  -j, --jobs <n>        check n files (or --jsonl records) at once, on n threads; the output is
                        the same, in input order (default: the number of CPUs; 1: one thread)
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 every input passes, 1 some input fails the bar, 2 usage or input error.

tq clean prints the text with its boilerplate lines removed (order and blank lines kept):
  -o, --output <file>   write the cleaned text of the one input to <file>
      --write           replace each input file with its cleaned text
      --threshold <p>   remove lines whose boilerplate probability is above p, 0-1 (default: 0.5)
      --jsonl           read {"id","text"} records from stdin; write {"id","text","removed"} per line
  --lang, --config and --ext as for tq check. Exit codes: 0 done, 2 usage or input error.
`

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  syntax: { type: 'string' },
  source: { type: 'string' },
  jsonl: { type: 'boolean' },
  'min-score': { type: 'string' },
  min: { type: 'string' },
  explain: { type: 'boolean' },
  lang: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  config: { type: 'string', short: 'c' },
  ext: { type: 'string' },
  write: { type: 'boolean' },
  threshold: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

type Values = ReturnType<typeof parse>['values']

/** Parse `argv` (without `node` and the script). Throws `UsageError` on anything malformed. */
export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv)
  if (values.help) return { name: 'help' }
  if (values.version) return { name: 'version' }

  const [command, ...rest] = positionals
  if (command === undefined) throw new UsageError('no command given; try tq check <files>')
  if (command === 'help') return { name: 'help' }
  if (command === 'clean') return { name: 'clean', flags: cleanFlags(values, rest) }
  if (command !== 'check') throw new UsageError(`unknown command '${command}'`)
  if (values.write || values.threshold !== undefined) throw new UsageError(`--${values.write ? 'write' : 'threshold'} is a flag of tq clean`)
  return { name: 'check', flags: checkFlags(values, rest) }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(describeParseError(error))
  }
}

/** node's parseArgs messages, cut to their first sentence: "Unknown option '--foo'". */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const first = message.split(/\.\s/)[0] ?? message
  return first.charAt(0).toLowerCase() + first.slice(1)
}

function checkFlags(values: Values, inputs: string[]): CheckFlags {
  const flags: CheckFlags = { inputs, jsonl: values.jsonl ?? false, quiet: values.quiet ?? false, explain: values.explain ?? false }
  if (values.format !== undefined) flags.format = formatFlag(values.format)
  if (values['min-score'] !== undefined) flags.minScore = minScoreFlag(values['min-score'])
  if (values.min !== undefined) flags.minScores = minScoresFlag(values.min)
  if (values.lang !== undefined) flags.lang = langFlag(values.lang)
  if (values.config !== undefined) flags.config = nonEmpty('--config', values.config)
  if (values.ext !== undefined) flags.extensions = extFlag(values.ext)
  if (values.syntax !== undefined) flags.syntax = syntaxFlag(values.syntax)
  if (values.source !== undefined) flags.source = nonEmpty('--source', values.source)
  if (values.output !== undefined) flags.output = nonEmpty('--output', values.output)
  if (values.jobs !== undefined) flags.jobs = jobsFlag(values.jobs)

  if (flags.jsonl && inputs.length > 0) throw new UsageError('--jsonl reads standard input; it takes no file arguments')
  if (flags.jsonl && flags.format !== undefined) throw new UsageError('--jsonl writes JSON lines; it cannot be combined with --format')
  if (flags.jsonl && flags.output !== undefined) throw new UsageError('--jsonl writes to standard output; it cannot be combined with --output')
  if (flags.jsonl && flags.syntax === 'json') throw new UsageError('--jsonl records are text; --syntax json reads locale files, not records')
  if (flags.jsonl && flags.source !== undefined) throw new UsageError('--source compares files; it cannot be combined with --jsonl')
  if (flags.source !== undefined && flags.syntax !== undefined && flags.syntax !== 'json') throw new UsageError(`--source compares locale JSON files; it cannot be combined with --syntax ${flags.syntax}`)
  if (!flags.jsonl && inputs.length === 0) throw new UsageError('no inputs given; name files, directories, globs or - for stdin')
  return flags
}

function cleanFlags(values: Values, inputs: string[]): CleanFlags {
  for (const name of ['format', 'min-score', 'min', 'explain', 'quiet', 'syntax', 'source', 'jobs'] as const) {
    if (values[name] !== undefined) throw new UsageError(`--${name} is a flag of tq check, not of tq clean`)
  }
  const flags: CleanFlags = { inputs, jsonl: values.jsonl ?? false, write: values.write ?? false }
  if (values.output !== undefined) flags.output = nonEmpty('--output', values.output)
  if (values.threshold !== undefined) flags.threshold = thresholdFlag(values.threshold)
  if (values.lang !== undefined) flags.lang = langFlag(values.lang)
  if (values.config !== undefined) flags.config = nonEmpty('--config', values.config)
  if (values.ext !== undefined) flags.extensions = extFlag(values.ext)

  if (flags.jsonl && inputs.length > 0) throw new UsageError('--jsonl reads standard input; it takes no file arguments')
  if (flags.jsonl && (flags.write || flags.output !== undefined)) throw new UsageError('--jsonl writes to standard output; it cannot be combined with --write or --output')
  if (flags.write && flags.output !== undefined) throw new UsageError('--write replaces the inputs; it cannot be combined with --output')
  if (flags.write && inputs.includes('-')) throw new UsageError('--write replaces files; standard input (-) cannot be written in place')
  if (!flags.jsonl && inputs.length === 0) throw new UsageError('no inputs given; name files, directories, globs or - for stdin')
  return flags
}

/** A probability from 0 to 1 written in decimal. */
function thresholdFlag(value: string): number {
  const threshold = /^\s*(?:0|1|0?\.\d+|[01]\.\d*)\s*$/.test(value) ? Number(value) : NaN
  if (!(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold must be a number from 0 to 1, got '${value}'`)
  return threshold
}

/** More threads than any machine needs: a typo such as `--jobs 40000` is an error, not 40,000 threads. */
const MAX_JOBS = 1024

/** A whole number of jobs from 1 to MAX_JOBS (`--jobs 4`). */
function jobsFlag(value: string): number {
  const jobs = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, got '${value}'`)
  return jobs
}

function formatFlag(value: string): FormatName {
  if (!isFormatName(value)) throw new UsageError(`unknown format '${value}'; choose one of ${FORMAT_NAMES.join(', ')}`)
  return value
}

function syntaxFlag(value: string): Syntax {
  const syntax = SYNTAXES.find((name) => name === value)
  if (syntax === undefined) throw new UsageError(`unknown syntax '${value}'; choose one of ${SYNTAXES.join(', ')}`)
  return syntax
}

function minScoreFlag(value: string): number {
  const score = parseScore(value)
  if (score === undefined) throw new UsageError(`--min-score must be a number from 0 to 100, got '${value}'`)
  return score
}

/** `translation=80,boilerplate=90`: bars per sub-score, each named once. */
function minScoresFlag(value: string): Partial<Record<SubScoreName, number>> {
  const bars: Partial<Record<SubScoreName, number>> = {}
  const usage = `--min takes bars such as 'translation=80,boilerplate=90' (${SUB_SCORE_NAMES.join(', ')}; overall is --min-score), got '${value}'`
  for (const part of value.split(',')) {
    const match = /^\s*([a-z]+)\s*=(.*)$/.exec(part)
    const name = SUB_SCORE_NAMES.find((candidate) => candidate === match?.[1])
    const bar = match ? parseScore(match[2]!) : undefined
    if (name === undefined || bar === undefined) throw new UsageError(usage)
    if (bars[name] !== undefined) throw new UsageError(`--min names ${name} twice`)
    bars[name] = bar
  }
  return bars
}

/** A number from 0 to 100 written in decimal, or undefined. */
export function parseScore(value: string): number | undefined {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined
  const score = Number(value)
  return score >= 0 && score <= 100 ? score : undefined
}

function langFlag(value: string): string {
  if (!isLanguageCode(value)) throw new UsageError(`--lang must be an ISO 639-1 or 639-3 code such as 'en' or 'deu', got '${value}'`)
  return value.toLowerCase()
}

/** Two or three ASCII letters: the shape of an ISO 639-1 or 639-3 code. */
export function isLanguageCode(value: string): boolean {
  return /^[a-z]{2,3}$/i.test(value)
}

function extFlag(value: string): string[] {
  const extensions = value.split(',').map((part) => normalizeExtension(part.trim()))
  const bad = extensions.find((extension) => !isExtension(extension))
  if (bad !== undefined) throw new UsageError(`--ext takes a comma-separated list of extensions such as 'txt,md', got '${value}'`)
  return extensions
}

/** `.TXT` → `txt`. */
export function normalizeExtension(extension: string): string {
  return extension.replace(/^\./, '').toLowerCase()
}

/** Letters, digits, `_`, `-`, and inner dots (`tar.gz`-style); no path or glob characters. */
export function isExtension(extension: string): boolean {
  return /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/i.test(extension)
}

function nonEmpty(flag: string, value: string): string {
  if (value === '') throw new UsageError(`${flag} needs a value`)
  return value
}
