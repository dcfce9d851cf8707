import type { Bench } from './bench-result.ts';
import { denominators } from './denominators.ts';
import { exportBench } from './export.ts';
import { firstQuestion } from './first-question.ts';
import { footprint } from './footprint.ts';
import { ingest } from './ingest.ts';
import { ingestScale } from './ingest-scale.ts';
import { sync } from './sync.ts';
import { weight } from './weight.ts';

/** Every benchmark, in the order a full run takes them (footprint last: it reads weight's and sync's bytes). */
export const benches: Bench[] = [
  weight,
  ingest,
  ingestScale,
  exportBench,
  denominators,
  firstQuestion,
  sync,
  footprint,
];
