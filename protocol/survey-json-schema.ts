import * as z from 'zod/mini';
import { SurveyDefinition } from './survey-definition.ts';

/** The JSON Schema survey authors point their editor at, generated from the zod schema. */
export function surveyJsonSchema(): object {
  return {
    ...z.toJSONSchema(SurveyDefinition, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://outcome-survey.dev/schema/survey-definition.schema.json',
    title: 'outcome-survey survey definition',
  };
}
