import { describe, expect, it } from 'vitest';
import { exportChunks } from '../../../collector/export/export-chunks.ts';
import { parseExportOptions } from '../../../collector/export/export-options.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { generateResponse, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

const surveys = new SurveyRegistry(TEST_SURVEYS);

async function text(raw: Record<string, unknown>, n = 10): Promise<string> {
  const storage = new MemoryStorage(Array.from({ length: n }, (_, i) => generateResponse(i)));
  let out = '';
  for await (const chunk of exportChunks({ storage, surveys }, parseExportOptions(raw, 'test'))) out += chunk;
  return out;
}

function table(csv: string, delimiter = ','): Record<string, string>[] {
  // The generated rows at these indexes hold no quoted fields, so a split is enough here.
  const [head, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const names = head.split(delimiter);
  return lines.map((l) => Object.fromEntries(l.split(delimiter).map((v, i) => [names[i], v])));
}

describe('exportChunks', () => {
  it('writes value codes, 0/1 option columns, empty for unanswered, and flag columns', async () => {
    const rows = table(await text({ survey: 'outcomes-test' }, 3));
    expect(rows).toHaveLength(3);
    const first = rows[0];
    expect(first).toMatchObject({
      id: generateResponse(0).id,
      survey_version: '2',
      situation: 'looking',
      changes__none: '1',
      changes__new_job: '0',
      in_field: 'no',
      flag_career_outcome: 'false',
      flag_career_outcome__rule: 'career_outcome/v1',
      flag_jobseeker: '',
    });
    expect(rows[1]).toMatchObject({ in_field: '', pay_change: String(generateResponse(1).answers.pay_change) });
  });

  it('writes English labels with labels=1', async () => {
    const rows = table(await text({ survey: 'outcomes-test', labels: '1' }, 2));
    expect(rows[0]).toMatchObject({ situation: 'Looking for work', flag_career_outcome: 'No' });
  });

  it('starts with a BOM and uses ";" with excel=1', async () => {
    const csv = await text({ survey: 'outcomes-test', excel: '1' }, 1);
    expect(csv.startsWith('\uFEFFid;survey_id;')).toBe(true);
  });

  it('filters by country and version', async () => {
    const rows = table(await text({ survey: 'outcomes-test', country: 'FR', version: '2' }, 30));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.country === 'FR' && r.survey_version === '2')).toBe(true);
  });

  it('writes one JSON object per line without the learner hash', async () => {
    const lines = (await text({ format: 'jsonl' }, 3))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([0, 1, 2].map((i) => generateResponse(i).id));
    expect(lines[0]).not.toHaveProperty('learnerHash');
    expect(lines[0]).not.toHaveProperty('contentHash');
    expect(lines[0].sensitiveAnswers).toEqual(generateResponse(0).sensitiveAnswers);
  });

  describe('consent groups', () => {
    const withGroups = (i: number, groups?: string[]) => {
      const r = generateResponse(i);
      return { ...r, consent: groups ? { ...r.consent, groups } : r.consent };
    };
    const storage = new MemoryStorage([
      withGroups(1, ['ethnicity']),
      withGroups(2, ['ethnicity', 'religion']),
      withGroups(4, []),
      withGroups(5),
    ]);
    const exported = async (raw: Record<string, unknown>) => {
      let out = '';
      for await (const chunk of exportChunks({ storage, surveys }, parseExportOptions(raw, 'test'))) out += chunk;
      return out;
    };

    it.each([
      { excel: '0', cells: ['ethnicity', 'ethnicity;religion', '', ''] },
      { excel: '1', cells: ['ethnicity', '"ethnicity;religion"', '', ''] },
    ])('writes them ";"-joined in consent_groups (excel=$excel)', async ({ excel, cells }) => {
      const csv = (await exported({ survey: 'outcomes-test', excel }))
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      const delimiter = excel === '1' ? ';' : ',';
      const column = csv[0].split(delimiter).indexOf('consent_groups');
      expect(column).toBeGreaterThan(0);
      // Cells before consent_groups hold no delimiter in these rows, so the column's text starts at its index.
      const cellAt = (line: string) => {
        const rest = line.split(delimiter).slice(column).join(delimiter);
        return rest.startsWith('"') ? rest.slice(0, rest.indexOf('"', 1) + 1) : rest.split(delimiter)[0];
      };
      expect(csv.slice(1).map(cellAt)).toEqual(cells);
    });

    it('keeps them, and their absence, in JSONL', async () => {
      const lines = (await exported({ format: 'jsonl' }))
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.consent.groups)).toEqual([['ethnicity'], ['ethnicity', 'religion'], [], undefined]);
      expect(lines[3].consent).not.toHaveProperty('groups');
    });
  });

  it.each([
    [{ format: 'xml' }, /format/],
    [{ country: 'france' }, /country: expected an ISO 3166-1/],
    [{ from: 'yesterday' }, /from/],
  ])('rejects %j naming the option', (raw, message) => {
    expect(() => parseExportOptions(raw, 'GET /v1/export')).toThrow(message);
  });

  it('names the known surveys when the survey is unknown', async () => {
    await expect(text({ survey: 'nope' })).rejects.toThrow(/unknown survey "nope" \(known: outcomes-test\)/);
  });
});
