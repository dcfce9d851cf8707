import * as z from 'zod';
import type { ResponseFilter } from '../storage/storage.ts';

const flag = z.union([
  z.boolean(),
  z.enum(['1', 'true', '0', 'false', '']).transform((v) => v === '1' || v === 'true'),
]);
/** A --from/--to value; the reports take the same. */
export const isoDate = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'expected a date such as "2026-01-31" or a date-time with an offset such as "2026-01-31T12:00:00Z"',
});

/** Export options, the same whether they come from a query string or the command line. */
export const ExportOptionsSchema = z.strictObject({
  format: z.enum(['csv', 'jsonl']).default('csv'),
  survey: z.string().min(1).max(64).optional(),
  version: z.coerce.number().int().min(1).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "FR"')
    .optional(),
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
  const parsed = ExportOptionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`);
  throw new ExportOptionsError(`${where}: ${lines.join('; ')}`);
}

export function filterOf(o: ExportOptions): ResponseFilter {
  return { surveyId: o.survey, surveyVersion: o.version, country: o.country, from: o.from, to: o.to };
}
