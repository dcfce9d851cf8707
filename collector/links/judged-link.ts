import type { FieldError } from '../../protocol/index.ts';
import { LINK_TRIGGER } from '../storage/revision-rule.ts';
import type { LinkKeys } from './link-keys.ts';
import { type LinkPayload, verifyLinkToken } from './link-token.ts';

/** What ingest needs to judge an item's `link`. */
export type LinkContext = {
  /** undefined: links are off (production without LINK_KEYS), so any item carrying one is refused. */
  linkKeys?: LinkKeys | undefined;
  /** The site key is the link page's own (LINK_SITE_KEY): an item without a link is refused. */
  requireLink?: boolean;
  receivedAt: string;
};

export type LinkJudgement =
  | { ok: true; payload: LinkPayload }
  | { ok: false; error: FieldError; reason: 'link_invalid' | 'link_expired' };

const FRESH_LINK = 'the learner can open the link from the invitation again, or the school can send a new one';

const REFUSAL_TEXT = {
  malformed: 'is not a personal-link token this collector made (its bytes do not decode): the link was cut or altered',
  unknown_key:
    'was signed with a key id that is not among LINK_KEYS: the key was retired, or the link comes from another collector',
  bad_signature: 'does not carry a valid signature: the link was altered or forged',
} as const;

/**
 * Checks an item's personal-link token (issue 17, decision 4): undefined when the item carries none and may go
 * without; otherwise the verified claims or why the item alone is refused. A token expired when it reaches the
 * collector still holds for an answer given before its expiry (answered offline, delivered later).
 */
export function judgedLink(
  link: string | undefined,
  item: { surveyId: string; when: string; whenKey: 'submittedAt' | 'at'; trigger?: string | undefined },
  at: string,
  ctx: LinkContext,
): LinkJudgement | undefined {
  const path = `${at}.link`;
  const refuse = (message: string, reason: 'link_invalid' | 'link_expired' = 'link_invalid'): LinkJudgement => ({
    ok: false,
    error: { path, message },
    reason,
  });
  if (link === undefined && ctx.requireLink)
    return refuse(
      'required under site key "personal-link": it takes only answers given through a personal link, so send the token the page was opened with (the element\'s link attribute)',
    );
  // "link" is the collector's own mark of a verified link (the revision rule spends links by it): never a device's.
  if (link === undefined && item.trigger === LINK_TRIGGER)
    return {
      ok: false,
      error: {
        path: `${at}.context.trigger`,
        message:
          'trigger "link" marks answers given through a personal link, which carry its token in link: send the token, or another trigger',
      },
      reason: 'link_invalid',
    };
  if (link === undefined) return undefined;
  if (ctx.linkKeys === undefined)
    return refuse(
      'personal links are off on this collector (LINK_KEYS is not set): send the item without link, or set LINK_KEYS',
    );
  const verdict = verifyLinkToken(link, ctx.linkKeys, new Date(ctx.receivedAt));
  if (!verdict.ok && verdict.code !== 'expired')
    return refuse(`the token ${REFUSAL_TEXT[verdict.code]}; ${FRESH_LINK}`);
  const payload = verdict.payload;
  if (!verdict.ok && Date.parse(item.when) >= payload.expiresAt.getTime())
    return refuse(
      `the link expired at ${payload.expiresAt.toISOString()}, before ${item.whenKey} ${item.when}; ${FRESH_LINK}`,
      'link_expired',
    );
  if (payload.surveyId !== item.surveyId)
    return refuse(
      `the link is for survey ${JSON.stringify(payload.surveyId)}, not ${JSON.stringify(item.surveyId)}: send answers to the survey the link names`,
    );
  return { ok: true, payload };
}

/**
 * What a verified link decides of a stored record, whatever the device sent (decision 4): the learner is the
 * token's (a learnerRef sent beside it is ignored), and so are the cohort and the wave; the trigger says "link",
 * which is also what the revision rule reads to refuse a second completion (collector/storage/revision-rule.ts).
 */
export const linkedContext = (p: LinkPayload) => ({ trigger: LINK_TRIGGER, wave: p.wave, cohort: p.cohortId });
export const linkedLearner = (p: LinkPayload) => ({
  learnerRefStatus: 'verified' as const,
  learnerHash: p.learnerHash,
});
