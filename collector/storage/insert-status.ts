/** What became of one record at insert: stored now, stored before with the same content, or an id reused. */
export type InsertStatus = 'accepted' | 'duplicate' | 'conflict';
