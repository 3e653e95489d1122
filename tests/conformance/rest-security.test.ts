/**
 * /rest/v1 under hostile requests (security issue #11): SQL through select= casts, volatile
 * functions on GET, parser and stack exhaustion, schema profiles, and the per-role time limit —
 * statement_timeout on Postgres, the plan-cost budget on PGlite, which cannot cancel a statement.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import { backends } from '../support/test-stack.ts';
import { rest, startRestStack, userToken, type RestStack } from './fixtures/rest/rest-fixture.ts';

const ALICE = '00000000-0000-4000-8000-0000000000a1';
const HEAVY_ROWS = 300_000;

interface ErrorBody {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

function isErrorBody(json: unknown): json is ErrorBody {
  if (typeof json !== 'object' || json === null) return false;
  const body = json as Record<string, unknown>;
  return typeof body.code === 'string' && typeof body.message === 'string' && 'details' in body && 'hint' in body;
}

async function health(stack: RestStack): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${stack.url}/health`);
  await res.text();
  if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
  return performance.now() - t;
}

describe.each(backends)('REST security on %s', (backend) => {
  let stack: RestStack;
  let alice: string;

  beforeAll(async () => {
    stack = await startRestStack(backend);
    alice = await userToken(ALICE);
    await stack.db.exec(`
      create function public.slow_sleep(seconds double precision) returns void language sql volatile as $$ select pg_sleep(seconds) $$;
      create function public.counter_value() returns integer language sql volatile as $$ select 7 $$;
      create table public.heavy (id integer primary key, body text not null);
      insert into public.heavy select g, md5(g::text) || repeat('x', 40) from generate_series(1, ${HEAVY_ROWS}) g;
      create table public.heavy_children (id integer primary key, heavy_id integer not null references public.heavy (id));
      insert into public.heavy_children select g, 1 + g % 1000 from generate_series(1, 20000) g;
      analyze public.heavy;
      analyze public.heavy_children;
      grant select on public.heavy, public.heavy_children to anon, authenticated, service_role;
      grant execute on function public.slow_sleep(double precision), public.counter_value() to anon, authenticated;
      notify pgrst, 'reload schema';`);
    for (let i = 0; i < 100; i++) {
      if ((await rest(stack, 'heavy?select=id&id=eq.1')).status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    await stack?.drop();
  });

  describe('casts in select=', () => {
    it('refuses SQL smuggled in a cast, as an unknown type', async () => {
      const select = 'id::text as x from posts t0 where false union all select current_user union all select title';
      const r = await rest(stack, `posts?select=${encodeURIComponent(select)}`, { token: alice });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: '42704', message: `type "${select.slice(4)}" does not exist` });
      expect(r.text).not.toContain('"authenticated"');
      for (const evil of ['text) from posts; --', 'int4); select 1; --', "text as x, 'y", 'text[] as x from posts']) {
        const bad = await rest(stack, `posts?select=${encodeURIComponent(`id::${evil}`)}`, { token: alice });
        expect(bad.status, evil).toBe(400);
        expect(isErrorBody(bad.json), evil).toBe(true);
      }
    });

    it('answers an unknown type as Postgres does', async () => {
      const r = await rest(stack, 'posts?select=id::nope');
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ code: '42704', message: 'type "nope" does not exist', details: null, hint: null });
    });

    it('keeps legitimate casts working, with the catalog spelling of the type', async () => {
      const r = await rest(stack, `posts?select=${encodeURIComponent('id::text,rating::double precision,tags::text[],count:views::TEXT')}&order=id&limit=1`);
      expect(r.status).toBe(200);
      expect(r.json).toEqual([{ id: '1', rating: 4.5, tags: ['flood', 'merak'], count: '0' }]);
      const agg = await rest(stack, 'posts?select=author_id,n:count()::text,total:views.sum()::int4&order=author_id');
      expect(agg.json).toEqual([
        { author_id: 1, n: '2', total: 0 },
        { author_id: 2, n: '2', total: 0 },
      ]);
      const embedded = await rest(stack, 'comments?select=id,posts(id::text)&id=eq.1');
      expect(embedded.json).toEqual([{ id: 1, posts: { id: '1' } }]);
    });
  });

  describe('functions on GET', () => {
    it('refuses writes from a volatile function called with GET or HEAD, as PostgREST (read-only, 25006 → 405)', async () => {
      for (const method of ['GET', 'HEAD']) {
        const r = await rest(stack, 'rpc/bump_views?post=1', { method });
        expect(r.status, method).toBe(405);
        if (method === 'GET') {
          expect(r.json).toMatchObject({ code: '25006', message: 'cannot execute UPDATE in a read-only transaction' });
        }
      }
      expect((await rest(stack, 'posts?select=views&id=eq.1')).json).toEqual([{ views: 0 }]);
      const post = await rest(stack, 'rpc/bump_views', { method: 'POST', body: '{"post": 1}', token: alice });
      expect(post.status).toBe(204);
      expect((await rest(stack, 'posts?select=views&id=eq.1')).json).toEqual([{ views: 1 }]);
      await rest(stack, 'posts?id=eq.1', { method: 'PATCH', body: '{"views": 0}', token: alice });
    });

    it('still calls stable functions by GET and volatile ones that only read', async () => {
      expect((await rest(stack, 'rpc/add_numbers?a=1&b=2')).json).toBe(3);
      expect((await rest(stack, 'rpc/counter_value')).json).toBe(7);
      expect((await rest(stack, 'rpc/pay_first')).status).toBe(402);
    });
  });

  describe('parser bounds', () => {
    it('answers 2,000 nested or= levels with 400 PGRST100, and 16 levels still work', async () => {
      const deep = '(' + 'or('.repeat(2000) + 'id.eq.1' + ')'.repeat(2000) + ')';
      const r = await rest(stack, `posts?select=id&or=${encodeURIComponent(deep)}`);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: 'PGRST100' });
      const ok = '(' + 'or('.repeat(15) + 'id.eq.1' + ')'.repeat(15) + ')';
      expect((await rest(stack, `posts?select=id&or=${encodeURIComponent(ok)}`)).json).toEqual([{ id: 1 }]);
    });

    it('bounds embed nesting in select=', async () => {
      const deep = 'id,' + 'posts(comments('.repeat(500) + 'id' + '))'.repeat(500);
      const r = await rest(stack, `comments?select=${encodeURIComponent(deep)}`);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: 'PGRST100' });
    });

    it('refuses deeply nested values before the database parses them, and keeps answering', async () => {
      // Two of these used to leave PGlite hung (WebAssembly stack overflow inside the regex compiler).
      for (let i = 0; i < 2; i++) {
        const regex = '('.repeat(3000) + 'a' + ')'.repeat(3000);
        const r = await rest(stack, `posts?select=id&title=match.${encodeURIComponent(regex)}`);
        expect(r.status).toBe(400);
        expect(r.json).toMatchObject({ code: 'PGRST100' });
        const json = '['.repeat(2000) + ']'.repeat(2000);
        const j = await rest(stack, `posts?select=id&meta=cs.${encodeURIComponent(json)}`);
        expect(j.status).toBe(400);
      }
      const body = await rest(stack, 'posts', { method: 'POST', token: alice, body: `{"title":"x","author_id":1,"meta":${'['.repeat(100_000)}${']'.repeat(100_000)}}` });
      expect(body.status).toBe(400);
      expect(body.json).toMatchObject({ code: 'PGRST102' });
      expect((await rest(stack, 'posts?select=id&meta=cs.[[1]]')).status).toBe(200);
      await health(stack);
    });

    it('refuses a NUL in an alias instead of breaking the wire protocol', async () => {
      const r = await rest(stack, `posts?select=${encodeURIComponent('"a\0b":id')}`);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: 'PGRST100' });
    });
  });

  it('serves only schema public: another profile gets 406 PGRST106', async () => {
    const r = await rest(stack, 'posts?select=id', { headers: { 'accept-profile': 'auth' } });
    expect(r.status).toBe(406);
    expect(r.json).toEqual({ code: 'PGRST106', message: 'Invalid schema: auth', details: null, hint: 'Only the following schemas are exposed: public' });
    expect((await rest(stack, 'posts?select=id&id=eq.1', { headers: { 'accept-profile': 'public' } })).json).toEqual([{ id: 1 }]);
    const write = await rest(stack, 'comments', { method: 'POST', token: alice, body: '{"post_id":1,"body":"x"}', headers: { 'content-profile': 'auth' } });
    expect(write.status).toBe(406);
  });

  it('caps a read at db-max-rows (1000), as supabase/config.toml sets it', async () => {
    const r = await rest(stack, 'heavy?select=id&order=id', { token: DEMO_SERVICE_ROLE_KEY, headers: { prefer: 'count=exact' } });
    expect(r.status).toBe(206);
    expect((r.json as unknown[]).length).toBe(1000);
    expect(r.headers.get('content-range')).toBe(`0-999/${HEAVY_ROWS}`);
    const asked = await rest(stack, 'heavy?select=id&order=id&limit=5000&offset=10', { token: DEMO_SERVICE_ROLE_KEY });
    expect(asked.headers.get('content-range')).toBe('10-1009/*');
  });

  // Postgres cancels at statement_timeout; PGlite cannot, and has its plan budget instead (below).
  if (backend === 'postgres') {
    it('cancels a statement at the role\'s statement_timeout (anon 3 s) with 57014 as PostgREST maps it', async () => {
      const t = performance.now();
      const anon = await rest(stack, 'rpc/slow_sleep', { method: 'POST', body: '{"seconds": 6}' });
      const took = performance.now() - t;
      expect(anon.status).toBe(500);
      expect(anon.json).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
      expect(took).toBeGreaterThan(2900);
      expect(took).toBeLessThan(5500);
      // authenticated has 8 s.
      const signedIn = await rest(stack, 'rpc/slow_sleep', { method: 'POST', body: '{"seconds": 3.5}', token: alice });
      expect(signedIn.status).toBe(204);
    });
  }

  // PGlite's stand-in for the time limit; Postgres's own is tested above.
  if (backend === 'pglite') {
    it('refuses a plan over the role\'s budget on PGlite, which cannot cancel, and /health keeps answering', async () => {
      // One sequential scan of heavy_children (no index on heavy_id) per parent row: seconds of work.
      const heavy = 'heavy?select=id,heavy_children(id)&order=id';
      for (const token of [undefined, alice]) {
        const t = performance.now();
        const r = await rest(stack, heavy, { token });
        expect(performance.now() - t).toBeLessThan(1500);
        expect(r.status).toBe(500);
        expect(r.json).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
        expect((r.json as ErrorBody).details).toContain('PGlite');
        expect(await health(stack)).toBeLessThan(1000);
      }
      // Cheap requests on the same tables pass; service_role has no time limit, so no budget either.
      expect((await rest(stack, 'heavy?select=id,heavy_children(id)&id=eq.42&heavy_children.order=id&heavy_children.limit=1')).json).toEqual([{ id: 42, heavy_children: [{ id: 41 }] }]);
      expect((await rest(stack, 'heavy?select=id,body&order=body.desc&limit=1', { headers: { prefer: 'count=exact' } })).status).toBe(206);
      const service = await rest(stack, `${heavy}&limit=1`, { token: DEMO_SERVICE_ROLE_KEY });
      expect(service.status).toBe(200);
    });
  }

  it('random hostile select, filter and order strings never get a 5xx or leak', async () => {
    const fragments = [
      "'", '"', ';', '--', '/*', '*/', '(', ')', ',', '::', ':', '.', '!', '->', '->>', ' ', '\\', '\0', 'id', 'title', 'meta',
      'authors', 'comments', 'inner', 'union all select current_user', ' as ', 'text', 'int', 'double precision', 'eq.', 'or(',
      'and(', 'not.', 'in.(', 'is.null', 'fts(english).', 'like(any).', 'count()', '*', '{', '}', '%', 'é', '😀', '\u202e',
    ];
    const hostile = fc.oneof(
      fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 25 }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    const key = fc.oneof(fc.constantFrom('select', 'order', 'or', 'and', 'title', 'id', 'meta->>a', 'comments.body', 'limit'), hostile);
    // The shape of the reported injection, with variations: a cast followed by a whole query.
    const injection = fc
      .tuple(fc.constantFrom('id', 'title', 'rating'), fc.constantFrom('text', 'int', 'TEXT'), fc.constantFrom(' ', '  '), fc.constantFrom('current_user', 'session_user', 'title'))
      .map(([col, type, sp, what]) => ['select', `${col}::${type}${sp}as x from posts t0 where false union all select ${what}`] as [string, string]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.tuple(key, hostile), injection), { minLength: 1, maxLength: 3 }), async (pairs) => {
        const search = new URLSearchParams(pairs);
        const r = await rest(stack, `posts?${search.toString()}`, { token: alice });
        expect(r.status, `${search} → ${r.text}`).toBeLessThan(500);
        if (r.status >= 400) expect(isErrorBody(r.json), r.text).toBe(true);
        else for (const role of ['"authenticated"', '"postgres"']) expect(r.text, search.toString()).not.toContain(role);
      }),
      { numRuns: 150 },
    );
    await health(stack);
  });
});
