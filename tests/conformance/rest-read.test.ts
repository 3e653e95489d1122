/**
 * /rest/v1 reads and RPC through the official supabase-js client: every filter operator, logic
 * trees, ordering, ranges and counts, embedding, single/maybeSingle and functions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { backends } from '../support/test-stack.ts';
import { rest, startRestStack, type RestStack } from './fixtures/rest/rest-fixture.ts';

function ids(rows: Array<{ id: number }> | null): number[] {
  return (rows ?? []).map((r) => r.id).sort((a, b) => a - b);
}

describe.each(backends)('REST reads on %s', (backend) => {
  let stack: RestStack;
  let db: SupabaseClient;

  beforeAll(async () => {
    stack = await startRestStack(backend);
    db = stack.anonClient();
  });
  afterAll(async () => {
    await stack?.drop();
  });

  it('applies each comparison operator', async () => {
    const posts = () => db.from('posts').select('id');
    expect(ids((await posts().eq('author_id', 1)).data)).toEqual([1, 2]);
    expect(ids((await posts().neq('author_id', 1)).data)).toEqual([3, 4]);
    expect(ids((await posts().gt('rating', 2)).data)).toEqual([1, 4]);
    expect(ids((await posts().gte('rating', 3)).data)).toEqual([1, 4]);
    expect(ids((await posts().lt('rating', 3)).data)).toEqual([3]);
    expect(ids((await posts().lte('rating', 3)).data)).toEqual([3, 4]);
    expect(ids((await posts().like('title', '%Merak')).data)).toEqual([1]);
    expect(ids((await posts().like('title', '*at*')).data)).toEqual([2]);
    expect(ids((await posts().ilike('title', 'fire%')).data)).toEqual([2]);
    expect(ids((await posts().is('rating', null)).data)).toEqual([2]);
    expect(ids((await posts().is('published', true)).data)).toEqual([1, 2]);
    expect(ids((await posts().is('published', false)).data)).toEqual([3, 4]);
    expect(ids((await posts().in('title', ['Draft, with comma', 'Traffic jam'])).data)).toEqual([3, 4]);
    expect(ids((await posts().in('id', [])).data)).toEqual([]);
    expect(ids((await posts().not('rating', 'is', null)).data)).toEqual([1, 3, 4]);
    expect(ids((await posts().not('author_id', 'in', '(1)')).data)).toEqual([3, 4]);
    expect(ids((await posts().likeAnyOf('title', ['Flood%', 'Fire%'])).data)).toEqual([1, 2]);
    expect(ids((await posts().match({ author_id: 2, published: false })).data)).toEqual([3, 4]);
  });

  it('applies array, jsonb and text search operators', async () => {
    const posts = () => db.from('posts').select('id');
    expect(ids((await posts().contains('tags', ['flood'])).data)).toEqual([1]);
    expect(ids((await posts().containedBy('tags', ['fire', 'flood', 'merak'])).data)).toEqual([1, 2, 4]);
    expect(ids((await posts().overlaps('tags', ['toll', 'fire'])).data)).toEqual([2, 3]);
    expect(ids((await posts().contains('meta', { severity: 5 })).data)).toEqual([2]);
    expect(ids((await posts().containedBy('meta', { severity: 3, area: 'Pulomerak', extra: 1 })).data)).toEqual([1, 3, 4]);
    expect(ids((await posts().eq('meta->>severity', '3')).data)).toEqual([1]);
    expect(ids((await posts().textSearch('search', 'water & port', { config: 'english' })).data)).toEqual([1]);
    expect(ids((await posts().textSearch('search', 'smoke road', { type: 'plain', config: 'english' })).data)).toEqual([2]);
    expect(ids((await posts().textSearch('search', 'rising near', { type: 'phrase', config: 'english' })).data)).toEqual([1]);
    expect(ids((await posts().textSearch('search', 'fire or flood', { type: 'websearch', config: 'english' })).data)).toEqual([1, 2]);
    expect(ids((await posts().textSearch('title', 'traffic')).data)).toEqual([3]);
  });

  it('nests or/and trees, also on embedded resources', async () => {
    const { data, error } = await db
      .from('posts')
      .select('id')
      .or('and(author_id.eq.1,rating.gt.4),and(author_id.eq.2,rating.not.eq.3),not.and(id.gte.1,id.lte.4)');
    expect(error).toBeNull();
    expect(ids(data)).toEqual([1, 3]);
    const both = await db.from('posts').select('id').or('id.eq.1,id.eq.2,id.eq.3').or('title.eq."Draft, with comma",author_id.eq.1');
    expect(ids(both.data)).toEqual([1, 2]);
    const quoted = await db.from('posts').select('id').or('title.in.("Draft, with comma","Traffic jam")');
    expect(ids(quoted.data)).toEqual([3, 4]);
    const and = await rest(stack, 'posts?select=id&and=(author_id.eq.1,or(rating.is.null,rating.gt.4))&order=id');
    expect(and.json).toEqual([{ id: 1 }, { id: 2 }]);
    const embedded = await db
      .from('posts')
      .select('id, comments(body)')
      .eq('id', 1)
      .or('body.eq.Stay safe,body.eq.Nope', { referencedTable: 'comments' });
    expect(embedded.data).toEqual([{ id: 1, comments: [{ body: 'Stay safe' }] }]);
  });

  it('orders, limits and ranges with Content-Range', async () => {
    const ordered = await db.from('posts').select('id, rating').order('rating', { ascending: false, nullsFirst: true }).order('id');
    expect(ordered.data?.map((r) => r.id)).toEqual([2, 1, 4, 3]);
    const last = await db.from('posts').select('id').order('rating', { ascending: true, nullsFirst: false });
    expect(last.data?.map((r) => r.id)).toEqual([3, 4, 1, 2]);
    const page = await db.from('posts').select('id', { count: 'exact' }).order('id').range(1, 2);
    expect(page.data).toEqual([{ id: 2 }, { id: 3 }]);
    expect(page.count).toBe(4);
    expect(page.status).toBe(206);
    const raw = await rest(stack, 'posts?select=id&order=id&limit=2');
    expect(raw.headers.get('content-range')).toBe('0-1/*');
    const empty = await rest(stack, 'posts?select=id&id=eq.99', { headers: { prefer: 'count=exact' } });
    expect(empty.headers.get('content-range')).toBe('*/0');
    expect(empty.json).toEqual([]);
    const full = await rest(stack, 'posts?select=id', { headers: { prefer: 'count=exact' } });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-range')).toBe('0-3/4');
    const header = await rest(stack, 'posts?select=id&order=id', { headers: { range: '2-3' } });
    expect(header.json).toEqual([{ id: 3 }, { id: 4 }]);
  });

  it('counts with head requests and count()', async () => {
    const head = await db.from('posts').select('*', { count: 'exact', head: true }).eq('published', true);
    expect(head.error).toBeNull();
    expect(head.count).toBe(2);
    expect(head.data).toBeNull();
    const planned = await db.from('posts').select('id', { count: 'planned', head: true });
    expect(planned.count).toBeGreaterThanOrEqual(0);
    const agg = await db.from('posts').select('author_id, count()').order('author_id');
    expect(agg.data).toEqual([
      { author_id: 1, count: 2 },
      { author_id: 2, count: 2 },
    ]);
  });

  it('embeds many-to-one, one-to-many and !inner, with hints, aliases and casts', async () => {
    const { data, error } = await db
      .from('posts')
      .select('id, headline:title, rating::text, author:authors!posts_author_id_fkey(name), editor:authors!editor_id(name), comments(id, body)')
      .order('id')
      .order('id', { referencedTable: 'comments', ascending: false })
      .limit(2);
    expect(error).toBeNull();
    expect(data).toEqual([
      {
        id: 1,
        headline: 'Flood in Merak',
        rating: '4.5',
        author: { name: 'Ani' },
        editor: null,
        comments: [
          { id: 2, body: 'Roads closed' },
          { id: 1, body: 'Stay safe' },
        ],
      },
      { id: 2, headline: 'Fire at market', rating: null, author: { name: 'Ani' }, editor: { name: 'Budi' }, comments: [{ id: 3, body: 'Firefighters arrived' }] },
    ]);
    const limited = await db.from('posts').select('id, comments(id)').eq('id', 1).limit(1, { referencedTable: 'comments' });
    expect(limited.data).toEqual([{ id: 1, comments: [{ id: 1 }] }]);
    const inner = await db
      .from('authors')
      .select('name, posts!posts_author_id_fkey!inner(id)')
      .eq('posts.published', false);
    expect(inner.data).toEqual([{ name: 'Budi', posts: [{ id: 3 }, { id: 4 }] }]);
    const left = await db.from('authors').select('name, posts!posts_author_id_fkey(id)').eq('posts.published', false).order('name');
    expect(left.data?.map((a) => a.posts.length)).toEqual([0, 2, 0]);
    const nested = await db.from('comments').select('id, posts(title, authors!posts_author_id_fkey(name))').eq('id', 3).single();
    expect(nested.data).toEqual({ id: 3, posts: { title: 'Fire at market', authors: { name: 'Ani' } } });
    const json = await db.from('posts').select('id, severity:meta->>severity, meta->area').eq('id', 1).single();
    expect(json.data).toEqual({ id: 1, severity: '3', area: 'Pulomerak' });
  });

  it('reports ambiguous and unknown relationships', async () => {
    const ambiguous = await db.from('posts').select('id, authors(name)');
    expect(ambiguous.status).toBe(300);
    expect(ambiguous.error?.code).toBe('PGRST201');
    const unknown = await db.from('posts').select('id, nothing(name)');
    expect(unknown.status).toBe(400);
    expect(unknown.error?.code).toBe('PGRST200');
  });

  it('single() and maybeSingle() with 0, 1 and 2 rows', async () => {
    const one = await db.from('posts').select('id').eq('id', 1).single();
    expect(one.data).toEqual({ id: 1 });
    const none = await db.from('posts').select('id').eq('id', 99).single();
    expect(none.status).toBe(406);
    expect(none.error?.code).toBe('PGRST116');
    const two = await db.from('posts').select('id').eq('author_id', 1).single();
    expect(two.status).toBe(406);
    expect(two.error?.code).toBe('PGRST116');
    const maybeNone = await db.from('posts').select('id').eq('id', 99).maybeSingle();
    expect(maybeNone.error).toBeNull();
    expect(maybeNone.data).toBeNull();
    const maybeOne = await db.from('posts').select('id').eq('id', 2).maybeSingle();
    expect(maybeOne.data).toEqual({ id: 2 });
    const maybeTwo = await db.from('posts').select('id').eq('author_id', 1).maybeSingle();
    expect(maybeTwo.error?.code).toBe('PGRST116');
  });

  it('calls functions by POST and GET, with filters on set results', async () => {
    expect((await db.rpc('add_numbers', { a: 2, b: 40 })).data).toBe(42);
    expect((await db.rpc('add_numbers', { a: 2 })).data).toBe(3);
    expect((await db.rpc('add_numbers', { a: 5, b: 6 }, { get: true })).data).toBe(11);
    const set = await db.rpc('posts_by_author', { author_name: 'Ani' }).select('id, title').gt('id', 1);
    expect(set.data).toEqual([{ id: 2, title: 'Fire at market' }]);
    const table = await db.rpc('author_stats').order('author');
    expect(table.data).toEqual([
      { author: 'Ani', post_count: 2 },
      { author: 'Budi', post_count: 2 },
      { author: 'Citra', post_count: 0 },
    ]);
    expect((await db.rpc('first_post').select('id, title')).data).toEqual({ id: 1, title: 'Flood in Merak' });
    expect((await db.rpc('tag_count', { tags: ['a', 'b,c'], extra: { bonus: 2 } })).data).toBe(4);
    expect((await db.rpc('tag_count', { tags: ['a', 'b'] }, { get: true })).data).toBe(2);
    const counted = await db.rpc('posts_by_author', { author_name: 'Ani' }, { count: 'exact', head: true });
    expect(counted.count).toBe(2);
    const missing = await db.rpc('add_numbers', { x: 1 });
    expect(missing.status).toBe(404);
    expect(missing.error?.code).toBe('PGRST202');
    const custom = await db.rpc('pay_first');
    expect(custom.status).toBe(402);
    expect(custom.error?.message).toBe('Payment required');
    const raised = await db.rpc('fail_plainly');
    expect(raised.status).toBe(400);
    expect(raised.error?.code).toBe('P0001');
  });

  it('treats SQL in filter values as data', async () => {
    const evil = "x'); drop table posts; --";
    const r = await db.from('posts').select('id').eq('title', evil).or(`title.eq."${evil}"`);
    expect(r.error).toBeNull();
    expect(r.data).toEqual([]);
    const like = await db.from('posts').select('id').ilike('title', "%' or '1'='1");
    expect(like.data).toEqual([]);
    const column = await rest(stack, `posts?select=id&${encodeURIComponent('id;drop table posts')}=eq.1`);
    expect(column.status).toBe(400);
    expect((await db.from('posts').select('id', { count: 'exact', head: true })).count).toBe(4);
  });

  it('reloads the schema cache on NOTIFY pgrst', async () => {
    await stack.db.exec(
      `create table public.late_table (id int primary key); insert into public.late_table values (7);
       grant select on public.late_table to anon, authenticated, service_role;`,
    );
    expect((await db.from('late_table').select('id')).error?.code).toBe('PGRST205');
    await stack.db.exec(`notify pgrst, 'reload schema'`);
    let data: unknown = null;
    for (let i = 0; i < 50 && data === null; i++) {
      const r = await db.from('late_table').select('id');
      if (!r.error) data = r.data;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(data).toEqual([{ id: 7 }]);
  });
});
