/**
 * postgres_changes through the official supabase-js client: RLS per subscriber, filters, both
 * serializers, large rows, commit order, and publication changes made by later migrations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';
import { backends, startTestStack, type TestStack } from '../support/test-stack.ts';
import { fixtureMigrations, signedInClient, subscribed, USER_A, USER_B, waitFor } from './fixtures/realtime/helpers.ts';

type Note = { id: number; owner: string; title: string; n: number; body: string | null; version: number };
type Payload = RealtimePostgresChangesPayload<Note>;

describe.each(backends)('realtime postgres_changes on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };
  const clients: SupabaseClient[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ backend, migrationsDir: fixtureMigrations });
  });
  afterAll(async () => {
    for (const c of clients) await c.removeAllChannels();
    await stack?.drop();
  });

  async function listen(sub: string, vsn: '1.0.0' | '2.0.0', topic: string, filter?: string, event: '*' | 'INSERT' | 'UPDATE' | 'DELETE' = '*') {
    const client = await signedInClient(stack.url, sub, vsn);
    clients.push(client);
    const got: Payload[] = [];
    const channel = client
      .channel(topic)
      .on<Note>('postgres_changes', { event, schema: 'public', table: 'notes', ...(filter ? { filter } : {}) }, (p) => got.push(p));
    await subscribed(channel);
    return { client, channel, got };
  }

  it.each(['1.0.0', '2.0.0'] as const)('delivers to each user only the rows RLS lets them see (vsn %s)', async (vsn) => {
    const a = await listen(USER_A, vsn, `rls-${vsn}`);
    const b = await listen(USER_B, vsn, `rls-${vsn}`);
    const ins = await stack.db.query<{ id: number }>(
      `insert into notes (owner, title) values ($1, 'a1'), ($2, 'b1'), ($1, 'a2') returning id`,
      [USER_A, USER_B],
    );
    const [a1, b1, a2] = ins.rows.map((r) => Number(r.id));
    await stack.db.query(`update notes set title = title || '!', version = version + 1 where id in ($1, $2)`, [a1, b1]);
    await stack.db.query(`delete from notes where id = $1`, [a2]);
    await stack.db.query(`delete from notes where id = $1`, [b1]);
    // A last change for each user: once it is in, everything before it has been decided.
    await stack.db.query(`insert into notes (owner, title) values ($1, 'end'), ($2, 'end')`, [USER_A, USER_B]);
    await waitFor(() => a.got.some((p) => p.eventType === 'INSERT' && p.new.title === 'end'), 10_000, 'A end');
    await waitFor(() => b.got.some((p) => p.eventType === 'INSERT' && p.new.title === 'end'), 10_000, 'B end');

    const summary = (got: Payload[]) =>
      got.map((p) => `${p.eventType}:${p.eventType === 'DELETE' ? (p.old as Note).id : (p.new as Note).title}`);
    expect(summary(a.got)).toEqual(['INSERT:a1', 'INSERT:a2', 'UPDATE:a1!', `DELETE:${a2}`, `DELETE:${b1}`, 'INSERT:end']);
    expect(summary(b.got)).toEqual(['INSERT:b1', 'UPDATE:b1!', `DELETE:${a2}`, `DELETE:${b1}`, 'INSERT:end']);
    const insert = a.got[0];
    expect(insert.schema).toBe('public');
    expect(insert.table).toBe('notes');
    expect(insert.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(insert.errors).toBeNull();
    expect(insert.new).toEqual({ id: a1, owner: USER_A, title: 'a1', n: 0, body: null, version: 1 });
    const update = a.got[2];
    expect(update.old).toEqual({ id: a1 });
    expect((update.new as Note).version).toBe(2);
    const del = a.got[3];
    // DELETE carries only the primary key, for every subscriber of the table.
    expect(del.old).toEqual({ id: a2 });
    expect(del.new).toEqual({});
  });

  it('checks RLS on the row as it was changed, not as it is when the check runs', async () => {
    const a = await listen(USER_A, '2.0.0', 'image-rls');
    const b = await listen(USER_B, '2.0.0', 'image-rls');
    // Inserted for A and handed to B right away: A must get the insert only, B the update only.
    await stack.db.transaction(async (tx) => {
      await tx.query(`insert into notes (owner, title) values ($1, 'handover')`, [USER_A]);
    });
    await stack.db.query(`update notes set owner = $1, version = version + 1 where title = 'handover'`, [USER_B]);
    await stack.db.query(`insert into notes (owner, title) values ($1, 'end2'), ($2, 'end2')`, [USER_A, USER_B]);
    await waitFor(() => a.got.some((p) => (p.new as Note).title === 'end2'), 10_000, 'A end2');
    await waitFor(() => b.got.some((p) => (p.new as Note).title === 'end2'), 10_000, 'B end2');
    expect(a.got.map((p) => `${p.eventType}:${(p.new as Note).title}`)).toEqual(['INSERT:handover', 'INSERT:end2']);
    expect(b.got.map((p) => `${p.eventType}:${(p.new as Note).title}`)).toEqual(['UPDATE:handover', 'INSERT:end2']);
  });

  it('applies filters eq, neq, lt, lte, gt, gte, in', async () => {
    const filters = ['n=eq.5', 'n=neq.5', 'n=lt.5', 'n=lte.5', 'n=gt.5', 'n=gte.5', 'n=in.(1,9)', 'title=eq.x y'];
    const listeners = await Promise.all(filters.map((f, i) => listen(USER_A, '2.0.0', `filter-${i}`, f, 'INSERT')));
    await stack.db.query(
      `insert into notes (owner, title, n) select $1, case when n = 9 then 'x y' else 't' || n end, n from unnest(array[1,4,5,6,9]) n`,
      [USER_A],
    );
    await stack.db.query(`insert into notes (owner, title, n) values ($1, 'x y', 100)`, [USER_A]);
    const expected: number[][] = [[5], [1, 4, 6, 9, 100], [1, 4], [1, 4, 5], [6, 9, 100], [5, 6, 9, 100], [1, 9], [9, 100]];
    for (let i = 0; i < filters.length; i++) {
      await waitFor(() => listeners[i].got.length >= expected[i].length, 10_000, filters[i]);
    }
    // The last insert matches several filters; give stragglers a moment, then compare exactly.
    await stack.db.query(`select pg_sleep(0.2)`);
    filters.forEach((f, i) => expect(listeners[i].got.map((p) => (p.new as Note).n), f).toEqual(expected[i]));
  });

  it('delivers a row larger than 8 kB intact, and keeps commit order within a table', async () => {
    const l = await listen(USER_A, '2.0.0', 'large', undefined, 'INSERT');
    const big = 'x'.repeat(50_000) + 'é';
    await stack.db.query(`insert into notes (owner, title, body) values ($1, 'big', $2)`, [USER_A, big]);
    for (let i = 0; i < 30; i++) await stack.db.query(`insert into notes (owner, title, n) values ($1, 'seq', $2)`, [USER_A, i]);
    await waitFor(() => l.got.length >= 31, 15_000, '31 inserts');
    expect((l.got[0].new as Note).body).toBe(big);
    expect(l.got.slice(1).map((p) => (p.new as Note).n)).toEqual([...Array(30).keys()]);
  });

  it('follows the publication: a table added later is captured, a dropped one is not', async () => {
    const l = await signedInClient(stack.url, USER_A);
    clients.push(l);
    const got: Array<Record<string, unknown>> = [];
    await subscribed(
      l.channel('pub').on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'unpublished' }, (p) => got.push(p.new)),
    );
    await stack.db.query(`insert into unpublished values (1, 'before')`);
    await stack.db.exec(`grant select on unpublished to authenticated; alter publication supabase_realtime add table unpublished;`);
    await stack.db.query(`insert into unpublished values (2, 'after')`);
    await waitFor(() => got.length >= 1, 10_000, 'insert after publication add');
    await stack.db.exec(`alter publication supabase_realtime drop table unpublished;`);
    await stack.db.query(`insert into unpublished values (3, 'dropped')`);
    await stack.db.exec(`alter publication supabase_realtime add table unpublished;`);
    await stack.db.query(`insert into unpublished values (4, 'again')`);
    await waitFor(() => got.length >= 2, 10_000, 'insert after re-add');
    expect(got.map((r) => r.id)).toEqual([2, 4]);
  });

  it('reports bad bindings with a system error instead of failing the join', async () => {
    const c = await signedInClient(stack.url, USER_A);
    clients.push(c);
    const systems: Array<{ status: string; message: string }> = [];
    const ch = c
      .channel('bad-binding')
      .on('system', {}, (p) => systems.push(p))
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notes', filter: 'nope=eq.1' }, () => {});
    await subscribed(ch);
    await waitFor(() => systems.length > 0, 5000, 'system message');
    expect(systems[0].status).toBe('error');
    expect(systems[0].message).toMatch(/nope/);
  });
  it('refuses a crafted function name in realtime.visible_rows: the batch is data, never SQL text', async () => {
    const notes = (await stack.db.query<{ oid: number }>(`select 'public.notes'::regclass::oid::int as oid`)).rows[0].oid;
    const real = `realtime."rls_${notes}_authenticated"`;
    const callers = [{ g: 0, role: 'authenticated', claims: JSON.stringify({ sub: USER_A, role: 'authenticated' }), sub: USER_A }];
    const rows = [[{ i: 0, r: { id: 1, owner: USER_A, title: 't', n: 0, body: null, version: 1 } }]];
    const run = (fn: string) =>
      stack.db.query<{ g: number; i: number }>('select g, i from realtime.visible_rows($1::jsonb)', [
        JSON.stringify({ calls: [{ fn, set: 0, callers }], rowsets: rows }),
      ]);
    // The generated function itself passes: the owner sees the row.
    expect((await run(real)).rows.map((r) => [Number(r.g), Number(r.i)])).toEqual([[0, 0]]);
    await stack.db.query('create table if not exists public.crafted_marker (id int)');
    for (const fn of [
      `${real}($1, $2); drop table public.crafted_marker; select * from ${real}`,
      'pg_catalog.pg_sleep',
      `public."rls_${notes}_authenticated"`,
      `realtime."rls_${notes}_postgres"`,
      'realtime.visible_rows',
      `realtime.rls_${notes}_authenticated`,
    ]) {
      await expect(run(fn), fn).rejects.toThrow(/not a generated RLS function/);
    }
    expect((await stack.db.query(`select to_regclass('public.crafted_marker') is not null as present`)).rows[0].present).toBe(true);
    await stack.db.query('drop table public.crafted_marker');
  });
});
