import { describe, expect, it } from 'vitest';
import { dayRange, deliveryReport } from '../../../collector/report/delivery-report.ts';
import type { RejectionCount, StoredResponse } from '../../../collector/storage/storage.ts';
import { makeRecord } from '../storage/make-record.ts';

async function* from(rows: StoredResponse[]) {
  yield* rows;
}
const receivedOn = (...days: string[]) => days.map((d) => makeRecord({ receivedAt: `${d}T12:00:00.000Z` }));
const rejection = (day: string, reason: string, count: number, siteKey = 'site-a'): RejectionCount => ({
  day,
  siteKey,
  reason,
  count,
});

describe('deliveryReport', () => {
  it('counts received and rejected items per day, exact, with quiet days as zeros', async () => {
    const report = await deliveryReport(from(receivedOn('2026-03-01', '2026-03-01', '2026-03-04')), [
      rejection('2026-03-01', 'invalid_shape', 2),
      rejection('2026-03-01', 'invalid_shape', 1, 'site-b'),
      rejection('2026-03-05', 'conflict', 1),
      rejection('2026-03-05', 'unknown_survey', 4),
    ]);
    expect(report.days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(report.received).toEqual([2, 0, 0, 1, 0]);
    expect(report.rejected).toEqual([3, 0, 0, 0, 5]);
    expect(report.rejectedByReason).toEqual({
      invalid_shape: [3, 0, 0, 0, 0],
      unknown_survey: [0, 0, 0, 0, 4],
      conflict: [0, 0, 0, 0, 1],
    });
    expect(Object.keys(report.rejectedByReason)).toEqual(['invalid_shape', 'unknown_survey', 'conflict']);
  });

  it('counts per day the responses stored without their unverified learnerRef', async () => {
    const at = (day: string, learnerRefStatus?: StoredResponse['learnerRefStatus']) =>
      makeRecord({ receivedAt: `${day}T12:00:00.000Z`, ...(learnerRefStatus ? { learnerRefStatus } : {}) });
    const report = await deliveryReport(
      from([
        at('2026-03-01', 'unverified'),
        at('2026-03-01', 'verified'),
        at('2026-03-01', 'unverified'),
        at('2026-03-02', 'unchecked'),
        at('2026-03-03', 'unverified'),
        at('2026-03-03'),
      ]),
      [],
    );
    expect(report.received).toEqual([3, 1, 2]);
    expect(report.unverifiedLearnerRefs).toEqual([2, 0, 1]);
  });

  it('puts a reason code it does not know last instead of dropping it', async () => {
    const report = await deliveryReport(from([]), [
      rejection('2026-03-01', 'from_the_future', 1),
      rejection('2026-03-01', 'unsafe_key', 1),
    ]);
    expect(Object.keys(report.rejectedByReason)).toEqual(['unsafe_key', 'from_the_future']);
    expect(report.rejected).toEqual([2]);
  });

  it('lists the personal-link reasons after the older ones and before reasons it does not know', async () => {
    const report = await deliveryReport(from([]), [
      rejection('2026-03-01', 'from_the_future', 1),
      rejection('2026-03-01', 'link_already_answered', 1, 'personal-link'),
      rejection('2026-03-01', 'link_forged', 2, 'personal-link'),
      rejection('2026-03-01', 'link_spent', 1),
      rejection('2026-03-01', 'unsafe_key', 1),
    ]);
    expect(Object.keys(report.rejectedByReason)).toEqual([
      'unsafe_key',
      'link_spent',
      'link_forged',
      'link_already_answered',
      'from_the_future',
    ]);
  });

  it('answers empty series when nothing was received or rejected', async () => {
    expect(await deliveryReport(from([]), [])).toMatchObject({
      days: [],
      received: [],
      unverifiedLearnerRefs: [],
      rejected: [],
      rejectedByReason: {},
    });
  });
});

describe('dayRange', () => {
  it.each([
    ['2026-03-01', '2026-03-01', ['2026-03-01']],
    ['2024-02-28', '2024-03-01', ['2024-02-28', '2024-02-29', '2024-03-01']],
    ['2025-12-31', '2026-01-01', ['2025-12-31', '2026-01-01']],
    ['2026-03-02', '2026-03-01', []],
  ])('lists the days from %s to %s', (first, last, days) => {
    expect(dayRange(first, last)).toEqual(days);
  });
});
