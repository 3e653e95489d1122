import { describe, expect, it } from 'vitest';
import { FilterError, matchesFilter, parseFilter } from './filters.ts';

const types = new Map([
  ['n', 'int4'],
  ['status', 'text'],
  ['at', 'timestamptz'],
]);

describe('postgres_changes filters', () => {
  it('parses the operators realtime-js sends, with quoted values and not.', () => {
    expect(parseFilter('n=eq.5')).toEqual([{ column: 'n', op: 'eq', negate: false, values: ['5'] }]);
    expect(parseFilter('status=in.(open,"a,b"),n=not.gt.3')).toEqual([
      { column: 'status', op: 'in', negate: false, values: ['open', 'a,b'] },
      { column: 'n', op: 'gt', negate: true, values: ['3'] },
    ]);
    expect(parseFilter(undefined)).toEqual([]);
    for (const bad of ['n', 'n=like.x', 'n=in.1,2', '=eq.1']) expect(() => parseFilter(bad)).toThrow(FilterError);
  });

  it('compares by column type', () => {
    const row = { n: 10, status: 'open', at: '2026-01-01T10:00:00+00:00' };
    const ok = (f: string) => matchesFilter(parseFilter(f), row, types);
    expect(ok('n=gt.9')).toBe(true); // numeric, not lexicographic ("10" < "9")
    expect(ok('n=lte.9')).toBe(false);
    expect(ok('n=in.(1,10)')).toBe(true);
    expect(ok('status=neq.open')).toBe(false);
    expect(ok('at=gte.2026-01-01T17:00:00+07:00')).toBe(true);
    expect(ok('at=gt.2026-01-01T17:00:00+07:00')).toBe(false);
    // A DELETE image has only the key: a filter on another column does not match.
    expect(matchesFilter(parseFilter('status=eq.open'), { id: 1 }, types)).toBe(false);
  });
});
