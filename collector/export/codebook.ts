import type { LocalizedText, Question, SurveyDefinition } from '../../protocol/index.ts';
import { type RatesCodebook, ratesCodebook } from '../denominators/rates-codebook.ts';
import { type Column, exportColumns } from './export-columns.ts';
import { describeFlag } from './flag-descriptions.ts';

export type Variable = Omit<Column, 'source'> & {
  /** Where the value comes from: metadata, a question (and option), or a derived flag. */
  source: Column['source']['kind'];
  questionId?: string;
  derivation?: string;
};

export type Codebook = {
  survey: string;
  title: LocalizedText;
  versions: number[];
  languages: string[];
  missing: string;
  variables: Variable[];
  /** How GET /v1/response-rates and /v1/dispositions classify roster members and compute the rates. */
  responseRates: RatesCodebook;
};

/** Every variable of the CSV export of one survey, in column order. */
export function buildCodebook(versions: readonly SurveyDefinition[]): Codebook {
  const latest = [...versions].sort((a, b) => b.version - a.version)[0];
  const languages = [...new Set(versions.flatMap((v) => v.locales ?? ['en']))];
  return {
    survey: latest.id,
    title: latest.title,
    versions: versions.map((v) => v.version).sort((a, b) => a - b),
    languages,
    missing: 'An empty cell means not answered, not asked, or unknown (never "no").',
    variables: exportColumns(versions).map((c) => toVariable(c, latest.questions)),
    responseRates: ratesCodebook(),
  };
}

function toVariable({ source, ...c }: Column, questions: readonly Question[]): Variable {
  const v: Variable = { ...c, source: source.kind };
  if (source.kind === 'answer' || source.kind === 'option') v.questionId = source.questionId;
  if (source.kind === 'flag') {
    v.derivation = describeFlag(source.flag, questions);
    v.values = [
      { code: 'true', label: { en: 'Yes' } },
      { code: 'false', label: { en: 'No' } },
    ];
  }
  if (source.kind === 'harmonised') v.derivation = source.harmonised.derivation;
  if (source.kind === 'flag_rule') v.derivation = `Id and version of the rule that computed ${source.flag}.`;
  return v;
}
