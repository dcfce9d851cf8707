import * as z from 'zod';
import type { ResponseFilter } from '../storage/storage.ts';
import { countryCode, isoDate, parseOptionsWith } from './filter-options.ts';

const flag = z.union([
  z.boolean(),
  z.enum(['1', 'true', '0', 'false', '']).transform((v) => v === '1' || v === 'true'),
]);

/** Export options, the same whether they come from a query string or the command line. */
export const ExportOptionsSchema = z.strictObject({
  format: z.enum(['csv', 'jsonl']).default('csv'),
  survey: z.string().min(1).max(64).optional(),
  version: z.coerce.number().int().min(1).optional(),
  country: countryCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  labels: flag.default(false),
  excel: flag.default(false),
  bom: flag.default(false),
});
export type ExportOptions = z.output<typeof ExportOptionsSchema>;

export class ExportOptionsError extends Error {
  override name = 'ExportOptionsError';
}

/** Validates raw options (strings from a URL or argv); the error names each bad option. */
export function parseExportOptions(raw: Record<string, unknown>, where: string): ExportOptions {
  return parseOptionsWith(ExportOptionsSchema, raw, where, ExportOptionsError);
}

export function filterOf(o: ExportOptions): ResponseFilter {
  return { surveyId: o.survey, surveyVersion: o.version, country: o.country, from: o.from, to: o.to };
}
