import { describe, expect, it } from 'vitest';
import { appSettings, createApp } from '../../../collector/app.ts';
import { silentLogger } from '../../../collector/logging/logger.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { Ack, PREFER_NOT_TO_SAY, type SurveyResponse } from '../../../protocol/index.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';
import { batch, post, response, testConfig } from '../http/test-app.ts';

// The collector, not only the widget, keeps special-category answers out without consent:
// every sensitive question of the built-in survey, the national disability questions included.
const surveys = SurveyRegistry.fromFolder('surveys');
const survey = surveys.latest('career-outcomes');
if (!survey) throw new Error('surveys/: no career-outcomes survey to test against');

const config = testConfig();
const storage = new MemoryStorage();
const app = createApp({ storage, surveys, settings: appSettings(config) }, { config, log: silentLogger });

/** One answer per answerable id of each sensitive question (grid rows on their own), with a real option. */
const cases: [string, SurveyResponse['answers'][string]][] = survey.questions
  .filter((q) => q.sensitive)
  .flatMap((q) => {
    const option = q.options?.find((o) => o.id !== PREFER_NOT_TO_SAY)?.id ?? '';
    if (q.kind === 'grid') return (q.rows ?? []).map((r): [string, string] => [r.id, option]);
    return [[q.id, q.kind === 'multiple_choice' ? [option] : option]];
  });

const send = async (answers: SurveyResponse['answers'], consent: SurveyResponse['consent']) => {
  const r = response({ surveyId: survey.id, surveyVersion: survey.version, country: 'FR', answers, consent });
  const res = await post(app, batch(r));
  expect(res.status).toBe(200);
  return { id: r.id, ack: Ack.parse(await res.json()) };
};

describe('POST /v1/responses with the built-in survey and no sensitive consent', () => {
  it('covers the national disability questions', () => {
    expect(cases.map(([id]) => id)).toEqual(
      expect.arrayContaining(['disability_recognition', 'disability_certificate']),
    );
  });

  it.each(cases)('refuses an answer to %s (%j), naming its path', async (id, value) => {
    const { id: responseId, ack } = await send({ [id]: value }, { sensitive: false, version: '1' });
    expect(ack.rejected).toEqual([
      {
        id: responseId,
        errors: expect.arrayContaining([
          { path: `responses[0].answers.${id}`, message: 'sensitive answer without consent.sensitive = true' },
        ]),
      },
    ]);
    expect(storage.rows.has(responseId)).toBe(false);
  });

  it.each([
    ['disability_recognition', ['rqth', 'aah']],
    ['disability_certificate', ['physical']],
  ])('stores %s apart, with the sensitive answers, once consented', async (id, value) => {
    const { id: responseId, ack } = await send(
      { situation: 'employed', [id]: value },
      { sensitive: true, version: '1' },
    );
    expect(ack.accepted).toEqual([responseId]);
    expect(storage.rows.get(responseId)).toMatchObject({
      answers: { situation: 'employed' },
      sensitiveAnswers: { [id]: value },
    });
  });
});
