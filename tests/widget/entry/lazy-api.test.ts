import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLazyApi } from '../../../widget/entry/lazy-api.ts';

// The page is never idle in these tests: requestIdleCallback keeps its callbacks, to run them when a test says.
function holdIdle() {
  const held: (() => void)[] = [];
  vi.stubGlobal('requestIdleCallback', (cb: () => void) => held.push(cb));
  return {
    held,
    runIdle: () => {
      for (const cb of held.splice(0)) cb();
    },
  };
}

const settled = (p: Promise<unknown>) => {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
};

afterEach(() => vi.unstubAllGlobals());

describe('createLazyApi', () => {
  it('loads the survey code only once the page is idle', async () => {
    const { held, runIdle } = holdIdle();
    const api = createLazyApi();
    const pending = api.pending();
    const done = settled(pending);
    // The survey code's import is chained after the idle callback: while it is held, nothing loads.
    await vi.waitFor(() => expect(held).toHaveLength(1));
    expect(done()).toBe(false);
    runIdle();
    expect(await pending).toBe(0);
  });

  it('does not wait for idle when the host asks to show a survey', async () => {
    holdIdle();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const api = createLazyApi();
    // Nothing is configured, so show() answers false, but only once the survey code has loaded and said so.
    expect(await api.show()).toBe(false);
  });

  it('lets a show() cut short an idle wait another call started', async () => {
    holdIdle();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const api = createLazyApi();
    const pending = api.pending();
    expect(await api.show()).toBe(false);
    expect(await pending).toBe(0);
  });
});
