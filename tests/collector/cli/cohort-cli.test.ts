import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFixture, runExport } from './run-export.ts';

// Issue 16: `npm run cohort` and `npm run response-rates` as processes over a real SQLite file, the way a
// researcher runs them; the rates of a roster nobody has been shown yet are all non-contact.
describe('npm run cohort and npm run response-rates', () => {
  let fixture: Awaited<ReturnType<typeof exportFixture>>;
  let env: Record<string, string>;
  const run = (cli: string, args: string[]) => runExport(args, env, cli);

  beforeAll(async () => {
    fixture = await exportFixture(0);
    env = {
      DATABASE_URL: `sqlite:${fixture.database}`,
      SURVEYS_DIR: fixture.surveysDir,
      MIN_CELL: '1',
      ROUND_TO: '1',
      MIN_PERCENT_BASE: '1',
    };
    const rows = Array.from({ length: 12 }, (_, i) => `learner-${i},2026-01-05,2026-02-01,FR,c-1,public`);
    writeFileSync(
      join(fixture.dir, 'roster.csv'),
      ['learner_ref,enrolled_at,completed_at,country,course_id,attr_funding', ...rows].join('\n'),
    );
    writeFileSync(
      join(fixture.dir, 'bad.csv'),
      'learner_ref,enrolled_at,completed_at\nlearner-1,2026-01-05,2026-02-01\nlearner-2,yesterday,2026-02-01\n',
    );
  });
  afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

  it('imports a roster, says nothing changed the second time, and lists it', async () => {
    const first = await run('cohort', ['import', '--cohort', 'c-2026-02', join(fixture.dir, 'roster.csv')]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/12 added, 0 removed, 0 changed/);
    const again = await run('cohort', ['import', '--cohort', 'c-2026-02', join(fixture.dir, 'roster.csv')]);
    expect(again.stdout).toMatch(/nothing changed/);
    const list = await run('cohort', ['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/c-2026-02/);
    expect(list.stdout).toMatch(/12/);
  });

  it('refuses a file with a malformed row, naming its line, and imports none of it', async () => {
    const refused = await run('cohort', ['import', '--cohort', 'c-bad', join(fixture.dir, 'bad.csv')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/line 3/);
    expect(refused.stderr).toMatch(/enrolled_at/);
    expect(refused.stderr).toContain('nothing was imported (a roster is imported whole or not at all)');
    expect((await run('cohort', ['list'])).stdout).not.toMatch(/c-bad/);
  });

  it('prints the roster’s response rates: everyone due and never shown is a non-contact', async () => {
    const rates = await run('response-rates', [
      '--survey',
      'outcomes-test',
      '--cohort',
      'c-2026-02',
      '--wave',
      'm0',
      '--format',
      'json',
    ]);
    expect(rates).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(rates.stdout);
    expect(json.population).toBe(12);
    expect(json.dispositions['2.20']).toBe(12);
    expect(json.rates.RR1).toBe(0);
    const table = await run('response-rates', ['--survey', 'outcomes-test', '--cohort', 'c-2026-02', '--wave', 'm0']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/RR1/);
  });
});
