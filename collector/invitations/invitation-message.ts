import {
  MESSAGE_LANGUAGES,
  MESSAGE_STRINGS,
  type MessageLanguage,
  RTL_MESSAGE_LANGUAGES,
} from './invitation-strings.ts';

// One invitation or reminder email, composed for the school's mailing tool or for smtp-send.ts. Pure: the caller
// brings the link (link-token.ts) and the unsubscribe URL, which records the same opt-out as "Don't ask me again".

export type InvitationInput = {
  kind: 'invitation' | 'reminder';
  /** The learner's language from the school's list; anything not in MESSAGE_LANGUAGES falls back to English. */
  language?: string;
  /** From the school's list, only when it gives one; it is never put in the subject. */
  name?: string;
  url: string;
  unsubscribeUrl: string;
  expiresAt: Date;
};

export type ComposedMessage = {
  language: MessageLanguage;
  subject: string;
  text: string;
  html: string;
  /** RFC 2369 and RFC 8058 one-click unsubscribe; a mail provider shows its own "Unsubscribe" button for them. */
  headers: { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
};

export class InvitationMessageError extends Error {
  override name = 'InvitationMessageError';
  readonly code = 'invalid_url';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** RFC 8058 asks for an https unsubscribe URI; plain http is allowed on loopback only, for development and tests. */
function checkedUrl(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvitationMessageError(
      `${what}: not an absolute URL: expected one such as https://survey.school.example/s/…`,
    );
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure)
    throw new InvitationMessageError(
      `${what}: expected an https URL (http only on localhost), got scheme "${url.protocol}" on ${url.hostname}: set the collector's public address to https`,
    );
  if (url.username || url.password)
    throw new InvitationMessageError(
      `${what}: a URL with a user name or password would be mailed to every learner: remove them`,
    );
  return url.href;
}

export function messageLanguage(language: string | undefined): MessageLanguage {
  const base = language?.toLowerCase().split('-')[0];
  return MESSAGE_LANGUAGES.find((l) => l === base) ?? 'en';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A name as one line of ordinary text: a school's export may carry line breaks or controls in a cell. */
function cleanName(name: string | undefined): string | undefined {
  const clean = name
    ?.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean ? clean.slice(0, 100) : undefined;
}

/** The last day the link works, in UTC: a link expiring at 2026-09-01T00:00Z works "until 31 August" inclusive. */
function lastDay(expiresAt: Date, language: MessageLanguage): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(expiresAt.getTime() - 1),
  );
}

export function composeInvitation(input: InvitationInput): ComposedMessage {
  const url = checkedUrl(input.url, 'link URL');
  const unsubscribeUrl = checkedUrl(input.unsubscribeUrl, 'unsubscribe URL');
  const language = messageLanguage(input.language);
  const t = MESSAGE_STRINGS[language];
  const reminder = input.kind === 'reminder';
  const subject = reminder ? t.reminderSubject : t.subject;
  const greeting = t.greeting(cleanName(input.name));
  const intro = reminder ? t.reminderIntro : t.intro;
  const validity = `${t.personal} ${t.validUntil(lastDay(input.expiresAt, language))}`;
  const text = [
    greeting,
    '',
    intro,
    '',
    `${t.action}: ${url}`,
    '',
    validity,
    '',
    `${t.unsubscribe} ${unsubscribeUrl}`,
    '',
  ].join('\n');
  const dir = RTL_MESSAGE_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  const p = (s: string) => `<p>${s}</p>`;
  const html = [
    `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    p(escapeHtml(greeting)),
    p(escapeHtml(intro)),
    p(`<a href="${escapeHtml(url)}">${escapeHtml(t.action)}</a>`),
    p(escapeHtml(validity)),
    p(`${escapeHtml(t.unsubscribe)} <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(unsubscribeUrl)}</a>`),
    '</body></html>',
  ].join('\n');
  return {
    language,
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
