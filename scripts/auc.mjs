// ROC AUC for the evaluation and training scripts: the probability that a score of `pos` is above
// one of `neg`, ties counted half (the Mann-Whitney U statistic over the product of the sizes).

/** ROC AUC that `pos` scores above `neg` (ties count half). */
export function auc(pos, neg) {
  const all = [...pos.map((v) => [v, 1]), ...neg.map((v) => [v, 0])].sort((a, b) => a[0] - b[0])
  let below = 0
  let sum = 0
  for (let i = 0; i < all.length; ) {
    let j = i
    let positives = 0
    while (j < all.length && all[j][0] === all[i][0]) positives += all[j++][1]
    const negatives = j - i - positives
    sum += positives * (below + negatives / 2)
    below += negatives
    i = j
  }
  return sum / (pos.length * neg.length)
}
