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

  it('follows a boolean flag through its string form (the ringing calls: ringing=eq.true)', () => {
    // The hooks keep a filter as its string, so the value comes back as the text 'true'.
    const f = { ...parseLiveFilter(filterString({ column: 'ringing', op: 'eq', value: true })), column: 'ringing' as const };
    expect(filterString(f)).toBe('ringing=eq.true');
    expect(matchesLiveFilter({ ringing: true }, f)).toBe(true);
    // An answered or abandoned call updates the flag to false: the row leaves the view.
    expect(matchesLiveFilter({ ringing: false }, f)).toBe(false);
    expect(matchesLiveFilter({ ringing: null }, f)).toBe(false);
  });
});
