/**
 * The signed-in user and their profile, read once per request. The role comes from `profiles` (under
 * RLS), never from user_metadata, which the user can change themselves.
 */
import 'server-only';
import { cache } from 'react';
import { isAuthRetryableFetchError, type User } from '@supabase/supabase-js';
import { createClient } from '@/lib/supabase/server';
import type { Tables } from '@/lib/supabase/database.types';

export type Profile = Pick<Tables<'profiles'>, 'id' | 'full_name' | 'role' | 'agency_id' | 'active' | 'wall_display'>;

export type Session =
  | { status: 'signed_out' }
  | { status: 'no_profile'; user: User }
  | { status: 'inactive'; user: User; profile: Profile }
  | { status: 'active'; user: User; profile: Profile };

export const getSession = cache(async (): Promise<Session> => {
  const supabase = await createClient();
  const { data: userData, error: userError } = await supabase.auth.getUser();
  if (userError || !userData.user) {
    // A missing, expired or revoked session means "signed out"; an unreachable auth API is a fault.
    if (userError && (isAuthRetryableFetchError(userError) || (userError.status ?? 0) >= 500)) throw userError;
    return { status: 'signed_out' };
  }
  const user = userData.user;
  const { data: profile, error } = await supabase
    .from('profiles')
    .select('id, full_name, role, agency_id, active, wall_display')
    .eq('id', user.id)
    .maybeSingle();
  if (error) throw new Error(`Reading the profile of ${user.id} failed: ${error.message}`);
  if (!profile) return { status: 'no_profile', user };
  if (!profile.active) return { status: 'inactive', user, profile };
  return { status: 'active', user, profile };
});
