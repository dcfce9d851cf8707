/** The 97.5th percentile of the standard normal distribution, to the precision R's qnorm(0.975) prints. */
export const Z95 = 1.959964;

/**
 * Wilson score interval for x successes in n trials (outcome-standards.md):
 * centre (p̂ + z²/2n)/(1 + z²/n), half-width z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n).
 * `n` may be fractional (an effective sample size). Null when n is 0.
 */
export function wilson(x: number, n: number, z = Z95): [number, number] | null {
  if (!(n > 0) || x < 0 || x > n) return null;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
