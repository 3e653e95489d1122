/**
 * Next.js 16 proxy (formerly middleware): keeps the Supabase session cookie fresh on every page
 * request. Static assets are excluded so they never wait for the auth API.
 */
import type { NextRequest } from 'next/server';
import { updateSession } from '@/lib/supabase/proxy';

export async function proxy(request: NextRequest) {
  return updateSession(request);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|css|js|map|json|txt)$).*)'],
};
