import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../../protocol/index.ts';
import { runExport } from './run-export.ts';

const SIX = ['en', 'fr', 'es', 'ar', 'uk', 'ja'];
const all = (word: string) => Object.fromEntries(SIX.map((l) => [l, `${word} (${l})`]));
const englishOnly = (word: string) => ({ en: word });

/** A valid six-language survey; `edit` breaks one thing in a copy. */
function survey(edit: (s: SurveyDefinition) => void = () => {}) {
  const s: SurveyDefinition = {
    id: 'fixture',
    version: 1,
    title: all('Title'),
    intro: all('Intro'),
    locales: [...SIX],
    questions: [
      {
        id: 'outcome',
        kind: 'single_choice',
        text: all('What changed?'),
        hint: all('Pick one'),
        options: [
          { id: 'new_job', label: all('New job') },
          { id: 'no_change', label: all('No change') },
        ],
        link: { href: 'https://example.org', label: all('More') },
      },
      {
        id: 'difficulty',
        kind: 'grid',
        text: all('Do you have difficulty…'),
        options: [
          { id: 'no', label: all('No') },
          { id: 'yes', label: all('Yes') },
        ],
        rows: [{ id: 'seeing', text: all('seeing') }],
      },
      { id: 'comment', kind: 'free_text', text: all('Anything else?') },
    ],
    packs: { default: { questions: ['outcome', 'difficulty', 'comment'] }, FR: { questions: ['outcome'] } },
  };
  edit(s);
  return s;
}

const dir = mkdtempSync(join(tmpdir(), 'check-survey-completeness-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function fileOf(s: object): string {
  const file = join(dir, `survey-${n++}.json`);
  writeFileSync(file, JSON.stringify(s));
  return file;
}
const check = (...args: string[]) => runExport(args, {}, 'check-survey');

describe('npm run check-survey: translations and packs', () => {
  it('accepts a survey whose every text has every declared language and whose every question is in a pack', async () => {
    const run = await check(fileOf(survey()));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toBe('1 survey file valid: fixture v1 (packs: default, FR)');
  });

  it('exits 1 on a question with English text only, naming the JSON path, the missing locales and the fix', async () => {
    const file = fileOf(
      survey((s) => {
        s.questions[2].text = englishOnly('Anything else?');
      }),
    );
    const run = await check(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${file}: questions\\[2\\]\\.text: missing translation for fr, es, ar, uk, ja \\(the survey declares "locales"`,
      ),
    );
    expect(lines[0]).toContain('a learner served fr would read English here');
    expect(lines[0]).toContain('Add "fr", "es", "ar", "uk", "ja" to this text, or pass --allow-missing-translations');
    expect(lines[1]).toBe('1 of 1 survey file invalid');
  });

  it.each([
    ['the title', 'title', (s: SurveyDefinition) => (s.title = englishOnly('T'))],
    ['the intro', 'intro', (s: SurveyDefinition) => (s.intro = englishOnly('I'))],
    ['a hint', 'questions[0].hint', (s: SurveyDefinition) => (s.questions[0].hint = englishOnly('H'))],
    [
      'an option label',
      'questions[0].options[1].label',
      (s: SurveyDefinition) => (s.questions[0].options![1].label = englishOnly('N')),
    ],
    [
      'a grid row',
      'questions[1].rows[0].text',
      (s: SurveyDefinition) => (s.questions[1].rows![0].text = englishOnly('R')),
    ],
    [
      'a link label',
      'questions[0].link.label',
      (s: SurveyDefinition) => (s.questions[0].link!.label = englishOnly('L')),
    ],
  ])('checks %s (%s)', async (_name, path, edit) => {
    const file = fileOf(survey(edit));
    const run = await check(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}: ${path}: missing translation for fr, es, ar, uk, ja`);
  });

  it('without declared locales, requires every language any text uses, and lists only the missing ones', async () => {
    const file = fileOf(
      survey((s) => {
        delete s.locales;
        s.questions[0].options![1].label = { en: 'No change', fr: 'Aucun changement', ja: '変化なし' };
      }),
    );
    const run = await check(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}: questions[0].options[1].label: missing translation for ar, es, uk (other texts of the survey use en, ar, es, fr, ja, uk)`,
    );
  });

  it('takes a language text for a regional locale, as the widget falls back from fr-CA to fr', async () => {
    const run = await check(fileOf(survey((s) => s.locales!.push('fr-CA'))));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const file = fileOf(
      survey((s) => {
        s.locales!.push('fr-CA');
        s.questions[2].text = englishOnly('Anything else?');
      }),
    );
    expect((await check(file)).stderr).toContain(
      `${file}: questions[2].text: missing translation for fr, es, ar, uk, ja (`,
    );
  });

  it('with --allow-missing-translations, prints the same findings as warnings and exits 0', async () => {
    const file = fileOf(
      survey((s) => {
        s.questions[2].text = englishOnly('Anything else?');
        s.questions[0].hint = { en: 'Pick one', fr: 'Choisissez' };
      }),
    );
    const run = await check('--allow-missing-translations', file);
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^${file}: questions\\[0\\]\\.hint: warning: missing translation for es, ar, uk, ja `),
      ),
      expect.stringMatching(
        new RegExp(`^${file}: questions\\[2\\]\\.text: warning: missing translation for fr, es, ar, uk, ja `),
      ),
    ]);
    expect(run.stdout.trim()).toBe(
      '1 survey file valid (2 warnings: translations missing): fixture v1 (packs: default, FR)',
    );
  });

  it('exits 1 on a question in no pack when a default pack exists, even with --allow-missing-translations', async () => {
    const file = fileOf(
      survey((s) => {
        s.packs!.default.questions = ['outcome', 'difficulty'];
      }),
    );
    for (const args of [[file], ['--allow-missing-translations', file]]) {
      const run = await check(...args);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `${file}: questions[2].id: "comment" is in no pack (default, FR), so no learner is ever asked it; add it to a pack's "questions" (e.g. packs.default.questions) or remove it`,
      );
    }
  });

  it('accepts a question in no pack when there is no default pack: countries without a pack are asked the whole bank', async () => {
    const run = await check(fileOf(survey((s) => delete s.packs!.default)));
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('prints every option with an example on --help', async () => {
    const run = await check('--help');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^usage: npm run check-survey -- \[--allow-missing-translations\] FILE\.\.\./);
    expect(run.stdout).toContain('e.g. npm run check-survey -- --allow-missing-translations surveys/draft.json');
    expect(run.stdout).toContain('e.g. npm run check-survey -- --help');
  });

  it('exits 2 on an unknown option, naming it', async () => {
    const run = await check('--allow-missing-translation', fileOf(survey()));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('check-survey: unknown option "--allow-missing-translation"');
  });
});
