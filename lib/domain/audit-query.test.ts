import { describe, expect, it } from 'vitest';
import { auditQueryParams, parseAuditQuery } from './audit-query';

// A fixed "now" (2026-11-20 10:00 WIB): the tests never depend on today's date.
const NOW = Date.parse('2026-11-20T03:00:00Z');

describe('audit trail filter', () => {
  it('defaults to the last 30 WIB days', () => {
    const parsed = parseAuditQuery({}, NOW);
    expect(parsed).toMatchObject({ ok: true, query: { range: { from: '2026-10-22', to: '2026-11-20' }, ticket: null, after: null } });
  });
  it('turns WIB days into instants and keeps the filters', () => {
    const parsed = parseAuditQuery(
      { from: '2026-11-01', to: '2026-11-01', ticket: '112-20261101-0042', user: '6f1d9c57-2b0e-4c7a-9f59-1d6a1bb0c0de', kind: 'account.created' },
      NOW,
    );
    expect(parsed).toMatchObject({
      ok: true,
      query: {
        range: { fromIso: '2026-10-31T17:00:00.000Z', toIso: '2026-11-01T17:00:00.000Z' },
        ticket: '112-20261101-0042',
        kind: 'account.created',
      },
    });
  });
  it('refuses bad values instead of dropping them', () => {
    expect(parseAuditQuery({ from: '2026-11-05', to: '2026-11-01' }, NOW)).toEqual({ ok: false, problem: 'range' });
    expect(parseAuditQuery({ from: '2026-02-30', to: '2026-03-01' }, NOW)).toEqual({ ok: false, problem: 'range' });
    expect(parseAuditQuery({ from: '2026-11-01' }, NOW)).toEqual({ ok: false, problem: 'range' });
    expect(parseAuditQuery({ ticket: "x' or 1=1" }, NOW)).toEqual({ ok: false, problem: 'ticket' });
    expect(parseAuditQuery({ user: 'someone' }, NOW)).toEqual({ ok: false, problem: 'user' });
    expect(parseAuditQuery({ kind: 'DROP TABLE' }, NOW)).toEqual({ ok: false, problem: 'kind' });
    expect(parseAuditQuery({ after: 'yesterday' }, NOW)).toEqual({ ok: false, problem: 'cursor' });
  });
  it('round-trips the cursor through the URL', () => {
    const parsed = parseAuditQuery({ from: '2026-11-01', to: '2026-11-02', after: '2026-11-01T05:00:00.123+00:00|a:0000000000000000042' }, NOW);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.query.after).toEqual({ at: '2026-11-01T05:00:00.123+00:00', key: 'a:0000000000000000042' });
    expect(auditQueryParams(parsed.query, parsed.query.after).get('after')).toBe('2026-11-01T05:00:00.123+00:00|a:0000000000000000042');
  });
});
