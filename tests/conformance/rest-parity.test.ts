/**
 * /rest/v1 where the embedded stack used to answer differently from PostgREST 14 (issue #15),
 * through the official supabase-js client: each case is PostgREST's answer, read from its sources,
 * or the loud PGRST error the stack gives for what it does not serve.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import { backends, startTestStack, type Backend } from '../support/test-stack.ts';
import { rest, type RestStack } from './fixtures/rest/rest-fixture.ts';

const fixture = path.join(import.meta.dirname, 'fixtures', 'parity');

function startParityStack(backend: Backend): Promise<RestStack> {
  return startTestStack({ backend, migrationsDir: path.join(fixture, 'migrations'), seedFile: path.join(fixture, 'seed.sql') });
}

describe.each(backends)('REST parity with PostgREST on %s', (backend) => {
  let stack: RestStack;
  let db: SupabaseClient;

  beforeAll(async () => {
    stack = await startParityStack(backend);
    db = stack.serviceClient();
  });
  afterAll(async () => {
    await stack?.drop();
  });

  async function statuses(): Promise<string[]> {
    const { rows } = await stack.db.query<{ status: string }>('select status from public.users order by username');
    return rows.map((r) => r.status);
  }

  describe('schemas', () => {
    it('refuses a schema that is not exposed with 406 PGRST106 for reads, writes and calls', async () => {
      const expected = { code: 'PGRST106', message: 'Invalid schema: personal', details: null, hint: 'Only the following schemas are exposed: public' };
      const read = await db.schema('personal').from('users').select();
      expect(read.status).toBe(406);
      expect(read.error).toMatchObject(expected);
      const insert = await db.schema('personal').from('users').insert({ username: 'ghost' }).select();
      expect(insert.status).toBe(406);
      expect(insert.error).toMatchObject(expected);
      const update = await db.schema('personal').from('users').update({ status: 'X' }).eq('username', 'supabot');
      expect(update.status).toBe(406);
      const del = await db.schema('personal').from('users').delete().eq('username', 'supabot');
      expect(del.status).toBe(406);
      const call = await db.schema('personal').rpc('channel_count');
      expect(call.status).toBe(406);
      expect(call.error).toMatchObject(expected);
      const { rows } = await stack.db.query("select count(*)::int as n from public.users where username = 'ghost' or status = 'X'");
      expect(rows[0]).toEqual({ n: 0 });
      expect(await statuses()).toHaveLength(4);
    });
  });

  describe('Prefer: tx and max-affected', () => {
    it('tx=rollback answers as if committed and keeps nothing', async () => {
      const inserted = await db.from('channels').insert({ slug: 'rolled-back' }).select('slug').rollback();
      expect(inserted.status).toBe(201);
      expect(inserted.data).toEqual([{ slug: 'rolled-back' }]);
      const patched = await db.from('users').update({ status: 'GONE' }).neq('username', '').select('status').rollback();
      expect(patched.data).toHaveLength(4);
      const raw = await rest(stack, 'channels', {
        method: 'POST',
        token: DEMO_SERVICE_ROLE_KEY,
        body: JSON.stringify({ slug: 'raw-rollback' }),
        headers: { prefer: 'tx=rollback, return=minimal' },
      });
      expect(raw.status).toBe(201);
      expect(raw.headers.get('preference-applied')).toContain('tx=rollback');
      const { rows } = await stack.db.query("select count(*)::int as n from public.channels where slug like '%roll%'");
      expect(rows[0]).toEqual({ n: 0 });
      expect(await statuses()).not.toContain('GONE');
    });

    // postgrest-js' maxAffected(n) sends exactly this (typed only for clients declaring PostgREST 13+).
    const strict = (n: number) => ({ prefer: `handling=strict, max-affected=${n}` });
    const asService = { token: DEMO_SERVICE_ROLE_KEY };

    it('max-affected with handling=strict refuses an update or delete of more rows (PGRST124) and changes nothing', async () => {
      const tooMany = await rest(stack, 'users?username=neq.', { ...asService, method: 'PATCH', body: JSON.stringify({ status: 'AWAY' }), headers: strict(2) });
      expect(tooMany.status).toBe(400);
      expect(tooMany.json).toEqual({
        code: 'PGRST124',
        message: 'Query result exceeds max-affected preference constraint',
        details: 'The query affects 4 rows',
        hint: null,
      });
      expect(await statuses()).not.toContain('AWAY');
      const del = await rest(stack, 'collections?id=gte.4', { ...asService, method: 'DELETE', headers: strict(0) });
      expect(del.json).toMatchObject({ code: 'PGRST124', details: 'The query affects 1 rows' });
      const within = await rest(stack, 'users?username=eq.awailas', { ...asService, method: 'PATCH', body: JSON.stringify({ status: 'ONLINE' }), headers: strict(1) });
      expect(within.status).toBe(204);
      expect(within.headers.get('preference-applied')).toBe('handling=strict, max-affected=1');
      // Without handling=strict the preference is ignored, as PostgREST does.
      const lenient = await rest(stack, 'users?username=eq.dragarcia', { ...asService, method: 'PATCH', body: JSON.stringify({ status: 'ONLINE' }), headers: { prefer: 'max-affected=0' } });
      expect(lenient.status).toBe(204);
      const { rows } = await stack.db.query('select count(*)::int as n from public.collections');
      expect(rows[0]).toEqual({ n: 4 });
    });

    it('max-affected on functions: a set is counted (PGRST124), a single result is refused (PGRST128)', async () => {
      const set = await rest(stack, 'rpc/rename_users', { ...asService, method: 'POST', body: JSON.stringify({ suffix: '!' }), headers: strict(1) });
      expect(set.json).toMatchObject({ code: 'PGRST124', details: 'The query affects 4 rows' });
      expect((await statuses()).some((s) => s.endsWith('!'))).toBe(false);
      const single = await rest(stack, 'rpc/channel_count', { ...asService, method: 'POST', body: '{}', headers: strict(1) });
      expect(single.status).toBe(400);
      expect(single.json).toMatchObject({
        code: 'PGRST128',
        message: 'Function must return SETOF or TABLE when max-affected preference is used with handling=strict',
      });
    });

    it('handling=strict refuses preferences it does not know (PGRST122)', async () => {
      const r = await rest(stack, 'users', { headers: { prefer: 'handling=strict, count=exact, frobnicate=yes' } });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: 'PGRST122', message: 'Invalid preferences given with handling=strict', details: 'Invalid preferences: frobnicate=yes' });
      const lenient = await rest(stack, 'users?select=username&limit=1', { headers: { prefer: 'frobnicate=yes' } });
      expect(lenient.status).toBe(200);
    });
  });

  describe('functions', () => {
    it('a function with unnamed parameters is not found by name (PGRST202), never a SQL error', async () => {
      const r = await db.rpc('shout', { '': 'hi' });
      expect(r.status).toBe(404);
      expect(r.error?.code).toBe('PGRST202');
      const named = await db.rpc('shout', { value: 'hi' });
      expect(named.error?.code).toBe('PGRST202');
    });

    it('a single unnamed json parameter receives the whole body', async () => {
      const r = await db.rpc('echo_body', { a: 1, b: [true, null] });
      expect(r.error).toBeNull();
      expect(r.data).toEqual({ a: 1, b: [true, null] });
    });

    it('takes a row-typed argument as a JSON object', async () => {
      const r = await db.rpc('message_length', { msg: { id: 9, username: 'supabot', channel_id: 1, message: 'abcd' } });
      expect(r.error).toBeNull();
      expect(r.data).toBe(4);
    });

    it('embeds resources on the rows a function returns', async () => {
      const r = await db.rpc('get_messages', { channel: 1 }).select('id, channels(slug), author:users!messages_username_fkey(status)');
      expect(r.error).toBeNull();
      expect(r.data).toEqual([
        { id: 1, channels: { slug: 'public' }, author: { status: 'ONLINE' } },
        { id: 3, channels: { slug: 'public' }, author: { status: 'OFFLINE' } },
      ]);
    });

    it('runs a volatile function once when its result is also counted', async () => {
      const r = await db.rpc('rename_users', { suffix: '+' }, { count: 'exact' }).select('username, status, status_length').order('username').limit(2);
      expect(r.error).toBeNull();
      expect(r.count).toBe(4);
      expect(r.data).toEqual([
        { username: 'awailas', status: 'ONLINE+', status_length: 7 },
        { username: 'dragarcia', status: 'ONLINE+', status_length: 7 },
      ]);
      expect(await statuses()).toEqual(['ONLINE+', 'ONLINE+', 'OFFLINE+', 'ONLINE+']);
      const withComputed = await rest(stack, 'rpc/get_messages?select=id,blurb_message', { method: 'POST', body: JSON.stringify({ channel: 2 }), headers: { prefer: 'count=exact' } });
      expect(withComputed.json).toEqual([{ id: 2, blurb_message: 'Perfe' }]);
      await stack.db.query("update public.users set status = rtrim(status, '+')");
    });

    it('counts a scalar result as one row', async () => {
      const r = await db.rpc('channel_count', {}, { count: 'exact' });
      expect(r.error).toBeNull();
      expect(r.data).toBe(2);
      expect(r.count).toBe(1);
      const raw = await rest(stack, 'rpc/channel_count', { method: 'POST', body: '{}', headers: { prefer: 'count=exact' } });
      expect(raw.headers.get('content-range')).toBe('0-0/1');
    });
  });

  describe('response settings, custom errors and time zone', () => {
    it('takes response.status and response.headers set by the request\'s SQL', async () => {
      const r = await rest(stack, 'rpc/accepted', { method: 'POST', body: '{}' });
      expect(r.status).toBe(202);
      expect(r.headers.get('x-queue')).toBe('dispatch');
      expect(r.json).toBe('queued');
    });

    it('takes them from a read of a table too, every time the same read is sent again', async () => {
      // The first request plans the statement (and on PGlite checks its cost); the later ones reuse
      // it and, on PGlite, run context and statement as one pipeline.
      for (let i = 0; i < 3; i++) {
        const r = await rest(stack, 'users?select=username,served_note&username=in.(awailas,supabot)&order=username');
        expect(r.status).toBe(203);
        expect(r.headers.get('x-served')).toBe('read');
        expect(r.json).toEqual([{ username: 'awailas', served_note: 'served awailas' }, { username: 'supabot', served_note: 'served supabot' }]);
      }
    });

    it('answers RAISE SQLSTATE \'PGRST\' with the raised status, body and headers', async () => {
      const r = await db.rpc('payment_required');
      expect(r.status).toBe(402);
      expect(r.error).toEqual({ code: '123', message: 'Payment Required', details: 'Quota exceeded', hint: 'Upgrade your plan' });
      const raw = await rest(stack, 'rpc/payment_required', { method: 'POST', body: '{}' });
      expect(raw.headers.get('x-powered-by')).toBe('Nerd Rage');
      const bad = await db.rpc('bad_raise');
      expect(bad.status).toBe(500);
      expect(bad.error).toMatchObject({ code: 'PGRST121', details: "Invalid JSON value for MESSAGE: 'not json'" });
    });

    it('Prefer: timezone= sets the time zone of the request; an unknown one is refused', async () => {
      const r = await rest(stack, 'rpc/new_year', { method: 'POST', body: '{}', headers: { prefer: 'timezone=Asia/Jakarta' } });
      expect(r.json).toBe('2026-01-01T07:00:00+07:00');
      expect(r.headers.get('preference-applied')).toBe('timezone=Asia/Jakarta');
      const utc = await rest(stack, 'rpc/new_year', { method: 'POST', body: '{}', headers: { prefer: 'timezone=UTC' } });
      expect(utc.json).toBe('2026-01-01T00:00:00+00:00');
      const bad = await rest(stack, 'rpc/new_year', { method: 'POST', body: '{}', headers: { prefer: 'timezone=Mars/Olympus' } });
      expect(bad.status).toBe(400);
      expect(bad.json).toMatchObject({ code: '22023' });
    });
  });

  describe('count=planned and count=estimated', () => {
    it('planned gives the planner\'s estimate, estimated the exact count up to max rows and the estimate past them', async () => {
      await stack.db.query("insert into public.samples select g, 'st' || (g % 7) from generate_series(1, 3000) g");
      await stack.db.query('analyze public.samples');
      // Stale statistics: the planner still thinks there are about 3000 rows.
      await stack.db.query('delete from public.samples where id > 1500');
      const exact = await db.from('samples').select('id', { count: 'exact', head: true });
      expect(exact.count).toBe(1500);
      const planned = await db.from('samples').select('id', { count: 'planned', head: true });
      expect(planned.error).toBeNull();
      expect(planned.status).toBe(206);
      expect(planned.count).toBeGreaterThan(2000);
      const estimated = await db.from('samples').select('id', { count: 'estimated', head: true });
      expect(estimated.count).toBeGreaterThan(2000);
      // Under db-max-rows the estimated count is exact.
      const few = await db.from('samples').select('id', { count: 'estimated' }).lte('id', 10);
      expect(few.count).toBe(10);
      expect(few.status).toBe(200);
    });
  });

  describe('CSV', () => {
    it('answers Accept: text/csv for reads as PostgREST writes it; refuses it for writes', async () => {
      const r = await db.from('messages').select('id, message, reviewer').order('id').csv();
      expect(r.error).toBeNull();
      expect(r.data).toBe('id,message,reviewer\n1,"Hello World 👋",\n2,"Perfection is attained.",kiwicopple\n3,"Kia ora",');
      const raw = await rest(stack, 'channels?select=slug&id=eq.1', { headers: { accept: 'text/csv' } });
      expect(raw.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(raw.text).toBe('slug\npublic');
      const fn = await db.rpc('get_messages', { channel: 2 }).select('id').csv();
      expect(fn.data).toBe('id\n2');
      const write = await rest(stack, 'channels', { method: 'POST', token: DEMO_SERVICE_ROLE_KEY, body: JSON.stringify({ slug: 'csv' }), headers: { accept: 'text/csv' } });
      expect(write.status).toBe(406);
      expect(write.json).toMatchObject({ code: 'PGRST107' });
    });
  });

  describe('computed fields', () => {
    it('selects, filters and orders by a function on the row type', async () => {
      const r = await db.from('messages').select('id, blurb_message').order('blurb_message', { ascending: false });
      expect(r.error).toBeNull();
      expect(r.data).toEqual([
        { id: 2, blurb_message: 'Perfe' },
        { id: 3, blurb_message: 'Kia o' },
        { id: 1, blurb_message: 'Hello' },
      ]);
      const filtered = await db.from('messages').select('id').eq('blurb_message', 'Hello');
      expect(filtered.data).toEqual([{ id: 1 }]);
      const embedded = await db.from('channels').select('slug, messages(blurb_message)').eq('id', 2);
      expect(embedded.data).toEqual([{ slug: 'random', messages: [{ blurb_message: 'Perfe' }] }]);
      // `*` does not include computed fields (PostgREST expands it to the table's columns).
      const star = await db.from('messages').select('*').eq('id', 1).single();
      expect(Object.keys(star.data as object)).not.toContain('blurb_message');
    });
  });

  describe('writes', () => {
    it('upsert answers 200 when every row already existed, 201 when one was inserted', async () => {
      const existing = await db.from('channels').upsert([{ id: 1, slug: 'public' }, { id: 2, slug: 'random' }]).select('id');
      expect(existing.error).toBeNull();
      expect(existing.status).toBe(200);
      const minimal = await db.from('channels').upsert({ id: 1, slug: 'public' });
      expect(minimal.status).toBe(200);
      const mixed = await db.from('channels').upsert([{ id: 2, slug: 'random' }, { id: 3, slug: 'new' }]).select('id');
      expect(mixed.status).toBe(201);
      const ignored = await db.from('channels').upsert({ id: 1, slug: 'public' }, { ignoreDuplicates: true });
      expect(ignored.status).toBe(201);
      await stack.db.query('delete from public.channels where id = 3');
    });

    it('return=headers-only gives the Location of the inserted row; PUT and the OpenAPI root are refused', async () => {
      const r = await rest(stack, 'channels', { method: 'POST', token: DEMO_SERVICE_ROLE_KEY, body: JSON.stringify({ id: 77, slug: 'loc' }), headers: { prefer: 'return=headers-only' } });
      expect(r.status).toBe(201);
      expect(r.headers.get('location')).toBe('/channels?id=eq.77');
      expect(r.text).toBe('');
      await stack.db.query('delete from public.channels where id = 77');
      const put = await rest(stack, 'channels?id=eq.1', { method: 'PUT', token: DEMO_SERVICE_ROLE_KEY, body: JSON.stringify({ id: 1, slug: 'public' }) });
      expect(put.status).toBe(405);
      expect(put.json).toMatchObject({ code: 'PGRST117', message: 'Unsupported HTTP method: PUT' });
      const root = await rest(stack, '');
      expect(root.status).toBe(404);
      expect(root.json).toMatchObject({ code: 'PGRST126', message: 'Root endpoint metadata is disabled' });
    });

    it('missing=default on a bulk insert gives absent keys their column default', async () => {
      const r = await db
        .from('readings')
        .insert([{ station: 'merak', value: 12.5 }, { station: 'ciwandan', note: 'gauge reset' }], { defaultToNull: false })
        .select('station, value, unit, note, has_id:id, taken_at');
      expect(r.error).toBeNull();
      expect(r.status).toBe(201);
      const rows = r.data as Array<Record<string, unknown>>;
      expect(rows.map(({ station, value, unit, note }) => ({ station, value, unit, note }))).toEqual([
        { station: 'merak', value: 12.5, unit: 'mm', note: null },
        { station: 'ciwandan', value: 0, unit: 'mm', note: 'gauge reset' },
      ]);
      expect(rows.every((row) => typeof row.has_id === 'number' && typeof row.taken_at === 'string')).toBe(true);
      // An identity column's default is its sequence (PostgREST reads it from the catalog).
      const identity = await db.from('channels').insert([{ id: 50, slug: 'fifty' }, { slug: 'next' }], { defaultToNull: false }).select('id, slug');
      expect(identity.error).toBeNull();
      const [fifty, next] = identity.data as Array<{ id: number; slug: string }>;
      expect(fifty).toEqual({ id: 50, slug: 'fifty' });
      expect(next.slug).toBe('next');
      expect(next.id).toBeGreaterThan(100);
      await stack.db.query("delete from public.channels where slug in ('fifty', 'next')");
      const upsert = await db
        .from('users')
        .upsert([{ username: 'newbie' }, { username: 'supabot', status: 'AWAY' }], { defaultToNull: false })
        .select('username, status')
        .order('username');
      expect(upsert.error).toBeNull();
      expect(upsert.data).toEqual([
        { username: 'newbie', status: 'ONLINE' },
        { username: 'supabot', status: 'AWAY' },
      ]);
      await stack.db.query("update public.users set status = 'ONLINE' where username = 'supabot'");
      await stack.db.query("delete from public.users where username = 'newbie'");
    });
  });

  describe('embedding', () => {
    it('counts an embed with bare count, as Supabase documents', async () => {
      const r = await db.from('channels').select('slug, messages(count)').order('id');
      expect(r.error).toBeNull();
      expect(r.data).toEqual([
        { slug: 'public', messages: [{ count: 2 }] },
        { slug: 'random', messages: [{ count: 1 }] },
      ]);
      const top = await db.from('channels').select('count');
      expect(top.data).toEqual([{ count: 2 }]);
    });

    it('embeds one-to-one relationships as an object (key also primary key or unique)', async () => {
      const r = await db.from('users').select('username, profiles(bio), avatars(url)').order('username');
      expect(r.error).toBeNull();
      expect(r.data).toEqual([
        { username: 'awailas', profiles: null, avatars: null },
        { username: 'dragarcia', profiles: null, avatars: null },
        { username: 'kiwicopple', profiles: { bio: null }, avatars: null },
        { username: 'supabot', profiles: { bio: 'I am a bot' }, avatars: { url: 'https://example.test/bot.png' } },
      ]);
      const back = await db.from('profiles').select('username, users(status)').eq('username', 'supabot').single();
      expect(back.data).toEqual({ username: 'supabot', users: { status: 'ONLINE' } });
    });

    it('embeds a self-referencing foreign key: the table name gives the children, the column the parent', async () => {
      const children = await db.from('collections').select('id, collections(id)').order('id');
      expect(children.error).toBeNull();
      expect(children.data).toEqual([
        { id: 1, collections: [{ id: 2 }, { id: 3 }] },
        { id: 2, collections: [{ id: 4 }] },
        { id: 3, collections: [] },
        { id: 4, collections: [] },
      ]);
      const hinted = await db.from('collections').select('id, children:collections!parent_id(name)').eq('id', 2).single();
      expect(hinted.error).toBeNull();
      expect(hinted.data).toEqual({ id: 2, children: [{ name: 'grandchild' }] });
      const parent = await db.from('collections').select('id, parent_id(name)').eq('id', 4).single();
      expect(parent.data).toEqual({ id: 4, parent_id: { name: 'child a' } });
    });

    it('embeds many-to-many through a junction table, both ways, with filters and the junction as hint', async () => {
      const r = await db.from('users').select('username, channels(slug)').in('username', ['supabot', 'kiwicopple', 'awailas']).order('username');
      expect(r.error).toBeNull();
      expect(r.data).toEqual([
        { username: 'awailas', channels: [] },
        { username: 'kiwicopple', channels: [{ slug: 'public' }] },
        { username: 'supabot', channels: [{ slug: 'public' }, { slug: 'random' }] },
      ]);
      const back = await db.from('channels').select('slug, members:users!channel_members(username)').eq('id', 1).order('username', { referencedTable: 'members' }).single();
      expect(back.data).toEqual({ slug: 'public', members: [{ username: 'kiwicopple' }, { username: 'supabot' }] });
      const inner = await db.from('users').select('username, channels!inner(slug)').eq('channels.slug', 'random');
      expect(inner.data).toEqual([{ username: 'supabot', channels: [{ slug: 'random' }] }]);
      const junction = await db.from('channel_members').select('role, users(status), channels(slug)').eq('role', 'owner').single();
      expect(junction.data).toEqual({ role: 'owner', users: { status: 'ONLINE' }, channels: { slug: 'public' } });
    });

    it('refuses what it does not serve with PostgREST errors: view embeds, spreads, ordering by an embed', async () => {
      const view = await db.from('message_view').select('id, channels(slug)');
      expect(view.status).toBe(400);
      expect(view.error?.code).toBe('PGRST200');
      const spread = await db.from('messages').select('id, ...channels(slug)');
      expect(spread.status).toBe(400);
      expect(spread.error?.code).toBe('PGRST100');
      const ordered = await rest(stack, 'messages?select=id,channels(slug)&order=channels(slug)');
      expect(ordered.status).toBe(400);
      expect(ordered.json).toMatchObject({ code: 'PGRST100' });
    });

    it('an ambiguous embed answers 300 PGRST201 with PostgREST\'s details array', async () => {
      const r = await db.from('messages').select('id, users(username)');
      expect(r.status).toBe(300);
      expect(r.error).toEqual({
        code: 'PGRST201',
        message: "Could not embed because more than one relationship was found for 'messages' and 'users'",
        details: [
          { cardinality: 'many-to-one', embedding: 'messages with users', relationship: 'messages_reviewer_fkey using messages(reviewer) and users(username)' },
          { cardinality: 'many-to-one', embedding: 'messages with users', relationship: 'messages_username_fkey using messages(username) and users(username)' },
        ],
        hint: "Try changing 'users' to one of the following: 'users!messages_reviewer_fkey', 'users!messages_username_fkey'. Find the desired relationship in the 'details' key.",
      });
    });

    it('two embeds under the same name are refused with 42712', async () => {
      const r = await db.from('users').select('username, messages!messages_username_fkey(id), messages!messages_reviewer_fkey(id)');
      expect(r.status).toBe(400);
      expect(r.error?.code).toBe('42712');
      const aliased = await db
        .from('users')
        .select('username, written:messages!messages_username_fkey(id), reviewed:messages!messages_reviewer_fkey(id)')
        .eq('username', 'kiwicopple')
        .single();
      expect(aliased.data).toEqual({ username: 'kiwicopple', written: [{ id: 3 }], reviewed: [{ id: 2 }] });
    });
  });
});
