/**
 * Session refresh for the root proxy: validates the session cookie with the auth API on every
 * request and writes rotated tokens to both the request (for this render) and the response (for the
 * browser), so server components always see a fresh session. Access decisions stay in the pages.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { createServerClient } from '@supabase/ssr';
import { NodeRealtimeTransport } from './node-realtime-transport';
import type { Database } from './database.types';
import { readSupabaseConfig } from './runtime-config';
import { SESSION_COOKIE_NAME } from './session-cookie';
import { REQUEST_PATH_HEADER } from '@/lib/auth/return-path';

export async function updateSession(request: NextRequest): Promise<NextResponse> {
  // Pages read it to send a signed-out visitor back here after signing in (lib/auth/return-path.ts).
  request.headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  let response = NextResponse.next({ request });
  const { url, anonKey } = readSupabaseConfig();
  const supabase = createServerClient<Database>(url, anonKey, {
    cookieOptions: { name: SESSION_COOKIE_NAME },
    realtime: { transport: NodeRealtimeTransport },
    cookies: {
      getAll() {
        return request.cookies.getAll();
      },
      setAll(cookiesToSet, headers) {
        for (const { name, value } of cookiesToSet) request.cookies.set(name, value);
        response = NextResponse.next({ request });
        for (const { name, value, options } of cookiesToSet) response.cookies.set(name, value, options);
        // Cache-control headers from @supabase/ssr keep a CDN from caching a response that sets a session.
        for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
      },
    },
  });
  // Nothing may run between creating the client and this call: it is what refreshes the tokens.
  await supabase.auth.getClaims();
  return response;
}
