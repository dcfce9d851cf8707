/** When a survey may be offered, besides an explicit show(). */
export type Trigger =
  | { kind: 'manual' }
  | { kind: 'event'; name: string }
  | { kind: 'delay'; seconds: number }
  | { kind: 'waves' };

const EVENT = /^event:([A-Za-z0-9_.-]{1,64})$/;
const DELAY = /^delay:(\d{1,5})$/;

/** Parses "manual", "event:NAME", "delay:SECONDS" or "waves"; null when it is none of these. */
export function parseTrigger(text: string): Trigger | null {
  if (text === 'manual') return { kind: 'manual' };
  if (text === 'waves') return { kind: 'waves' };
  const event = EVENT.exec(text);
  if (event) return { kind: 'event', name: event[1] };
  const delay = DELAY.exec(text);
  if (delay) return { kind: 'delay', seconds: Number(delay[1]) };
  return null;
}
