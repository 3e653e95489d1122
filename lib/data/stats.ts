/**
 * Typed reads of the statistics page: one call per statistics function (supabase/migrations/
 * 20261128000500_statistics.sql, stages since 20261203050300_statistics_stages.sql) over a [from, to) range, normalised so that "nothing measured"
 * is null (the generated types cannot say a percentile may be null). Aggregates only: no caller data.
 * Reads return data or throw a ReadError.
 */
import type { Enums } from '@/lib/supabase/database.types';
import type { SlaStage } from '@/lib/domain/sla';
import { answerKpi, type AnswerKpi } from '@/lib/domain/answer-kpi';
import type { AppRole, CallType } from '@/lib/domain/workflow';
import type { Db } from './db';
import { ReadError, readData } from './read';

export interface DailyCalls {
  day: string;
  counts: Record<CallType, number>;
}

export interface StageCompliance {
  stage: SlaStage;
  targetSeconds: number;
  samples: number;
  withinShare: number | null;
  p50: number | null;
  p90: number | null;
}

export interface CategoryCount {
  category: Enums<'incident_category'>;
  incidents: number;
  open: number;
  closed: number;
  cancelled: number;
}

export interface KecamatanCount {
  kecamatan: string | null;
  incidents: number;
  p50OnScene: number | null;
  onSceneShare: number | null;
}

export interface AgencyResponse {
  code: string;
  name: string;
  assignments: number;
  acknowledged: number;
  declined: number;
  completed: number;
  p50Ack: number | null;
  p90Ack: number | null;
  ackShare: number | null;
  p50OnScene: number | null;
  p90OnScene: number | null;
  onSceneShare: number | null;
}

export interface OperatorTimes {
  id: string;
  name: string;
  calls: number;
  emergencies: number;
  nuisance: number;
  p50Answer: number | null;
  p50Classify: number | null;
  p50Record: number | null;
  p50Close: number | null;
  p50Total: number | null;
  totalShare: number | null;
}

export interface StatsReport {
  daily: DailyCalls[];
  sla: StageCompliance[];
  answer: AnswerKpi;
  categories: CategoryCount[];
  kecamatan: KecamatanCount[];
  agencies: AgencyResponse[];
  operators: OperatorTimes[];
}

/** A numeric column that may be null (nothing measured) and may arrive as a string. */
function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isNaN(n) ? null : n;
}

/** Per-operator figures are for supervisors and admins (the database refuses anyone else). */
export function mayViewOperatorStats(role: AppRole): boolean {
  return role === 'supervisor' || role === 'admin';
}

const NO_ROWS = Promise.resolve({ data: [], error: null });

export async function loadStatsReport(
  client: Db,
  range: { fromIso: string; toIso: string },
  /** Whether to read the per-operator figures; without them `operators` is empty. */
  { operators: withOperators }: { operators: boolean },
): Promise<StatsReport> {
  const args = { p_from: range.fromIso, p_to: range.toIso };
  const [byTypeAnswer, slaAnswer, categoriesAnswer, kecamatanAnswer, agenciesAnswer, operatorsAnswer, answerTimeAnswer] = await Promise.all([
    client.rpc('stats_calls_by_type', { ...args, p_bucket: 'day' }),
    client.rpc('stats_sla_compliance', args),
    client.rpc('stats_incidents_by_category', args),
    client.rpc('stats_incidents_by_kecamatan', args),
    client.rpc('stats_agency_response', args),
    withOperators ? client.rpc('stats_operator_stage_times', args) : NO_ROWS,
    client.rpc('stats_answer_time', args),
  ]);
  const byType = readData('calls by type', byTypeAnswer);
  const sla = readData('SLA compliance', slaAnswer);
  const categories = readData('incidents by category', categoriesAnswer);
  const kecamatan = readData('incidents by kecamatan', kecamatanAnswer);
  const agencies = readData('agency response times', agenciesAnswer);
  const operators = readData('operator stage times', operatorsAnswer);
  const answerTime = readData('answer time', answerTimeAnswer);

  const days = new Map<string, DailyCalls>();
  for (const r of byType) {
    let d = days.get(r.bucket_start);
    if (!d) {
      d = { day: r.bucket_start, counts: { emergency: 0, ghost: 0, prank: 0, info: 0 } };
      days.set(r.bucket_start, d);
    }
    d.counts[r.call_type] = Number(r.calls);
  }

  return {
    daily: [...days.values()],
    sla: sla.map((r) => ({
      stage: r.stage,
      targetSeconds: r.target_seconds,
      samples: Number(r.samples),
      withinShare: num(r.within_target_share),
      p50: num(r.p50_seconds),
      p90: num(r.p90_seconds),
    })),
    answer: answerKpi(answerTime[0]),
    categories: categories.map((r) => ({
      category: r.category,
      incidents: Number(r.incidents),
      open: Number(r.open_incidents),
      closed: Number(r.closed_incidents),
      cancelled: Number(r.cancelled_incidents),
    })),
    kecamatan: kecamatan.map((r) => ({
      kecamatan: r.kecamatan,
      incidents: Number(r.incidents),
      p50OnScene: num(r.p50_on_scene_seconds),
      onSceneShare: num(r.on_scene_within_target_share),
    })),
    agencies: agencies.map((r) => ({
      code: r.agency_code,
      name: r.agency_name,
      assignments: Number(r.assignments),
      acknowledged: Number(r.acknowledged),
      declined: Number(r.declined),
      completed: Number(r.completed),
      p50Ack: num(r.p50_acknowledge_seconds),
      p90Ack: num(r.p90_acknowledge_seconds),
      ackShare: num(r.acknowledge_within_target_share),
      p50OnScene: num(r.p50_on_scene_seconds),
      p90OnScene: num(r.p90_on_scene_seconds),
      onSceneShare: num(r.on_scene_within_target_share),
    })),
    operators: operators.map((r) => ({
      id: r.operator_id,
      name: r.operator_name,
      calls: Number(r.calls),
      emergencies: Number(r.emergency_calls),
      nuisance: Number(r.nuisance_calls),
      p50Answer: num(r.p50_answer_seconds),
      p50Classify: num(r.p50_classify_seconds),
      p50Record: num(r.p50_record_seconds),
      p50Close: num(r.p50_close_call_seconds),
      p50Total: num(r.p50_call_total_seconds),
      totalShare: num(r.call_total_within_target_share),
    })),
  };
}

/** The monthly report's call funnel: every call received in the range, answered, classified by type. */
export interface CallFunnel {
  incoming: number;
  answered: number;
  unansweredEnded: number;
  classified: number;
  types: Record<CallType, number>;
}

export async function loadCallFunnel(client: Db, range: { fromIso: string; toIso: string }): Promise<CallFunnel> {
  const rows = readData('call funnel', await client.rpc('stats_call_funnel', { p_from: range.fromIso, p_to: range.toIso }));
  const r = rows[0];
  if (!r) throw new ReadError('call funnel', 'no row');
  return {
    incoming: Number(r.incoming),
    answered: Number(r.answered),
    unansweredEnded: Number(r.unanswered_ended),
    classified: Number(r.classified),
    types: { emergency: Number(r.emergency), ghost: Number(r.ghost), prank: Number(r.prank), info: Number(r.info) },
  };
}
