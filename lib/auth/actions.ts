'use server';
/**
 * Sign-in and sign-out as server actions. The server client writes the session cookies, so server
 * components see the user on the very next request, and the login page ships no Supabase code to
 * the browser.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isAuthApiError, isAuthRetryableFetchError, type AuthError } from '@supabase/supabase-js';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/demo-users';
import { createClient } from '@/lib/supabase/server';
import { isDemoMode } from './demo-mode';
import { safeReturnPath } from './return-path';
import type { LoginErrorCode, LoginState } from './login-state';

function classify(error: AuthError): LoginErrorCode {
  if (error.code === 'invalid_credentials') return 'invalid';
  if (isAuthApiError(error) && error.status === 400) return 'invalid';
  if (!isAuthRetryableFetchError(error)) {
    // Unexpected answer from the auth API: the user sees "unavailable"; the server log keeps the cause.
    console.error('Sign-in failed unexpectedly', error);
  }
  return 'unavailable';
}

/** The browser's address as Next.js received it (it sets x-forwarded-for from the socket when absent). */
async function browserAddress(): Promise<string | undefined> {
  const value = (await headers()).get('x-forwarded-for')?.trim();
  // Bounded and plain: an address list, never free text passed on.
  return value && value.length <= 512 && /^[0-9a-fA-F.:, ]+$/.test(value) ? value : undefined;
}

async function signInWith(email: string, password: string, next: unknown): Promise<LoginState> {
  const supabase = await createClient({ forwardedFor: await browserAddress() });
  const { error } = await supabase.auth.signInWithPassword({ email, password });
  if (error) return { error: error.status === 429 ? 'rateLimited' : classify(error), email };
  // Back to the page asked for before signing in, else the home page sends the user to their area.
  redirect(safeReturnPath(next) ?? '/');
}

export async function signIn(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get('email') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  if (email === '' || password === '') return { error: 'missing', email };
  return signInWith(email, password, formData.get('next'));
}

export async function signInAsDemoUser(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get('email') ?? '');
  // Without demo mode the demo password must not open anything from this button.
  if (!isDemoMode()) return { error: 'demoOff', email: '' };
  if (!DEMO_USERS.some((user) => user.email === email)) return { error: 'invalid', email: '' };
  return signInWith(email, DEMO_PASSWORD, formData.get('next'));
}

export async function signOut(): Promise<void> {
  const supabase = await createClient();
  const { error } = await supabase.auth.signOut();
  // An already-ended session is fine: the cookies are cleared either way.
  if (error && (isAuthRetryableFetchError(error) || (error.status ?? 0) >= 500)) throw error;
  redirect('/login');
}
