import { payloadOf, type QueuedItem } from './queued-item.ts';

// "$" is the payload: `response`, or `event` for a contact event. Checked in this order, so a parent is known to be an object before its fields are read.
const FIELDS: [path: string, type: 'object' | 'string' | 'number'][] = [
  ['$', 'object'],
  ['$.id', 'string'],
  ['$.surveyId', 'string'],
  ['to', 'object'],
  ['to.endpoint', 'string'],
  ['to.siteKey', 'string'],
  ['queuedAt', 'number'],
  ['attempts', 'number'],
  ['nextAttemptAt', 'number'],
];

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/**
 * Whether a queue record has the shape flush relies on, or what is wrong with it (another
 * version's shape, a tampered record). By hand, as the ack is read (protocol/ack-guard.ts): the worker carries no zod.
 * The answers themselves are not judged here; the collector is their judge.
 */
export function readQueuedItem(key: IDBValidKey, value: unknown): { item: QueuedItem } | { reason: string } {
  const payload = kind(value) === 'object' && 'event' in (value as object) ? 'event' : 'response';
  for (const [template, type] of [['(record)', 'object'] as const, ...FIELDS]) {
    const path = template.replace('$', payload);
    let field = value;
    if (path !== '(record)') for (const part of path.split('.')) field = (field as Record<string, unknown>)[part];
    const ok =
      type === 'object'
        ? kind(field) === 'object'
        : type === 'number'
          ? Number.isFinite(field)
          : typeof field === 'string' && field !== '';
    if (!ok)
      return {
        reason: `${path} is ${kind(field)}, expected ${type === 'object' ? 'an object' : type === 'number' ? 'a finite number' : 'a non-empty string'}`,
      };
  }
  const item = value as QueuedItem;
  const id = payloadOf(item).id;
  // Acknowledged ids are deleted by key: a record filed under another key would be sent for ever.
  if (id !== key) return { reason: `${payload}.id ${JSON.stringify(id)} differs from its key` };
  return { item };
}
