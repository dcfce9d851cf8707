import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEvents } from '../../../widget/core/events.ts';

afterEach(() => vi.restoreAllMocks());

describe('events', () => {
  it('calls on() handlers and dispatches a prefixed CustomEvent on the element', () => {
    const events = createEvents();
    const target = document.createElement('div');
    const seen: unknown[] = [];
    events.on('shown', (d) => seen.push(['handler', d]));
    target.addEventListener('outcome-survey:shown', (e) => seen.push(['dom', (e as CustomEvent).detail]));
    events.emit('shown', { surveyId: 's' }, target);
    expect(seen).toEqual([
      ['handler', { surveyId: 's' }],
      ['dom', { surveyId: 's' }],
    ]);
  });

  it('stops calling a handler once unsubscribed', () => {
    const events = createEvents();
    const handler = vi.fn();
    const off = events.on('synced', handler);
    off();
    events.emit('synced', { sent: 1 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('keeps going, logging the error, when a host handler throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const events = createEvents();
    const after = vi.fn();
    events.on('submitted', () => {
      throw new Error('host bug');
    });
    events.on('submitted', after);
    expect(() => events.emit('submitted', {})).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    expect(error.mock.calls[0][0]).toContain('"submitted"');
  });
});
