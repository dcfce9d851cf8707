/**
 * What became of one record at insert: stored now, stored before with the same content, an id reused, or (a
 * response through a personal link only) refused because its link was already spent by another complete response.
 */
export type InsertStatus = 'accepted' | 'duplicate' | 'conflict' | 'spent';
