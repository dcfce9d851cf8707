/** One categorical attribute's population counts by value; null is "not given" (a member without the column). */
export type Margin = { attribute: string; counts: ReadonlyMap<string | null, number> };

/** A unit's value of each attribute, by attribute name. */
export type RakeUnit = Readonly<Record<string, string | null>>;

export type RakeOptions = {
  /** Stop when the largest relative gap of any weighted margin to its target is below this (survey::rake's epsilon). */
  epsilon?: number;
  /** Sweeps over all margins, in all, across the capping rounds. */
  maxIterations?: number;
  /** Weights are capped at this multiple of the mean weight, then raked again; Infinity for none. */
  cap?: number;
};

export type RakeResult = { weights: number[]; iterations: number; converged: boolean; capHeld: boolean };

export class RakeError extends Error {
  override name = 'RakeError';
  constructor(
    message: string,
    readonly code: 'empty_cell' | 'unknown_category',
  ) {
    super(message);
  }
}

const shown = (v: string | null) => (v === null ? 'not given' : JSON.stringify(v));

/**
 * Raking (iterative proportional fitting) of unit weights, all starting at 1, to population margins: each sweep
 * scales the weights of every value of each attribute in turn so that its weighted count meets the population's.
 * A cell must have respondents and a respondent's value must be in the population, else no weight can meet the
 * margin: the caller drops or collapses such cells first (weighted.ts), and this throws naming them.
 */
export function rake(units: readonly RakeUnit[], margins: readonly Margin[], options: RakeOptions = {}): RakeResult {
  const { epsilon = 1e-6, maxIterations = 100, cap = 5 } = options;
  for (const m of margins) {
    const seen = new Set(units.map((u) => u[m.attribute] ?? null));
    for (const [value, count] of m.counts)
      if (count > 0 && !seen.has(value))
        throw new RakeError(
          `rake: margin ${m.attribute} = ${shown(value)} has ${count} in the population and no respondent, so no weight can meet it: drop or collapse the value before raking`,
          'empty_cell',
        );
    for (const value of seen)
      if (!m.counts.has(value))
        throw new RakeError(
          `rake: respondents have ${m.attribute} = ${shown(value)}, which the population margin does not list: add the value to the margin or drop those respondents`,
          'unknown_category',
        );
  }
  const weights = units.map(() => 1);
  const groups = margins.map((m) => {
    const byValue = new Map<string | null, number[]>();
    units.forEach((u, i) => {
      const v = u[m.attribute] ?? null;
      const list = byValue.get(v) ?? [];
      list.push(i);
      byValue.set(v, list);
    });
    return { margin: m, byValue };
  });
  const gap = () => {
    let worst = 0;
    for (const { margin, byValue } of groups)
      for (const [value, idx] of byValue) {
        const target = margin.counts.get(value) as number;
        const got = idx.reduce((a, i) => a + weights[i], 0);
        worst = Math.max(worst, Math.abs(got - target) / target);
      }
    return worst;
  };
  let iterations = 0;
  let converged = false;
  let capHeld = true;
  while (iterations < maxIterations) {
    converged = false;
    while (iterations < maxIterations) {
      iterations++;
      for (const { margin, byValue } of groups)
        for (const [value, idx] of byValue) {
          const got = idx.reduce((a, i) => a + weights[i], 0);
          const factor = (margin.counts.get(value) as number) / got;
          for (const i of idx) weights[i] *= factor;
        }
      if (gap() < epsilon) {
        converged = true;
        break;
      }
    }
    const limit = (cap * weights.reduce((a, b) => a + b, 0)) / Math.max(1, weights.length);
    // A hair above the limit is the last sweep's rounding, not a weight to trim.
    capHeld = weights.every((w) => w <= limit * (1 + epsilon));
    if (capHeld || !converged) break;
    for (let i = 0; i < weights.length; i++) weights[i] = Math.min(weights[i], limit);
  }
  return { weights, iterations, converged: converged && capHeld, capHeld };
}
