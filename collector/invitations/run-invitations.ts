import type { ScheduledWave } from '../denominators/wave-schedule.ts';
import { learnerHash } from '../ingest/learner-hash.ts';
import type { LinkKeys } from '../links/link-keys.ts';
import { signLinkToken } from '../links/link-token.ts';
import type { DenominatorStorage } from '../storage/denominator-storage.ts';
import { contactAttempts } from './contact-attempts.ts';
import {
  type ContactAttempt,
  type Invitee,
  type InviteeFacts,
  InviteSelectionError,
  type SchoolLearner,
  type SelectionOptions,
  type SkipReason,
  selectInvitees,
} from './select-invitees.ts';

// One invitation round (`npm run invite`, POST /v1/invitations): the cohort's members read from storage, the
// learners of the school's list selected (select-invitees.ts), one signed personal link per invitee, and, unless it
// is a dry run, each recorded as a contact attempt at the moment of the run. Sending by SMTP plans first and records
// only what the server accepted (collector/cli/invite.ts), so planning and recording are apart.

export type InvitationRunDeps = {
  storage: Pick<DenominatorStorage, 'memberFacts' | 'cohorts' | 'insertContactEvents'>;
  /** SurveyRegistry.latest(id)?.version: undefined for a survey that is not served. */
  latestVersion: (surveyId: string) => number | undefined;
  /** Config.linkKeys: undefined when personal links are off (production without LINK_KEYS). */
  linkKeys: LinkKeys | undefined;
  learnerRefSecret: string;
  linkExpiryDays: number;
  /** The survey's wave schedule as the denominators use it (default m0, m6, m12). */
  schedule: readonly ScheduledWave[];
};

export type InvitationRequest = {
  surveyId: string;
  cohortId: string;
  wave: string;
  learners: readonly SchoolLearner[];
  options?: SelectionOptions;
  /** Select and count, sign nothing, record nothing. */
  dryRun?: boolean;
  /** PUBLIC_URL, or the origin of the request: links are `${baseUrl}/s/${token}`. */
  baseUrl: string;
  now: Date;
};

export type PlannedInvitation = Invitee & {
  /** The link; in a dry run `${baseUrl}/s/dry-run`, which no collector accepts (no link is signed). */
  url: string;
  unsubscribeUrl: string;
  expiresAt: Date;
};

export type InvitationPlan = {
  kind: 'invitation' | 'reminder';
  surveyId: string;
  surveyVersion: number;
  cohortId: string;
  wave: string;
  dryRun: boolean;
  invitations: PlannedInvitation[];
  skipped: { learnerRef: string; reason: SkipReason }[];
};

export type InvitationRunErrorCode =
  | 'unknown_survey'
  | 'unknown_cohort'
  | 'links_off'
  | 'wave_not_in_schedule'
  | 'invalid_options';

export class InvitationRunError extends Error {
  override name = 'InvitationRunError';
  constructor(
    readonly code: InvitationRunErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const DAY_MS = 86_400_000;
export const DRY_RUN_TOKEN = 'dry-run';

/** Selects and signs; writes nothing. Throws InvitationRunError naming what to fix. */
export async function planInvitations(deps: InvitationRunDeps, request: InvitationRequest): Promise<InvitationPlan> {
  const { surveyId, cohortId, wave, now } = request;
  const surveyVersion = deps.latestVersion(surveyId);
  if (surveyVersion === undefined)
    throw new InvitationRunError(
      'unknown_survey',
      `survey ${JSON.stringify(surveyId)} is not served: check the id against the files in SURVEYS_DIR (GET /v1/surveys lists them)`,
    );
  const cohorts = await deps.storage.cohorts();
  if (!cohorts.some((c) => c.id === cohortId))
    throw new InvitationRunError(
      'unknown_cohort',
      `cohort ${JSON.stringify(cohortId)} has no roster: import it first (PUT /v1/cohorts/${cohortId} or npm run cohort -- import); GET /v1/cohorts lists those imported`,
    );
  const keys = deps.linkKeys;
  if (keys === undefined && !request.dryRun)
    throw new InvitationRunError(
      'links_off',
      'personal links are off: LINK_KEYS is not set; set LINK_KEYS to {"k1":"<secret>"} (README "Personal links") and restart the collector',
    );

  const hashes = new Map(request.learners.map((l) => [l.learnerRef, learnerHash(l.learnerRef, deps.learnerRefSecret)]));
  const members = await wantedMembers(deps.storage, { surveyId, cohortId, wave }, new Set(hashes.values()));
  let selection: ReturnType<typeof selectInvitees>;
  try {
    selection = selectInvitees({
      learners: request.learners,
      hashRef: (ref) => hashes.get(ref) ?? learnerHash(ref, deps.learnerRefSecret),
      members,
      schedule: deps.schedule,
      wave,
      now,
      options: request.options,
    });
  } catch (err) {
    if (err instanceof InviteSelectionError) throw new InvitationRunError(err.code, err.message);
    throw err;
  }

  // Tokens keep whole seconds, so the date shown beside a link is the one it carries.
  const expiresAt = new Date(Math.floor((now.getTime() + deps.linkExpiryDays * DAY_MS) / 1000) * 1000);
  const base = request.baseUrl.replace(/\/+$/, '');
  const invitations = selection.invitations.map((invitee): PlannedInvitation => {
    const token =
      request.dryRun || keys === undefined
        ? DRY_RUN_TOKEN
        : signLinkToken(
            { surveyId, learnerHash: invitee.learnerHash, cohortId, wave, language: invitee.language, expiresAt },
            keys,
            now,
          );
    return { ...invitee, url: `${base}/s/${token}`, unsubscribeUrl: `${base}/s/${token}/unsubscribe`, expiresAt };
  });
  return {
    kind: request.options?.reminder ? 'reminder' : 'invitation',
    surveyId,
    surveyVersion,
    cohortId,
    wave,
    dryRun: request.dryRun === true,
    invitations,
    skipped: selection.skipped,
  };
}

/** Records `invited` (or `reminded`) for the given invitees of a plan, dated `at`. */
export async function recordHandedOut(
  storage: Pick<DenominatorStorage, 'insertContactEvents'>,
  plan: InvitationPlan,
  learnerHashes: readonly string[],
  at: Date,
): Promise<void> {
  if (plan.dryRun || learnerHashes.length === 0) return;
  await storage.insertContactEvents(
    contactAttempts(plan, plan.kind === 'reminder' ? 'reminded' : 'invited', learnerHashes, at),
  );
}

/** Plans and, unless it is a dry run, records every invitation as handed out now (a links file or an HTTP answer). */
export async function runInvitations(deps: InvitationRunDeps, request: InvitationRequest): Promise<InvitationPlan> {
  const plan = await planInvitations(deps, request);
  await recordHandedOut(
    deps.storage,
    plan,
    plan.invitations.map((i) => i.learnerHash),
    request.now,
  );
  return plan;
}

/** The facts selection needs, kept only for the learners of the school's list: the cohort itself is streamed. */
async function wantedMembers(
  storage: Pick<DenominatorStorage, 'memberFacts'>,
  query: { surveyId: string; cohortId: string; wave: string },
  wanted: ReadonlySet<string>,
): Promise<Map<string, InviteeFacts>> {
  const members = new Map<string, InviteeFacts>();
  for await (const facts of storage.memberFacts(query)) {
    if (!wanted.has(facts.member.learnerHash)) continue;
    const attempts: ContactAttempt[] = [];
    for (const e of facts.events)
      if (e.kind === 'invited' || e.kind === 'reminded') attempts.push({ kind: e.kind, at: e.at });
    members.set(facts.member.learnerHash, {
      completedAt: facts.member.completedAt,
      response: facts.response,
      optedOut: facts.optedOut,
      attempts,
    });
  }
  return members;
}
