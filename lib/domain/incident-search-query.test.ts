import { describe, expect, it } from 'vitest';
import { parseSearchQuery, searchQueryParams, statusesOf } from './incident-search-query';

const NOW = Date.parse('2026-12-02T10:00:00+07:00');
const ID = '0b7d3c1e-5f2a-4c8e-9a1b-2c3d4e5f6a7b';

describe('parseSearchQuery', () => {
  it('defaults to the last 30 WIB days and no filter', () => {
    const parsed = parseSearchQuery({}, NOW);
    expect(parsed.ok && parsed.query).toMatchObject({
      range: { from: '2026-11-03', to: '2026-12-02', fromIso: '2026-11-02T17:00:00.000Z', toIso: '2026-12-02T17:00:00.000Z' },
      text: null,
      phone: null,
      category: null,
      kecamatan: null,
      agencyId: null,
      status: null,
      before: null,
    });
  });

  it('reads every filter, trimmed', () => {
    const parsed = parseSearchQuery(
      { from: '2026-11-01', to: '2026-11-30', q: '  Jl. Mawar ', phone: '0812 3456 7890', category: 'fire', kecamatan: 'Jombang', agency: ID, status: 'closed', before: `2026-11-20T01:02:03.456Z|${ID}` },
      NOW,
    );
    expect(parsed).toEqual({
      ok: true,
      query: expect.objectContaining({
        text: 'Jl. Mawar',
        phone: '0812 3456 7890',
        category: 'fire',
        kecamatan: 'Jombang',
        agencyId: ID,
        status: 'closed',
        before: { at: '2026-11-20T01:02:03.456Z', id: ID },
      }),
    });
  });

  it.each([
    [{ from: '2026-11-01' }, 'range'],
    [{ from: '2026-11-30', to: '2026-11-01' }, 'range'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'range'],
    [{ from: 'abc', to: '2026-03-01' }, 'range'],
    [{ from: '2024-01-01', to: '2026-01-01' }, 'range'],
    [{ q: 'ab' }, 'text'],
    [{ q: 'x'.repeat(101) }, 'text'],
    [{ phone: "0812'; drop" }, 'phone'],
    [{ category: 'alien' }, 'category'],
    [{ kecamatan: 'Atlantis' }, 'kecamatan'],
    [{ agency: 'not-a-uuid' }, 'agency'],
    [{ status: 'lost' }, 'status'],
    [{ before: '2026-11-20T01:02:03Z' }, 'cursor'],
    [{ before: `yesterday|${ID}` }, 'cursor'],
  ])('refuses %j as a %s problem', (params, problem) => {
    expect(parseSearchQuery(params, NOW)).toEqual({ ok: false, problem });
  });

  it('takes the first of repeated parameters', () => {
    const parsed = parseSearchQuery({ q: ['Mawar', 'x'] }, NOW);
    expect(parsed.ok && parsed.query.text).toBe('Mawar');
  });
});

describe('statusesOf', () => {
  it('expands open to every status still handled', () => {
    expect(statusesOf('open')).toEqual(['reported', 'dispatched', 'acknowledged', 'on_scene', 'resolved']);
    expect(statusesOf('cancelled')).toEqual(['cancelled']);
    expect(statusesOf(null)).toBeNull();
  });
});

describe('searchQueryParams', () => {
  it('round-trips a query with its cursor', () => {
    const params = { from: '2026-11-01', to: '2026-11-30', q: 'Mawar', phone: '0812', category: 'fire', kecamatan: 'Jombang', agency: ID, status: 'open' };
    const parsed = parseSearchQuery(params, NOW);
    if (!parsed.ok) throw new Error('expected a query');
    const url = searchQueryParams(parsed.query, { at: '2026-11-20T01:02:03.456Z', id: ID });
    expect(Object.fromEntries(url)).toEqual({ ...params, before: `2026-11-20T01:02:03.456Z|${ID}` });
  });
});
