// The collector's side of the widget's waves (widget/triggers/due-wave.ts): the same labels ("m" + months after
// completion) and the same calendar-month arithmetic, so a member is due a wave on the day the widget asks it.
// Copied, not imported: the collector never imports widget code (tests/architecture/boundaries.test.ts).

/** The waves a schedule may hold, in months after completion. */
export const AVAILABLE_WAVES = ['m0', 'm6', 'm12', 'm15', 'm24'] as const;
export type ScheduledWave = (typeof AVAILABLE_WAVES)[number];

/** A prompt outside the wave schedule (the widget's trigger other than "waves"): due to every member at once. */
export const ONCE = 'once';
export type Wave = ScheduledWave | typeof ONCE;

/** The widget's DEFAULT_WAVES, [0, 6, 12]. */
export const DEFAULT_SCHEDULE: readonly ScheduledWave[] = ['m0', 'm6', 'm12'];

export class WaveScheduleError extends Error {
  override name = 'WaveScheduleError';
  readonly code = 'invalid_schedule';
}

const isScheduledWave = (label: string): label is ScheduledWave =>
  (AVAILABLE_WAVES as readonly string[]).includes(label);

export function waveMonths(label: ScheduledWave): number {
  return Number(label.slice(1));
}

/**
 * A schedule from configuration or the command line ("m0,m6,m12" or a list): known labels, each once, in month
 * order. `where` says where it came from, for the error.
 */
export function parseWaveSchedule(raw: string | readonly string[], where: string): ScheduledWave[] {
  const labels = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()) : [...raw];
  const fix = `use labels from ${AVAILABLE_WAVES.join(', ')}, separated by commas, such as "m0,m6,m12"`;
  if (labels.length === 0 || (labels.length === 1 && labels[0] === ''))
    throw new WaveScheduleError(`${where}: the wave schedule is empty: ${fix}`);
  const seen = new Set<string>();
  for (const label of labels) {
    if (label === ONCE)
      throw new WaveScheduleError(`${where}: "once" is the prompt outside the schedule, not a wave of it: ${fix}`);
    if (!isScheduledWave(label)) throw new WaveScheduleError(`${where}: unknown wave "${label}": ${fix}`);
    if (seen.has(label)) throw new WaveScheduleError(`${where}: wave "${label}" appears twice: list each wave once`);
    seen.add(label);
  }
  return (labels as ScheduledWave[]).sort((a, b) => waveMonths(a) - waveMonths(b));
}

/** Adds calendar months in UTC, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29), as the widget does. */
export function addMonths(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(at.getTime());
  d.setUTCFullYear(y, m, Math.min(at.getUTCDate(), lastDay));
  return d;
}

/** The day a wave falls due: completion plus its months; `once` has no date of its own. */
export function waveDueAt(completedAt: Date, label: ScheduledWave): Date {
  return addMonths(completedAt, waveMonths(label));
}

/** The waves of the schedule a member who completed at `completedAt` is due at `now` (a wave is due on its day). */
export function wavesDue(completedAt: Date, now: Date, schedule: readonly ScheduledWave[]): ScheduledWave[] {
  return schedule.filter((label) => waveDueAt(completedAt, label).getTime() <= now.getTime());
}

/**
 * Whether a member is due `wave` at `now`: true, false, or null when it cannot be known (a scheduled wave and no
 * completed_at in the roster), which the disposition counts as unclassifiable, not as ineligible.
 */
export function isWaveDue(
  wave: string,
  completedAt: Date | undefined,
  now: Date,
  schedule: readonly ScheduledWave[],
): boolean | null {
  const rule = waveDueRule(wave, schedule);
  if (typeof rule === 'boolean') return rule;
  if (completedAt === undefined) return null;
  return addMonths(completedAt, rule).getTime() <= now.getTime();
}

/**
 * How `wave` falls due under `schedule`, whoever the member: true for every member (`once`), false for none (a wave
 * outside the schedule), or the months after completed_at. isWaveDue applies it to one member; storage that counts
 * in the database (postgres-rate-counts.ts) writes the same rule into SQL.
 */
export function waveDueRule(wave: string, schedule: readonly ScheduledWave[]): boolean | number {
  if (wave === ONCE) return true;
  if (!isScheduledWave(wave) || !schedule.includes(wave)) return false;
  return waveMonths(wave);
}
