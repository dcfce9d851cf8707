/** Year Y of the impact figures: submittedAt in [Y-01-01T00:00Z, (Y+1)-01-01T00:00Z), as a ResponseFilter takes it. */
export function yearRange(year: number): { from: string; to: string } {
  const iso = (y: number) => `${String(y).padStart(4, '0')}-01-01T00:00:00.000Z`;
  return { from: iso(year), to: iso(year + 1) };
}

/** Whether a roster date (YYYY-MM-DD) falls in the year. */
export const inYear = (day: string | undefined, year: number): boolean =>
  day?.startsWith(`${String(year).padStart(4, '0')}-`) === true;
