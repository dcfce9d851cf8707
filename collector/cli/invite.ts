// npm run invite -- --survey ID --cohort ID --wave W --learners FILE.csv [--out links.csv] [--reminder]
//   [--max-reminders N] [--spacing-days D] [--dry-run] [--send] | --help
// One invitation round from the school's own list (README "Invitations and reminders"); exit codes in --help.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { type Config, loadConfig } from '../config/load-config.ts';
import { DEFAULT_SCHEDULE } from '../denominators/wave-schedule.ts';
import { contactAttempts } from '../invitations/contact-attempts.ts';
import { linkRow } from '../invitations/invitation-answer.ts';
import { INVITE_USAGE, InviteArgsError, parseInviteArgs } from '../invitations/invite-args.ts';
import { linksCsv, problemsText, sampleCsv, summaryText } from '../invitations/invite-text.ts';
import { InvitationRunError, planInvitations, recordHandedOut } from '../invitations/run-invitations.ts';
import { readSchoolList } from '../invitations/school-list-csv.ts';
import { sendInvitations } from '../invitations/send-invitations.ts';
import { createSmtpSender, SmtpSendError } from '../invitations/smtp-send.ts';
import { SurveyRegistry } from '../surveys/survey-registry.ts';
import { openExistingStorage } from './open-existing-storage.ts';

/** Refused before anything was recorded: the message says what to fix. */
class Refused extends Error {}

/** Where links point: PUBLIC_URL, else (development only) the collector on this machine. */
function baseUrl(config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  if (config.production)
    throw new Refused(
      'PUBLIC_URL is not set: links must start with the address learners reach the collector at; set PUBLIC_URL, such as https://survey.school.example',
    );
  return `http://localhost:${config.port}`;
}

async function main(): Promise<void> {
  const args = parseInviteArgs(process.argv.slice(2));
  if (args.kind === 'help') {
    process.stdout.write(`${INVITE_USAGE}\n`);
    return;
  }
  const config = loadConfig(process.env);
  if (args.send && !(config.smtpUrl && config.smtpFrom))
    throw new Refused(
      '--send needs SMTP_URL (such as smtp://user:password@mail.school.example:587) and SMTP_FROM (the sender address); set both, or leave out --send and mail the links file yourself',
    );
  const base = baseUrl(config);
  // Read whole before storage is opened, so a refused file never touches the database.
  let list: Awaited<ReturnType<typeof readSchoolList>>;
  try {
    list = await readSchoolList(createReadStream(args.learners, 'utf8'), { needEmail: args.send });
  } catch (err) {
    throw new Refused(`cannot read ${args.learners}: ${(err as Error).message}`);
  }
  if (!list.ok) {
    process.stderr.write(problemsText(args.learners, list.problems, list.more));
    process.exitCode = 1;
    return;
  }

  const surveys = SurveyRegistry.fromFolder(config.surveysDir);
  const storage = await openExistingStorage(config.databaseUrl);
  try {
    const deps = {
      storage,
      latestVersion: (id: string) => surveys.latest(id)?.version,
      linkKeys: config.linkKeys,
      learnerRefSecret: config.learnerRefSecret,
      linkExpiryDays: config.linkExpiryDays,
      schedule: DEFAULT_SCHEDULE,
    };
    const request = {
      surveyId: args.surveyId,
      cohortId: args.cohortId,
      wave: args.wave,
      learners: list.learners,
      options: args.options,
      dryRun: args.dryRun,
      baseUrl: base,
      now: new Date(),
    };
    const plan = await planInvitations(deps, request).catch((err) => {
      throw err instanceof InvitationRunError ? new Refused(err.message) : err;
    });

    if (plan.dryRun) {
      process.stdout.write(sampleCsv(plan));
      process.stderr.write(summaryText(plan));
      return;
    }
    if (!args.send) {
      // Recorded once the links are written: a file that could not be written hands nothing out.
      await output(args.out, linksCsv(plan.invitations.map(linkRow)));
      await recordHandedOut(
        storage,
        plan,
        plan.invitations.map((i) => i.learnerHash),
        new Date(),
      );
      process.stderr.write(summaryText(plan));
      return;
    }

    const sender = createSmtpSender(config.smtpUrl as string);
    const sent = await sendInvitations(plan, sender, config.smtpFrom as string).finally(() => sender.close());
    const at = new Date();
    await recordHandedOut(
      storage,
      plan,
      sent.sent.map((i) => i.learnerHash),
      at,
    );
    await storage.insertContactEvents(
      contactAttempts(
        plan,
        'undeliverable',
        sent.undeliverable.map((u) => u.learnerHash),
        at,
      ),
    );
    if (args.out) await output(args.out, linksCsv(sent.sent.map(linkRow)));
    process.stderr.write(summaryText(plan, sent));
    if (sent.stopped) process.exitCode = 3;
  } finally {
    await storage.close();
  }
}

async function output(out: string | undefined, text: string): Promise<void> {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(out, text, { flag: 'w' });
  } catch (err) {
    throw new Refused(`cannot write the links file ${out}: ${(err as Error).message}`);
  }
}

main().catch((err: Error) => {
  const usage = err instanceof InviteArgsError;
  const refused = err instanceof Refused || err instanceof SmtpSendError;
  // A usage error already starts with "npm run invite:".
  process.stderr.write(
    usage
      ? `${err.message}\n`
      : refused
        ? `npm run invite: ${err.message}; nothing was recorded\n`
        : `invite failed: ${err.message}\n`,
  );
  process.exitCode = usage ? 2 : 1;
});
