import type { SiteKeys } from '../config/config-schema.ts';
import { LINK_SITE_KEY, linkPageOrigin } from '../links/link-site.ts';
import { quote } from './json-error.ts';

export type SiteDenial = { status: 401 | 403; error: string };

/** The link page's built-in site key (collector/links/link-site.ts): on when LINK_KEYS is set. */
export type LinkSite = { enabled: boolean; publicUrl: string | undefined };

/**
 * Site keys are public (they sit in the host page), so the origin check is what
 * stops other websites' browsers from posting. A request without Origin comes
 * from a non-browser client (browsers send Origin on every POST and CORS
 * request) and is allowed with a valid key: a key is not a secret, and the rate
 * limits bound what such a client can do.
 */
export class SiteAccess {
  readonly #origins: Map<string, Set<string>>;
  readonly #learnerSecrets: Map<string, string>;
  readonly allOrigins: Set<string>;
  readonly #link: LinkSite;

  constructor(siteKeys: SiteKeys, link: LinkSite = { enabled: false, publicUrl: undefined }) {
    this.#link = link;
    this.#origins = new Map(Object.entries(siteKeys).map(([key, site]) => [key, new Set(site.origins)]));
    this.allOrigins = new Set(Object.values(siteKeys).flatMap((s) => s.origins));
    this.#learnerSecrets = new Map(
      Object.entries(siteKeys).flatMap(([key, site]) => (site.learnerSecret ? [[key, site.learnerSecret]] : [])),
    );
  }

  /** The secret a site key's learnerRefs are signed with; undefined when the site key trusts its refs unsigned. */
  learnerSecret(siteKey: string): string | undefined {
    return this.#learnerSecrets.get(siteKey);
  }

  /** Site keys whose learnerRefs anyone holding the public key could forge: production warns about them. */
  withoutLearnerSecret(): string[] {
    return [...this.#origins.keys()].filter((key) => !this.#learnerSecrets.has(key));
  }

  /** `requestUrl` is the URL the request arrived at: the link page's origin when PUBLIC_URL is unset. */
  check(siteKey: unknown, origin: string | undefined, requestUrl?: string): SiteDenial | undefined {
    if (typeof siteKey !== 'string' || siteKey === '') return { status: 401, error: 'missing siteKey' };
    // Built in, so it wins over a SITE_KEYS entry of the same name: only the collector's own page may use it.
    if (siteKey === LINK_SITE_KEY && this.#link.enabled) {
      const own =
        requestUrl === undefined && this.#link.publicUrl === undefined
          ? undefined
          : linkPageOrigin(this.#link.publicUrl, requestUrl ?? '');
      if (origin !== undefined && origin !== own)
        return {
          status: 403,
          error: `origin ${quote(origin, 200)} is not allowed for siteKey ${quote(siteKey)}: it is the collector's own link page's (${own ?? 'this collector'}), not a host site's`,
        };
      return undefined;
    }
    const origins = this.#origins.get(siteKey);
    if (!origins) return { status: 401, error: `unknown siteKey ${quote(siteKey)}` };
    if (origin !== undefined && !origins.has(origin))
      return { status: 403, error: `origin ${quote(origin, 200)} is not allowed for siteKey ${quote(siteKey)}` };
    return undefined;
  }
}
