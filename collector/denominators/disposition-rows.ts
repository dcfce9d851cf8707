import { csvLine } from '../export/csv-cell.ts';
import type { DenominatorStorage, WaveQuery } from '../storage/denominator-storage.ts';
import { type DispositionContext, memberDisposition } from './member-disposition.ts';

/** The columns of GET /v1/dispositions, in order; the codebook describes each (collector/export/codebook.ts). */
export const DISPOSITION_COLUMNS = [
  'learner_hash',
  'cohort',
  'wave',
  'disposition',
  'rule',
  'contact_attempts',
  'invitations',
  'first_shown',
  'last_event',
] as const;

/** Rows are handed on in chunks of about this many UTF-16 code units, as the export does (export-chunks.ts). */
const CHUNK_CHARS = 64 * 1024;

type Row = Record<(typeof DISPOSITION_COLUMNS)[number], string | number | null>;

/**
 * One line per roster member, streamed as storage yields them, so a methodologist can recompute every rate:
 * CSV with a header (the export's cell rules, formula starts neutralised) or JSON Lines, a chunk of many rows at a
 * time: memory holds one chunk, and a slow reader slows the read from storage.
 */
export async function* dispositionRows(
  denominators: DenominatorStorage,
  query: WaveQuery,
  ctx: Omit<DispositionContext, 'wave'>,
  format: 'csv' | 'jsonl',
): AsyncGenerator<string> {
  let chunk = format === 'csv' ? csvLine(DISPOSITION_COLUMNS, ',') : '';
  for await (const facts of denominators.memberFacts(query)) {
    const d = memberDisposition(facts, { ...ctx, wave: query.wave });
    const row: Row = {
      learner_hash: facts.member.learnerHash,
      cohort: query.cohortId,
      wave: query.wave,
      disposition: d.code,
      rule: d.rule,
      contact_attempts: d.attempts,
      invitations: d.invitations,
      first_shown: d.firstShown,
      last_event: d.lastEvent,
    };
    chunk +=
      format === 'csv'
        ? csvLine(
            DISPOSITION_COLUMNS.map((c) => row[c]),
            ',',
          )
        : `${JSON.stringify(row)}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
