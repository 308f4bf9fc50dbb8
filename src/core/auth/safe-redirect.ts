/**
 * Where to send someone after a login: only a path on this site. Anything else — absolute URLs, protocol-relative
 * `//host`, backslash tricks (`/\host`), control characters, or pages of the login flow itself — falls back to
 * `fallback`, so a crafted link can never turn piazza into an open redirect.
 */
export function safeNext(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, 'http://piazza.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://piazza.invalid') return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return fallback;
  return path;
}
