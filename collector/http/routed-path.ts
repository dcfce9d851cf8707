import { getPath } from 'hono/utils/url';

/**
 * The path Hono routes by: its own (percent-decoded, so "/v1/%65xport" is /v1/export) with runs of
 * slashes collapsed, so "/v1//export" reaches the /v1/export route and its authorisation rather
 * than a 404 that would tell a prober nothing but also protect nothing the day a router matched it.
 */
export function routedPath(request: Request): string {
  return getPath(request).replace(/\/{2,}/g, '/');
}
