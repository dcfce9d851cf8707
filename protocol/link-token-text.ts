import * as z from 'zod/mini';

/**
 * The token of a personal survey link (`GET /s/:token`, issue 17) as a response or contact event carries it: only
 * its shape is judged here; its signature, expiry and claims are the collector's to check (collector/links/).
 */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,1024}$/;

export const LinkTokenText = z
  .string()
  .check(
    z.regex(LINK_TOKEN_PATTERN, { error: 'expected the token of a personal link: 1 to 1024 of A–Z a–z 0–9 "-" "_"' }),
  );
