/** An error from a dashboard request, carrying the HTTP status so callers branch on it, never on the wording. */
export class RequestError extends Error {
  constructor(path, status, message) {
    super(`${path}: ${status} ${message}`);
    this.name = 'RequestError';
    this.status = status;
  }
}

/** GET a JSON answer with the bearer token; a non-2xx answer throws a RequestError with the server's own words. */
export async function getJson(path, token) {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new RequestError(path.split('?')[0], res.status, body.error ?? res.statusText);
  return body;
}
