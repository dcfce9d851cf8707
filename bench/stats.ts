export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile, so p99 of 200 samples is an observed value, not an interpolation. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('percentile: no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function ratio(ours: number, reference: number): number {
  return Math.round((ours / reference) * 1000) / 1000;
}

export const fmt = {
  bytes: (n: number) => `${Math.round(n).toLocaleString('en-US')} B`,
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  ms: (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`,
  perSecond: (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`,
  mib: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`,
  grams: (g: number) => `${g.toFixed(g < 1 ? 3 : 2)} g`,
};

/** Runs `fn` `times` times and returns every result, so callers can take medians. */
export async function repeat<T>(times: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await fn(i));
  return out;
}
