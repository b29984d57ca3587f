/**
 * Locale pairs: a translated locale file (`de.json`) checked against its source (`en.json`).
 *
 *   source, target ─► parse both (json.ts) ─► string units by key ─► each pair rule compares them
 *                  ─► findings at positions in the target file
 *
 * The pair rules live in `src/rules/translation/locale-*.ts` (registry: `src/rules/pairs.ts`);
 * a value in the wrong language is reported as `language/unexpected`, the rule that reports a
 * passage in the wrong language in ordinary text.
 */
import { CANDIDATES, guess, languageName, toIso1 } from '../language.js'
import { docsUrl } from '../rule.js'
import { meta as unexpectedLanguage } from '../rules/language/unexpected.js'
import { pairRules } from '../rules/pairs.js'
import type { Finding, RuleSetting } from '../types.js'
import { localeFile, proseOf, valueSpan, type LocaleFile, type LocalePair, type PairReport, type PairRule } from './locale.js'
import { pointOf } from './virtual-text.js'

export interface LocalePairOptions {
  /** Language of the target file; detected from its values when absent. */
  targetLanguage?: string
  /** Language of the source file; detected when absent. */
  sourceLanguage?: string
  rules?: Record<string, RuleSetting>
}

/**
 * Findings of `rules` (and wrong-language values) on the target file, positions in the target.
 * Rules set to `off` in `options.rules` are skipped; severities follow the settings.
 */
export function checkLocalePair(sourceText: string, targetText: string, options: LocalePairOptions = {}): Finding[] {
  const source = localeFile(sourceText)
  const target = localeFile(targetText)
  const pair: LocalePair = {
    source,
    target,
    sourceLanguage: normalizeLanguage(options.sourceLanguage) ?? detect(source),
    targetLanguage: normalizeLanguage(options.targetLanguage) ?? detect(target),
  }
  const settings = options.rules ?? {}
  const findings: Finding[] = []
  const report: PairReport = (meta, span, message, extra = {}) => {
    const setting = settings[meta.id]
    if (setting === 'off') return
    const start = pointOf(target.starts, span.start)
    const end = pointOf(target.starts, span.end)
    const finding: Finding = {
      ruleId: meta.id,
      category: meta.category,
      severity: setting ?? extra.severity ?? meta.severity,
      message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      excerpt: excerpt(targetText.slice(span.start, span.end)),
      url: docsUrl(meta.id),
    }
    if (extra.expected && extra.expected.length > 0) finding.expected = extra.expected
    findings.push(finding)
  }
  for (const rule of [...pairRules, wrongLanguage]) if (settings[rule.meta.id] !== 'off') rule.check(pair, report)
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))
  return findings
}

/**
 * The commonest function words of the languages translated apps ship in most. On a value of a few
 * words, trigram statistics (franc) are noise (`Ihre kostenlose Testphase endet in 13 Tagen.`
 * reads as Dutch to it); function words are not.
 */
const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries({
    en: 'the a an and or of to in on for with is are was were be been has have had your you this that it not please can will from by at we our',
    de: 'der die das und oder ist sind nicht mit von zu den dem des ein eine einen einem sie ihr ihre ihren wir auf für bitte wurde wurden werden kann können im zum zur auch es ich du dein deine ihnen uns',
    fr: 'le la les un une des et ou de du est sont votre vos vous pour avec dans sur pas ne été ce cette nous merci veuillez au aux',
    es: 'el la los las un una y o de del es son su sus tu usted para con en por no se ha que este esta al',
    it: 'il lo la gli le un una e o di del della è sono tuo tua suo per con in su non si ha che questo questa al',
    pt: 'o a os as um uma e ou de do da é são seu sua você para com em por não se foi que este esta ao',
    nl: 'de het een en of van is zijn uw je jouw voor met in op niet te wordt werd dat dit u',
  }).map(([code, words]) => [code, new Set(words.split(' '))]),
)
/** Fewest words of a value whose language is judged. */
const MIN_WORDS = 4
/** Function words of another language a value needs (with none of the target's) to be flagged. */
const MIN_FOREIGN_HITS = 2

/**
 * Values in another language than the target file's: `language/unexpected`. A value of at least
 * four words is flagged when it has no function word of the target language and at least two of
 * another (`Votre mot de passe a été modifié` in `de.json`). Values left identical to the source
 * are `translation/locale-untranslated` instead. Targets in a language without a word list here
 * are not judged.
 */
export const wrongLanguage: PairRule = {
  meta: unexpectedLanguage,
  check(pair, report) {
    const expected = FUNCTION_WORDS[pair.targetLanguage]
    if (!expected) return
    for (const unit of pair.target.units) {
      const source = pair.source.byKey.get(unit.key)
      if (source && source.string.value.trim() === unit.string.value.trim()) continue
      const words = (proseOf(unit.string.value).match(/\p{L}+/gu) ?? []).map((word) => word.toLowerCase())
      if (words.length < MIN_WORDS || words.some((word) => expected.has(word))) continue
      const found = foreignLanguage(words, pair.targetLanguage)
      if (!found) continue
      report(unexpectedLanguage, valueSpan(unit.string), `Value looks like ${languageName(found)}, not ${languageName(pair.targetLanguage)}`)
    }
  },
}

/** The language other than `target` whose function words `words` hold most of (at least two), if any. */
function foreignLanguage(words: readonly string[], target: string): string | undefined {
  let best: string | undefined
  let bestHits = MIN_FOREIGN_HITS - 1
  for (const [code, list] of Object.entries(FUNCTION_WORDS)) {
    if (code === target) continue
    const hits = new Set(words.filter((word) => list.has(word))).size
    if (hits > bestHits) {
      best = code
      bestHits = hits
    }
  }
  return best
}

function normalizeLanguage(code: string | undefined): string | undefined {
  return code ? toIso1(code.toLowerCase()) : undefined
}

/** The language most of a locale file's prose is in. */
function detect(file: LocaleFile): string {
  const sample = file.units.map((unit) => proseOf(unit.string.value)).join('\n').slice(0, 20_000)
  if (sample.replace(/[^\p{L}]/gu, '').length < 20) return 'und'
  const [best] = guess(sample, CANDIDATES)
  return best ? toIso1(best[0]) : 'und'
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat
}

/** `{lang}.json`, `{lang}-{REGION}.json`, `{lang}/translation.json`: the locale a path names, if any. */
export function localeOfPath(path: string): string | undefined {
  const parts = path.split(/[\\/]/).filter((part) => part !== '')
  const file = parts.pop() ?? ''
  const candidates = [file.replace(/\.[^.]*$/, ''), parts.pop() ?? '']
  for (const candidate of candidates) {
    const match = /^([a-z]{2,3})(?:[-_][A-Za-z]{2,4}(?:[-_][A-Za-z]{2})?)?$/.exec(candidate)
    if (match) return match[1]
  }
  return undefined
}
