// Usage: npm run check-survey -- [--allow-missing-translations] FILE...   (--help for more)
// Prints each problem as "FILE: path: message"; exits 1 if any file is invalid, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { checkSurvey, type FieldError } from '../../protocol/index.ts';
import { missingTranslations } from '../surveys/missing-translations.ts';
import { withRepeatedHints } from '../surveys/repeated-hints.ts';
import { unaskedQuestions } from '../surveys/unasked-questions.ts';
import { CHECK_SURVEY_USAGE, parseCheckSurveyArgs } from './check-survey-args.ts';

type Problems = { errors: FieldError[]; warnings: FieldError[]; label?: string };

function problems(file: string, allowMissingTranslations: boolean): Problems {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : `not valid JSON: ${(err as Error).message}`;
    return { errors: [{ path: '(file)', message }], warnings: [] };
  }
  const result = withRepeatedHints(checkSurvey(json));
  if (!result.ok) return { errors: result.errors, warnings: [] };
  const survey = result.survey;
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  errors.push(...unaskedQuestions(survey));
  (allowMissingTranslations ? warnings : errors).push(...missingTranslations(survey));
  const { id, version, packs } = survey;
  return {
    errors,
    warnings,
    label: `${id} v${version}${packs ? ` (packs: ${Object.keys(packs).join(', ')})` : ''}`,
  };
}

const args = parseCheckSurveyArgs(process.argv.slice(2));
if (args.kind === 'help') {
  console.log(CHECK_SURVEY_USAGE);
  process.exit(0);
}
if (args.kind === 'bad') {
  console.error(`check-survey: ${args.message}\n${CHECK_SURVEY_USAGE}`);
  process.exit(2);
}
const { files } = args;
let bad = 0;
let warned = 0;
const good: string[] = [];
for (const file of files) {
  const { errors, warnings, label } = problems(file, args.allowMissingTranslations);
  for (const e of errors) console.error(`${file}: ${e.path}: ${e.message}`);
  for (const w of warnings) console.error(`${file}: ${w.path}: warning: ${w.message}`);
  warned += warnings.length;
  if (errors.length) bad++;
  else good.push(label as string);
}
const plural = files.length > 1 ? 's' : '';
if (bad) {
  console.error(`${bad} of ${files.length} survey file${plural} invalid`);
  process.exit(1);
}
const warningNote = warned ? ` (${warned} warning${warned > 1 ? 's' : ''}: translations missing)` : '';
console.log(`${files.length} survey file${plural} valid${warningNote}: ${good.join('; ')}`);
