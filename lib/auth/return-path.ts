/**
 * Where to go after signing in: the page the visitor asked for before being sent to /login (so a
 * wall display that opens /wall comes back to /wall without anyone touching it). Only paths on this
 * site count; anything that could leave it (`//host`, `/\host`, `https:`) falls back to the home page.
 */
export const REQUEST_PATH_HEADER = 'x-request-path';

export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 512) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\u0000-\u001f]/.test(value)) return null;
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return null;
  return value;
}

export function loginPathFor(requestedPath: string | null): string {
  const back = safeReturnPath(requestedPath);
  return back && back !== '/' ? `/login?next=${encodeURIComponent(back)}` : '/login';
}
