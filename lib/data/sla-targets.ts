/**
 * The SLA targets as the database holds them: the value in force per stage (sla_targets, complete
 * per stage for the timers), the rows with their versions and the history for the admin screen, and
 * the admin's one write, set_sla_target (effective from the moment saved; history kept).
 */
import { targetsFromRows, type SlaStage } from '@/lib/domain/sla';
import type { Tables } from '@/lib/supabase/database.types';
import type { WriteResult } from '@/lib/domain/write-failure';
import type { Db } from './db';
import { readData } from './read';
import { toWriteResult } from './write-result';

export type SlaTargets = Record<SlaStage, number>;
export type SlaTargetRow = Pick<Tables<'sla_targets'>, 'stage' | 'target_seconds' | 'version' | 'updated_at'>;

export interface SlaTargetChange {
  id: number;
  stage: SlaStage;
  targetSeconds: number;
  /** ISO time; null for the service standard's defaults (in force since the beginning). */
  effectiveFrom: string | null;
  changedBy: string | null;
}

export async function readSlaTargets(client: Db): Promise<SlaTargets> {
  return targetsFromRows(readData('SLA targets', await client.from('sla_targets').select('stage, target_seconds')));
}

export async function readSlaTargetRows(client: Db): Promise<SlaTargetRow[]> {
  return readData('SLA targets', await client.from('sla_targets').select('stage, target_seconds, version, updated_at').order('stage'));
}

/** The changes made after the defaults, newest first. */
export async function readSlaTargetHistory(client: Db, limit = 200): Promise<SlaTargetChange[]> {
  const rows = readData(
    'SLA target history',
    await client
      .from('sla_target_history')
      .select('id, stage, target_seconds, effective_from, changer:profiles(full_name)')
      .gt('effective_from', '-infinity')
      .order('effective_from', { ascending: false })
      .order('id', { ascending: false })
      .limit(limit),
  );
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    targetSeconds: r.target_seconds,
    effectiveFrom: r.effective_from,
    changedBy: r.changer?.full_name ?? null,
  }));
}

export async function setSlaTarget(client: Db, row: Pick<SlaTargetRow, 'stage' | 'version'>, seconds: number): Promise<WriteResult<Tables<'sla_targets'>>> {
  return toWriteResult(
    await client.rpc('set_sla_target', { p_stage: row.stage, p_seconds: seconds, p_expected_version: row.version }),
  );
}
