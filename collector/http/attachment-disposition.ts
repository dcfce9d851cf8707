// RFC 6266 §4.3 and RFC 8187: the quoted `filename` is for old clients and must stay plain ASCII without quotes or
// backslashes; `filename*` carries the exact name, percent-encoded, so no character of it can end the header value.
const PLAIN = /^[A-Za-z0-9._-]+$/;
const encode = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `Content-Disposition` for a download named `fileName`, safe whatever the name holds (issue 14, item 4). */
export function attachmentDisposition(fileName: string): string {
  if (PLAIN.test(fileName)) return `attachment; filename="${fileName}"`;
  const fallback = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encode(fileName)}`;
}
