/**
 * Typed reads of the wall display: the reference data read on the server (agencies and posts for the
 * first paint, then followed live; SLA targets), the calls in progress (public.wall_open_calls, anonymous) and today's counters from the
 * statistics functions. Nothing here can return caller data: leadership has no access to it and the
 * functions do not hand it out. Reads return data or throw a ReadError.
 */
import type { Tables } from '@/lib/supabase/database.types';
import { todayCounters, type TodayCounters, type WallCall } from '@/lib/domain/wall';
import type { Db } from './db';
import { readData } from './read';
import { readSlaTargets, type SlaTargets } from './sla-targets';

export type WallAgency = Pick<Tables<'agencies'>, 'id' | 'code' | 'name' | 'color' | 'active'>;
export type WallPost = Pick<Tables<'agency_posts'>, 'id' | 'name' | 'lat' | 'lng' | 'agency_id' | 'active'>;

export interface WallReference {
  agencies: WallAgency[];
  posts: WallPost[];
  targets: SlaTargets;
}

export interface WallCalls {
  calls: WallCall[];
  /** Every open call, also beyond the rows returned. */
  total: number;
}

/** Rows the calls board asks for: more than it shows, so the order is right, and still small. */
export const WALL_CALL_LIMIT = 50;

export async function loadWallReference(client: Db): Promise<WallReference> {
  const [agencies, posts, targets] = await Promise.all([
    client.from('agencies').select('id, code, name, color, active').eq('active', true).order('code'),
    client.from('agency_posts').select('id, name, lat, lng, agency_id, active').eq('active', true).order('name'),
    readSlaTargets(client),
  ]);
  return { agencies: readData('agencies', agencies), posts: readData('agency posts', posts), targets };
}

export async function fetchWallCalls(client: Db, limit: number = WALL_CALL_LIMIT): Promise<WallCalls> {
  const rows = readData('the calls in progress', await client.rpc('wall_open_calls', { p_limit: limit }));
  const calls: WallCall[] = rows.map((r) => ({
    id: r.id,
    received_at: r.received_at,
    answered_at: r.answered_at,
    classified_at: r.classified_at,
    recorded_at: r.recorded_at,
    call_type: r.call_type,
    stage: r.stage as WallCall['stage'],
  }));
  return { calls, total: rows.length ? Number(rows[0].open_total) : 0 };
}

/** Today's counters for the WIB day [from, to), measured up to the database's `now`. */
export async function fetchTodayCounters(client: Db, range: { from: string; to: string }): Promise<TodayCounters> {
  const [byType, sla, answer] = await Promise.all([
    client.rpc('stats_calls_by_type', { p_from: range.from, p_to: range.to, p_bucket: 'day' }),
    client.rpc('stats_sla_compliance', { p_from: range.from, p_to: range.to }),
    client.rpc('stats_answer_time', { p_from: range.from, p_to: range.to }),
  ]);
  return todayCounters(
    readData("today's calls by type", byType),
    readData("today's SLA compliance", sla),
    readData("today's answer time", answer)[0],
  );
}
