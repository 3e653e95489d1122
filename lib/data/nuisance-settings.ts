/**
 * The one row of nuisance-number rules for the admin screen (with who changed it last) and the
 * admin's write, set_nuisance_settings, sent with the version the screen showed so a second admin
 * gets `stale_version` instead of overwriting silently.
 */
import type { Tables } from '@/lib/supabase/database.types';
import type { NuisanceSettingsValues } from '@/lib/domain/nuisance-settings-input';
import type { WriteResult } from '@/lib/domain/write-failure';
import type { Db } from './db';
import { ReadError, readData } from './read';
import { toWriteResult } from './write-result';

export interface NuisanceSettings {
  threshold: number;
  windowHours: number;
  blockHours: number;
  version: number;
  updatedAt: string;
  /** Full name of the admin who changed the rules last; null for the product defaults or the service role. */
  updatedBy: string | null;
}

export async function readNuisanceSettings(client: Db): Promise<NuisanceSettings> {
  const rows = readData(
    'nuisance settings',
    await client.from('nuisance_settings').select('threshold, window_hours, block_hours, version, updated_at, updater:profiles(full_name)'),
  );
  // The migration inserts the one row and nobody may delete it; none means the reader may not see it.
  const row = rows[0];
  if (!row) throw new ReadError('nuisance settings', 'no row visible');
  return {
    threshold: row.threshold,
    windowHours: row.window_hours,
    blockHours: row.block_hours,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updater?.full_name ?? null,
  };
}

export async function setNuisanceSettings(
  client: Db,
  values: NuisanceSettingsValues,
  expectedVersion: number,
): Promise<WriteResult<Tables<'nuisance_settings'>>> {
  return toWriteResult(
    await client.rpc('set_nuisance_settings', {
      p_threshold: values.threshold,
      p_window_hours: values.windowHours,
      p_block_hours: values.blockHours,
      p_expected_version: expectedVersion,
    }),
  );
}
