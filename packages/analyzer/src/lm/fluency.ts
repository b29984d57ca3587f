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
import { FrameScore, frameHashes, frameScore, keptOf, skeletonOf } from './skeleton.js'

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
  /** Sum of the skeleton table's log-odds over the sentence's frame n-grams (skeleton.ts), and their count. */
  frame: number
  frameGrams: number
  /** Whether the frame table was there to read (`frame` and `frameGrams` are 0 without it). */
  framed: boolean
  /**
   * The frame's most machine-like stretch (skeleton.ts `FrameScore.window`): its log-odds, and its
   * character span in the sentence text, trimmed to words; −Infinity and an empty span without one.
   */
  frameWindow: number
  frameStart: number
  frameEnd: number
  /** Character span (in the sentence text) of the improbable window, trimmed to words. */
  spanStart: number
  spanEnd: number
  /** Token range [first, last) of that span. */
  firstToken: number
  lastToken: number
}

const scratch = new SentenceScores()
const frame = new FrameScore()
const tokens = new Tokens()
/** pmi of each token of the sentence being scored. */
let pmi = new Float64Array(64)

/**
 * A text that takes every path of the tokenizer and the scorer, and is longer than the buffers'
 * first size (64 tokens): see `warmUp`.
 */
const WARM_UP = [
  'Zelenskyy’s 1,000.5 “drones” didn’t arrive — in 2019-20… O\'Brien can\'t go, G7 said: the café’s naïve İstanbul 😀 x`y (a) [b] ... Ⅻ ٣٤ e\u0301.',
  'The new drug was designed to work more than blocking the so a lot of other drugs to do, and the president said on Monday',
  'that the talks would resume next week in Geneva, where the ministers of the two countries are expected to meet again',
  'after months of fighting along the border between them, officials said. Analysts in Moscow say that it is too early to tell.',
].join(' ')

/** Sentences scored before `warmUp` runs: the compiler starts on the scorer after some 400. */
const WARM_UP_AFTER = 100
let scored = 0

/**
 * Score `WARM_UP`, throwing the result away, so that every branch of the tokenizer and the scorer
 * has run before the optimizing compiler compiles them. A branch it has never seen run is compiled
 * as an exit back to the interpreter; the first sentence to take it (the first `didn’t`, `café`,
 * `…`, the first sentence of more than 64 tokens) threw the compiled code away, and the next
 * several hundred sentences ran slower until it was compiled again: three or four times on the
 * first 5,000 sentences of a 5 MB text, and the first 8,000 took about 20% longer for it. It runs
 * at the 100th sentence rather than the first, so that a short text, done before any of this
 * matters, does not pay its 2–5 ms.
 */
function warmUp(model: NgramModel): void {
  const fluency = sentenceFluency(model, WARM_UP)
  betterOrder(model, WARM_UP, fluency, 0)
}

/**
 * Score `text` (one sentence; `open` when it has no end to score: cut off, or a line that ends
 * without a mark). Words inside `accepted` (offsets [start, end) in `text` as pairs, in order: where
 * a project's accepted names and jargon stand, accept.ts) get no blame, as names get none. The
 * hashes of the sentence's frame (skeleton.ts) are appended to `frames` when given (for training).
 * Reuses module-level buffers: not re-entrant.
 */
export function sentenceFluency(model: NgramModel, text: string, open = false, accepted?: Int32Array, frames?: number[]): SentenceFluency {
  if (++scored === WARM_UP_AFTER) warmUp(model)
  tokens.clear()
  tokenize(text, tokens, 0, text.length, model.vocab)
  scoreSentence(model, tokens, scratch)
  const skeleton = skeletonOf(model)
  frame.clear()
  if (skeleton || frames) {
    const { hashes, count: grams } = frameHashes(keptOf(model), tokens, text)
    if (frames) for (let i = 0; i < grams; i++) frames.push(hashes[i]!)
    if (skeleton) frameScore(skeleton, hashes, grams, tokens, text, frame, open, accepted)
  }
  // An open sentence (`open`: cut off where the text ends, `…said the talks would`, or a heading or
  // list item, which ends without a mark by convention) has no end to
  // score: `</s>` after its last word would read as a sentence that stops in the wrong place.
  const count = open ? Math.min(scratch.length, tokens.length) : scratch.length
  const length = tokens.length
  const { flags } = tokens
  const { logp, unigram, ids } = scratch
  const unk = model.unk
  // The first word token (after an opening quote or bracket) starts the sentence: its capital is not a name's.
  let first = 0
  while (first < length && flags[first]! & PUNCTUATION) first++
  if (pmi.length < count) pmi = new Float64Array(Math.max(count, pmi.length * 2))
  const values = pmi
  let words = 0
  let unknownLower = 0
  let logpSum = 0
  let pmiSum = 0
  let bad = 0
  // The next accepted stretch that can hold a token (index of its start in `accepted`).
  let next = 0
  for (let k = 0; k < count; k++) {
    let value = logp[k]! - unigram[k]!
    const isToken = k < length
    const tokenFlags = isToken ? flags[k]! : 0
    const unknown = ids[k] === unk
    const name = isToken && k > first && (tokenFlags & CAPITAL) !== 0
    // An accepted word is blamed no more than a name; an unknown one still counts as unknown, as before.
    let neutral = name
    if (isToken && accepted !== undefined) {
      while (next < accepted.length && accepted[next + 1]! <= tokens.start[k]!) next += 2
      if (next < accepted.length && accepted[next]! <= tokens.start[k]! && tokens.end[k]! <= accepted[next + 1]!) neutral = true
    }
    if (isToken && !(tokenFlags & (PUNCTUATION | NUMBER))) words++
    if (unknown && !name && k > first && !(tokenFlags & (PUNCTUATION | NUMBER))) unknownLower++
    if ((neutral || unknown || k === first) && value < 0) value = 0
    values[k] = value
    logpSum += logp[k]!
    pmiSum += value
    if (value < BAD_PMI) bad++
  }
  // Lowest window sum; a shorter sentence is one window.
  const width = Math.min(WINDOW, count)
  let sum = 0
  for (let k = 0; k < width; k++) sum += values[k]!
  let best = sum
  let bestStart = 0
  for (let k = width; k < count; k++) {
    sum += values[k]! - values[k - width]!
    if (sum < best) {
      best = sum
      bestStart = k - width + 1
    }
  }
  // The span: a low token is odd given the words before it, so the span starts one token before
  // the window's first negative token and ends at its last negative one; `</s>` stands for the
  // sentence's last word (`…on the side is.`), punctuation at either end is dropped.
  let lo = bestStart
  let hi = Math.min(bestStart + width, count) - 1
  while (lo < hi && values[lo]! >= 0) lo++
  while (hi > lo && values[hi]! >= 0) hi--
  lo = Math.max(0, lo - 1)
  hi = Math.min(hi, length - 1)
  while (lo < hi && flags[lo]! & PUNCTUATION) lo++
  while (hi > lo && flags[hi]! & PUNCTUATION) hi--
  let frameLo = frame.first
  let frameHi = frame.last - 1
  while (frameLo < frameHi && flags[frameLo]! & PUNCTUATION) frameLo++
  while (frameHi > frameLo && flags[frameHi]! & PUNCTUATION) frameHi--
  const framedSpan = frame.window > -Infinity && frameHi >= frameLo
  return {
    tokens: count,
    words,
    logp: logpSum,
    pmi: pmiSum,
    minWindow: best,
    bad,
    unknownLower,
    frame: frame.sum,
    frameGrams: frame.count,
    framed: skeleton !== null,
    frameWindow: framedSpan ? frame.window : -Infinity,
    frameStart: framedSpan ? tokens.start[frameLo]! : 0,
    frameEnd: framedSpan ? tokens.end[frameHi]! : 0,
    spanStart: length > 0 ? tokens.start[lo]! : 0,
    spanEnd: length > 0 ? tokens.end[hi]! : 0,
    firstToken: lo,
    lastToken: hi + 1,
  }
}

/**
 * Whether swapping two neighbouring words inside the span makes the sentence clearly more probable:
 * returns the span text with the best swap, or undefined. `text` is the sentence, `fluency` its score.
 */
export function betterOrder(model: NgramModel, text: string, fluency: SentenceFluency, margin: number): string | undefined {
  tokens.clear()
  tokenize(text, tokens, 0, text.length, model.vocab)
  const { length, flags } = tokens
  if (order.length < length) order = new Int32Array(Math.max(length, order.length * 2))
  order.set(tokens.ids.subarray(0, length))
  const base = totalLogp(model, order, length)
  let best = base + margin
  let bestSwap = -1
  for (let k = fluency.firstToken; k + 1 < fluency.lastToken; k++) {
    if (flags[k]! & PUNCTUATION || flags[k + 1]! & PUNCTUATION) continue
    const first = order[k]!
    order[k] = order[k + 1]!
    order[k + 1] = first
    const score = totalLogp(model, order, length)
    order[k + 1] = order[k]!
    order[k] = first
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

/** The word ids of the sentence `betterOrder` reorders. */
let order = new Int32Array(64)
const other = new Tokens()
const otherScores = new SentenceScores()

/** Sum of log10 p over the sentence of word ids `ids[0 … length)` (−1: a word the model does not know). */
function totalLogp(model: NgramModel, ids: Int32Array, length: number): number {
  other.clear()
  for (let k = 0; k < length; k++) other.pushId(ids[k]!, 0, 0, 0)
  other.vocabulary = model.vocab
  scoreSentence(model, other, otherScores)
  let total = 0
  for (let k = 0; k < otherScores.length; k++) total += otherScores.logp[k]!
  return total
}
