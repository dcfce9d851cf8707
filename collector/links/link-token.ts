import { createHmac, timingSafeEqual } from 'node:crypto';
import { COHORT_ID_PATTERN } from '../../protocol/cohort-id.ts';
import { plainText } from '../../protocol/string-rules.ts';
import type { LinkKeys } from './link-keys.ts';
import { decodeFields, encodeFields, MAC_BYTES, type TokenFields } from './link-token-bytes.ts';

// A personal survey link's token (issue 17): survey, learner (as its keyed hash), cohort, wave, language and expiry,
// signed with HMAC-SHA-256 under a LINK_KEYS key. Why HMAC rather than Ed25519, and the byte layout:
// docs/follow-up.md.

/** What a link is for. */
export type LinkClaims = {
  surveyId: string;
  /** learnerHash(ref, LEARNER_REF_SECRET) as stored on the roster: never the ref itself. */
  learnerHash: string;
  cohortId: string;
  wave: string;
  /** The learner's language from the school's list, so the page and its error pages speak it first. */
  language?: string;
  expiresAt: Date;
};

export type LinkPayload = LinkClaims & { issuedAt: Date; keyId: string };

export const LINK_REFUSALS = ['malformed', 'unknown_key', 'bad_signature', 'expired'] as const;
export type LinkRefusal = (typeof LINK_REFUSALS)[number];

/** `expired` still carries the payload, read only after its signature held, so the 410 page can speak its language. */
export type LinkVerdict =
  | { ok: true; payload: LinkPayload }
  | { ok: false; code: 'malformed' | 'unknown_key' | 'bad_signature' }
  | { ok: false; code: 'expired'; payload: LinkPayload };

export class LinkTokenError extends Error {
  override name = 'LinkTokenError';
  readonly code = 'invalid_claims';
}

/** Longer than any token sign() can make (at most 748 characters, every field at its byte limit; 126 for typical ids), so never a refusal of ours. */
export const MAX_TOKEN_CHARS = 1024;
// Binds the MAC to this use, so a LINK_KEYS secret reused elsewhere (it should not be) yields no valid token.
const MAC_CONTEXT = Buffer.from('outcome-survey/link-token\0', 'utf8');
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const HEX_HASH = /^[0-9a-f]{64}$/;
/** BCP 47 as the widget's languages use it: "fr", "pt-BR", "zh-Hant-TW". */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
const MAX_SECONDS = 0xffff_ffff;
const SurveyId = plainText(1, 64);
const Wave = plainText(1, 32);

function mac(secret: Buffer, signed: Buffer): Buffer {
  return createHmac('sha256', secret).update(MAC_CONTEXT).update(signed).digest().subarray(0, MAC_BYTES);
}

/** The first field that breaks its rule, with the rule, or undefined. Used when signing and again after verifying. */
function claimProblem(f: TokenFields): string | undefined {
  if (!SurveyId.safeParse(f.surveyId).success)
    return 'surveyId: expected 1 to 64 characters without control characters';
  if (!HEX_HASH.test(f.learnerHash))
    return 'learnerHash: expected the 64 lowercase hex characters of learnerHash(ref, LEARNER_REF_SECRET), never the ref';
  if (!COHORT_ID_PATTERN.test(f.cohortId))
    return `cohortId: ${JSON.stringify(f.cohortId)}: expected 1 to 64 of a–z 0–9 "_" "-"`;
  if (!Wave.safeParse(f.wave).success) return 'wave: expected a wave label such as "m6"';
  if (f.language !== '' && !LANGUAGE.test(f.language))
    return `language: ${JSON.stringify(f.language)}: expected a BCP 47 tag such as "fr" or "pt-BR", or none`;
  if (!(Number.isInteger(f.issuedAt) && f.issuedAt >= 0 && f.issuedAt <= MAX_SECONDS))
    return 'issuedAt: expected a date between 1970 and 2106';
  if (!(Number.isInteger(f.expiresAt) && f.expiresAt > f.issuedAt && f.expiresAt <= MAX_SECONDS))
    return 'expiresAt: expected a date after issuedAt (at least a second later) and before 2106';
  return undefined;
}

const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** Signs a link with LINK_KEYS' first key. Times keep whole seconds. Throws LinkTokenError naming a claim it refuses. */
export function signLinkToken(claims: LinkClaims, keys: LinkKeys, issuedAt: Date): string {
  const secret = keys.secrets.get(keys.signingKeyId);
  if (!secret) throw new LinkTokenError(`signing key "${keys.signingKeyId}" is not among LINK_KEYS: list it first`);
  const fields: TokenFields = {
    keyId: keys.signingKeyId,
    issuedAt: seconds(issuedAt),
    expiresAt: seconds(claims.expiresAt),
    learnerHash: claims.learnerHash,
    surveyId: claims.surveyId,
    cohortId: claims.cohortId,
    wave: claims.wave,
    language: claims.language ?? '',
  };
  const problem = claimProblem(fields);
  if (problem) throw new LinkTokenError(`cannot sign a link token: ${problem}`);
  const signed = encodeFields(fields);
  return Buffer.concat([signed, mac(secret, signed)]).toString('base64url');
}

function payloadOf(f: TokenFields): LinkPayload {
  return {
    surveyId: f.surveyId,
    learnerHash: f.learnerHash,
    cohortId: f.cohortId,
    wave: f.wave,
    ...(f.language === '' ? {} : { language: f.language }),
    issuedAt: new Date(f.issuedAt * 1000),
    expiresAt: new Date(f.expiresAt * 1000),
    keyId: f.keyId,
  };
}

/**
 * Checks a token from a URL. Never throws: anything that is not exactly a token we signed, unexpired, is refused
 * with a code. A link is expired from its expiry second on.
 */
export function verifyLinkToken(token: unknown, keys: LinkKeys, now: Date): LinkVerdict {
  // Canonical base64url only: Buffer.from skips characters it does not know and ignores a last character's spare
  // bits, so without the round trip two different strings could carry the same signed bytes.
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS || !BASE64URL.test(token))
    return { ok: false, code: 'malformed' };
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.toString('base64url') !== token || bytes.length <= MAC_BYTES) return { ok: false, code: 'malformed' };
  const signed = bytes.subarray(0, bytes.length - MAC_BYTES);
  const fields = decodeFields(signed);
  if (!fields) return { ok: false, code: 'malformed' };
  const secret = keys.secrets.get(fields.keyId);
  if (!secret) return { ok: false, code: 'unknown_key' };
  if (!timingSafeEqual(mac(secret, signed), bytes.subarray(bytes.length - MAC_BYTES)))
    return { ok: false, code: 'bad_signature' };
  // Reached only by bytes a LINK_KEYS holder signed; sign() never makes these, so refuse rather than trust them.
  if (claimProblem(fields)) return { ok: false, code: 'malformed' };
  const payload = payloadOf(fields);
  if (now.getTime() >= payload.expiresAt.getTime()) return { ok: false, code: 'expired', payload };
  return { ok: true, payload };
}
