// Splitting an exact integer total into parts proportional to weights
// (largest-remainder method), so that counts always add up.

/**
 * Returns counts that sum to `total`, each at least `minimum` when the total
 * allows it, otherwise proportional to `weights`. Ties go to the lower index.
 */
export function allocate(total: number, weights: ArrayLike<number>, minimum = 0): Int32Array {
  const n = weights.length;
  const counts = new Int32Array(n);
  if (n === 0) {
    if (total !== 0) throw new Error('cannot allocate a non-zero total to no parts');
    return counts;
  }
  const floor = total >= minimum * n ? minimum : 0;
  const rest = total - floor * n;
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += weights[i] as number;
  if (!(weightSum > 0)) throw new Error('weights must sum to a positive number');

  const remainders = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const share = (rest * (weights[i] as number)) / weightSum;
    const whole = Math.floor(share);
    counts[i] = floor + whole;
    remainders[i] = share - whole;
    given += whole;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  for (let k = 0; k < rest - given; k++) {
    const i = order[k % n] as number;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}
