/**
 * Keys of the n-gram table: a 32-bit hash of a sequence of word ids, built from the last word
 * leftwards, so the hash of `w(i-n+1) … w(i)` extends the hash of `w(i-n+2) … w(i)` by one step.
 * Scoring a token walks from its unigram outwards and pays one step per order.
 *
 * Two different n-grams share a key with probability 2⁻³² per pair; with a few million n-grams a
 * handful of such collisions exist, and each makes one rare n-gram read the other's probability.
 * That is the price of 4 bytes a key, and it does not move a sentence score.
 */

/** The hash of the empty sequence. */
export const SEED = 0x2545f491

/** The hash of `w` followed by the sequence whose hash is `h`. Never 0 (0 marks an empty slot). */
export function extend(h: number, w: number): number {
  let x = Math.imul(h ^ Math.imul(w + 1, 0x9e3779b1), 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x === 0 ? 1 : x >>> 0
}

/** The hash of a whole sequence of word ids. */
export function hashOf(ids: ArrayLike<number>, from = 0, to = ids.length): number {
  let h = SEED
  for (let i = to - 1; i >= from; i--) h = extend(h, ids[i]!)
  return h
}
