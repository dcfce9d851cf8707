import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { learnerRefStatus, learnerSignature } from '../../../collector/ingest/learner-signature.ts';

const SECRET = 'host-learner-secret-0123456789abcdef';
const REF = 'élève-42 🎓';

describe('learnerRefStatus', () => {
  const good = learnerSignature(REF, SECRET);

  it.each([
    ['the signature', REF, good, SECRET, 'verified'],
    ['the signature in upper case', REF, good.toUpperCase(), SECRET, 'verified'],
    ['no signature', REF, undefined, SECRET, 'unverified'],
    ["another ref's signature", REF, learnerSignature('someone-else', SECRET), SECRET, 'unverified'],
    ["another secret's signature", REF, learnerSignature(REF, `${SECRET}x`), SECRET, 'unverified'],
    ['a signature one digit short', REF, good.slice(1), SECRET, 'unverified'],
    ['a signature of non-hex characters', REF, 'z'.repeat(64), SECRET, 'unverified'],
    ['the signature in base64', REF, Buffer.from(good, 'hex').toString('base64'), SECRET, 'unverified'],
    ['no secret configured, signed or not', REF, undefined, undefined, 'unchecked'],
  ] as const)('judges a ref with %s', (_name, ref, sig, secret, status) => {
    expect(learnerRefStatus(ref, sig, secret)).toBe(status);
  });
});

// The snippets a host copies from README "Verifying learner identity", run as they are written.
const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Verifying learner identity'));
const FENCE = '`'.repeat(3);
const snippet = (lang: string) => {
  const found = section.match(new RegExp(`${FENCE}${lang}\\n([\\s\\S]*?)${FENCE}`));
  if (!found) throw new Error(`README "Verifying learner identity" has no ${FENCE}${lang} block`);
  return found[1];
};
const env = { ...process.env, OUTCOME_SURVEY_LEARNER_SECRET: SECRET };

describe('the README snippets', () => {
  it('are three lines each, the last a comment on where the signature goes', () => {
    for (const lang of ['js', 'python']) {
      const lines = snippet(lang).trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(/^(\/\/|#) render: .*data-learner-sig=/);
    }
  });

  it('in Node, signs as the collector checks', () => {
    const code = `const learnerRef = process.argv[1];\n${snippet('js')}\nconsole.log(learnerSig);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code, REF], { env, encoding: 'utf8' });
    expect(out.trim()).toBe(learnerSignature(REF, SECRET));
    expect(learnerRefStatus(REF, out.trim(), SECRET)).toBe('verified');
  });

  it('in Python, signs as the collector checks', () => {
    const code = `import sys\nlearner_ref = sys.argv[1]\n${snippet('python')}\nprint(learner_sig)`;
    const out = execFileSync('python3', ['-c', code, REF], { env, encoding: 'utf8' });
    expect(out.trim()).toBe(learnerSignature(REF, SECRET));
    expect(learnerRefStatus(REF, out.trim(), SECRET)).toBe('verified');
  });
});
