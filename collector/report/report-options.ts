import * as z from 'zod';
import { countryCode, isoDate, parseOptionsWith } from '../export/filter-options.ts';

/** Only these may split a report: sensitive attributes are measures, never dimensions, so two are never crossed. */
export const DIMENSIONS = ['country', 'year', 'month'] as const;

const By = z
  .string()
  .default('country,year')
  .transform((s, ctx) => {
    const parts = s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of parts) {
      if (!(DIMENSIONS as readonly string[]).includes(p)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${p}" is not a report dimension (use ${DIMENSIONS.join(', ')}); sensitive attributes are reported one at a time, never crossed`,
        });
      }
    }
    if (parts.includes('year') && parts.includes('month'))
      ctx.addIssue({ code: 'custom', message: 'choose year or month, not both' });
    const period = parts.includes('month')
      ? ('month' as const)
      : parts.includes('year')
        ? ('year' as const)
        : undefined;
    return { country: parts.includes('country'), period };
  });

export const ReportOptionsSchema = z.strictObject({
  survey: z.string().min(1).max(64).optional(),
  by: By,
  country: countryCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ReportOptions = z.output<typeof ReportOptionsSchema>;

export class ReportOptionsError extends Error {
  override name = 'ReportOptionsError';
}

export function parseReportOptions(raw: Record<string, unknown>, where: string): ReportOptions {
  return parseOptionsWith(ReportOptionsSchema, raw, where, ReportOptionsError);
}
