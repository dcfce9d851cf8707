import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportChunks } from '../../../collector/export/export-chunks.ts';
import { parseExportOptions } from '../../../collector/export/export-options.ts';
import { writeExport } from '../../../collector/export/write-export.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { generateResponses, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

const ROWS = 100_000;

// Rows are generated while they stream, so the test also shows the export never holds them all.
class GeneratedStorage extends MemoryStorage {
  override async *responses() {
    yield* generateResponses(ROWS);
  }
}

const PY = `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    rows = list(csv.DictReader(f))
print(json.dumps({
  "count": len(rows),
  "header": list(rows[0].keys()),
  "r7": rows[7]["comment"], "r13": rows[13]["comment"], "r21": rows[21]["comment"], "r1034": rows[1034]["comment"],
  "pay0": rows[0]["pay_change"], "last_id": rows[-1]["id"], "changes_none_0": rows[0]["changes__none"],
}))
`;

describe('CSV export of 100,000 responses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-python-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens with Python csv: row count, header, quoted text, emoji and neutralised formulas', async () => {
    const file = join(dir, 'export.csv');
    const src = { storage: new GeneratedStorage(), surveys: new SurveyRegistry(TEST_SURVEYS) };
    await writeExport(exportChunks(src, parseExportOptions({ survey: 'outcomes-test', bom: '1' }, 'test')), file);
    const out = JSON.parse(execFileSync('python3', ['-c', PY, file], { encoding: 'utf8', maxBuffer: 1 << 20 }));
    expect(out.count).toBe(ROWS);
    expect(out.header.slice(0, 3)).toEqual(['id', 'survey_id', 'survey_version']);
    expect(out.header).toContain('changes__apprenticeship');
    expect(out.r7).toBe('Merci, "vraiment"\nune ligne 🎉 de plus');
    expect(out.r13).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(out.r21).toBe("'-3");
    expect(out.r1034).toBe("'@SUM(1;2)");
    expect(out.pay0).toBe('-100');
    expect(out.changes_none_0).toBe('1');
    expect(out.last_id).toBe(`00000000-0000-7000-8000-${String(ROWS - 1).padStart(12, '0')}`);
  });
});
