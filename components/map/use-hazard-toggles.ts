'use client';
/**
 * The signed-in user's hazard-layer toggles, kept in localStorage under their own key so two people
 * sharing a console keep their own choice. Until the session is read every group shows.
 */
import { useCallback, useEffect, useState } from 'react';
import { ALL_GROUPS_ON, hazardTogglesKey, parseHazardToggles, serializeHazardToggles, type HazardToggles } from '@/lib/domain/hazard-toggles';
import type { HazardGroup } from '@/lib/domain/hazards';
import { createClient } from '@/lib/supabase/client';

export function useHazardToggles(): { toggles: HazardToggles; ready: boolean; setGroup: (group: HazardGroup, on: boolean) => void } {
  const [key, setKey] = useState<string | null>(null);
  const [toggles, setToggles] = useState<HazardToggles>(ALL_GROUPS_ON);

  useEffect(() => {
    let alive = true;
    // getSession reads the session cookie; it asks the server only to refresh an expired token.
    void createClient()
      .auth.getSession()
      .then(({ data }) => data.session?.user.id ?? null)
      // A map without a session (the login page has none) still works with its defaults.
      .catch(() => null)
      .then((userId) => {
        if (!alive) return;
        const k = hazardTogglesKey(userId);
        setKey(k);
        setToggles(parseHazardToggles(window.localStorage.getItem(k)));
      });
    return () => {
      alive = false;
    };
  }, []);

  const setGroup = useCallback(
    (group: HazardGroup, on: boolean) => {
      setToggles((current) => {
        const next = { ...current, [group]: on };
        if (key) window.localStorage.setItem(key, serializeHazardToggles(next));
        return next;
      });
    },
    [key],
  );
  return { toggles, ready: key !== null, setGroup };
}
