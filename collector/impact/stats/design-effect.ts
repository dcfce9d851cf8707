/**
 * Kish's design effect from the weights' spread, 1 + CV² with the population variance, which is n·Σw²/(Σw)²,
 * and the effective sample size (Σw)²/Σw² = n / deff. Both null without weights.
 */
export function designEffect(weights: readonly number[]): { designEffect: number; effectiveN: number } | null {
  const sum = weights.reduce((a, w) => a + w, 0);
  const squares = weights.reduce((a, w) => a + w * w, 0);
  if (weights.length === 0 || !(squares > 0)) return null;
  return { designEffect: (weights.length * squares) / (sum * sum), effectiveN: (sum * sum) / squares };
}
