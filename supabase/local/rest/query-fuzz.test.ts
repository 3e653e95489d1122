/**
 * Property-based tests of the query language → SQL path with hostile input. Whatever the request
 * says, building its statement either refuses it with a PostgREST-style client error, or yields SQL
 * whose every token is one the builder itself writes: quoted identifiers, `$n` placeholders, the
 * builder's keywords and operators, and the canonical type names the catalog gave for casts.
 * Request text outside a quoted identifier is exactly what an injection needs, so the tokenizer
 * below fails on it.
 *
 * The work is bounded, not raced against the clock: a fixed seed and a few hundred random runs per
 * property, plus explicit examples that put every fragment, key, operator, cast word and nesting depth
 * around the limit through the builder on every run (the shapes 1,500 random runs covered only by
 * chance), and a generous timeout, so a loaded CI machine makes the file slower, never red.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RestError } from './errors.ts';
import { REQUEST_LIMITS } from './limits.ts';
import { buildReadTree } from './read-plan.ts';
import type { Column, Relation, SchemaCache } from './schema-cache.ts';
import { Params, readSql } from './sql-build.ts';

function relation(name: string, columns: Array<[string, string]>): Relation {
  const col = ([c, type]: [string, string]): Column => ({ name: c, type, typname: type, nullable: true, defaultExpr: null });
  return { name, kind: 'table', primaryKey: ['id'], uniqueKeys: [['id']], computed: new Map(), columns: new Map(columns.map((c) => [c[0], col(c)])) };
}

const cache: SchemaCache = {
  relations: new Map([
    ['posts', relation('posts', [['id', 'int4'], ['author_id', 'int4'], ['title', 'text'], ['meta', 'jsonb'], ['tags', '_text'], ['search', 'tsvector']])],
    ['authors', relation('authors', [['id', 'int4'], ['name', 'text']])],
    ['comments', relation('comments', [['id', 'int4'], ['post_id', 'int4'], ['body', 'text']])],
  ]),
  foreignKeys: [
    { name: 'posts_author_id_fkey', table: 'posts', columns: ['author_id'], refTable: 'authors', refColumns: ['id'] },
    { name: 'comments_post_id_fkey', table: 'comments', columns: ['post_id'], refTable: 'posts', refColumns: ['id'] },
  ],
  functions: new Map(),
};

/** What the catalog answers for a few type names (to_regtype + format_type), as rest-api resolves them. */
const CATALOG_TYPES: Record<string, string> = {
  text: 'text',
  int: 'integer',
  int4: 'integer',
  integer: 'integer',
  bigint: 'bigint',
  'double precision': 'double precision',
  numeric: 'numeric',
  boolean: 'boolean',
  jsonb: 'jsonb',
  'text[]': 'text[]',
  timestamptz: 'timestamp with time zone',
};
// Own keys only: a generated cast such as `__proto__` must not find Object.prototype here.
const catalogTypes = {
  get: (name: string) => {
    const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
    return Object.hasOwn(CATALOG_TYPES, key) ? CATALOG_TYPES[key] : undefined;
  },
};

/** Every word the statement builder writes itself, and the words of the canonical type names above. */
const BUILDER_WORDS = new Set([
  'select', 'from', 'where', 'as', 'and', 'or', 'not', 'is', 'null', 'true', 'false', 'unknown', 'distinct', 'in', 'exists',
  'order', 'by', 'asc', 'desc', 'nulls', 'first', 'last', 'limit', 'offset', 'group', 'like', 'ilike', 'any', 'all',
  'count', 'sum', 'avg', 'min', 'max', 'coalesce', 'json_agg', 'row_to_json', 'json_strip_nulls', 'cast', 'public',
  'total', 'page_total', 'body', 'to_tsvector', 'to_tsquery', 'plainto_tsquery', 'phraseto_tsquery', 'websearch_to_tsquery', 'regconfig',
  'int', 'bigint', 'text',
  ...Object.values(CATALOG_TYPES).flatMap((t) => t.replace('[]', '').split(' ')),
]);
const OPERATORS = ['->>', '-|-', '::', '->', '<>', '>=', '<=', '@>', '<@', '&&', '<<', '>>', '&<', '&>', '~*', '@@', '[]', '=', '<', '>', '~', '(', ')', ',', '.', '*'];

/** Returns the first token that the builder could not have written, or null when there is none. */
function foreignToken(sql: string): string | null {
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (sql[i] === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) return `unterminated identifier at ${i}`;
        if (sql[j] === '\0') return 'NUL inside an identifier';
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      continue;
    }
    if (rest.startsWith("'[]'")) {
      i += 4;
      continue;
    }
    const token = /^(\$\d+|\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (token) {
      const t = token[0];
      if (!/^[$\d]/.test(t) && !BUILDER_WORDS.has(t)) return t;
      i += t.length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (!op) return rest.slice(0, 20);
    i += op.length;
  }
  return null;
}

type Outcome = { ok: true; sql: string; values: unknown[] } | { ok: false; error: unknown };

function build(query: URLSearchParams | string): Outcome {
  try {
    const search = typeof query === 'string' ? new URLSearchParams(query) : query;
    const root = buildReadTree(cache, cache.relations.get('posts')!, search);
    const params = new Params(catalogTypes);
    const sql = readSql(root, 'public."posts"', params, { single: false, stripNulls: false, count: true });
    return { ok: true, sql, values: params.values };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A refusal must be PostgREST-shaped and the client's fault: 4xx, or 300 for an ambiguous embed. */
function isClientRefusal(error: unknown): boolean {
  if (!(error instanceof RestError)) return false;
  const { code, message } = error.body;
  if (typeof code !== 'string' || !code || typeof message !== 'string') return false;
  return (error.status >= 400 && error.status < 500) || (error.status === 300 && code === 'PGRST201');
}

function assertSafe(outcome: Outcome): void {
  if (outcome.ok) {
    expect(foreignToken(outcome.sql), outcome.sql).toBeNull();
  } else {
    expect(isClientRefusal(outcome.error), String(outcome.error instanceof Error ? outcome.error.stack : outcome.error)).toBe(true);
  }
}

/** Pieces that mean something to SQL or to the query language, mixed with arbitrary unicode. */
const FRAGMENTS = [
  "'", '"', '""', ';', '--', '/*', '*/', '(', ')', ',', '::', ':', '.', '!', '->', '->>', ' ', '\\', '\0', '\n', '$1', '$$',
  'id', 'title', 'meta', 'tags', 'search', 'authors', 'comments', 'inner', 'select', 'union all select', 'from', ' as ',
  'where false', 'text', 'int', 'double precision', 'text[]', 'current_user', 'pg_sleep(10)', 'eq.', 'or(', 'and(', 'not.',
  'in.(', 'is.null', 'fts(english).', 'like(any).', 'count()', '.sum()', '*', '{', '}', '%', 'é', '\u202e', '😀', '\uFFFF',
];
const hostile = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const CAST_WORDS = ['text', 'int', ' ', 'as', 'x', 'from', 'posts', 't0', 'where', 'false', 'union', 'all', 'select', 'current_user', '[]', '$', '_', '1'];
const castText = fc.array(fc.oneof(fc.constantFrom(...CAST_WORDS), hostile), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

/** Same runs every time (a failure names its counterexample and replays); the examples carry the coverage. */
const RUNS = { seed: 112, numRuns: 300 } as const;
/** Per property: a few hundred builds take well under a second on a quiet machine; this is head room, not a bound. */
const GENEROUS = { timeout: 60_000 };

describe('hostile query strings', () => {
  it('select=: refused with a client error, or SQL with no request text outside quoted identifiers', GENEROUS, () => {
    const examples: Array<[string]> = FRAGMENTS.flatMap((f) => [[f], [`id,${f}`], [`authors(${f})`]]);
    fc.assert(fc.property(hostile, (select) => assertSafe(build(new URLSearchParams({ select })))), { ...RUNS, examples });
  });

  it('casts: only catalog type names reach the SQL', GENEROUS, () => {
    const items = ['id', 'title', 'count()', 'views:id.sum()', 'meta->>a'];
    const examples: Array<[string, string]> = items.flatMap((item) => [...CAST_WORDS, ...Object.keys(CATALOG_TYPES), 'text as x from posts t0 where false'].map((cast): [string, string] => [item, cast]));
    fc.assert(
      fc.property(fc.constantFrom(...items), castText, (item, cast) => {
        const outcome = build(new URLSearchParams({ select: `${item}::${cast}` }));
        assertSafe(outcome);
        if (outcome.ok) {
          // A cast that went through names a type the catalog knows, in its canonical spelling.
          const canonical = catalogTypes.get(cast);
          expect(canonical, cast).toBeDefined();
          expect(outcome.sql).toContain(`as ${canonical})`);
        }
      }),
      { ...RUNS, examples },
    );
  });

  it('the documented injection is refused', () => {
    const outcome = build(new URLSearchParams({ select: 'id::text as x from incidents t0 where false union all select current_user union all select description' }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ status: 400, code: '42704' });
  });

  it('filters, logic trees and order: keys and values', GENEROUS, () => {
    const keys = ['id', 'title', 'meta->a', 'meta->>b', 'authors.name', 'or', 'and', 'not.or', 'order', 'limit', 'offset', 'comments.order'];
    const key = fc.oneof(fc.constantFrom(...keys), hostile);
    const selects = ['id', 'id,authors(name)', 'id,comments(body)'];
    // Every key with every fragment as its value, under each select.
    const examples: Array<[Array<[string, string]>, string]> = keys.flatMap((k, i) => FRAGMENTS.map((f): [Array<[string, string]>, string] => [[[k, f]], selects[i % selects.length]]));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, hostile), { minLength: 1, maxLength: 4 }), fc.constantFrom(...selects), (pairs, select) => {
        const search = new URLSearchParams({ select });
        for (const [k, v] of pairs) search.append(k, v);
        assertSafe(build(search));
      }),
      { ...RUNS, examples },
    );
  });

  it('operators with hostile values', GENEROUS, () => {
    const ops = ['eq', 'neq', 'gt', 'like', 'ilike', 'match', 'imatch', 'is', 'isdistinct', 'in', 'cs', 'cd', 'ov', 'sl', 'adj', 'fts', 'plfts', 'phfts', 'wfts', 'eq(any)', 'like(all)', 'fts(english)', 'fts(x); drop', 'not.eq', 'not.in'];
    const cols = ['id', 'title', 'tags', 'meta->>a', 'search'];
    // Every column with every operator, the value a fragment (cycling through them all).
    const examples: Array<[string, string, string]> = cols.flatMap((c, ci) => ops.map((o, oi): [string, string, string] => [c, o, FRAGMENTS[(ci * ops.length + oi) % FRAGMENTS.length]]));
    fc.assert(
      fc.property(fc.constantFrom(...cols), fc.constantFrom(...ops), hostile, (col, o, value) => {
        assertSafe(build(new URLSearchParams([['select', 'id'], [col, `${o}.${value}`], ['or', `(${col}.${o}.${value})`]])));
      }),
      { ...RUNS, examples },
    );
  });

  it('deep nesting is refused with 400 PGRST100, never a stack overflow', GENEROUS, () => {
    // The depths that matter: shallow, around the limit, and far past it (a stack overflow's territory).
    const limit = REQUEST_LIMITS.nesting;
    const depths = [1, 2, limit - 1, limit, limit + 1, limit + 2, 2 * limit, 1000, 5000];
    const examples: Array<[number, string]> = depths.flatMap((d) => ['or', 'and', 'not.or'].map((op): [number, string] => [d, op]));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('or', 'and', 'not.or'), (depth, op) => {
        const tree = `${op}(`.repeat(depth) + 'id.eq.1' + ')'.repeat(depth);
        assertSafe(build(new URLSearchParams({ select: 'id', or: `(${tree})` })));
        const embed = 'comments(posts('.repeat(depth) + 'id' + '))'.repeat(depth);
        assertSafe(build(new URLSearchParams({ select: `id,${embed}` })));
      }),
      { seed: RUNS.seed, numRuns: 20, examples },
    );
    const deep = build(new URLSearchParams({ select: 'id', or: '(' + 'or('.repeat(2000) + 'id.eq.1' + ')'.repeat(2000) + ')' }));
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.error).toMatchObject({ status: 400, code: 'PGRST100' });
  });
});

describe('well-formed queries mean what they say', () => {
  const quote = (v: string) => '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  const leaf = fc.record({
    field: fc.constantFrom('title', 'meta->>a'),
    op: fc.constantFrom('eq', 'neq', 'gt', 'lte', 'like', 'ilike', 'match'),
    value: fc.string({ unit: 'binary', maxLength: 30 }),
  });
  type Tree = { leaf: { field: string; op: string; value: string } } | { op: 'and' | 'or'; negate: boolean; children: Tree[] };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf.map((l) => ({ leaf: l })),
      fc.record({ op: fc.constantFrom<'and' | 'or'>('and', 'or'), negate: fc.boolean(), children: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    ),
  })).node;
  const text = (t: Tree): string =>
    'leaf' in t ? `${t.leaf.field}.${t.leaf.op}.${quote(t.leaf.value)}` : `${t.negate ? 'not.' : ''}${t.op}(${t.children.map(text).join(',')})`;
  const expectedValues = (t: Tree): unknown[] =>
    'leaf' in t
      ? [...(t.leaf.field === 'meta->>a' ? ['a'] : []), t.leaf.op === 'like' || t.leaf.op === 'ilike' ? t.leaf.value.replace(/\*/g, '%') : t.leaf.value]
      : t.children.flatMap(expectedValues);

  it('every value of an or= tree is bound exactly, in order, and nothing else is added', GENEROUS, () => {
    fc.assert(
      fc.property(tree, (t) => {
        const root: Tree = 'leaf' in t ? { op: 'or', negate: false, children: [t] } : t;
        const outcome = build(new URLSearchParams({ select: 'id', [root.op]: `(${(root as Extract<Tree, { op: string }>).children.map(text).join(',')})` }));
        if (!outcome.ok) throw outcome.error;
        expect(foreignToken(outcome.sql), outcome.sql).toBeNull();
        expect(outcome.values).toEqual(expectedValues(root));
      }),
      RUNS,
    );
  });

  it('top-level filter values are bound verbatim', GENEROUS, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        const outcome = build(new URLSearchParams([['select', 'id'], ['title', `eq.${value}`], ['id', `in.(${quote(value)},2)`]]));
        if (!outcome.ok) throw outcome.error;
        expect(foreignToken(outcome.sql)).toBeNull();
        expect(outcome.values).toEqual([value, value, '2']);
      }),
      RUNS,
    );
  });
});
