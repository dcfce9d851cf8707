import { describe, expect, it } from 'vitest';
import { parseTrigger } from '../../../../widget/core/triggers/parse-trigger.ts';

describe('parseTrigger', () => {
  it.each([
    ['manual', { kind: 'manual' }],
    ['waves', { kind: 'waves' }],
    ['event:course_completed', { kind: 'event', name: 'course_completed' }],
    ['delay:30', { kind: 'delay', seconds: 30 }],
    ['delay:0', { kind: 'delay', seconds: 0 }],
  ])('reads %s', (text, expected) => {
    expect(parseTrigger(text)).toEqual(expected);
  });

  it.each(['', 'event:', 'event:has space', 'delay:', 'delay:-1', 'delay:1.5', 'delay:999999', 'Manual', 'later'])(
    'rejects %j',
    (text) => {
      expect(parseTrigger(text)).toBeNull();
    },
  );
});
