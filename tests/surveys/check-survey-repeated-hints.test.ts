import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'check-survey-hints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check-survey on a text that repeats the widget', () => {
  it('exits 1 naming the JSON path and the sentence to remove', () => {
    const survey = JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8'));
    survey.questions[1].text.fr += ' Cochez toutes les réponses qui conviennent.';
    const file = join(dir, 'repeated.json');
    writeFileSync(file, JSON.stringify(survey));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'collector/cli/check-survey.ts', file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}: questions[1].text.fr: "Cochez toutes les réponses qui conviennent." repeats the widget's own "Cochez toutes les réponses qui vous concernent.", shown under every multiple-choice question; remove the sentence from the survey text`,
      '1 of 1 survey file invalid',
    ]);
  });
});
