import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The widget's built files (dist/, `npm run build`) as the link page loads them from /s/assets/. Only a file the
// bundler's manifest lists is served, so no name from a URL ever reaches the file system unchecked.

export type WidgetFile = { body: Buffer; type: string; cacheControl: string };
export type WidgetLookup =
  | { ok: true; file: WidgetFile }
  | { ok: false; status: 404 | 503; code: 'not_built' | 'not_a_widget_file'; message: string };

/** The sync service worker plus the link page's offline cache (Part C's build), served as /s/outcome-survey-sw.js. */
export const LINK_SW_FILE = 'outcome-survey-link-sw.js';
const MANIFEST = join('.vite', 'manifest.json');
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
// Hashed chunk names change with their content, so a browser may keep them for good; entries keep their names.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

type ManifestEntry = { file?: unknown; css?: unknown; isEntry?: unknown };
/** Served name → whether it is an entry (an unhashed name). */
type Listing = Map<string, boolean>;

const typeOf = (name: string) => TYPES[name.slice(name.lastIndexOf('.') + 1)];

export class WidgetDist {
  readonly #dir: string;
  #listing: { mtimeMs: number; files: Listing } | undefined;

  constructor(dir: string) {
    this.#dir = dir;
  }

  #notBuilt(what: string): WidgetLookup {
    return {
      ok: false,
      status: 503,
      code: 'not_built',
      message: `the widget is not built: ${what} is missing in ${JSON.stringify(this.#dir)} (WIDGET_DIST); run \`npm run build\``,
    };
  }

  /** The manifest's files, read again only when the manifest changed (a rebuild while the collector runs). */
  #files(): Listing | undefined {
    const path = join(this.#dir, MANIFEST);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return undefined;
    }
    if (this.#listing?.mtimeMs === mtimeMs) return this.#listing.files;
    const files: Listing = new Map();
    let manifest: Record<string, ManifestEntry>;
    try {
      manifest = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      return undefined; // half written by a build in progress: answered as not built, read again next time
    }
    for (const entry of Object.values(manifest)) {
      if (typeof entry.file === 'string') files.set(entry.file, entry.isEntry === true);
      if (Array.isArray(entry.css)) for (const css of entry.css) if (typeof css === 'string') files.set(css, false);
    }
    this.#listing = { mtimeMs, files };
    return files;
  }

  #read(name: string, cacheControl: string): WidgetLookup {
    try {
      return { ok: true, file: { body: readFileSync(join(this.#dir, name)), type: typeOf(name) ?? '', cacheControl } };
    } catch {
      return this.#notBuilt(name);
    }
  }

  /** A file of the widget's bundle by its name in the manifest (top level only: the bundle has no folders). */
  asset(name: string): WidgetLookup {
    const files = this.#files();
    if (!files) return this.#notBuilt(MANIFEST);
    const entry = files.get(name);
    if (entry === undefined || name.includes('/') || typeOf(name) === undefined)
      return {
        ok: false,
        status: 404,
        code: 'not_a_widget_file',
        message: `${JSON.stringify(name.slice(0, 100))} is not a file of the widget's build: /s/assets/ serves only the files of ${JSON.stringify(join(this.#dir, MANIFEST))}`,
      };
    return this.#read(name, entry ? REVALIDATE : IMMUTABLE);
  }

  /** The link page's service worker: always revalidated, so a new build reaches devices at their next visit. */
  serviceWorker(): WidgetLookup {
    return this.#read(LINK_SW_FILE, REVALIDATE);
  }
}
