/**
 * Typed reads of the wall display: the reference data read once on the server (agencies, posts, SLA
 * targets), the calls in progress (public.wall_open_calls, anonymous) and today's counters from the
 * statistics functions. Nothing here can return caller data: leadership has no access to it and the
 * functions do not hand it out. Reads return data or throw.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import { targetsFromRows, type SlaStage } from '@/lib/domain/sla';
import { todayCounters, type TodayCounters, type WallCall } from '@/lib/domain/wall';

export type Db = SupabaseClient<Database>;
export type WallAgency = Pick<Tables<'agencies'>, 'id' | 'code' | 'name' | 'color'>;
export type WallPost = Pick<Tables<'agency_posts'>, 'id' | 'name' | 'lat' | 'lng' | 'agency_id'>;

export interface WallReference {
  agencies: WallAgency[];
  posts: WallPost[];
  targets: Record<SlaStage, number>;
}

export interface WallCalls {
  calls: WallCall[];
  /** Every open call, also beyond the rows returned. */
  total: number;
}

/** Rows the calls board asks for: more than it shows, so the order is right, and still small. */
export const WALL_CALL_LIMIT = 50;

function fail(what: string, error: { message: string }): never {
  throw new Error(`Reading ${what} failed: ${error.message}`);
}

export async function loadWallReference(client: Db): Promise<WallReference> {
  const [agencies, posts, targets] = await Promise.all([
    client.from('agencies').select('id, code, name, color').eq('active', true).order('code'),
    client.from('agency_posts').select('id, name, lat, lng, agency_id').eq('active', true).order('name'),
    client.from('sla_targets').select('stage, target_seconds'),
  ]);
  if (agencies.error) fail('agencies', agencies.error);
  if (posts.error) fail('agency posts', posts.error);
  if (targets.error) fail('SLA targets', targets.error);
  return { agencies: agencies.data, posts: posts.data, targets: targetsFromRows(targets.data) };
}

export async function fetchWallCalls(client: Db, limit: number = WALL_CALL_LIMIT): Promise<WallCalls> {
  const { data, error } = await client.rpc('wall_open_calls', { p_limit: limit });
  if (error) fail('the calls in progress', error);
  const calls: WallCall[] = data.map((r) => ({
    id: r.id,
    received_at: r.received_at,
    answered_at: r.answered_at,
    classified_at: r.classified_at,
    call_type: r.call_type,
    stage: r.stage as WallCall['stage'],
  }));
  return { calls, total: data.length ? Number(data[0].open_total) : 0 };
}

/** Today's counters for the WIB day [from, to), measured up to the database's `now`. */
export async function fetchTodayCounters(client: Db, range: { from: string; to: string }): Promise<TodayCounters> {
  const [byType, sla] = await Promise.all([
    client.rpc('stats_calls_by_type', { p_from: range.from, p_to: range.to, p_bucket: 'day' }),
    client.rpc('stats_sla_compliance', { p_from: range.from, p_to: range.to }),
  ]);
  if (byType.error) fail("today's calls by type", byType.error);
  if (sla.error) fail("today's SLA compliance", sla.error);
  return todayCounters(byType.data, sla.data);
}
