const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks a day argument of countRejections or rejectionsByDay, naming it when wrong. */
export function checkDay(value: string | undefined, what: string): void {
  if (value !== undefined && !DAY.test(value))
    throw new Error(`rejection counts: ${what} must be a day as YYYY-MM-DD, got ${JSON.stringify(value.slice(0, 40))}`);
}

/** The (reason, count) pairs worth writing, sorted by reason so concurrent upserts lock rows in one order. */
export function rejectionEntries(counts: Record<string, number>): [string, number][] {
  const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [reason, n] of entries)
    if (!Number.isSafeInteger(n) || n < 0)
      throw new Error(`rejection counts: count for "${reason.slice(0, 40)}" must be a whole number ≥ 0, got ${n}`);
  return entries.filter(([, n]) => n > 0);
}
