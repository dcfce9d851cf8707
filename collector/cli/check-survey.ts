// Usage: npm run check-survey -- FILE...
// Prints each problem as "FILE: path: message"; exits 1 if any file is invalid, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { checkSurvey, type FieldError } from '../../protocol/index.ts';
import { withRepeatedHints } from '../surveys/repeated-hints.ts';

function problems(file: string): { errors: FieldError[]; label?: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : `not valid JSON: ${(err as Error).message}`;
    return { errors: [{ path: '(file)', message }] };
  }
  const result = withRepeatedHints(checkSurvey(json));
  if (!result.ok) return { errors: result.errors };
  const { id, version, packs } = result.survey;
  return { errors: [], label: `${id} v${version}${packs ? ` (packs: ${Object.keys(packs).join(', ')})` : ''}` };
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run check-survey -- FILE...');
  process.exit(2);
}
let bad = 0;
const good: string[] = [];
for (const file of files) {
  const { errors, label } = problems(file);
  for (const e of errors) console.error(`${file}: ${e.path}: ${e.message}`);
  if (errors.length) bad++;
  else good.push(label as string);
}
if (bad) {
  console.error(`${bad} of ${files.length} survey file${files.length > 1 ? 's' : ''} invalid`);
  process.exit(1);
}
console.log(`${files.length} survey file${files.length > 1 ? 's' : ''} valid: ${good.join('; ')}`);
