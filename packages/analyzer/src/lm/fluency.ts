/**
 * Fluency of one sentence under the n-gram model, normalised so that rare words do not read as
 * errors (SLOR, Pauls & Klein 2012; Lau, Clark & Lappin 2017):
 *
 *   pmi(token) = log10 p(token | context) − log10 p(token)
 *
 * A token that the context makes less likely than it is on its own (pmi < 0) is out of place; a rare
 * word in a fitting context is not (its low probability cancels against its low unigram). The
 * sentence's SLOR is the mean pmi; the improbable span is the window of `WINDOW` tokens with the
 * lowest pmi sum.
 *
 * Names and unknown words get no blame: a capitalised word inside the sentence (a name: `Liu`,
 * `Timofeev`) and a word the model never saw keep their pmi only when it is positive. Their own
 * probability says nothing about the wording around them. Nor does the first word's: p(w | <s>) is
 * low for any content word that opens a sentence (`Analysts in Moscow say…`), and its capital
 * hides whether it is a name.
 */
import { scoreSentence, SentenceScores, type NgramModel } from './model.js'
import { CAPITAL, NUMBER, PUNCTUATION, Tokens, tokenize } from './tokenize.js'

/** Tokens in the window whose pmi sum marks the improbable span. */
export const WINDOW = 4
/** A token whose pmi is below this (10× less likely in context than alone) counts as `bad`. */
export const BAD_PMI = -1

export interface SentenceFluency {
  /** Tokens scored, `</s>` included. */
  tokens: number
  /** Word tokens (not punctuation, not numbers). */
  words: number
  /** Sum of log10 p over the tokens (`</s>` included). */
  logp: number
  /** Sum of pmi over the tokens, names and unknown words neutralised. */
  pmi: number
  /** Lowest pmi sum of a window of `WINDOW` tokens (the whole sentence when shorter). */
  minWindow: number
  /** Tokens with pmi below `BAD_PMI`. */
  bad: number
  /** Lowercase words inside the sentence that the model does not know (`edukada`, `anfitriones`). */
  unknownLower: number
  /** Character span (in the sentence text) of the improbable window, trimmed to words. */
  spanStart: number
  spanEnd: number
  /** Token range [first, last) of that span. */
  firstToken: number
  lastToken: number
}

const scratch = new SentenceScores()
const tokens = new Tokens()
/** pmi of each token of the sentence being scored. */
let pmi = new Float64Array(64)

/** Score `text` (one sentence). Reuses module-level buffers: not re-entrant. */
export function sentenceFluency(model: NgramModel, text: string): SentenceFluency {
  tokens.clear()
  tokenize(text, tokens, 0, text.length, model.vocab)
  scoreSentence(model, tokens, scratch)
  const count = scratch.length
  const result: SentenceFluency = {
    tokens: count,
    words: 0,
    logp: 0,
    pmi: 0,
    minWindow: 0,
    bad: 0,
    unknownLower: 0,
    spanStart: 0,
    spanEnd: 0,
    firstToken: 0,
    lastToken: 0,
  }
  // The first word token (after an opening quote or bracket) starts the sentence: its capital is not a name's.
  let first = 0
  while (first < tokens.length && tokens.flags[first]! & PUNCTUATION) first++
  if (pmi.length < count) pmi = new Float64Array(Math.max(count, pmi.length * 2))
  for (let k = 0; k < count; k++) {
    let value = scratch.logp[k]! - scratch.unigram[k]!
    const isToken = k < tokens.length
    const flags = isToken ? tokens.flags[k]! : 0
    const unknown = scratch.ids[k] === model.unk
    const name = isToken && k > first && (flags & CAPITAL) !== 0
    if (isToken && !(flags & (PUNCTUATION | NUMBER))) result.words++
    if (unknown && !name && k > first && !(flags & (PUNCTUATION | NUMBER))) result.unknownLower++
    if ((name || unknown || k === first) && value < 0) value = 0
    pmi[k] = value
    result.logp += scratch.logp[k]!
    result.pmi += value
    if (value < BAD_PMI) result.bad++
  }
  // Lowest window sum; a shorter sentence is one window.
  const width = Math.min(WINDOW, count)
  let sum = 0
  for (let k = 0; k < width; k++) sum += pmi[k]!
  let best = sum
  let bestStart = 0
  for (let k = width; k < count; k++) {
    sum += pmi[k]! - pmi[k - width]!
    if (sum < best) {
      best = sum
      bestStart = k - width + 1
    }
  }
  result.minWindow = best
  // The span: a low token is odd given the words before it, so the span starts one token before
  // the window's first negative token and ends at its last negative one; `</s>` stands for the
  // sentence's last word (`…on the side is.`), punctuation at either end is dropped.
  let lo = bestStart
  let hi = Math.min(bestStart + width, count) - 1
  while (lo < hi && pmi[lo]! >= 0) lo++
  while (hi > lo && pmi[hi]! >= 0) hi--
  lo = Math.max(0, lo - 1)
  hi = Math.min(hi, tokens.length - 1)
  while (lo < hi && tokens.flags[lo]! & PUNCTUATION) lo++
  while (hi > lo && tokens.flags[hi]! & PUNCTUATION) hi--
  result.firstToken = lo
  result.lastToken = hi + 1
  result.spanStart = tokens.length > 0 ? tokens.start[lo]! : 0
  result.spanEnd = tokens.length > 0 ? tokens.end[hi]! : 0
  return result
}

/**
 * Whether swapping two neighbouring words inside the span makes the sentence clearly more probable:
 * returns the span text with the best swap, or undefined. `text` is the sentence, `fluency` its score.
 */
export function betterOrder(model: NgramModel, text: string, fluency: SentenceFluency, margin: number): string | undefined {
  tokens.clear()
  tokenize(text, tokens)
  const words = tokens.words.slice(0, tokens.length)
  const base = totalLogp(model, words)
  let best = base + margin
  let bestSwap = -1
  for (let k = fluency.firstToken; k + 1 < fluency.lastToken; k++) {
    if (tokens.flags[k]! & PUNCTUATION || tokens.flags[k + 1]! & PUNCTUATION) continue
    const swapped = words.slice()
    swapped[k] = words[k + 1]!
    swapped[k + 1] = words[k]!
    const score = totalLogp(model, swapped)
    if (score > best) {
      best = score
      bestSwap = k
    }
  }
  if (bestSwap < 0) return undefined
  // Rebuild the span's text with the two words exchanged, keeping the original spelling and spacing.
  const a = [tokens.start[bestSwap]!, tokens.end[bestSwap]!] as const
  const b = [tokens.start[bestSwap + 1]!, tokens.end[bestSwap + 1]!] as const
  const swappedText = text.slice(fluency.spanStart, a[0]) + text.slice(b[0], b[1]) + text.slice(a[1], b[0]) + text.slice(a[0], a[1]) + text.slice(b[1], fluency.spanEnd)
  return swappedText
}

const other = new Tokens()
const otherScores = new SentenceScores()
function totalLogp(model: NgramModel, words: string[]): number {
  other.clear()
  for (const word of words) other.push(word, 0, 0, 0)
  scoreSentence(model, other, otherScores)
  let total = 0
  for (let k = 0; k < otherScores.length; k++) total += otherScores.logp[k]!
  return total
}
