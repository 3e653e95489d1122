'use client';
/**
 * Unit location for the whole /opd area (issue #18 §3): a liaison drives with the phone on the
 * inbox or any other page, so sharing lives in the layout, not on the incident page. The provider
 * keeps this phone's choices (claims, stops), runs one sharer per claimed assignment (browser only)
 * and shows the compact status line on every page; the incident page's fuller panel reads the same
 * state through useLocationSharing.
 */
import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import dynamic from 'next/dynamic';
import { EMPTY_PREFS, addClaims, setStopped, type LocationPrefs } from '@/lib/domain/location-claims';
import type { SharedUnit } from './assignment-sharer';
import { createLocationPrefsStore } from './location-prefs-store';
import { LocationStatusLine } from './location-status-line';

export interface LocationSharing {
  prefs: LocationPrefs;
  /** What each claimed assignment's sharer shows, by assignment id. */
  units: ReadonlyMap<string, SharedUnit>;
  /** "Bagikan lokasi": this phone travels with the unit although another device set it off. */
  claim(assignmentId: string): void;
  stop(assignmentId: string): void;
  resume(assignmentId: string): void;
}

const LocationSharingContext = createContext<LocationSharing | null>(null);

const LocationSharingEngine = dynamic(() => import('./location-sharing-engine').then((m) => m.LocationSharingEngine), { ssr: false });

const serverPrefs = () => EMPTY_PREFS;
const browserStorage = () => window.localStorage;

function sameUnit(a: SharedUnit, b: SharedUnit): boolean {
  return a.state === b.state && a.sent === b.sent && a.waiting === b.waiting && a.lastFixMs === b.lastFixMs && a.ticketNo === b.ticketNo;
}

export function LocationSharingProvider({ userId, agencyId, children }: { userId: string; agencyId: string | null; children: ReactNode }) {
  const [store] = useState(() => createLocationPrefsStore(browserStorage, userId));
  const prefs = useSyncExternalStore(store.subscribe, store.get, serverPrefs);
  const [units, setUnits] = useState<ReadonlyMap<string, SharedUnit>>(new Map());

  // Sharers report on every change of their counts; an equal report keeps the same map (no render loop).
  const onView = useCallback((assignmentId: string, unit: SharedUnit | null) => {
    setUnits((prev) => {
      const old = prev.get(assignmentId);
      if (unit === null) {
        if (!old) return prev;
        const next = new Map(prev);
        next.delete(assignmentId);
        return next;
      }
      if (old && sameUnit(old, unit)) return prev;
      return new Map(prev).set(assignmentId, unit);
    });
  }, []);

  const claim = useCallback((id: string) => store.update((p) => setStopped(addClaims(p, [id]), id, false)), [store]);
  const stop = useCallback((id: string) => store.update((p) => setStopped(p, id, true)), [store]);
  const resume = useCallback((id: string) => store.update((p) => setStopped(p, id, false)), [store]);
  const value = useMemo<LocationSharing>(() => ({ prefs, units, claim, stop, resume }), [prefs, units, claim, stop, resume]);

  return (
    <LocationSharingContext.Provider value={value}>
      {agencyId && <LocationSharingEngine agencyId={agencyId} store={store} prefs={prefs} onView={onView} />}
      <LocationStatusLine />
      {children}
    </LocationSharingContext.Provider>
  );
}

export function useLocationSharing(): LocationSharing {
  const value = useContext(LocationSharingContext);
  if (!value) throw new Error('useLocationSharing must be used inside LocationSharingProvider (app/opd/layout.tsx)');
  return value;
}
