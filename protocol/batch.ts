import * as z from 'zod/mini';
import type { FieldError } from './format-issues.ts';

export const MAX_BATCH = 500;

/**
 * The envelope is checked on its own; each item is then checked one by one,
 * so one bad item is rejected alone and the rest of the batch is stored.
 */
export const BatchEnvelope = z.strictObject({
  siteKey: z.string().check(z.minLength(1), z.maxLength(128)),
  responses: z
    .array(z.unknown())
    .check(z.maxLength(MAX_BATCH, { error: `expected at most ${MAX_BATCH} responses per batch` })),
  /**
   * Contact events (protocol/contact-event.ts), checked one by one like responses and acknowledged in the
   * same accepted / duplicate / rejected lists: ids are client-made UUIDs, unique across both kinds.
   */
  events: z.optional(
    z.array(z.unknown()).check(z.maxLength(MAX_BATCH, { error: `expected at most ${MAX_BATCH} events per batch` })),
  ),
});
export type BatchEnvelope = z.infer<typeof BatchEnvelope>;

export type Rejection = { id: string | null; errors: FieldError[] };

export const Ack = z.strictObject({
  accepted: z.array(z.string()),
  duplicate: z.array(z.string()),
  rejected: z.array(
    z.strictObject({
      id: z.nullable(z.string()),
      errors: z.array(z.strictObject({ path: z.string(), message: z.string() })),
    }),
  ),
});
export type Ack = z.infer<typeof Ack>;
