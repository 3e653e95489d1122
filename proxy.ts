/**
 * Next.js 16 proxy (formerly middleware): keeps the Supabase session cookie fresh on every page
 * request and sets the security headers (a nonce-based CSP among them). Static assets are excluded
 * so they never wait for the auth API; they get the static headers of next.config.ts. The telephony
 * webhook has no session either: it is signed by the PBX.
 */
import type { NextRequest } from 'next/server';
import { updateSession } from '@/lib/supabase/proxy';
import { readSupabaseConfig } from '@/lib/supabase/runtime-config';
import { tileConfigFromEnv } from '@/lib/map/tile-config';
import { securityHeaders } from '@/lib/security/security-headers';

export async function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const headers = securityHeaders({
    nonce,
    supabaseUrl: readSupabaseConfig().url,
    pageHostname: request.nextUrl.hostname,
    tileUrl: tileConfigFromEnv().url,
    // Behind a TLS-terminating proxy the request arrives as http with x-forwarded-proto https.
    https: request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https',
    development: process.env.NODE_ENV === 'development',
  });
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  request.headers.set('content-security-policy', headers['content-security-policy']);
  const response = await updateSession(request);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/telephony/|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|css|js|map|json|txt)$).*)'],
};
