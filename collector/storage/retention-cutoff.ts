/**
 * The instant `months` calendar months before `now`, as ISO 8601 UTC. A day the earlier month lacks
 * is clamped to its last day (31 March minus one month is 28 or 29 February), never carried into the
 * next month, which would delete answers that are not yet old enough.
 */
export function retentionCutoff(now: Date, months: number): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(now.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(year, month, day, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()),
  ).toISOString();
}
