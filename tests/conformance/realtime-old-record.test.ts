/**
 * What postgres_changes puts in `old` for UPDATE and DELETE, as hosted Supabase Realtime does it
 * (supabase/realtime's `realtime.apply_rls` over wal2json): the columns of the table's replica
 * identity (the primary key by default, every column with REPLICA IDENTITY FULL, the index's
 * columns with USING INDEX) that the subscriber's role may select; for a DELETE on a table with RLS
 * only its primary-key columns, because no policy can be checked on a deleted row. A DELETE filter
 * is tested on the replica identity's columns. The embedded stack must send exactly that, so the
 * app cannot come to depend on more than hosted Realtime gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';
import { backends, startTestStack, type TestStack } from '../support/test-stack.ts';
import { fixtureMigrations, signedInClient, subscribed, USER_A, waitFor } from './fixtures/realtime/helpers.ts';

type Row = Record<string, unknown>;
type Payload = RealtimePostgresChangesPayload<Row>;

// Four tables alike but for replica identity and RLS; `secret` is not granted to authenticated.
const TABLES = {
  rt_default_rls: { identity: 'default', rls: true },
  rt_full_rls: { identity: 'full', rls: true },
  rt_full_open: { identity: 'full', rls: false },
  rt_index_open: { identity: 'using index rt_index_open_code_key', rls: false },
} as const;
type Table = keyof typeof TABLES;

function tableSql(table: Table): string {
  const { identity, rls } = TABLES[table];
  return `
    create table public.${table} (id int primary key, code text not null unique, owner uuid not null, n int not null, secret text);
    ${rls ? `alter table public.${table} enable row level security;
    create policy "owners read their rows" on public.${table} for select to authenticated using (owner = (select auth.uid()));` : ''}
    grant select (id, code, owner, n) on public.${table} to authenticated;
    alter table public.${table} replica identity ${identity};
    alter publication supabase_realtime add table public.${table};`;
}

describe.each(backends)('realtime postgres_changes old records on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };
  const clients: SupabaseClient[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ backend, migrationsDir: fixtureMigrations });
    for (const table of Object.keys(TABLES) as Table[]) await stack.db.exec(tableSql(table));
  });
  afterAll(async () => {
    for (const c of clients) await c.removeAllChannels();
    await stack?.drop();
  });

  async function listen(table: Table, filter?: string) {
    const client = await signedInClient(stack.url, USER_A);
    clients.push(client);
    const got: Payload[] = [];
    const channel = client
      .channel(`old-${table}-${filter ?? 'all'}`)
      .on<Row>('postgres_changes', { event: '*', schema: 'public', table, ...(filter ? { filter } : {}) }, (p) => got.push(p));
    await subscribed(channel);
    return got;
  }

  /** Inserts row 1 (and 2, the end marker), updates row 1, deletes it, then deletes row 2. */
  async function changeRows(table: Table): Promise<void> {
    await stack.db.query(`insert into public.${table} values (1, 'K1', $1, 7, 's1'), (2, 'K2', $1, 8, 's2')`, [USER_A]);
    await stack.db.query(`update public.${table} set n = 9, code = 'K1b' where id = 1`);
    await stack.db.query(`delete from public.${table} where id = 1`);
    await stack.db.query(`delete from public.${table} where id = 2`);
  }

  async function oldRecords(table: Table): Promise<{ update: Row; delete: Row }> {
    const got = await listen(table);
    await changeRows(table);
    await waitFor(() => got.filter((p) => p.eventType === 'DELETE').length >= 2, 10_000, `${table} deletes`);
    const update = got.find((p) => p.eventType === 'UPDATE');
    const del = got.find((p) => p.eventType === 'DELETE');
    expect((update?.new as Row).n).toBe(9);
    return { update: update?.old as Row, delete: del?.old as Row };
  }

  it('sends only the primary key without REPLICA IDENTITY FULL', async () => {
    expect(await oldRecords('rt_default_rls')).toEqual({ update: { id: 1 }, delete: { id: 1 } });
  });

  it('with REPLICA IDENTITY FULL and RLS: the whole old row on UPDATE, only the key on DELETE', async () => {
    expect(await oldRecords('rt_full_rls')).toEqual({
      update: { id: 1, code: 'K1', owner: USER_A, n: 7 },
      delete: { id: 1 },
    });
  });

  it('with REPLICA IDENTITY FULL and no RLS: the whole old row on UPDATE and DELETE', async () => {
    const old = { id: 1, code: 'K1', owner: USER_A, n: 7 };
    expect(await oldRecords('rt_full_open')).toEqual({ update: old, delete: { ...old, code: 'K1b', n: 9 } });
  });

  it('with REPLICA IDENTITY USING INDEX: the index columns, not the primary key', async () => {
    expect(await oldRecords('rt_index_open')).toEqual({ update: { code: 'K1' }, delete: { code: 'K1b' } });
  });

  it('tests a DELETE filter on the replica identity, before RLS trims the old record to the key', async () => {
    const byN = await listen('rt_full_rls', 'n=eq.8');
    const keyOnly = await listen('rt_default_rls', 'n=eq.8');
    await stack.db.query(`insert into public.rt_full_rls values (3, 'K3', $1, 8, 's3')`, [USER_A]);
    await stack.db.query(`insert into public.rt_default_rls values (3, 'K3', $1, 8, 's3')`, [USER_A]);
    await stack.db.query(`delete from public.rt_default_rls where id = 3`);
    await stack.db.query(`delete from public.rt_full_rls where id = 3`);
    await waitFor(() => byN.some((p) => p.eventType === 'DELETE'), 10_000, 'filtered delete');
    expect(byN.map((p) => `${p.eventType}:${JSON.stringify(p.old)}`)).toEqual(['INSERT:{}', 'DELETE:{"id":3}']);
    // Without FULL the WAL has no `n` for a DELETE: the filter cannot match it.
    expect(keyOnly.map((p) => p.eventType)).toEqual(['INSERT']);
  });
});
