'use client';
/**
 * The drawer of the selected incident plus presence: everyone who opens an incident joins its room
 * (`incident:<id>`), so the drawer can say who else is looking at it.
 */
import type { Db } from '@/lib/data/db';
import { useLivePresence } from '@/lib/realtime/use-live-presence';
import { IncidentDrawer, type IncidentDrawerProps } from '@/components/incidents/incident-drawer';

export interface SelectedIncidentPanelProps extends Omit<IncidentDrawerProps, 'viewers'> {
  client: Db;
  user: { id: string; name: string };
}

export function SelectedIncidentPanel({ user, ...drawer }: SelectedIncidentPanelProps) {
  const presence = useLivePresence(drawer.client, `incident:${drawer.incident.id}`, user.id, { name: user.name });
  const viewers = presence.members
    .filter((m) => m.key !== user.id)
    .map((m) => String(m.states[0]?.name ?? m.key));
  return <IncidentDrawer {...drawer} viewers={viewers} />;
}
