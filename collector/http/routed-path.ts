/** Decoded, slashes collapsed, lower case: so "/v1//export" or "/v1/%65xport" match what they route to. */
export function normalizePath(path: string): string {
  let p = path;
  try {
    p = decodeURIComponent(path);
  } catch {
    // undecodable: use the raw path
  }
  return p.replace(/\/{2,}/g, '/').toLowerCase();
}
