import { describe, expect, it } from 'vitest';
import { accessQueryParams, parseAccessQuery } from './caller-access-query';

const USER = '7d2c1c64-3c55-4a4e-9a51-3f7c1d1b6a10';
const ROW = 'b0e3c0f2-11aa-4c3b-9d7e-2a6f9c8e4d21';

describe('parseAccessQuery', () => {
  it('reads an empty filter as everything, first page', () => {
    expect(parseAccessQuery({})).toEqual({ ok: true, query: { userId: null, ticket: null, screen: null, before: null } });
  });

  it('reads every part and normalises the ticket', () => {
    const parsed = parseAccessQuery({ user: USER, ticket: ' 112-20261120-0001 ', screen: 'dispatch_drawer', before: `2026-12-03T10:00:00.123Z|${ROW}` });
    expect(parsed).toEqual({
      ok: true,
      query: { userId: USER, ticket: '112-20261120-0001', screen: 'dispatch_drawer', before: { at: '2026-12-03T10:00:00.123Z', id: ROW } },
    });
  });

  it('takes the first of repeated parameters', () => {
    expect(parseAccessQuery({ screen: ['opd_detail', 'nope'] })).toMatchObject({ ok: true, query: { screen: 'opd_detail' } });
  });

  it.each([
    [{ user: 'admin' }, 'user'],
    [{ ticket: '112-2026-1' }, 'ticket'],
    [{ ticket: "112-20261120-0001' or 1=1" }, 'ticket'],
    [{ screen: 'operator_console; drop' }, 'screen'],
    [{ before: '2026-12-03T10:00:00Z' }, 'cursor'],
    [{ before: `2026-13-45T99:99:99Z|${ROW}` }, 'cursor'],
    [{ before: `2026-12-03T10:00:00Z|${'x'.repeat(36)}` }, 'cursor'],
    [{ user: 'x'.repeat(500) }, 'user'],
  ])('names the bad part of %j', (params, problem) => {
    expect(parseAccessQuery(params)).toEqual({ ok: false, problem });
  });
});

describe('accessQueryParams', () => {
  it('round-trips through parseAccessQuery', () => {
    const query = { userId: USER, ticket: '112-20261120-0001', screen: 'incident_record' as const, before: null };
    const before = { at: '2026-12-03T10:00:00.123Z', id: ROW };
    const params = Object.fromEntries(accessQueryParams(query, before));
    expect(parseAccessQuery(params)).toEqual({ ok: true, query: { ...query, before } });
  });

  it('leaves out what is not filtered', () => {
    expect(accessQueryParams({ userId: null, ticket: null, screen: null, before: null }).toString()).toBe('');
  });
});
