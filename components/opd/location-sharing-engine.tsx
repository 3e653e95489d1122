'use client';
/**
 * The browser side of the layout's location sharing: the agency's assignments live, the claims
 * this phone's own steps make ("Berangkat"/"Tiba" in its outbox), the claims of finished assignments
 * forgotten (with any position still queued for them), and one AssignmentSharer per claimed
 * assignment. Loaded in the browser only: it needs geolocation, localStorage and the websocket.
 */
import { useEffect, useMemo } from 'react';
import { effectiveAssignment } from '@/lib/domain/offline-queue';
import { latestState } from '@/lib/domain/opd-inbox';
import { SHARING_STATUSES, addClaims, finishedClaims, removeClaims, settingOffIds, type LocationPrefs } from '@/lib/domain/location-claims';
import { isIncidentOpen } from '@/lib/domain/workflow';
import { useLiveOpdAssignments } from '@/lib/realtime/use-live-opd-assignments';
import { AssignmentSharer } from './assignment-sharer';
import { forgetPositions } from './location-sharer';
import type { SharedUnit } from './assignment-sharer';
import type { LocationPrefsStore } from './location-prefs-store';
import { useOpdQueue } from './opd-queue-provider';

export interface LocationSharingEngineProps {
  agencyId: string;
  store: LocationPrefsStore;
  prefs: LocationPrefs;
  onView(assignmentId: string, unit: SharedUnit | null): void;
}

export function LocationSharingEngine({ agencyId, store, prefs, onView }: LocationSharingEngineProps) {
  const { getClient, queue, applied } = useOpdQueue();
  const client = useMemo(() => getClient(), [getClient]);
  const live = useLiveOpdAssignments(client, agencyId);

  // The phone's own "Berangkat"/"Tiba", queued or in flight, claims its assignment. The store
  // ignores an equal list, so this runs on every queue change without storing or re-rendering.
  useEffect(() => {
    const ids = settingOffIds(queue);
    if (ids.length > 0) store.update((p) => addClaims(p, ids));
  }, [queue, store]);

  // Finished: forget the claim and anything still queued for it, once the live rows are current.
  useEffect(() => {
    if (live.status !== 'live') return;
    const over = finishedClaims(prefs, live.rows);
    if (over.size === 0) return;
    for (const id of over) forgetPositions(id);
    store.update((p) => removeClaims(p, over));
  }, [live.rows, live.status, prefs, store]);

  const rows = useMemo(() => new Map(live.rows.map((r) => [r.id, r])), [live.rows]);

  return (
    <>
      {prefs.claimed.map((id) => {
        const row = rows.get(id);
        if (!row) return null;
        const server = latestState(row, applied.get(id));
        const effective = effectiveAssignment(queue, { id, ...server });
        const open = row.incident !== null && isIncidentOpen(row.incident.status);
        return (
          <AssignmentSharer
            key={id}
            client={client}
            assignmentId={id}
            ticketNo={row.incident?.ticket_no ?? null}
            active={open && SHARING_STATUSES.has(effective.status)}
            accepted={open && SHARING_STATUSES.has(server.status)}
            stopped={prefs.stopped.includes(id)}
            onView={onView}
          />
        );
      })}
    </>
  );
}
