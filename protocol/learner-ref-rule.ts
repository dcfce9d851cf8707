// The rule itself, without zod: the widget checks its learnerRef option with the pattern alone.
/**
 * The one rule for a learnerRef, shared by ingest, eligibility and erasure so a ref that was stored can always be
 * erased: the characters a URL path segment carries unencoded (RFC 3986 "pchar" without "%"), so
 * DELETE /v1/learners/:ref reaches the route with the ref unchanged, and never "." or "..", which URL
 * normalisation removes as path segments (issue 14, item 5). Emails, UUIDs and base64url ids all fit.
 */
export const LEARNER_REF_PATTERN = /^(?!\.\.?$)[A-Za-z0-9\-._~:@!$&'()*+,;=]{1,256}$/;

export const LEARNER_REF_RULE =
  'expected a learnerRef of 1 to 256 characters from A–Z a–z 0–9 - . _ ~ : @ ! $ & \' ( ) * + , ; = (no spaces, "/" or "%"), other than "." and ".."';
