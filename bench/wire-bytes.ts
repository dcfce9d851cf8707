import { gzipSync } from 'node:zlib';
import type { SurveyDefinition } from '../protocol/index.ts';
import { makeBatch } from './survey-responses.ts';

export type WireBytes = { perResponse: number; perResponseGzip: number; batchSize: number; source: string };

/**
 * Request-body bytes per response for a POST /v1/responses batch, plain and gzipped.
 * The sync bench measures the same in the browser; this is the fallback when it did not run.
 */
export function computedWireBytes(def: SurveyDefinition, batchSize = 50): WireBytes {
  const body = Buffer.from(JSON.stringify({ siteKey: 'bench-site-key', responses: makeBatch(def, 0, batchSize) }));
  return {
    perResponse: body.length / batchSize,
    perResponseGzip: gzipSync(body, { level: 6 }).length / batchSize,
    batchSize,
    source: `JSON body of a ${batchSize}-response batch built in Node (gzip level 6)`,
  };
}
