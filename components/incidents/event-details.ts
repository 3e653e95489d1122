/**
 * Words for one audit event (incident_events row): what happened, which agencies, and the reason or
 * note recorded with it. Shared by the drawer's timeline and the printable report. Values of the
 * event's data that are database enums (the call type, a forced close, a major incident ended with
 * its ticket) are translated, never shown
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

/** The reasons the database writes when a major incident ends because its ticket did. */
const ENDED_BY_TICKET = ['incident_closed', 'incident_cancelled'] as const;

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
  // A major incident ended with its ticket carries the ticket's fate as a code, not as words.
  if (event.kind === 'major_ended') {
    const reason = text(field(data, 'reason'));
    if (reason !== null && (ENDED_BY_TICKET as readonly string[]).includes(reason)) {
      notes.splice(notes.indexOf(reason), 1, t(`dispatch.event.majorEndedBy.${reason as (typeof ENDED_BY_TICKET)[number]}`));
    }
  }
  const callType = field(data, 'call_type');
  if (isCallType(callType)) notes.push(t(`callType.${callType}`));
  if (field(data, 'forced') === true) notes.push(t('dispatch.event.forced'));
  return { title: t(`dispatch.event.${event.kind}`), agencies: names, note: notes.length ? notes.join(' · ') : null };
}
