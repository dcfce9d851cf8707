import type Database from 'better-sqlite3';
import { firstOfEachId, insertStatuses } from '../insert-statuses.ts';
import { type KeptRecord, revise, revisionKey, statusOf } from '../revision-rule.ts';
import type { InsertStatus, StoredResponse } from '../storage.ts';
import { toRows } from '../stored-row.ts';

type KeptRow = { id: string; status: 'partial' | 'complete'; answered: number | null; content_hash: string };
const kept = (row: KeptRow | undefined): KeptRecord | undefined =>
  row && { id: row.id, status: row.status, answered: row.answered ?? 0, contentHash: row.content_hash };

/** Inserts a batch under the revision rule (revision-rule.ts); the caller runs it in one IMMEDIATE transaction. */
export function sqliteInserter(db: Database.Database): (records: StoredResponse[]) => InsertStatus[] {
  const insertResponse = db.prepare(`INSERT INTO responses (id, survey_id, survey_version, submitted_at,
    submitted_sent, received_at, locale, country, consent_sensitive, consent_version, consent_groups,
    learner_hash, learner_ref_status, context, answers, flags, content_hash, site_key, status, answered)
    VALUES (@id, @survey_id, @survey_version, @submitted_at, @submitted_sent, @received_at, @locale, @country,
    @consent_sensitive, @consent_version, @consent_groups, @learner_hash, @learner_ref_status, @context, @answers,
    @flags, @content_hash, @site_key, @status, @answered)
    ON CONFLICT (id) DO NOTHING`);
  const insertSensitive = db.prepare(
    'INSERT INTO sensitive_answers (response_id, answers, flags) VALUES (@response_id, @answers, @flags)',
  );
  const byId = db.prepare<[string], KeptRow>('SELECT id, status, answered, content_hash FROM responses WHERE id = ?');
  // The partial first: at most one partial per key exists, and only it can be replaced.
  const byKey = db.prepare<[string, string, string, string], KeptRow>(
    `SELECT id, status, answered, content_hash FROM responses INDEXED BY responses_revision
     WHERE learner_hash = ? AND survey_id = ? AND json_extract(context, '$.wave') = ? AND id <> ?
     ORDER BY status = 'partial' DESC, submitted_at, id LIMIT 1`,
  );
  const wasReplaced = db.prepare('SELECT 1 FROM replaced_responses WHERE id = ?');
  const anyReplaced = db.prepare('SELECT 1 FROM replaced_responses LIMIT 1');
  const forgetReplaced = db.prepare('DELETE FROM replaced_responses WHERE id = ?');
  const remember = db.prepare(
    'INSERT INTO replaced_responses (id, kept_id, learner_hash) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const dropSensitive = db.prepare('DELETE FROM sensitive_answers WHERE response_id = ?');
  const dropResponse = db.prepare('DELETE FROM responses WHERE id = ?');

  return (records) => {
    const inserted = new Set<string>();
    const hashes = new Map<string, string>();
    const spent = new Set<string>();
    // Read once per transaction: with no replaced partial kept (the common case), the two lookups per record below
    // are skipped (issue 20). It turns true as soon as this batch replaces one.
    let replacedKept = anyReplaced.get() !== undefined;
    for (const record of firstOfEachId(records)) {
      // A late resend of a replaced partial: acknowledged, nothing changes.
      if (replacedKept && statusOf(record) === 'partial' && wasReplaced.get(record.id) !== undefined) {
        hashes.set(record.id, record.contentHash);
        continue;
      }
      const key = revisionKey(record);
      const sameId = kept(byId.get(record.id));
      const sameKey = key && kept(byKey.get(key.learnerHash, key.surveyId, key.wave, record.id));
      const decision = revise(record, sameId, sameKey);
      if (decision.action === 'drop') {
        hashes.set(record.id, record.contentHash);
        continue;
      }
      if (decision.action === 'spent') {
        spent.add(record.id);
        continue;
      }
      if (decision.action === 'replace') {
        dropSensitive.run(decision.kept.id);
        dropResponse.run(decision.kept.id);
        if (decision.kept.id !== record.id) {
          remember.run(decision.kept.id, record.id, record.learnerHash ?? null);
          replacedKept = true;
        }
      }
      const { response, sensitive } = toRows(record);
      if (insertResponse.run({ ...response, consent_sensitive: response.consent_sensitive ? 1 : 0 }).changes === 1) {
        insertSensitive.run(sensitive);
        if (replacedKept) forgetReplaced.run(record.id);
        inserted.add(record.id);
        hashes.set(record.id, record.contentHash);
      } else {
        hashes.set(record.id, sameId?.contentHash ?? '');
      }
    }
    return insertStatuses(records, inserted, hashes, spent);
  };
}
