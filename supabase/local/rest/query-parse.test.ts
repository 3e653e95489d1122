import { describe, expect, it } from 'vitest';
import { RestError } from './errors.ts';
import { parseFilter, parseLogicTree, parseOrder, parseSelect, splitTopLevel } from './query-parse.ts';

describe('parseSelect', () => {
  it('reads columns, aliases, casts, json paths and aggregates', () => {
    expect(parseSelect('id,headline:title,rating::text,meta->a->>b,count(),total:views.sum()')).toEqual([
      { kind: 'column', field: { name: 'id', path: [] }, alias: undefined, cast: undefined, aggregate: undefined },
      { kind: 'column', field: { name: 'title', path: [] }, alias: 'headline', cast: undefined, aggregate: undefined },
      { kind: 'column', field: { name: 'rating', path: [] }, alias: undefined, cast: 'text', aggregate: undefined },
      {
        kind: 'column',
        field: { name: 'meta', path: [{ arrow: '->', key: 'a' }, { arrow: '->>', key: 'b' }] },
        alias: undefined,
        cast: undefined,
        aggregate: undefined,
      },
      { kind: 'count', alias: undefined, cast: undefined },
      { kind: 'column', field: { name: 'views', path: [] }, alias: 'total', cast: undefined, aggregate: 'sum' },
    ]);
  });

  it('reads embedded resources with hints, !inner and nesting', () => {
    const [embed] = parseSelect('author:authors!posts_author_id_fkey!inner(name,posts(id))');
    expect(embed).toMatchObject({ kind: 'embed', name: 'authors', alias: 'author', hint: 'posts_author_id_fkey', inner: true });
    expect(embed.kind === 'embed' && embed.select[1]).toMatchObject({ kind: 'embed', name: 'posts' });
    expect(parseSelect('*, rel()')[1]).toMatchObject({ kind: 'embed', select: [] });
    expect(parseSelect('"odd name"')[0]).toMatchObject({ field: { name: 'odd name' } });
  });

  it('refuses malformed selects with PGRST100', () => {
    for (const bad of ['id,(', 'a(b', 'id::', 'a!inner', 'x.y()', 'id,,name']) {
      expect(() => parseSelect(bad), bad).toThrow(RestError);
    }
  });
});

describe('filters and logic trees', () => {
  const field = { name: 'c', path: [] };
  it('parses operators, negation, modifiers and quoted in-lists', () => {
    expect(parseFilter(field, 'not.eq.5')).toEqual({ field, negate: true, op: 'eq', modifier: undefined, value: '5' });
    expect(parseFilter(field, 'eq.a.b.c').value).toBe('a.b.c');
    expect(parseFilter(field, 'fts(english).cat & dog')).toMatchObject({ op: 'fts', modifier: 'english', value: 'cat & dog' });
    expect(parseFilter(field, 'like(any).{a*,b*}')).toMatchObject({ op: 'like', modifier: 'any' });
    expect(parseFilter(field, 'in.(1,"a,b","q\\"x")').list).toEqual(['1', 'a,b', 'q"x']);
    expect(parseFilter(field, 'in.()').list).toEqual([]);
    expect(() => parseFilter(field, 'nope.1')).toThrow(RestError);
    expect(() => parseFilter(field, 'eq')).toThrow(RestError);
    expect(() => parseFilter(field, 'in.1,2')).toThrow(RestError);
  });

  it('parses nested trees and unquotes values inside them', () => {
    const tree = parseLogicTree('or', false, '(a.eq.1,and(b.gt.2,c.not.is.null),not.or(d.eq."x,y"))');
    expect(tree).toMatchObject({
      kind: 'logic',
      op: 'or',
      children: [
        { kind: 'filter', filter: { field: { name: 'a' }, op: 'eq', value: '1' } },
        { kind: 'logic', op: 'and', negate: false, children: [{ filter: { op: 'gt' } }, { filter: { op: 'is', negate: true } }] },
        { kind: 'logic', op: 'or', negate: true, children: [{ filter: { value: 'x,y' } }] },
      ],
    });
    expect(() => parseLogicTree('or', false, '(a.eq.1')).toThrow(RestError);
    expect(() => parseLogicTree('or', false, 'a.eq.1')).toThrow(RestError);
  });

  it('splits only at top-level commas', () => {
    expect(splitTopLevel('a,b(c,d),"e,f",{g,h}')).toEqual(['a', 'b(c,d)', '"e,f"', '{g,h}']);
  });

  it('parses order terms', () => {
    expect(parseOrder('a.desc.nullslast,b,c->d.asc')).toEqual([
      { field: { name: 'a', path: [] }, direction: 'desc', nulls: 'last' },
      { field: { name: 'b', path: [] } },
      { field: { name: 'c', path: [{ arrow: '->', key: 'd' }] }, direction: 'asc' },
    ]);
    expect(() => parseOrder('a.up')).toThrow(RestError);
  });
});
