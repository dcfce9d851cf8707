import type { Storage } from './storage/storage.ts';
import type { SurveyRegistry } from './surveys/survey-registry.ts';

/**
 * What every route gets. The HTTP layer (collector/app.ts) owns configuration and
 * authentication; route modules receive these and stay testable with app.request().
 */
export type AppDeps = {
  storage: Storage;
  surveys: SurveyRegistry;
  /** Settings the route modules read; the full validated configuration lives in collector/config/. */
  settings: {
    /** Disclosure control for aggregate reports. */
    minCell: number;
    roundTo: number;
    minPercentBase: number;
    includeAsylumSeekers: boolean;
  };
};
