/**
 * The seed (supabase/seed.sql) loads on a new database of each backend and gives every screen data:
 * the reference data of data/cilegon.json, every demo account able to sign in, 90 days of history
 * ending now, and open incidents in each live state. Statistics are read as leadership through the API.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../lib/demo-users.ts';
import { backends, startTestStack, type TestStack } from '../support/test-stack.ts';

const seedFile = path.resolve(import.meta.dirname, '../../supabase/seed.sql');

describe.each(backends)('seed on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };
  let seedMs = 0;

  beforeAll(async () => {
    const started = Date.now();
    stack = await startTestStack({ backend, seedFile });
    seedMs = Date.now() - started;
  }, 300_000);

  afterAll(async () => {
    await stack?.drop();
  });

  const one = async <T>(sql: string): Promise<T> => (await stack.db.query<T>(sql)).rows[0];

  it('applied every migration and the seed', () => {
    expect(stack.migrations.seeded).toBe(true);
    expect(seedMs).toBeGreaterThan(0);
  });

  it('built the statistics rollups that its bulk load (triggers off) skipped', async () => {
    const r = await one<{ mismatches: string; hours: string }>(
      `select (select count(*) from private.stats_rollup_mismatches()) mismatches,
              (select count(*) from private.stats_call_hours) hours`,
    );
    expect(Number(r.mismatches)).toBe(0);
    expect(Number(r.hours)).toBeGreaterThan(1000);
  });

  it('has the agencies, posts and demo accounts', async () => {
    const r = await one<{ agencies: string; posts: string; users: string; identities: string; profiles: string; off_land: string }>(
      `select (select count(*) from agencies) agencies, (select count(*) from agency_posts) posts,
              (select count(*) from auth.users) users, (select count(*) from auth.identities) identities,
              (select count(*) from profiles) profiles,
              (select count(*) from agency_posts where lng < 105.95) off_land`,
    );
    expect(Number(r.agencies)).toBe(9);
    expect(Number(r.posts)).toBeGreaterThanOrEqual(20);
    expect(Number(r.users)).toBe(DEMO_USERS.length);
    expect(Number(r.identities)).toBe(DEMO_USERS.length);
    expect(Number(r.profiles)).toBe(DEMO_USERS.length);
    expect(Number(r.off_land)).toBe(0);
  });

  it('has 90 days of calls ending now, with the nuisance-heavy mix', async () => {
    const r = await one<{ calls: string; days: string; per_day: string; nuisance: string; emergency: string; last_hour: string }>(
      `select count(*) calls,
              count(distinct (received_at at time zone 'Asia/Jakarta')::date) days,
              round(count(*)::numeric / 90) per_day,
              round(count(*) filter (where call_type in ('ghost', 'prank'))::numeric / count(*), 2) nuisance,
              round(count(*) filter (where call_type = 'emergency')::numeric / count(*), 2) emergency,
              count(*) filter (where received_at > now() - interval '1 hour') last_hour
       from calls`,
    );
    expect(Number(r.days)).toBeGreaterThanOrEqual(90);
    expect(Number(r.per_day)).toBeGreaterThanOrEqual(150);
    expect(Number(r.per_day)).toBeLessThanOrEqual(300);
    expect(Number(r.nuisance)).toBeGreaterThan(0.5);
    expect(Number(r.emergency)).toBeGreaterThan(0.15);
    expect(Number(r.last_hour)).toBeGreaterThan(0);
  });

  it('has incidents, assignments and an audit trail consistent with each other', async () => {
    const r = await one<Record<string, string>>(
      `select (select count(*) from incidents) incidents,
              (select count(*) from assignments) assignments,
              (select count(*) from incident_events) events,
              (select count(*) from incidents i where not exists (select from calls c where c.incident_id = i.id)) without_call,
              (select count(*) from incidents i where i.status not in ('reported', 'cancelled')
                 and not exists (select from assignments a where a.incident_id = i.id)) dispatched_without_assignment,
              (select count(*) from incidents i where not exists (
                 select from incident_events e where e.incident_id = i.id and e.kind = 'incident_reported')) without_event,
              (select count(*) from incidents where reported_at > now() or closed_at > now()) in_future,
              (select count(distinct kecamatan) from incidents) kecamatan,
              (select count(distinct category) from incidents) categories,
              (select count(distinct agency_id) from assignments) agencies_used,
              -- The seed loads with foreign-key triggers off, so check every reference here.
              (select count(*) from calls c where c.incident_id is not null
                 and not exists (select from incidents i where i.id = c.incident_id))
              + (select count(*) from calls c where c.operator_id is not null
                 and not exists (select from profiles p where p.id = c.operator_id))
              + (select count(*) from assignments a where not exists (select from incidents i where i.id = a.incident_id))
              + (select count(*) from assignments a where not exists (select from agencies g where g.id = a.agency_id))
              + (select count(*) from incident_events e where e.incident_id is not null
                 and not exists (select from incidents i where i.id = e.incident_id))
              + (select count(*) from incident_events e where e.call_id is not null
                 and not exists (select from calls c where c.id = e.call_id))
              + (select count(*) from incident_events e where e.assignment_id is not null
                 and not exists (select from assignments a where a.id = e.assignment_id))
              + (select count(*) from incident_events e where e.actor_id is not null
                 and not exists (select from profiles p where p.id = e.actor_id)) dangling`,
    );
    expect(Number(r.incidents)).toBeGreaterThan(1000);
    expect(Number(r.assignments)).toBeGreaterThan(Number(r.incidents) * 0.9);
    expect(Number(r.events)).toBeGreaterThan(Number(r.incidents) * 5);
    expect(Number(r.without_call)).toBe(0);
    expect(Number(r.dispatched_without_assignment)).toBe(0);
    expect(Number(r.without_event)).toBe(0);
    expect(Number(r.in_future)).toBe(0);
    expect(Number(r.kecamatan)).toBe(8);
    expect(Number(r.categories)).toBe(10);
    expect(Number(r.agencies_used)).toBe(9);
    expect(Number(r.dangling)).toBe(0);
  });

  it('has open incidents in every live state', async () => {
    const rows = (await stack.db.query<{ status: string; n: string }>(
      `select status::text, count(*) n from incidents where status not in ('closed', 'cancelled') group by 1`,
    )).rows;
    const states = new Set(rows.map((r) => r.status));
    for (const s of ['reported', 'dispatched', 'acknowledged', 'on_scene']) expect(states).toContain(s);
  });

  it('records every call as the workflow stamps it, and a typical emergency meets the standard\'s stages', async () => {
    const r = await one<{ unrecorded: string; out_of_order: string; record_p50: string; close_p50: string; telephony: string }>(
      `select count(*) filter (where ended_at is not null and (call_type in ('ghost', 'prank', 'emergency')
                                                             or call_type = 'info' and notes is not null)
                               and recorded_at is null) unrecorded,
              count(*) filter (where recorded_at < classified_at or recorded_at > ended_at) out_of_order,
              percentile_cont(0.5) within group (order by extract(epoch from recorded_at - classified_at))
                filter (where call_type = 'emergency') record_p50,
              percentile_cont(0.5) within group (order by extract(epoch from ended_at - recorded_at))
                filter (where call_type = 'emergency') close_p50,
              avg((source = 'telephony')::integer) telephony
       from calls`,
    );
    expect(Number(r.unrecorded)).toBe(0);
    expect(Number(r.out_of_order)).toBe(0);
    // The form takes tens of seconds and counts as data laporan (≤ 60 s); penyelesaian stays short (≤ 30 s).
    expect(Number(r.record_p50)).toBeGreaterThan(20);
    expect(Number(r.record_p50)).toBeLessThan(60);
    expect(Number(r.close_p50)).toBeLessThan(30);
    expect(Number(r.telephony)).toBeGreaterThan(0.6);
  });

  it('continues today\'s ticket numbers after the seeded ones', async () => {
    const r = await one<{ wrong: string; days: string }>(
      `select count(*) filter (where c.last_no <> (select count(*) from incidents i
                                                   where (i.reported_at at time zone 'Asia/Jakarta')::date = c.day)) wrong,
              count(*) days
       from private.ticket_counters c`,
    );
    expect(Number(r.days)).toBeGreaterThanOrEqual(90);
    expect(Number(r.wrong)).toBe(0);
  });

  it('lets a demo account sign in and read statistics with data in every stage', async () => {
    const leader = DEMO_USERS.find((u) => u.role === 'leadership');
    if (!leader) throw new Error('no leadership demo user');
    const client = stack.anonClient();
    const { error: signInError } = await client.auth.signInWithPassword({ email: leader.email, password: DEMO_PASSWORD });
    expect(signInError).toBeNull();
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 24 * 3600 * 1000);
    const { data, error } = await client.rpc('stats_sla_compliance', { p_from: from.toISOString(), p_to: to.toISOString() });
    expect(error).toBeNull();
    const rows = data as Array<{ stage: string; samples: number; within_target: number }>;
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      expect(Number(row.samples), row.stage).toBeGreaterThan(100);
      // Around the targets with a tail of breaches: most within, some not.
      expect(Number(row.within_target), row.stage).toBeLessThan(Number(row.samples));
      expect(Number(row.within_target) / Number(row.samples), row.stage).toBeGreaterThan(0.8);
    }
    await client.auth.signOut();
  });
});
