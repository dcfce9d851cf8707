import type { Authorize } from '../../collector/http/bearer-auth.ts';

/** For tests of what a researcher route serves, not who may call it (that is tests/collector/http/route-rights.test.ts). */
export const allowAll: Authorize = () => (_c, next) => next();
