/**
 * Where to go after signing in: the page the visitor asked for before being sent to /login (so a
 * wall display that opens /wall comes back to /wall without anyone touching it). Only paths on this
 * site count. The value is resolved the way a browser would resolve it against our own origin
 * (dot segments, `%2e`, backslashes), and kept only if the origin is unchanged and the resolved
 * path cannot be read as another host (`//host`); the resolved form is what is returned, so the
 * browser never re-interprets request text.
 */
export const REQUEST_PATH_HEADER = 'x-request-path';

/** A stand-in origin: `.invalid` never resolves, so nothing here can depend on a real host. */
const OWN_ORIGIN = 'http://app.invalid';
const MAX_RETURN_PATH_LENGTH = 512;

export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_RETURN_PATH_LENGTH) return null;
  if (!value.startsWith('/') || /[\u0000-\u001f\u007f]/.test(value)) return null;
  let resolved: URL;
  try {
    resolved = new URL(value, OWN_ORIGIN);
  } catch {
    return null;
  }
  if (resolved.origin !== OWN_ORIGIN) return null;
  const path = resolved.pathname + resolved.search + resolved.hash;
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return null;
  if (resolved.pathname === '/login' || resolved.pathname.startsWith('/login/')) return null;
  return path;
}

export function loginPathFor(requestedPath: string | null): string {
  const back = safeReturnPath(requestedPath);
  return back && back !== '/' ? `/login?next=${encodeURIComponent(back)}` : '/login';
}
