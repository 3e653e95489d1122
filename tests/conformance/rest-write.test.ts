/**
 * /rest/v1 writes, errors and row-level security through the official supabase-js client: insert,
 * upsert, update, delete, SQLSTATE → status mapping, JWT checks, and bad input that must change
 * nothing and leave no transaction open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { backends } from '../support/test-stack.ts';
import { clientWithToken, rest, startRestStack, userToken, type RestStack } from './fixtures/rest/rest-fixture.ts';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';

describe.each(backends)('REST writes on %s', (backend) => {
  let stack: RestStack;
  let anon: SupabaseClient;
  let alice: SupabaseClient;
  let bob: SupabaseClient;
  let aliceToken: string;

  beforeAll(async () => {
    stack = await startRestStack(backend);
    anon = stack.anonClient();
    aliceToken = await userToken(ALICE);
    alice = clientWithToken(stack, aliceToken);
    bob = clientWithToken(stack, await userToken(BOB));
  });
  afterAll(async () => {
    await stack?.drop();
  });

  async function authorCount(): Promise<number> {
    const { rows } = await stack.db.query<{ n: number }>('select count(*)::int as n from public.authors');
    return rows[0].n;
  }

  it('inserts one row and many rows, with representation and minimal', async () => {
    const one = await alice.from('authors').insert({ name: 'Dewi', email: 'dewi@example.test' }).select('name, email').single();
    expect(one.status).toBe(201);
    expect(one.data).toEqual({ name: 'Dewi', email: 'dewi@example.test' });
    const minimal = await alice.from('authors').insert({ name: 'Eko' });
    expect(minimal.status).toBe(201);
    expect(minimal.data).toBeNull();
    const many = await alice
      .from('posts')
      .insert([
        { author_id: 1, title: 'Bulk one', tags: ['a'] },
        { author_id: 2, title: 'Bulk two', published: true },
      ], { defaultToNull: false })
      .select('title, tags, published, author:authors!posts_author_id_fkey(name)');
    expect(many.status).toBe(201);
    // With defaultToNull: false (Prefer: missing=default), absent keys take the column default.
    expect(many.data).toEqual([
      { title: 'Bulk one', tags: ['a'], published: false, author: { name: 'Ani' } },
      { title: 'Bulk two', tags: [], published: true, author: { name: 'Budi' } },
    ]);
  });

  it('upserts with merge-duplicates and ignore-duplicates', async () => {
    const merged = await alice
      .from('authors')
      .upsert({ id: 3, name: 'Citra', email: 'new@example.test' })
      .select('id, email');
    expect(merged.error).toBeNull();
    expect(merged.data).toEqual([{ id: 3, email: 'new@example.test' }]);
    const byName = await alice
      .from('authors')
      .upsert([{ name: 'Citra', email: 'by-name@example.test' }, { name: 'Fajar', email: null }], { onConflict: 'name' })
      .select('name, email')
      .order('name');
    expect(byName.data).toEqual([
      { name: 'Citra', email: 'by-name@example.test' },
      { name: 'Fajar', email: null },
    ]);
    const ignored = await alice.from('authors').upsert({ id: 3, name: 'Citra', email: 'ignored@example.test' }, { ignoreDuplicates: true }).select('id');
    expect(ignored.data).toEqual([]);
    const after = await anon.from('authors').select('email').eq('id', 3).single();
    expect(after.data).toEqual({ email: 'by-name@example.test' });
  });

  it('updates and deletes with representation and minimal', async () => {
    const updated = await alice.from('posts').update({ rating: 5, tags: ['x', 'y'] }).eq('title', 'Bulk one').select('title, rating, tags');
    expect(updated.status).toBe(200);
    expect(updated.data).toEqual([{ title: 'Bulk one', rating: 5, tags: ['x', 'y'] }]);
    const quiet = await alice.from('posts').update({ rating: 1 }).eq('title', 'Bulk two');
    expect(quiet.status).toBe(204);
    expect((await anon.from('posts').select('rating').eq('title', 'Bulk two').single()).data).toEqual({ rating: 1 });
    const deleted = await alice.from('posts').delete().eq('title', 'Bulk one').select('title');
    expect(deleted.data).toEqual([{ title: 'Bulk one' }]);
    const gone = await alice.from('posts').delete().eq('title', 'Bulk two');
    expect(gone.status).toBe(204);
    expect((await anon.from('posts').select('id', { count: 'exact', head: true })).count).toBe(4);
  });

  it('rolls back a write when single() does not get exactly one row', async () => {
    const r = await alice.from('posts').update({ views: 99 }).eq('author_id', 1).select('id').single();
    expect(r.status).toBe(406);
    expect(r.error?.code).toBe('PGRST116');
    const views = await anon.from('posts').select('views').eq('author_id', 1);
    expect(views.data).toEqual([{ views: 0 }, { views: 0 }]);
  });

  it('maps constraint violations to 409 and check failures to 400', async () => {
    const unique = await alice.from('authors').insert({ name: 'Ani' });
    expect(unique.status).toBe(409);
    expect(unique.error?.code).toBe('23505');
    const fk = await alice.from('posts').insert({ author_id: 999, title: 'Orphan' });
    expect(fk.status).toBe(409);
    expect(fk.error?.code).toBe('23503');
    const notNull = await alice.from('posts').insert({ author_id: 1, title: null });
    expect(notNull.status).toBe(400);
    expect(notNull.error?.code).toBe('23502');
    const badValue = await anon.from('posts').select('id').eq('id', 'not-a-number');
    expect(badValue.status).toBe(400);
    expect(badValue.error?.code).toBe('22P02');
  });

  it('refuses RLS violations with 401 for anon and 403 for signed-in users', async () => {
    const asAnon = await anon.from('notes').insert({ owner_id: ALICE, body: 'anon' });
    expect(asAnon.status).toBe(401);
    expect(asAnon.error?.code).toBe('42501');
    const forOther = await alice.from('notes').insert({ owner_id: BOB, body: 'not mine' });
    expect(forOther.status).toBe(403);
    expect(forOther.error?.code).toBe('42501');
    const locked = await alice.from('locked').insert({ id: 2, body: 'x' });
    expect(locked.status).toBe(403);
    expect((await alice.from('locked').select('*')).data).toEqual([]);
    expect((await stack.serviceClient().from('locked').select('id')).data).toEqual([{ id: 1 }]);
  });

  it('applies RLS through the API: users see only their own rows', async () => {
    expect((await alice.from('notes').insert({ body: 'alice 1' }).select('owner_id').single()).data).toEqual({ owner_id: ALICE });
    await alice.from('notes').insert({ body: 'alice 2' });
    await bob.from('notes').insert({ body: 'bob 1' });
    const mine = await alice.from('notes').select('body, owner_id').order('body');
    expect(mine.data).toEqual([
      { body: 'alice 1', owner_id: ALICE },
      { body: 'alice 2', owner_id: ALICE },
    ]);
    expect((await bob.from('notes').select('body')).data).toEqual([{ body: 'bob 1' }]);
    expect((await anon.from('notes').select('body')).data).toEqual([]);
    expect((await alice.rpc('count_my_notes')).data).toBe(2);
    expect((await bob.rpc('count_my_notes')).data).toBe(1);
    const stolen = await bob.from('notes').delete().eq('body', 'alice 1').select('body');
    expect(stolen.data).toEqual([]);
    expect((await alice.from('notes').select('body', { count: 'exact', head: true })).count).toBe(2);
  });

  it('runs void functions with 204 and sees their effects', async () => {
    const r = await alice.rpc('bump_views', { post: 1 });
    expect(r.status).toBe(204);
    expect((await anon.from('posts').select('views').eq('id', 1).single()).data).toEqual({ views: 1 });
  });

  it('names unknown columns and missing tables with PostgREST codes', async () => {
    const column = await anon.from('posts').select('id, nope');
    expect(column.status).toBe(400);
    expect(column.error?.code).toBe('42703');
    const filter = await anon.from('posts').select('id').eq('nope', 1);
    expect(filter.status).toBe(400);
    const payload = await alice.from('authors').insert({ name: 'Gita', nope: 1 });
    expect(payload.status).toBe(400);
    expect(payload.error?.code).toBe('PGRST204');
    const table = await anon.from('no_such_table').select('*');
    expect(table.status).toBe(404);
    expect(table.error?.code).toBe('PGRST205');
  });

  it('runs each request as the caller with PostgREST request settings', async () => {
    const info = await rest(stack, 'rpc/request_info', { method: 'POST', body: '{}', token: aliceToken, headers: { 'x-test': 'hello' } });
    expect(info.json).toEqual({ role: 'authenticated', uid: ALICE, method: 'POST', path: '/rpc/request_info', x_test: 'hello', search_path: 'public, extensions' });
    expect(((await anon.rpc('request_info', {}, { get: true })).data as { role: string }).role).toBe('anon');
    expect(((await stack.serviceClient().rpc('request_info')).data as { role: string }).role).toBe('service_role');
  });

  it('refuses bad JWTs with 401 PGRST301', async () => {
    const expired = await rest(stack, 'posts?select=id', { token: await userToken(ALICE, { expiresIn: -10 }) });
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ code: 'PGRST301', message: 'JWT expired' });
    const otherSecret = await rest(stack, 'posts?select=id', { token: await userToken(ALICE, { secret: 'another-secret-another-secret-another-secret' }) });
    expect(otherSecret.status).toBe(401);
    expect(otherSecret.json).toMatchObject({ code: 'PGRST301' });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url') + '.' +
      Buffer.from(JSON.stringify({ sub: ALICE, role: 'service_role' })).toString('base64url') + '.';
    const algNone = await rest(stack, 'locked?select=id', { token: none });
    expect(algNone.status).toBe(401);
    const garbage = await rest(stack, 'posts?select=id', { token: 'not.a.jwt' });
    expect(garbage.status).toBe(401);
  });

  it('answers malformed input with 4xx JSON errors, changes nothing, and keeps serving', async () => {
    const before = await authorCount();
    const cases = [
      await rest(stack, 'authors?select=id,(', {}),
      await rest(stack, 'authors?select=id&name=nope.1'),
      await rest(stack, 'authors?select=id&limit=abc'),
      await rest(stack, 'authors?select=id&or=(name.eq.1'),
      await rest(stack, 'authors?select=id&order=name.sideways'),
      await rest(stack, 'authors?select=id&name=in.(a,b'),
      await rest(stack, 'authors', { method: 'POST', body: '{"name": ', token: aliceToken }),
      await rest(stack, 'authors', { method: 'POST', body: '[1, 2]', token: aliceToken }),
      await rest(stack, 'authors', { method: 'POST', body: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }), token: aliceToken }),
      await rest(stack, 'authors?id=eq.1', { method: 'PATCH', body: 'not json', token: aliceToken }),
      await rest(stack, 'rpc/add_numbers', { method: 'POST', body: '{"a": 1', token: aliceToken }),
      await rest(stack, 'auth%E0%A4%Aors?select=id'),
    ];
    for (const r of cases) {
      expect(r.status, r.text).toBeGreaterThanOrEqual(400);
      expect(r.status, r.text).toBeLessThan(500);
      expect(r.json, r.text).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect(cases[8].status).toBe(413);
    expect(await authorCount()).toBe(before);
    expect((await anon.from('authors').select('name').eq('id', 1).single()).data).toEqual({ name: 'Ani' });
    if (backend === 'postgres') {
      const { rows } = await stack.db.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
      );
      expect(rows[0].n).toBe(0);
    }
  });

  it('survives many failing requests in a row without leaking transactions', async () => {
    const failures = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? alice.from('authors').insert({ name: 'Ani' }) : anon.from('posts').select('nope'))),
    );
    expect(failures.every((r) => r.error !== null)).toBe(true);
    const ok = await Promise.all(Array.from({ length: 10 }, () => anon.from('posts').select('id').eq('id', 1).single()));
    expect(ok.every((r) => r.data?.id === 1)).toBe(true);
  });
});
