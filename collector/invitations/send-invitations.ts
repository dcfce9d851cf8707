import { composeInvitation, InvitationMessageError } from './invitation-message.ts';
import type { InvitationPlan, PlannedInvitation } from './run-invitations.ts';
import { SmtpSendError, type SmtpSender } from './smtp-send.ts';

// Direct sending of a planned round (`npm run invite -- --send`), one message at a time over one connection. What
// comes back says what to record: an attempt only for a message the server accepted, `undeliverable` for one it
// refused for good; the first error that is not about one address stops the run, and the rest are not sent.

export type Undeliverable = PlannedInvitation & { smtpCode: number; smtpMessage: string };

export type SendOutcome = {
  sent: PlannedInvitation[];
  undeliverable: Undeliverable[];
  /** Not tried, because the run stopped first. */
  notSent: PlannedInvitation[];
  /** Why the run stopped: SMTP (retryable or not) or a link URL a message may not carry. */
  stopped?: SmtpSendError | InvitationMessageError;
};

export async function sendInvitations(
  plan: InvitationPlan,
  sender: Pick<SmtpSender, 'send'>,
  from: string,
): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: [], undeliverable: [], notSent: [] };
  for (const [i, invitee] of plan.invitations.entries()) {
    if (invitee.email === undefined) {
      // readSchoolList refuses a row without an address under --send, so this is a caller's mistake.
      throw new Error(`learner ${JSON.stringify(invitee.learnerRef)} has no email: read the list with needEmail`);
    }
    try {
      const message = composeInvitation({
        kind: plan.kind,
        language: invitee.language,
        name: invitee.name,
        url: invitee.url,
        unsubscribeUrl: invitee.unsubscribeUrl,
        expiresAt: invitee.expiresAt,
      });
      const result = await sender.send({ from, to: invitee.email, message });
      if (result.status === 'sent') outcome.sent.push(invitee);
      else outcome.undeliverable.push({ ...invitee, smtpCode: result.smtpCode, smtpMessage: result.smtpMessage });
    } catch (err) {
      if (!(err instanceof SmtpSendError || err instanceof InvitationMessageError)) throw err;
      outcome.stopped = err;
      outcome.notSent = plan.invitations.slice(i);
      break;
    }
  }
  return outcome;
}
