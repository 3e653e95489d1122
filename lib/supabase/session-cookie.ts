/**
 * Name of the auth session cookie, fixed for every client. supabase-js derives the default name from
 * the API host (`sb-<first label>-auth-token`), and the browser may reach the API under another host
 * than the server does (see runtime-url.ts); with the default names they would not share the session.
 */
export const SESSION_COOKIE_NAME = 'sb-cilegon112-auth-token';
