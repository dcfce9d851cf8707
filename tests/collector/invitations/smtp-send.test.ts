import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeInvitation } from '../../../collector/invitations/invitation-message.ts';
import { createSmtpSender, SmtpSendError, type SmtpSender } from '../../../collector/invitations/smtp-send.ts';
import { freePort } from '../../support/free-port.ts';

type Received = { from: string; to: string[]; raw: string; user: string | undefined };

// A real SMTP server on loopback: it refuses some addresses the way a mail host does, by reply code.
const replyError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });
const received: Received[] = [];
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  authOptional: true,
  logger: false,
  onAuth(auth, _session, callback) {
    if (auth.username === 'school' && auth.password === 'right-password') return callback(null, { user: 'school' });
    return callback(replyError('Authentication failed', 535));
  },
  onMailFrom(address: SMTPServerAddress, _session, callback) {
    if (address.address.startsWith('refused@')) return callback(replyError('Sender not allowed', 553));
    return callback();
  },
  onRcptTo(address: SMTPServerAddress, _session, callback) {
    if (address.address.startsWith('gone@')) return callback(replyError('5.1.1 No such user here', 550));
    if (address.address.startsWith('busy@')) return callback(replyError('4.2.1 Mailbox busy, try later', 450));
    return callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The reply to DATA, which the client waits for, is sent only once the whole message is kept.
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
        user: session.user,
      });
      callback();
    });
  },
});

let port = 0;
let sender: SmtpSender;
beforeAll(async () => {
  port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  sender = createSmtpSender(`smtp://school:right-password@127.0.0.1:${port}`);
});
afterAll(async () => {
  sender.close();
  await new Promise<void>((resolve) => server.close(resolve));
});

const message = composeInvitation({
  kind: 'invitation',
  language: 'en',
  name: 'Ana',
  url: 'https://survey.school.example/s/AQJrMWnRtokenTOKENtoken',
  unsubscribeUrl: 'https://survey.school.example/s/AQJrMWnRtokenTOKENtoken/unsubscribe',
  expiresAt: new Date('2026-09-01T00:00:00Z'),
});
const from = 'outcomes@school.example';
// Unfolds header lines and undoes quoted-printable soft line breaks, to read the message as sent.
const readable = (raw: string) => raw.replace(/\r\n[ \t]+/g, ' ').replace(/=\r\n/g, '');

describe('createSmtpSender', () => {
  it('delivers the message with its one-click unsubscribe headers, authenticated with the URL’s credentials', async () => {
    const result = await sender.send({ from, to: 'ana@mail.example', message });
    expect(result.status).toBe('sent');
    const mail = received.find((m) => m.to.includes('ana@mail.example'));
    expect(mail).toMatchObject({ from, to: ['ana@mail.example'], user: 'school' });
    const raw = readable(mail?.raw ?? '');
    expect(raw).toMatch(
      /^List-Unsubscribe: <https:\/\/survey\.school\.example\/s\/AQJrMWnRtokenTOKENtoken\/unsubscribe>\r$/m,
    );
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(raw).toMatch(/^Subject: A few questions about your path since the course\r$/m);
    expect(raw).toContain('Hello Ana,');
    expect(raw).toContain('https://survey.school.example/s/AQJrMWnRtokenTOKENtoken');
  });

  it('reports a recipient the server refuses for good as undeliverable, with its reply', async () => {
    expect(await sender.send({ from, to: 'gone@mail.example', message })).toEqual({
      status: 'undeliverable',
      smtpCode: 550,
      smtpMessage: expect.stringContaining('No such user here'),
    });
    expect(received.some((m) => m.to.includes('gone@mail.example'))).toBe(false);
  });

  it('sends the next message after a refusal, on the same sender', async () => {
    expect((await sender.send({ from, to: 'ben@mail.example', message })).status).toBe('sent');
  });

  const failure = async (send: () => Promise<unknown>) => {
    try {
      await send();
    } catch (error) {
      if (error instanceof SmtpSendError) return error;
      throw error;
    }
    return expect.fail('expected an SmtpSendError');
  };

  it('throws a retryable error, not undeliverable, for a recipient deferred with 4xx', async () => {
    const error = await failure(() => sender.send({ from, to: 'busy@mail.example', message }));
    expect(error).toMatchObject({ code: 'smtp_temporary', retryable: true, smtpCode: 450 });
    expect(error.message).toContain('send it again later');
  });

  it('throws a lasting error for a sender the server refuses', async () => {
    const error = await failure(() => sender.send({ from: 'refused@school.example', to: 'ana@mail.example', message }));
    expect(error).toMatchObject({ code: 'smtp_sender_refused', retryable: false, smtpCode: 553 });
  });

  it('throws a lasting error naming SMTP_URL for wrong credentials, never repeating the password', async () => {
    const wrong = createSmtpSender(`smtp://school:wrong-password@127.0.0.1:${port}`);
    const error = await failure(() => wrong.send({ from, to: 'ana@mail.example', message }));
    wrong.close();
    expect(error).toMatchObject({ code: 'smtp_auth_failed', retryable: false });
    expect(error.message).toContain('SMTP_URL');
    expect(error.message).not.toContain('wrong-password');
  });

  it('throws a retryable error when no server listens', async () => {
    const nowhere = createSmtpSender(`smtp://school:right-password@127.0.0.1:${await freePort()}`);
    const error = await failure(() => nowhere.send({ from, to: 'ana@mail.example', message }));
    nowhere.close();
    expect(error).toMatchObject({ code: 'smtp_unavailable', retryable: true });
    expect(error.message).not.toContain('right-password');
  });

  it.each([
    ['an http URL', 'http://mail.example:25'],
    ['text that is not a URL', 'mail.example'],
  ])('refuses %s as SMTP_URL', (_, url) => {
    expect(() => createSmtpSender(url)).toThrow(
      expect.objectContaining({ code: 'invalid_smtp_url', retryable: false }),
    );
  });
});
