/**
 * "Find an incident" reads (issue #17): one keyset page of public.search_incidents (RLS applies:
 * each role gets only the incidents it may read), newest first.
 */
import type { Tables } from '@/lib/supabase/database.types';
import { statusesOf, type IncidentSearchQuery, type SearchCursor } from '@/lib/domain/incident-search-query';
import type { Db } from './db';
import { readData } from './read';

export type FoundIncident = Pick<
  Tables<'incidents'>,
  'id' | 'ticket_no' | 'status' | 'category' | 'priority' | 'description' | 'address' | 'kecamatan' | 'kelurahan' | 'reported_at'
>;

export interface SearchPage {
  rows: FoundIncident[];
  /** Where the next page starts; null on the last page. */
  next: SearchCursor | null;
}

const COLUMNS = 'id, ticket_no, status, category, priority, description, address, kecamatan, kelurahan, reported_at';

export async function searchIncidents(db: Db, query: IncidentSearchQuery, pageSize: number): Promise<SearchPage> {
  // One row more than shown tells whether there is a next page without counting every match.
  const rows: FoundIncident[] = readData(
    'the incident search',
    await db
      .rpc('search_incidents', {
        p_from: query.range.fromIso,
        p_to: query.range.toIso,
        p_query: query.text ?? undefined,
        p_phone: query.phone ?? undefined,
        p_category: query.category ?? undefined,
        p_kecamatan: query.kecamatan ?? undefined,
        p_agency_id: query.agencyId ?? undefined,
        p_statuses: statusesOf(query.status) ?? undefined,
        p_before_at: query.before?.at,
        p_before_id: query.before?.id,
        p_limit: pageSize + 1,
      })
      .select(COLUMNS),
  );
  const shown = rows.slice(0, pageSize);
  const last = shown.at(-1);
  return { rows: shown, next: rows.length > pageSize && last ? { at: last.reported_at, id: last.id } : null };
}
