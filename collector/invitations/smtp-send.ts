import { createTransport, type NodemailerError } from 'nodemailer';
import type { ComposedMessage } from './invitation-message.ts';

// Direct sending of invitations over SMTP_URL (smtp:// or smtps://, credentials in the URL). One verdict per
// message: the server took it (`sent`) or refused it for good (`undeliverable`, which the dispositions count under
// AAPOR 3.x). Anything else says nothing about the learner's address and is thrown, with a code, for the caller to
// retry later or fix: a 4xx reply or a dropped connection is retryable; bad credentials or a refused sender is not.

export type OutgoingMail = { from: string; to: string; message: ComposedMessage };

export type SendResult =
  | { status: 'sent'; messageId: string }
  /** The server's reply code (5yz) and text, kept as the reason. */
  | { status: 'undeliverable'; smtpCode: number; smtpMessage: string };

export type SmtpErrorCode =
  | 'invalid_smtp_url'
  | 'smtp_unavailable'
  | 'smtp_temporary'
  | 'smtp_auth_failed'
  | 'smtp_sender_refused'
  | 'invalid_message';

export class SmtpSendError extends Error {
  override name = 'SmtpSendError';
  constructor(
    readonly code: SmtpErrorCode,
    readonly retryable: boolean,
    message: string,
    readonly smtpCode?: number,
  ) {
    super(message);
  }
}

export type SmtpSender = { send(mail: OutgoingMail): Promise<SendResult>; close(): void };

/** Where the server is, for messages: never the user name or password of the URL. */
function serverName(smtpUrl: string): string {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new SmtpSendError('invalid_smtp_url', false, 'SMTP_URL: not a URL: expected smtp://user:password@host:587');
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname)
    throw new SmtpSendError(
      'invalid_smtp_url',
      false,
      `SMTP_URL: expected smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS), got scheme "${url.protocol}"`,
    );
  return `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
}

/** Turns what nodemailer reports into a verdict or a coded error; decided by its codes, never by wording. */
export function classifySmtpError(error: NodemailerError, server: string, to: string): SendResult {
  const { code, command, responseCode, permanent } = error;
  const reply = error.response ?? '';
  if (code === 'EAUTH' || code === 'ENOAUTH')
    throw new SmtpSendError(
      'smtp_auth_failed',
      false,
      `SMTP server ${server} refused the credentials of SMTP_URL${responseCode ? ` (${responseCode})` : ''}: check the user name and password in SMTP_URL`,
      responseCode,
    );
  if (responseCode !== undefined && permanent && command === 'MAIL FROM')
    throw new SmtpSendError(
      'smtp_sender_refused',
      false,
      `SMTP server ${server} refused the sender address (${reply}): use a sender address the server lets you send from`,
      responseCode,
    );
  // RCPT TO: the recipient; DATA: the message itself. Either way this address will not get this message.
  if (responseCode !== undefined && permanent && (command === 'RCPT TO' || command === 'DATA'))
    return { status: 'undeliverable', smtpCode: responseCode, smtpMessage: reply };
  if (responseCode !== undefined)
    throw new SmtpSendError(
      'smtp_temporary',
      true,
      `SMTP server ${server} deferred the message to ${to} (${reply}): send it again later`,
      responseCode,
    );
  if (command === 'API')
    throw new SmtpSendError('invalid_message', false, `message to ${JSON.stringify(to)}: ${error.message}`);
  throw new SmtpSendError(
    'smtp_unavailable',
    true,
    `SMTP server ${server} could not be reached or dropped the connection (${code ?? 'no code'}${error.originalCode ? `, ${error.originalCode}` : ''}): check SMTP_URL and that the server is up, then send again`,
  );
}

/** One pooled connection for a whole run of invitations; close() when done. */
export function createSmtpSender(smtpUrl: string): SmtpSender {
  const server = serverName(smtpUrl);
  const transport = createTransport({ url: smtpUrl, pool: true, maxConnections: 1 });
  return {
    async send({ from, to, message }) {
      try {
        const info = await transport.sendMail({
          from,
          to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
        });
        return { status: 'sent', messageId: info.messageId };
      } catch (error) {
        return classifySmtpError(error as NodemailerError, server, to);
      }
    },
    close: () => transport.close(),
  };
}
