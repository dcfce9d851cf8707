import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_LINK_KEYS } from '../../../collector/config/load-config.ts';
import { learnerHash } from '../../../collector/ingest/learner-hash.ts';
import { verifyLinkToken } from '../../../collector/links/link-token.ts';
import { sqliteStorage } from '../../../collector/storage/sqlite/sqlite-storage.ts';
import { freePort } from '../../support/free-port.ts';
import { exportFixture, runExport } from './run-export.ts';

// Issue 17: `npm run invite` as a process over a real SQLite file, and its --send against a real SMTP server on
// loopback that refuses one address for good (550) and defers another (450), the way mail hosts do. Contact events
// belong to the learner, survey and wave whatever the cohort, so each test has learners of its own.
const SECRET = 'invite-cli-test-learner-ref-secret-0123';
const SURVEY = 'outcomes-test';
const hash = (ref: string) => learnerHash(ref, SECRET);

type Received = { to: string[]; raw: string };
const received: Received[] = [];
const replyError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address: SMTPServerAddress, _session, callback) {
    if (address.address.startsWith('gone@')) return callback(replyError('5.1.1 No such user here', 550));
    if (address.address.startsWith('busy@')) return callback(replyError('4.2.1 Mailbox busy, try later', 450));
    return callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
      callback();
    });
  },
});

describe('npm run invite', () => {
  let fixture: Awaited<ReturnType<typeof exportFixture>>;
  let env: Record<string, string>;
  let smtpUrl = '';
  const file = (name: string, text: string) => {
    const path = join(fixture.dir, name);
    writeFileSync(path, text);
    return path;
  };
  /** Imports a roster of `refs` as `cohort`, all completed long enough ago that m6 is due. */
  const roster = async (cohort: string, refs: string[]) => {
    const path = file(`${cohort}.csv`, ['learner_ref,completed_at', ...refs.map((r) => `${r},2025-01-31`)].join('\n'));
    expect((await runExport(['import', '--cohort', cohort, path], env, 'cohort')).code).toBe(0);
  };
  const invite = (cohort: string, args: string[], extra: Record<string, string> = {}) =>
    runExport(['--survey', SURVEY, '--cohort', cohort, '--wave', 'm6', ...args], { ...env, ...extra }, 'invite');
  /** The kinds of the member's contact events for the survey and m6, as stored. */
  const events = async (cohort: string, ref: string) => {
    const storage = sqliteStorage(fixture.database);
    try {
      for await (const f of storage.memberFacts({ surveyId: SURVEY, cohortId: cohort, wave: 'm6' }))
        if (f.member.learnerHash === hash(ref)) return f.events.map((e) => e.kind);
      return undefined;
    } finally {
      await storage.close();
    }
  };
  const rates = async (cohort: string) => {
    const run = await runExport(
      ['--survey', SURVEY, '--cohort', cohort, '--wave', 'm6', '--format', 'json'],
      env,
      'response-rates',
    );
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };

  beforeAll(async () => {
    fixture = await exportFixture(0);
    env = {
      DATABASE_URL: `sqlite:${fixture.database}`,
      SURVEYS_DIR: fixture.surveysDir,
      LEARNER_REF_SECRET: SECRET,
      MIN_CELL: '1',
      ROUND_TO: '1',
      MIN_PERCENT_BASE: '1',
    };
    const port = await freePort();
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    rmSync(fixture.dir, { recursive: true, force: true });
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('writes the links file for the due members, records each as invited, and lists the others on stderr', async () => {
    await roster('c-file', ['ana', 'ben', '=cmd']);
    const list = file('file.csv', 'learner_ref,language\nana,fr\nzed,\nben,\n=cmd,es\n');
    const out = join(fixture.dir, 'links.csv');
    const run = await invite('c-file', ['--learners', list, '--out', out]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toContain('skipped zed: not_on_roster');
    expect(run.stderr).toContain('3 invitations written and recorded; 1 left out (not_on_roster 1)');
    const [header, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(header).toBe('learner_ref,url,expires_at,language');
    expect(rows).toHaveLength(3);
    const [ref, url, expiresAt, language] = rows[0].split(',');
    expect([ref, language]).toEqual(['ana', 'fr']);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    const token = url.replace(/^http:\/\/localhost:8787\/s\//, '');
    expect(verifyLinkToken(token, DEV_LINK_KEYS, new Date())).toMatchObject({
      ok: true,
      payload: { surveyId: SURVEY, learnerHash: hash('ana'), cohortId: 'c-file', wave: 'm6', language: 'fr' },
    });
    // A learner_ref that starts a formula is neutralised, as the export does.
    expect(rows[2].startsWith("'=cmd,")).toBe(true);
    expect(await events('c-file', 'ana')).toEqual(['invited']);
    expect(await events('c-file', 'ben')).toEqual(['invited']);

    // A reminder straight after: every member was written to less than 7 days ago.
    const reminder = await invite('c-file', ['--learners', list, '--reminder']);
    expect(reminder.code).toBe(0);
    expect(reminder.stdout).toBe('learner_ref,url,expires_at,language\r\n');
    expect(reminder.stderr).toContain('skipped ana: reminded_recently');
    expect(await events('c-file', 'ana')).toEqual(['invited']);
  });

  it('shows counts and three sample rows on --dry-run, and records nothing', async () => {
    await roster('c-dry', ['a1', 'a2', 'a3', 'a4']);
    const list = file('dry.csv', 'learner_ref\na1\na2\na3\na4\nzed\n');
    const run = await invite('c-dry', ['--learners', list, '--dry-run']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^a1,http:\/\/localhost:8787\/s\/dry-run,/);
    expect(run.stderr).toContain('dry run: 4 invitations would be made; nothing was signed or recorded; 1 left out');
    expect(await events('c-dry', 'a1')).toEqual([]);
  });

  it('refuses a list with a bad line, naming the line and column, and records nothing', async () => {
    await roster('c-bad', ['bad-ana', 'bad-ben']);
    const list = file('bad.csv', 'learner_ref,language\nbad-ana,fr\nbad-ben,fr_FR\n');
    const run = await invite('c-bad', ['--learners', list]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('line 3, column language: expected a BCP 47 language tag');
    expect(run.stderr).toContain('nothing was signed or recorded');
    expect(run.stdout).toBe('');
    expect(await events('c-bad', 'bad-ana')).toEqual([]);
  });

  it.each([
    [['--survey', SURVEY, '--wave', 'm6', '--learners', 'x.csv'], '--cohort is missing'],
    [['--survey', SURVEY, '--cohort', 'c', '--wave', 'm7', '--learners', 'x.csv'], '--wave "m7"'],
    [
      ['--survey', SURVEY, '--cohort', 'c', '--wave', 'm6', '--learners', 'x.csv', '--max-reminders', '2'],
      'add --reminder',
    ],
  ])('exits 2 on a wrong command line: %j', async (args, error) => {
    const run = await runExport(args, env, 'invite');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(error);
  });

  it('exits 1 naming the cohort when it has no roster', async () => {
    const list = file('none.csv', 'learner_ref\nana\n');
    const run = await invite('c-none', ['--learners', list]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cohort "c-none" has no roster');
  });

  it('refuses --send without SMTP_URL and SMTP_FROM', async () => {
    await roster('c-nosmtp', ['nosmtp-ana']);
    const list = file('nosmtp.csv', 'learner_ref,email\nnosmtp-ana,ana@mail.example\n');
    const run = await invite('c-nosmtp', ['--learners', list, '--send']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--send needs SMTP_URL');
    expect(await events('c-nosmtp', 'nosmtp-ana')).toEqual([]);
  });

  it('sends each link, records a refused address as undeliverable, and the dispositions give it 3.30', async () => {
    await roster('c-send', ['send-ana', 'gone']);
    const list = file(
      'send.csv',
      'learner_ref,email,language,name\nsend-ana,ana@mail.example,fr,Ana\ngone,gone@mail.example,,\n',
    );
    const run = await invite('c-send', ['--learners', list, '--send'], {
      SMTP_URL: smtpUrl,
      SMTP_FROM: 'outcomes@school.example',
    });
    expect(run.stderr).toContain('undeliverable gone: the server refused the message (550');
    expect(run.stderr).toContain('1 invitations sent and recorded, 1 undeliverable (recorded), 0 not sent');
    expect(run.code).toBe(0);
    const mail = received.find((m) => m.to.includes('ana@mail.example'));
    const raw = (mail?.raw ?? '').replace(/\r\n[ \t]+/g, ' ').replace(/=\r\n/g, '');
    expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/localhost:8787\/s\/[A-Za-z0-9_-]+\/unsubscribe>\r$/m);
    expect(raw).toContain('Bonjour Ana,');
    expect(received.some((m) => m.to.includes('gone@mail.example'))).toBe(false);
    expect(await events('c-send', 'send-ana')).toEqual(['invited']);
    expect(await events('c-send', 'gone')).toEqual(['undeliverable']);
    const r = await rates('c-send');
    expect(r.dispositions['3.30']).toBe(1);
    expect(r.dispositions['2.20']).toBe(1);
  });

  it('stops at a deferred message (4xx), exits 3, and records only what the server accepted', async () => {
    await roster('c-busy', ['busy-ana', 'busy', 'carl']);
    const list = file(
      'busy.csv',
      'learner_ref,email\nbusy-ana,ana2@mail.example\nbusy,busy@mail.example\ncarl,carl@mail.example\n',
    );
    const run = await invite('c-busy', ['--learners', list, '--send'], {
      SMTP_URL: smtpUrl,
      SMTP_FROM: 'outcomes@school.example',
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('not sent busy: the run stopped before it');
    expect(run.stderr).toContain('not sent carl');
    expect(run.stderr).toContain('sending stopped: SMTP server');
    expect(await events('c-busy', 'busy-ana')).toEqual(['invited']);
    expect(await events('c-busy', 'busy')).toEqual([]);
    expect(await events('c-busy', 'carl')).toEqual([]);
  });
});
