import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Peer = { name: string; files: string[]; versions: Record<string, string>; note?: string };

// @formbricks/surveys is not in the brief's install line but holds the surveys bundle
// @formbricks/js injects at run time; 1.99.0 is its last npm build (shared/research/peer-bundles.md).
const PACKAGES = [
  'posthog-js',
  '@formbricks/js',
  '@formbricks/surveys@1.99.0',
  'survey-core',
  'survey-js-ui',
  '@typeform/embed',
];

export const installCommand = (dir: string) =>
  `npm install --prefix ${dir} --no-save --ignore-scripts --no-audit --no-fund ${PACKAGES.join(' ')}`;

/** Installs the peers into a scratch folder (never into the project); returns why not, if the registry is out of reach. */
export function installPeers(dir: string): { ok: true } | { ok: false; reason: string } {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('npm', installCommand(dir).split(' ').slice(1), { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  if (r.status === 0) return { ok: true };
  const tail = `${r.stderr}`.trim().split('\n').slice(-3).join(' / ');
  return { ok: false, reason: `npm could not install the peers (registry unreachable?): ${tail || r.signal}` };
}

/** Which files each peer makes a page download to show a survey (per shared/research/peer-bundles.md). */
export function peerFiles(dir: string): Peer[] {
  const nm = join(dir, 'node_modules');
  const version = (pkg: string) => JSON.parse(readFileSync(join(nm, pkg, 'package.json'), 'utf8')).version as string;
  const file = (pkg: string, path: string) => {
    const f = join(nm, pkg, path);
    if (!existsSync(f)) throw new Error(`peer ${pkg}@${version(pkg)}: ${path} is no longer in the package`);
    return f;
  };
  return [
    {
      name: 'PostHog (array.js + lazy surveys.js)',
      files: [file('posthog-js', 'dist/array.js'), file('posthog-js', 'dist/surveys.js')],
      versions: { 'posthog-js': version('posthog-js') },
    },
    {
      name: 'Formbricks (loader + surveys bundle)',
      files: [file('@formbricks/js', 'dist/index.cjs'), file('@formbricks/surveys', 'dist/index.umd.js')],
      versions: { '@formbricks/js': version('@formbricks/js'), '@formbricks/surveys': version('@formbricks/surveys') },
      note: 'lower bound: leaves out formbricks.umd.cjs (js-core), which is not on npm',
    },
    {
      name: 'SurveyJS (core + UI + CSS)',
      files: [
        file('survey-core', 'survey.core.min.js'),
        file('survey-js-ui', 'survey-js-ui.min.js'),
        file('survey-core', 'survey-core.min.css'),
      ],
      versions: { 'survey-core': version('survey-core'), 'survey-js-ui': version('survey-js-ui') },
    },
    {
      name: 'Typeform (embed.js + widget.css)',
      files: [file('@typeform/embed', 'build/embed.js'), file('@typeform/embed', 'build/css/widget.css')],
      versions: { '@typeform/embed': version('@typeform/embed') },
      note: 'host page only: the form renders in an iframe from typeform.com (not counted)',
    },
  ];
}
