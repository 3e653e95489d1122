/**
 * Words for one audit event (incident_events row): what happened, which agencies, and the reason or
 * note recorded with it. Shared by the drawer's timeline and the printable report.
 */
import type { Agency, IncidentEvent } from '@/lib/data/dispatch';
import type { Translate } from '@/lib/i18n/translate';

export interface EventDescription {
  title: string;
  agencies: string[];
  note: string | null;
}

function asRecord(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

export function describeEvent(event: IncidentEvent, agencies: ReadonlyMap<string, Agency>, t: Translate): EventDescription {
  const data = asRecord(event.data);
  const ids: string[] = [];
  for (const k of ['agency_id', 'from_agency_id', 'to_agency_id']) if (typeof data[k] === 'string') ids.push(data[k] as string);
  if (Array.isArray(data.agency_ids)) for (const id of data.agency_ids) if (typeof id === 'string') ids.push(id);
  const names = ids.map((id) => agencies.get(id)?.code ?? id.slice(0, 8));
  const notes: string[] = [];
  for (const k of ['reason', 'note']) if (typeof data[k] === 'string' && data[k]) notes.push(data[k] as string);
  if (typeof data.call_type === 'string') notes.push(data.call_type);
  if (data.forced === true) notes.push('force');
  return { title: t(`dispatch.event.${event.kind}`), agencies: names, note: notes.length ? notes.join(' · ') : null };
}
