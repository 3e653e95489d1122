/**
 * The center's shift schedule (shift_settings, one row, readable by operators, supervisors,
 * leadership and admins) and the admin's change of it (set_shift_schedule, version-checked).
 */
import type { Tables } from '@/lib/supabase/database.types';
import { DEFAULT_SHIFT_START_HOURS } from '@/lib/domain/shift';
import type { WriteResult } from '@/lib/domain/write-failure';
import type { Db } from './db';
import { readFailed } from './read';
import { toWriteResult } from './write-result';

export type ShiftSettings = Pick<Tables<'shift_settings'>, 'start_hours' | 'version' | 'updated_at'>;

/** The schedule in force; the migration's default when the row cannot be seen (it always exists). */
export async function readShiftSchedule(client: Db): Promise<ShiftSettings> {
  const { data, error } = await client.from('shift_settings').select('start_hours, version, updated_at').maybeSingle();
  if (error) readFailed('shift schedule', error);
  return data ?? { start_hours: [...DEFAULT_SHIFT_START_HOURS], version: 1, updated_at: new Date(0).toISOString() };
}

export async function setShiftSchedule(client: Db, hours: readonly number[], expectedVersion: number): Promise<WriteResult<Tables<'shift_settings'>>> {
  return toWriteResult(await client.rpc('set_shift_schedule', { p_start_hours: [...hours], p_expected_version: expectedVersion }));
}
