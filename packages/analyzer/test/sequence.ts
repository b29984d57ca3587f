/**
 * A fixed pseudo-random sequence of numbers in [0, 1) from `seed` (a linear congruential
 * generator), so that a test over random mixes is the same on every run.
 */
export function sequence(seed: number): () => number {
  let state = seed
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
}
