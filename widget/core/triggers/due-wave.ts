export function waveLabel(months: number): string {
  return `m${months}`;
}

/** Adds calendar months in UTC, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(at.getTime());
  d.setUTCFullYear(y, m, Math.min(at.getUTCDate(), lastDay));
  return d;
}

/**
 * The wave to ask now: the latest wave whose date has passed. Earlier waves a
 * learner missed are not asked late once a newer one is due, and an answered
 * wave is never asked again.
 */
export function dueWave(
  completedAt: Date,
  now: Date,
  waves: readonly number[],
  answered: readonly string[],
): string | null {
  const passed = [...waves]
    .sort((a, b) => a - b)
    .filter((months) => addMonths(completedAt, months).getTime() <= now.getTime());
  if (passed.length === 0) return null;
  const label = waveLabel(passed[passed.length - 1]);
  return answered.includes(label) ? null : label;
}
