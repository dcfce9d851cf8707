import type { ContactEventKind } from '../../protocol/index.ts';

/**
 * Contact attempts the collector itself makes and records (issue 17): a personal link sent, a reminder sent, and a
 * message the SMTP server refused. They share `contact_events` with what devices send, so a member's disposition
 * sees them beside `shown` and `started`; devices can never send them (protocol/contact-event.ts lists theirs).
 */
export const COLLECTOR_EVENT_KINDS = ['invited', 'reminded', 'undeliverable'] as const;
export type CollectorEventKind = (typeof COLLECTOR_EVENT_KINDS)[number];

/** Every kind a stored contact event may have. */
export type StoredEventKind = ContactEventKind | CollectorEventKind;

/** The site key recorded on the collector's own contact attempts: no site sent them. */
export const COLLECTOR_SITE_KEY = 'collector';
