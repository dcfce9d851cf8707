import * as z from 'zod';
import { SURVEY_ID_PATTERN, SURVEY_ID_RULE } from '../../protocol/index.ts';
import type { ResponseFilter } from '../storage/storage.ts';
import { contextId, countryCode, isoDate, parseOptionsWith, surveyVersion } from './filter-options.ts';

const flag = z.union([
  z.boolean(),
  z.enum(['1', 'true', '0', 'false', '']).transform((v) => v === '1' || v === 'true'),
]);

/** Export options, the same whether they come from a query string or the command line. */
export const ExportOptionsSchema = z.strictObject({
  format: z.enum(['csv', 'jsonl']).default('csv'),
  // An id, not any text: it becomes the download's file name (issue 14, item 4).
  survey: z.string().regex(SURVEY_ID_PATTERN, SURVEY_ID_RULE).optional(),
  version: surveyVersion.optional(),
  country: countryCode.optional(),
  course_id: contextId('course_id', 'courseId').optional(),
  path_id: contextId('path_id', 'pathId').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  labels: flag.default(false),
  excel: flag.default(false),
  bom: flag.default(false),
});
export type ExportOptions = z.output<typeof ExportOptionsSchema>;

/** What was wrong with the options; the HTTP route answers 404 for `unknown_survey` and 400 for the rest. */
export type ExportOptionsErrorCode = 'invalid_option' | 'unknown_survey';

export class ExportOptionsError extends Error {
  override name = 'ExportOptionsError';
  constructor(
    message: string,
    readonly code: ExportOptionsErrorCode = 'invalid_option',
  ) {
    super(message);
  }
}

/** Validates raw options (strings from a URL or argv); the error names each bad option. */
export function parseExportOptions(raw: Record<string, unknown>, where: string): ExportOptions {
  return parseOptionsWith(ExportOptionsSchema, raw, where, ExportOptionsError);
}

export function filterOf(o: ExportOptions): ResponseFilter {
  return {
    surveyId: o.survey,
    surveyVersion: o.version,
    country: o.country,
    courseId: o.course_id,
    pathId: o.path_id,
    from: o.from,
    to: o.to,
  };
}
