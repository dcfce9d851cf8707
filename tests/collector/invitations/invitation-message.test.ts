import { describe, expect, it } from 'vitest';
import {
  composeInvitation,
  type InvitationInput,
  InvitationMessageError,
  messageLanguage,
} from '../../../collector/invitations/invitation-message.ts';
import { MESSAGE_LANGUAGES, MESSAGE_STRINGS } from '../../../collector/invitations/invitation-strings.ts';
import { UI_LOCALES } from '../../../widget/i18n/ui-locales.ts';

const input: InvitationInput = {
  kind: 'invitation',
  language: 'fr',
  url: 'https://survey.school.example/s/AQJrMWnR',
  unsubscribeUrl: 'https://survey.school.example/s/AQJrMWnR/unsubscribe',
  expiresAt: new Date('2026-09-01T00:00:00Z'),
};

describe('composeInvitation', () => {
  it('writes a French invitation with the link, its last day and the way out', () => {
    const message = composeInvitation({ ...input, name: 'Ana' });
    expect(message.language).toBe('fr');
    expect(message.subject).toBe('Quelques questions sur votre parcours depuis la formation');
    expect(message.text).toContain('Bonjour Ana,');
    expect(message.text).toContain(`Répondre aux questions: ${input.url}`);
    expect(message.text).toContain('jusqu’au 31 août 2026 inclus');
    expect(message.text).toContain(`Pour ne plus recevoir ces questions : ${input.unsubscribeUrl}`);
    expect(message.html).toContain(`<a href="${input.url}">Répondre aux questions</a>`);
    expect(message.html).toContain('<html lang="fr" dir="ltr">');
  });

  it('carries the one-click unsubscribe headers of RFC 8058', () => {
    expect(composeInvitation(input).headers).toEqual({
      'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('writes a reminder with its own subject and words', () => {
    const message = composeInvitation({ ...input, kind: 'reminder', language: 'en' });
    expect(message.subject).toBe('Reminder: a few questions about your path since the course');
    expect(message.text).toContain('A few days ago we invited you');
    expect(message.text).toContain('It works until August 31, 2026.');
  });

  it.each([
    ['no name', undefined, 'Hello,'],
    ['an empty name', '  ', 'Hello,'],
    ['a name with a line break', 'Ana\r\nBcc: x@example.org', 'Hello Ana Bcc: x@example.org,'],
  ])('greets without a name it was not given: %s', (_, name, greeting) => {
    const message = composeInvitation({ ...input, language: 'en', name });
    expect(message.text.split('\n')[0]).toBe(greeting);
    expect(message.subject).not.toContain('Ana');
  });

  it('escapes the name in the HTML body', () => {
    const message = composeInvitation({ ...input, language: 'en', name: '<img src=x onerror=alert(1)>' });
    expect(message.html).not.toContain('<img');
    expect(message.html).toContain('Hello &lt;img src=x onerror=alert(1)&gt;,');
  });

  it.each([
    ['ar', 'rtl', 'بعض الأسئلة عن مسارك منذ الدورة'],
    ['es', 'ltr', 'Unas preguntas sobre su trayectoria desde el curso'],
    ['uk', 'ltr', 'Кілька запитань про ваш шлях після курсу'],
    ['ja', 'ltr', '受講後の進路についてのアンケート'],
    ['pt-BR', 'ltr', 'A few questions about your path since the course'],
    ['fr-CA', 'ltr', 'Quelques questions sur votre parcours depuis la formation'],
  ])('writes %s with direction %s', (language, dir, subject) => {
    const message = composeInvitation({ ...input, language });
    expect(message.subject).toBe(subject);
    expect(message.html).toContain(`dir="${dir}"`);
  });

  it('speaks every language the widget speaks', () => {
    expect([...MESSAGE_LANGUAGES].sort()).toEqual([...UI_LOCALES].sort());
    for (const language of MESSAGE_LANGUAGES) expect(messageLanguage(language)).toBe(language);
  });

  it.each(MESSAGE_LANGUAGES)('writes every string of %s differently from English, or is English', (language) => {
    const strings = MESSAGE_STRINGS[language];
    const english = MESSAGE_STRINGS.en;
    if (language === 'en') return;
    for (const key of [
      'subject',
      'reminderSubject',
      'intro',
      'reminderIntro',
      'action',
      'personal',
      'unsubscribe',
    ] as const)
      expect(strings[key]).not.toBe(english[key]);
  });

  it.each([
    ['an http link', { url: 'http://survey.school.example/s/x' }, 'link URL: expected an https URL'],
    [
      'an http unsubscribe URL',
      { unsubscribeUrl: 'http://survey.school.example/u' },
      'unsubscribe URL: expected an https URL',
    ],
    ['a relative link', { url: '/s/x' }, 'link URL: not an absolute URL'],
    [
      'a link with a password',
      { url: 'https://user:pw@survey.school.example/s/x' },
      'link URL: a URL with a user name or password',
    ],
    [
      'a mailto unsubscribe',
      { unsubscribeUrl: 'mailto:unsubscribe@school.example' },
      'unsubscribe URL: expected an https URL',
    ],
  ])('refuses %s', (_, change, message) => {
    let error: unknown;
    try {
      composeInvitation({ ...input, ...change });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvitationMessageError);
    expect((error as InvitationMessageError).code).toBe('invalid_url');
    expect((error as Error).message).toContain(message);
  });

  it('accepts http on loopback, for development', () => {
    const message = composeInvitation({
      ...input,
      url: 'http://127.0.0.1:8787/s/x',
      unsubscribeUrl: 'http://localhost:8787/u',
    });
    expect(message.headers['List-Unsubscribe']).toBe('<http://localhost:8787/u>');
  });
});
