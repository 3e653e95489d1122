import { describe, expect, it } from 'vitest';
import { filterString, matchesLiveFilter, parseLiveFilter } from './live-filter';

describe('live-view filters', () => {
  it('writes filters as postgres_changes and PostgREST expect them, and reads them back', () => {
    expect(filterString({ column: 'status', op: 'eq', value: 'open' })).toBe('status=eq.open');
    const inList = { column: 'kecamatan', op: 'in' as const, value: ['Cibeber', 'Grogol, Kota', 'a"b'] };
    const text = filterString(inList);
    expect(text).toBe('kecamatan=in.(Cibeber,"Grogol, Kota","a\\"b")');
    expect(parseLiveFilter(text)).toEqual(inList);
    expect(parseLiveFilter('n=gte.5')).toEqual({ column: 'n', op: 'gte', value: '5' });
  });

  it('matches rows the way the server does', () => {
    const row = { n: 5, status: 'open', gone: null };
    expect(matchesLiveFilter(row, { column: 'n', op: 'gte', value: '5' })).toBe(true);
    expect(matchesLiveFilter(row, { column: 'n', op: 'lt', value: 5 })).toBe(false);
    expect(matchesLiveFilter(row, { column: 'n', op: 'in', value: ['4', '5'] })).toBe(true);
    expect(matchesLiveFilter(row, { column: 'status', op: 'neq', value: 'open' })).toBe(false);
    expect(matchesLiveFilter(row, { column: 'gone', op: 'neq', value: 'x' })).toBe(false);
    expect(matchesLiveFilter(row, undefined)).toBe(true);
  });
});
