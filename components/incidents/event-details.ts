/**
 * Words for one audit event (incident_events row): what happened, which agencies, and the reason or
 * note recorded with it. Shared by the drawer's timeline and the printable report. Values of the
 * event's data that are database enums (the call type, a forced close) are translated, never shown
 * as the raw value.
 */
import type { Agency, IncidentEvent } from '@/lib/data/dispatch';
import { Constants, type Enums } from '@/lib/supabase/database.types';
import type { Translate } from '@/lib/i18n/translate';

export interface EventDescription {
  title: string;
  agencies: string[];
  note: string | null;
}

const CALL_TYPES: readonly string[] = Constants.public.Enums.call_type;

function isCallType(value: unknown): value is Enums<'call_type'> {
  return typeof value === 'string' && CALL_TYPES.includes(value);
}

function field(data: IncidentEvent['data'], key: string): unknown {
  return data && typeof data === 'object' && !Array.isArray(data) ? data[key] : undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function describeEvent(event: IncidentEvent, agencies: ReadonlyMap<string, Agency>, t: Translate): EventDescription {
  const data = event.data;
  const ids = ['agency_id', 'from_agency_id', 'to_agency_id'].map((k) => text(field(data, k))).filter((id) => id !== null);
  const many = field(data, 'agency_ids');
  if (Array.isArray(many)) for (const id of many) if (typeof id === 'string') ids.push(id);
  const names = ids.map((id) => agencies.get(id)?.code ?? id.slice(0, 8));
  const notes = ['reason', 'note'].map((k) => text(field(data, k))).filter((note) => note !== null);
  const callType = field(data, 'call_type');
  if (isCallType(callType)) notes.push(t(`callType.${callType}`));
  if (field(data, 'forced') === true) notes.push(t('dispatch.event.forced'));
  return { title: t(`dispatch.event.${event.kind}`), agencies: names, note: notes.length ? notes.join(' · ') : null };
}
