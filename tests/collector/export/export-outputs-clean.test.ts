import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appSettings, createApp } from '../../../collector/app.ts';
import { memoryLogger } from '../../../collector/logging/logger.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import type { SurveyResponse } from '../../../protocol/index.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';
import { batch, post, TOKEN, testConfig } from '../http/test-app.ts';

const SURVEYS_DIR = join(new URL('../../../', import.meta.url).pathname, 'surveys');
// An editor's note or a code comment that slipped into text a researcher is given.
const EDITOR_NOTE = /\[verify|\bTODO\b|\bFIXME\b|\bXXX\b/;

const answered = (n: number, country: string, locale: string, answers: SurveyResponse['answers']): SurveyResponse => ({
  id: `0190a0b0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
  surveyId: 'career-outcomes',
  surveyVersion: 1,
  submittedAt: new Date(Date.now() - 3_600_000).toISOString(),
  locale,
  country,
  answers,
  consent: { sensitive: true, version: '1' },
});

// One learner per pack whose national questions feed a flag: FR (France Travail, BOETH), JP (手帳), GB (GSS).
const RESPONSES = [
  answered(1, 'FR', 'fr', {
    changes: ['new_job'],
    helped: 'a_lot',
    ilo_worked: 'no',
    ilo_searched: 'yes',
    ilo_available: 'yes',
    pes_registered_fr: 'yes',
    area_fr: 'no',
    diploma_fr: 'cap_bep',
    disability_recognition: ['rqth'],
  }),
  answered(2, 'JP', 'ja', { changes: ['none'], ilo_worked: 'yes', disability_certificate: ['physical'] }),
  answered(3, 'GB', 'en', { changes: ['promotion'], helped: 'a_little', gss_condition: 'no' }),
];

describe('every export output', () => {
  const outputs: Record<string, string> = {};

  beforeAll(async () => {
    const config = testConfig();
    const deps = {
      storage: new MemoryStorage(),
      surveys: SurveyRegistry.fromFolder(SURVEYS_DIR),
      settings: appSettings(config),
    };
    const app = createApp(deps, { config, log: memoryLogger() });
    const ack = await (await post(app, batch(...RESPONSES))).json();
    expect(ack).toMatchObject({ accepted: RESPONSES.map((r) => r.id), rejected: [] });
    const get = async (path: string) => {
      const res = await app.request(path, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status, path).toBe(200);
      return res.text();
    };
    for (const path of [
      '/v1/export?format=csv&survey=career-outcomes',
      '/v1/export?format=csv&survey=career-outcomes&labels=1',
      '/v1/export?format=jsonl&survey=career-outcomes',
      '/v1/codebook?survey=career-outcomes',
      '/v1/codebook?survey=career-outcomes&format=markdown',
      '/v1/codebook?survey=career-outcomes&format=datapackage',
      '/v1/report?survey=career-outcomes&by=country',
    ])
      outputs[path] = await get(path);
  });

  it('holds the three learners', () => {
    expect(outputs['/v1/export?format=jsonl&survey=career-outcomes'].trim().split('\n')).toHaveLength(3);
  });

  it('carries no editor note ([verify, TODO, FIXME, XXX) in CSV, JSONL, codebook, data package or report', () => {
    const found = Object.entries(outputs).flatMap(([path, text]) =>
      text
        .split('\n')
        .filter((line) => EDITOR_NOTE.test(line))
        .map((line) => `${path}: ${line.slice(0, 200)}`),
    );
    expect(found).toEqual([]);
  });
});
