/**
 * Word lists of the boilerplate classifier, loaded lazily, once per process, from the package's
 * `data/` folder.
 *
 * The path is relative to this module: `src/rules/boilerplate/` and `dist/rules/boilerplate/` are
 * both three levels below the package root, so `../../../data/` is right from either.
 */
import { readFileSync } from 'node:fs'
import { isSpace } from './chars.js'

type ByLanguage = Record<string, string[] | string>

function load(name: string): ByLanguage {
  const url = new URL(`../../../data/${name}`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as ByLanguage
}

let uiStrings: Set<string> | undefined
let uiWords: Set<string> | undefined
let stopWords: Map<string, Set<string>> | undefined

/** Lower-case, fold curly apostrophes and runs of white space: the form lists and lines are compared in. */
export function normalize(text: string): string {
  const lower = text.toLowerCase()
  return folded(lower) ? lower : lower.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim()
}

/**
 * Whether lower-cased `text` is already in normal form: no curly apostrophe or backtick, no white
 * space but single spaces between words (most short lines: "share on facebook"). The two
 * replacements and the trim then change nothing.
 */
function folded(text: string): boolean {
  const last = text.length - 1
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i)
    if (code > 32 && code < 128) {
      if (code === 96) return false
      continue
    }
    if (code === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return false
      continue
    }
    if (code === 0x2019 || code === 0x2018 || isSpace(code)) return false
  }
  return true
}

/** Every known whole-line UI string, all languages together (pages mix them: a German site's "Facebook"). */
export function knownUiStrings(): Set<string> {
  if (!uiStrings) {
    uiStrings = new Set()
    for (const [key, list] of Object.entries(load('boilerplate-ui-strings.json'))) {
      if (key === 'about' || !Array.isArray(list)) continue
      for (const entry of list) uiStrings.add(normalize(entry))
    }
  }
  return uiStrings
}

/** The single-word UI strings ("facebook", "share", "print"): the parts of a share bar. */
export function knownUiWords(): Set<string> {
  if (!uiWords) {
    uiWords = new Set([...knownUiStrings()].filter((entry) => !entry.includes(' ') && entry.length > 1))
  }
  return uiWords
}

/** Stop words of `language` (ISO 639-1), or undefined when tq has no list for it. */
export function stopWordsOf(language: string): Set<string> | undefined {
  if (!stopWords) {
    stopWords = new Map()
    for (const [key, list] of Object.entries(load('boilerplate-stopwords.json'))) {
      if (key === 'about' || !Array.isArray(list)) continue
      stopWords.set(key, new Set(list.map(normalize)))
    }
  }
  return stopWords.get(language === 'und' ? 'en' : language)
}
