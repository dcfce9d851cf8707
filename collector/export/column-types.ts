import type { LocalizedText } from '../../protocol/index.ts';

// The types an export column and its coded values have, apart from export-columns.ts so that the
// harmonised columns (harmonised/harmonised-columns.ts), which export-columns.ts lists, need not import it back.
/** Frictionless Table Schema field types used by the export. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime';

export type ValueLabel = { code: string; label: LocalizedText };
