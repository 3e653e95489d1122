import { describe, expect, it } from 'vitest';
import { RestError } from './errors.ts';
import { buildReadTree } from './read-plan.ts';
import type { Column, Relation, SchemaCache } from './schema-cache.ts';
import { Params, readSql } from './sql-build.ts';

function relation(name: string, columns: string[]): Relation {
  const col = (c: string): Column => ({ name: c, type: 'text', typname: 'text', nullable: true, defaultExpr: null });
  return { name, kind: 'table', primaryKey: ['id'], uniqueKeys: [['id']], computed: new Map(), columns: new Map(columns.map((c) => [c, col(c)])) };
}

const cache: SchemaCache = {
  relations: new Map([
    ['posts', relation('posts', ['id', 'author_id', 'title'])],
    ['authors', relation('authors', ['id', 'name'])],
  ]),
  foreignKeys: [{ name: 'posts_author_id_fkey', table: 'posts', columns: ['author_id'], refTable: 'authors', refColumns: ['id'] }],
  functions: new Map(),
};

function build(query: string) {
  const params = new Params();
  const root = buildReadTree(cache, cache.relations.get('posts')!, new URLSearchParams(query));
  const sql = readSql(root, 'public."posts"', params, { single: false, stripNulls: false, count: true });
  return { sql, values: params.values };
}

describe('read SQL', () => {
  it('binds every value and quotes every identifier', () => {
    const evil = "x'; drop table posts; --";
    const { sql, values } = build(`select=id,author:authors(name)&title=eq.${encodeURIComponent(evil)}&or=(id.in.(1,2),title.like.*a*)&limit=5`);
    expect(sql).not.toContain('drop table');
    expect(values).toEqual([evil, '1', '2', '%a%', 5]);
    expect(sql).toContain('"t0"."title" = $1');
    expect(sql).toContain('from public."authors" as "t1" where "t1"."id" = "t0"."author_id"');
    expect(sql).toContain('(select count(*) from public."posts" as "t0" where');
  });

  it('turns !inner into exists on the parent', () => {
    const { sql } = build('select=id,authors!inner(name)&authors.name=eq.Ani');
    expect(sql).toMatch(/where exists \(select 1 from public\."authors" as "t1" where "t1"\."id" = "t0"\."author_id" and "t1"\."name" = \$\d\)/);
  });

  it('refuses identifiers not in the schema cache', () => {
    expect(() => build('select=id;drop')).toThrow(RestError);
    expect(() => build('select=id&nope=eq.1')).toThrow(/column posts.nope does not exist/);
    expect(() => build('select=id,comments(id)')).toThrow(/Could not find a relationship/);
    expect(() => build('select=id&order=nope.asc')).toThrow(RestError);
  });
});
