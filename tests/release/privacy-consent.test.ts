import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../protocol/index.ts';
import {
  consentKeys,
  consentMarkdown,
  consentSection,
  END,
  START,
  withConsentSection,
} from '../../scripts/write-privacy-consent.ts';
import { en } from '../../widget/i18n/en.ts';
import { UI_LOCALES } from '../../widget/i18n/ui-locales.ts';
import { ROOT } from './ensure-build.ts';

const privacy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');
const survey: SurveyDefinition = JSON.parse(readFileSync(join(ROOT, 'surveys/career-outcomes.json'), 'utf8'));

describe('PRIVACY.md', () => {
  it('holds the consent text the widget shows today (else run: npx tsx scripts/write-privacy-consent.ts)', async () => {
    const block = privacy.slice(privacy.indexOf(START), privacy.indexOf(END) + END.length);
    expect(block).toBe(await consentSection());
  });

  it('stays as generated after the formatter runs over it', async () => {
    const generated = withConsentSection(privacy, await consentSection());
    const biome = join(ROOT, 'node_modules/.bin/biome');
    const run = spawnSync(biome, ['format', '--stdin-file-path=PRIVACY.md'], {
      cwd: ROOT,
      input: generated,
      encoding: 'utf8',
    });
    expect(run.stdout).toBe(generated);
  });

  it.each(UI_LOCALES)('has a consent section for the UI language %s', (locale) => {
    expect(privacy).toContain(`— \`${locale}\``);
  });

  it.each(survey.questions.map((q) => [q.id, q.sensitive ? 'sensitive' : 'not sensitive']))(
    'names question %s (%s)',
    (id) => {
      expect(privacy).toContain(`\`${id}\``);
    },
  );
});

describe('the consent text generator', () => {
  it("places every string of the consent screens, the consent groups' own included", () => {
    expect(consentKeys()).toEqual(Object.keys(en).filter((k) => /^(consent|ethnicity)[A-Z]/.test(k)));
  });

  it('shows English for a string a language lacks, as the widget does', () => {
    const text = consentMarkdown('fr', { consentHeading: 'Quelques questions' });
    expect(text).toContain('**Quelques questions**');
    expect(text).toContain(en.consentKeep);
  });

  it('marks right-to-left languages', () => {
    expect(consentMarkdown('ar', {})).toContain('<div lang="ar" dir="rtl">');
    expect(consentMarkdown('fr', {})).toContain('<div lang="fr">');
  });

  it('escapes Markdown in the strings', () => {
    expect(consentMarkdown('en', { consentHeading: 'a *b* <c>' })).toContain('**a \\*b\\* \\<c\\>**');
  });

  it('replaces only the text between the markers', () => {
    const doc = `before\n${START}\nold\n${END}\nafter\n`;
    expect(withConsentSection(doc, `${START}\nnew\n${END}`)).toBe(`before\n${START}\nnew\n${END}\nafter\n`);
  });

  it('names the file when the markers are missing', () => {
    expect(() => withConsentSection('no markers', 'x', 'docs/PRIVACY.md')).toThrow(/docs\/PRIVACY\.md: expected one/);
  });
});
