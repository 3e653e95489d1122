'use client';
/**
 * Live inbox of one agency (opd-inbox-view.ts: open assignments and the newest finished, incidents
 * embedded). One view per tab and agency, shared by every component that asks: the inbox and the
 * layout's location sharing read the same rows over one channel, with one snapshot, instead of
 * each opening its own (issue #19). The view closes its channel when the last of them unmounts
 * and takes a fresh snapshot when one subscribes again, so keeping it between pages is safe.
 */
import type { Db } from '@/lib/data/db';
import type { OpdAssignment } from '@/lib/data/opd';
import type { LiveView } from './live-view';
import { createOpdInboxView } from './opd-inbox-view';
import { useLiveView, type LiveRows } from './use-live-rows';

// Keyed by the tab's browser client (opd-queue-provider.tsx makes one), so a client that is dropped
// takes its views with it; a signed-in liaison has one agency, the map holds one entry in practice.
const views = new WeakMap<Db, Map<string, LiveView<OpdAssignment>>>();

function sharedView(client: Db, agencyId: string): LiveView<OpdAssignment> {
  let byAgency = views.get(client);
  if (!byAgency) views.set(client, (byAgency = new Map()));
  let view = byAgency.get(agencyId);
  if (!view) byAgency.set(agencyId, (view = createOpdInboxView(client, agencyId)));
  return view;
}

export function useLiveOpdAssignments(client: Db, agencyId: string): LiveRows<OpdAssignment> {
  return useLiveView(sharedView(client, agencyId));
}
