'use client';
/**
 * Sends every open screen of a user back to the login page as soon as their account stops being
 * usable (issue #13): their profile row turns inactive (an admin deactivated it; the next request
 * would be refused by RLS anyway) or the auth client signs out (a refresh refused because the user
 * was banned or their password reset). A role or agency change reloads the page, whose server-side
 * role check then decides. Mounted once, by AppShell, for every signed-in area.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { loginPathFor } from '@/lib/auth/return-path';
import { useLiveOwnProfile } from '@/lib/realtime/use-live-own-profile';
import type { AppRole } from '@/lib/domain/workflow';

export function AccountWatchLive({ userId, role, agencyId }: { userId: string; role: AppRole; agencyId: string | null }) {
  const client = useMemo(() => createClient(), []);
  const router = useRouter();
  const { rows } = useLiveOwnProfile(client, userId);
  const leaving = useRef(false);

  useEffect(() => {
    const leave = async () => {
      if (leaving.current) return;
      leaving.current = true;
      // Local only: the server session is gone or useless already; this clears this browser's cookies.
      await client.auth.signOut({ scope: 'local' }).catch(() => undefined);
      window.location.assign(loginPathFor(window.location.pathname + window.location.search));
    };
    const own = rows.find((r) => r.id === userId);
    if (own && !own.active) void leave();
    else if (own && (own.role !== role || own.agency_id !== agencyId)) router.refresh();
    const { data } = client.auth.onAuthStateChange((event) => {
      if (event === 'SIGNED_OUT') void leave();
    });
    return () => data.subscription.unsubscribe();
  }, [client, rows, userId, role, agencyId, router]);

  return null;
}
