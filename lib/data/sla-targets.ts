/**
 * The SLA targets as the database holds them: the value in force per stage (sla_targets, complete
 * per stage for the timers) with the per-priority overrides (sla_priority_targets), the rows with
 * their versions and the history for the admin screen, and the admin's writes, set_sla_target and
 * set_sla_priority_target (effective from the moment saved; history kept). Which target applies to
 * an incident is lib/domain/sla.ts's targetsForPriority.
 */
import {
  overridesFromRows,
  targetsFromRows,
  type IncidentPriority,
  type SlaStage,
  type SlaTargetSet,
} from '@/lib/domain/sla';
import type { Tables } from '@/lib/supabase/database.types';
import type { WriteResult } from '@/lib/domain/write-failure';
import type { Db } from './db';
import { readData } from './read';
import { toWriteResult } from './write-result';

export type SlaTargets = SlaTargetSet;
export type SlaTargetRow = Pick<Tables<'sla_targets'>, 'stage' | 'target_seconds' | 'version' | 'updated_at'>;
export type SlaPriorityTargetRow = Pick<Tables<'sla_priority_targets'>, 'stage' | 'priority' | 'target_seconds' | 'version'>;

export interface SlaTargetChange {
  id: number;
  stage: SlaStage;
  /** Null: this priority's override was removed (the general target applies again). */
  targetSeconds: number | null;
  /** Null: the stage's general target; otherwise an override for incidents of this priority. */
  priority: IncidentPriority | null;
  /** ISO time; null for the service standard's defaults (in force since the beginning). */
  effectiveFrom: string | null;
  changedBy: string | null;
}

export async function readSlaTargets(client: Db): Promise<SlaTargets> {
  const [general, overrides] = await Promise.all([
    client.from('sla_targets').select('stage, target_seconds'),
    client.from('sla_priority_targets').select('stage, priority, target_seconds'),
  ]);
  return {
    general: targetsFromRows(readData('SLA targets', general)),
    byPriority: overridesFromRows(readData('SLA priority targets', overrides)),
  };
}

export async function readSlaPriorityTargetRows(client: Db): Promise<SlaPriorityTargetRow[]> {
  return readData(
    'SLA priority targets',
    await client.from('sla_priority_targets').select('stage, priority, target_seconds, version').order('stage').order('priority'),
  );
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
      .select('id, stage, priority, target_seconds, effective_from, changer:profiles(full_name)')
      .gt('effective_from', '-infinity')
      .order('effective_from', { ascending: false })
      .order('id', { ascending: false })
      .limit(limit),
  );
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    targetSeconds: r.target_seconds,
    priority: r.priority,
    effectiveFrom: r.effective_from,
    changedBy: r.changer?.full_name ?? null,
  }));
}

export async function setSlaTarget(client: Db, row: Pick<SlaTargetRow, 'stage' | 'version'>, seconds: number): Promise<WriteResult<Tables<'sla_targets'>>> {
  return toWriteResult(
    await client.rpc('set_sla_target', { p_stage: row.stage, p_seconds: seconds, p_expected_version: row.version }),
  );
}

/** Sets (seconds) or removes (null) the override of an incident stage for one priority. */
export async function setSlaPriorityTarget(
  client: Db,
  row: Pick<SlaPriorityTargetRow, 'stage' | 'priority' | 'version'>,
  seconds: number | null,
): Promise<WriteResult<Tables<'sla_priority_targets'>>> {
  return toWriteResult(
    await client.rpc('set_sla_priority_target', {
      p_stage: row.stage,
      p_priority: row.priority,
      // PostgREST passes a JSON null as SQL null: the override is removed.
      p_seconds: seconds as number,
      p_expected_version: row.version,
    }),
  );
}
