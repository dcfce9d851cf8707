import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.ts';
import { SITE_KEY, useEmbedStack, watchPage } from './embed-harness.ts';
import { FakeCollector } from './fixtures/fake-collector.ts';
import { answerScreen, answerSurvey } from './support/answer-survey.ts';

// Issue 16, the browser side: the built widget on a host page records one contact event per step and, when a
// learner leaves after answering, a partial response, all through the outbox to a collector that acknowledges
// responses and events by id (a fake that records every copy it got, in front of the real collector, which
// serves the survey and the eligibility answers).
const env = useEmbedStack();
let collector: FakeCollector;

beforeAll(async () => {
  collector = new FakeCollector(await freePort(), env.stack.collectorUrl);
  await collector.start();
});
afterAll(async () => {
  await collector?.stop();
});

type Item = Record<string, unknown>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the fake collector's record until `check` holds, at most 20 s; then fails naming what was missing. */
async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the collector got ${describeGot()}`);
    await sleep(100);
  }
}
const describeGot = () => JSON.stringify(collector.received.map((r) => [r.kind, r.item.kind ?? r.item.status]));

const eventsOf = (ref: string) => collector.items('event').filter((e) => e.learnerRef === ref);
const responsesOf = (ref: string) => collector.items('response').filter((r) => r.learnerRef === ref);
const kinds = (ref: string) => eventsOf(ref).map((e) => (e.kind === 'dismissed' ? `dismissed:${e.reason}` : e.kind));
/** How many copies of each id of this learner reached the collector: 1 each is "sent once". */
const copies = (ref: string) => {
  const counts: Record<string, number> = {};
  for (const r of collector.received) if (r.item.learnerRef === ref) counts[r.id] = (counts[r.id] ?? 0) + 1;
  return Object.values(counts);
};
/** The millisecond a UUIDv7 was made in (its first 48 bits). */
const madeAt = (uuid: string) => Number.parseInt(uuid.replaceAll('-', '').slice(0, 12), 16);

async function openSurvey(
  learnerRef: string,
): Promise<{ page: Page; context: BrowserContext; seen: ReturnType<typeof watchPage> }> {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = watchPage(page);
  await page.goto(
    env.stack.hostPage(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body><p>Course</p>` +
        `<script type="module" src="/outcome-survey.js" data-endpoint="${collector.url}" data-site-key="${SITE_KEY}"` +
        ` data-survey="career-outcomes" data-locale="en" data-trigger="delay:0" data-learner-ref="${learnerRef}"></script>` +
        `</body></html>`,
    ),
  );
  await page.getByRole('button', { name: 'Start' }).waitFor({ timeout: 15_000 });
  return { page, context, seen };
}

async function answerTwoQuestions(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start' }).click();
  for (const n of [1, 2]) {
    await page.getByText(`Question ${n} of`).waitFor();
    await answerScreen(page);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByText('Question 3 of').waitFor();
}

describe('contact events from the widget', () => {
  it('sends shown, started, progress ×2, dismissed and one partial with the two answers when the learner leaves', async () => {
    const { page, context, seen } = await openSurvey('leaver');
    await answerTwoQuestions(page);
    // The only way off a question screen is the close button (or Escape): "Not now" is on the intro alone.
    await page.getByRole('button', { name: 'Close' }).click();

    await until('the leaver’s dismissed event and partial response', () => {
      return kinds('leaver').includes('dismissed:closed') && responsesOf('leaver').length === 1;
    });
    expect(kinds('leaver')).toEqual(['shown', 'started', 'progress', 'progress', 'dismissed:closed']);
    expect(eventsOf('leaver').flatMap((e) => (e.kind === 'progress' ? [e.answered] : []))).toEqual([1, 2]);
    const [partial] = responsesOf('leaver');
    expect(partial.status).toBe('partial');
    expect(Object.keys(partial.answers as Item)).toHaveLength(2);
    // A contact event carries counts and a reason, never an answer.
    for (const e of eventsOf('leaver')) expect(e).not.toHaveProperty('answers');
    expect(copies('leaver').every((n) => n === 1)).toBe(true);
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });

  it('sends shown, started, progress…, completed and the complete response under the id its attempt began with', async () => {
    const { page, context, seen } = await openSurvey('finisher');
    const submitted = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          (
            window as unknown as { OutcomeSurvey: { on(e: string, h: (d: { responseId: string }) => void): void } }
          ).OutcomeSurvey.on('submitted', (d) => resolve(d.responseId)),
        ),
    );
    expect(await answerSurvey(page)).toContain('sent');
    await until('the finisher’s completed event and response', () => {
      return kinds('finisher').includes('completed') && responsesOf('finisher').length === 1;
    });
    const got = kinds('finisher');
    expect(got.slice(0, 2)).toEqual(['shown', 'started']);
    expect(got.at(-1)).toBe('completed');
    const progress = eventsOf('finisher').filter((e) => e.kind === 'progress');
    expect(got.slice(2, -1)).toEqual(progress.map(() => 'progress'));
    const answered = progress.map((e) => e.answered as number);
    expect(answered.length).toBeGreaterThanOrEqual(3);
    expect(answered).toEqual([...answered].sort((a, b) => a - b));

    const [response] = responsesOf('finisher');
    expect(response.status ?? 'complete').toBe('complete');
    expect(response.id).toBe(await submitted);
    // Made when the survey was shown, not when it was sent: the id a partial of this attempt would have had.
    const [shown] = eventsOf('finisher');
    expect(madeAt(response.id as string)).toBeLessThanOrEqual(Date.parse(shown.at as string));
    expect(madeAt(response.id as string)).toBeLessThan(Date.parse(response.submittedAt as string));
    expect(copies('finisher').every((n) => n === 1)).toBe(true);
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });

  it.each([
    ['Not now', 'decliner', 'dismissed:not_now'],
    ["Don't ask me again", 'refuser', 'dismissed:never'],
  ])(
    'sends shown, then dismissed with its reason, and no response, when the learner presses %s',
    async (button, ref, dismissed) => {
      const { page, context } = await openSurvey(ref);
      await page.getByRole('button', { name: button }).click();
      await until(`the ${ref}’s dismissed event`, () => kinds(ref).length === 2);
      expect(kinds(ref)).toEqual(['shown', dismissed]);
      expect(responsesOf(ref)).toEqual([]);
      expect(copies(ref)).toEqual([1, 1]);
      await context.close();
    },
  );

  it('keeps every step while offline and sends each once when the network is back', async () => {
    const { page, context } = await openSurvey('offline');
    // The shown event leaves at once; everything after it is recorded offline.
    await until('the offline learner’s shown event', () => kinds('offline').includes('shown'));
    await context.setOffline(true);
    const before = collector.received.length;
    expect(await answerSurvey(page)).toContain('saved');
    expect(collector.received.length).toBe(before);

    await context.setOffline(false);
    await until('the offline learner’s completed event and response', () => {
      return kinds('offline').includes('completed') && responsesOf('offline').length === 1;
    });
    const got = kinds('offline');
    expect(got.slice(0, 2)).toEqual(['shown', 'started']);
    expect(got.at(-1)).toBe('completed');
    expect(copies('offline').every((n) => n === 1)).toBe(true);
    await context.close();
  });
});
