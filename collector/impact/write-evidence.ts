import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evidence } from './evidence.ts';

/** A figure path such as careerOutcomes.count as a file name any system accepts: letters, digits, . _ - only. */
export const evidenceFileName = (path: string) => `${path.replace(/[^A-Za-z0-9._-]/g, '_')}.txt`;

const README = `Evidence behind the impact report

Each <figure>.txt file lists, one per line and sorted, the ids of the responses counted in that published
figure (its numerator, before rounding). To recompute a figure:

  1. Export the responses: npm run export -- --survey <survey> --out responses.csv
  2. Keep the rows whose id is listed in the figure's file, and count them (or count distinct learners).
  3. Round the count as the report's rules say (see "Small numbers" in the report's methods section).

manifest.sha256 holds the SHA-256 of every file here. To check that nothing was changed since the report
was made, run in this folder:

  sha256sum -c manifest.sha256

Every line should end in "OK".
`;

/** Writes one file per figure, a README for the auditor and a manifest sha256sum -c verifies; returns the file names. */
export function writeEvidence(dir: string, evidence: Evidence): string[] {
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, string>([['README.txt', README]]);
  for (const [path, ids] of [...evidence].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = evidenceFileName(path);
    if (files.has(name))
      throw new Error(`--evidence: figures ${path} and another share the file name ${name}; rename one figure path`);
    files.set(name, ids.length ? `${ids.join('\n')}\n` : '');
  }
  const manifest: string[] = [];
  for (const [name, text] of files) {
    writeFileSync(join(dir, name), text);
    manifest.push(`${createHash('sha256').update(text).digest('hex')}  ${name}`);
  }
  writeFileSync(join(dir, 'manifest.sha256'), `${manifest.join('\n')}\n`);
  return [...files.keys()];
}
