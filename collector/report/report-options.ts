import * as z from 'zod';
import { contextId, countryCode, isoMonth, parseOptionsWith, surveyVersion } from '../export/filter-options.ts';
import type { ResponseFilter } from '../storage/storage.ts';

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

/**
 * `from` and `to` are whole months, both included: from=2026-01&to=2026-03 is January to March. course_id and
 * path_id narrow to the responses whose context names that course or path; version to one version of the survey.
 */
export const ReportOptionsSchema = z
  .strictObject({
    survey: z.string().min(1).max(64).optional(),
    by: By,
    country: countryCode.optional(),
    course_id: contextId('course_id', 'courseId').optional(),
    path_id: contextId('path_id', 'pathId').optional(),
    version: surveyVersion.optional(),
    from: isoMonth.optional(),
    to: isoMonth.optional(),
  })
  .refine((o) => o.from === undefined || o.to === undefined || o.from <= o.to, {
    path: ['to'],
    message: 'expected a month on or after "from" (both are included: from=2026-01&to=2026-01 is January)',
  });
export type ReportOptions = z.output<typeof ReportOptionsSchema>;

export class ReportOptionsError extends Error {
  override name = 'ReportOptionsError';
  readonly code = 'invalid_report_options';
}

export function parseReportOptions(raw: Record<string, unknown>, where: string): ReportOptions {
  return parseOptionsWith(ReportOptionsSchema, raw, where, ReportOptionsError);
}

/** The storage filter of a report: from the first instant of `from` to the first instant after `to`. */
export function reportFilter(o: ReportOptions, surveyId: string): ResponseFilter {
  const filter: ResponseFilter = { surveyId, country: o.country };
  if (o.course_id !== undefined) filter.courseId = o.course_id;
  if (o.path_id !== undefined) filter.pathId = o.path_id;
  if (o.version !== undefined) filter.surveyVersion = o.version;
  if (o.from) filter.from = `${o.from}-01T00:00:00Z`;
  // 9999-12 has no month after it that an ISO 8601 timestamp can name, and nothing lies beyond it anyway.
  if (o.to && o.to !== '9999-12') filter.to = monthAfter(o.to);
  return filter;
}

function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-01T00:00:00Z`;
}
