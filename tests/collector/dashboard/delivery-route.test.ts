import { describe, expect, it } from 'vitest';
import { researcherRoutes } from '../../../collector/researcher/researcher-routes.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { allowAll } from '../../support/allow-all.ts';
import { generateResponses, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

const settings = {
  minCell: 10,
  roundTo: 5,
  minPercentBase: 23,
  includeAsylumSeekers: false,
};

describe('GET /v1/report/delivery', () => {
  it('serves received and rejected counts per day from storage, exact and zero-filled', async () => {
    const storage = new MemoryStorage(generateResponses(3));
    const firstDay = [...storage.rows.values()][0].receivedAt.slice(0, 10);
    const next = new Date(Date.parse(`${firstDay}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    await storage.countRejections(next, 'site-a', { invalid_shape: 2 });
    await storage.countRejections(next, 'site-b', { invalid_shape: 1, consent_missing: 1 });
    const app = researcherRoutes({ storage, surveys: new SurveyRegistry(TEST_SURVEYS), settings }, allowAll);
    const res = await app.request('/v1/report/delivery?survey=outcomes-test');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.days).toHaveLength(3);
    expect(body.received.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    expect(body.received[1]).toBe(0);
    expect(body.rejected).toEqual([0, 0, 4]);
    expect(body.rejectedByReason).toEqual({ invalid_shape: [0, 0, 3], consent_missing: [0, 0, 1] });
  });
});
