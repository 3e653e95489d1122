/**
 * The official report's letterhead (letterhead_settings, one row, read by supervisors and admins)
 * and the admin's change of it (set_letterhead, version-checked and audited).
 */
import type { Tables } from '@/lib/supabase/database.types';
import type { LetterheadField, LetterheadValues } from '@/lib/domain/letterhead-input';
import type { WriteResult } from '@/lib/domain/write-failure';
import type { Db } from './db';
import { ReadError, readData } from './read';
import { toWriteResult } from './write-result';

/** Optional lines are null when none was set. */
export interface Letterhead extends Record<LetterheadField, string | null> {
  governmentName: string;
  agencyName: string;
  addressLine: string;
  city: string;
  signatoryTitle: string;
  version: number;
  updatedAt: string;
  /** Full name of the admin who changed it last; null for the product defaults or the service role. */
  updatedBy: string | null;
}

export async function readLetterhead(client: Db): Promise<Letterhead> {
  const rows = readData('letterhead', await client.from('letterhead_settings').select('*, updater:profiles(full_name)'));
  // The migration inserts the one row and nobody may delete it; none means the reader may not see it.
  const row = rows[0];
  if (!row) throw new ReadError('letterhead', 'no row visible');
  return {
    governmentName: row.government_name,
    agencyName: row.agency_name,
    addressLine: row.address_line,
    phone: row.phone,
    email: row.email,
    website: row.website,
    city: row.city,
    signatoryTitle: row.signatory_title,
    signatoryName: row.signatory_name,
    signatoryNip: row.signatory_nip,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updater?.full_name ?? null,
  };
}

export async function setLetterhead(client: Db, values: LetterheadValues, expectedVersion: number): Promise<WriteResult<Tables<'letterhead_settings'>>> {
  return toWriteResult(
    await client.rpc('set_letterhead', {
      p_government_name: values.governmentName,
      p_agency_name: values.agencyName,
      p_address_line: values.addressLine,
      p_phone: values.phone ?? '',
      p_email: values.email ?? '',
      p_website: values.website ?? '',
      p_city: values.city,
      p_signatory_title: values.signatoryTitle,
      p_signatory_name: values.signatoryName ?? '',
      p_signatory_nip: values.signatoryNip ?? '',
      p_expected_version: expectedVersion,
    }),
  );
}
