// npm run site-key -- add --origin URL [--origin URL …] [--key KEY] [--config FILE]
// Exits 2 on a bad command line (as export does), 1 when a file cannot be read or written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { addSiteKey, parseSiteKeys, type SiteKeyEntries, SiteKeyError } from '../config/add-site-key.ts';

const USAGE = `usage: npm run site-key -- add --origin URL [--origin URL …] [--key KEY] [--config FILE]
  add              issue a new site key (random, unguessable) for the pages at these origins
  --origin URL     an origin the widget posts from: scheme, host and port, no path (repeatable)
  --key KEY        a key of your own instead of a random one
  --config FILE    add the key to this COLLECTOR_CONFIG JSON file (created if missing; other
                   settings and keys are kept); without it, the command prints the SITE_KEYS
                   value to set: the current one (SITE_KEYS, or COLLECTOR_CONFIG's) plus the new key
Then restart the collector, and give the product team the key for data-site-key="KEY".
`;

class UsageError extends Error {}

function commandLine() {
  try {
    return parseArgs({
      options: {
        origin: { type: 'string', multiple: true },
        key: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function readJsonObject(file: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`--config: cannot read ${file}: ${(err as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error(`--config: ${file} must hold a JSON object of settings`);
  return json as Record<string, unknown>;
}

/** What the collector would read today, from the same places in the same order (the environment wins). */
function currentSiteKeys(): SiteKeyEntries {
  if (process.env.SITE_KEYS) return parseSiteKeys(process.env.SITE_KEYS, 'SITE_KEYS');
  const file = process.env.COLLECTOR_CONFIG;
  if (file) return parseSiteKeys(readJsonObject(file).SITE_KEYS ?? {}, `COLLECTOR_CONFIG (${file}) SITE_KEYS`);
  return {};
}

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

function main(): void {
  const { values, positionals } = commandLine();
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals[0] !== 'add' || positionals.length > 1)
    throw new UsageError(
      `expected the command "add", got ${positionals.length ? JSON.stringify(positionals.join(' ')) : 'none'}`,
    );
  const origins = values.origin ?? [];
  const file = values.config;
  const settings = file && existsSync(file) ? readJsonObject(file) : {};
  const existing = file ? parseSiteKeys(settings.SITE_KEYS ?? {}, `${file} SITE_KEYS`) : currentSiteKeys();
  const { key, siteKeys } = addSiteKey(existing, origins, values.key);
  const lines = [`New site key for ${origins.join(', ')}:`, '', `  ${key}`, ''];
  if (file) {
    writeFileSync(file, `${JSON.stringify({ ...settings, SITE_KEYS: siteKeys }, null, 2)}\n`);
    lines.push(`Added to ${file}. Start the collector with COLLECTOR_CONFIG=${file}.`);
    if (process.env.SITE_KEYS)
      lines.push(
        'SITE_KEYS is also set in this environment, and it wins over the file: unset it, or add the key there.',
      );
  } else {
    lines.push(
      'Set on the collector (the whole value: the keys it has now, and the new one):',
      '',
      `  SITE_KEYS=${shellQuote(JSON.stringify(siteKeys))}`,
    );
  }
  lines.push(
    '',
    'Restart the collector, then embed the key in the page:',
    `  <script type="module" src=".../outcome-survey.js" data-endpoint="COLLECTOR_URL" data-site-key="${key}" …></script>`,
    '',
  );
  process.stdout.write(lines.join('\n'));
}

try {
  main();
} catch (err) {
  const usage = err instanceof UsageError || err instanceof SiteKeyError;
  process.stderr.write(
    `site-key failed: ${(err as Error).message}\n${usage ? 'npm run site-key -- --help lists the options\n' : ''}`,
  );
  process.exitCode = usage ? 2 : 1;
}
