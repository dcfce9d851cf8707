export const CHECK_SURVEY_USAGE = `usage: npm run check-survey -- [--allow-missing-translations] FILE...

Checks survey definition files: their shape, ids, packs and consent rules, that every text has
every language the survey is served in, and that every question is in some pack.
Prints each problem as "FILE: path: message"; exits 0 when every file is valid, 1 when one is
not, 2 on bad usage.

options:
  --allow-missing-translations   report missing translations as warnings, not errors (for a
                                 draft); questions in no pack stay errors
                                 e.g. npm run check-survey -- --allow-missing-translations surveys/draft.json
  --help                         print this help
                                 e.g. npm run check-survey -- --help

examples:
  npm run check-survey -- surveys/career-outcomes.json
  npm run check-survey -- surveys/*.json`;

export type CheckSurveyArgs =
  | { kind: 'help' }
  | { kind: 'check'; files: string[]; allowMissingTranslations: boolean }
  | { kind: 'bad'; message: string };

export function parseCheckSurveyArgs(argv: string[]): CheckSurveyArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const files: string[] = [];
  let allowMissingTranslations = false;
  for (const arg of argv) {
    if (arg === '--allow-missing-translations') allowMissingTranslations = true;
    else if (arg.startsWith('-'))
      return { kind: 'bad', message: `unknown option "${arg}" (see npm run check-survey -- --help)` };
    else files.push(arg);
  }
  if (files.length === 0) return { kind: 'bad', message: 'no survey file given' };
  return { kind: 'check', files, allowMissingTranslations };
}
