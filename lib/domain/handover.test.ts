import { describe, expect, it } from 'vitest';
import { groupHandovers, handoverWindowStart } from './handover';

const row = (id: string, outgoing: string, changeAt: string, acknowledged: string | null = null) => ({
  id,
  outgoing_id: outgoing,
  change_at: changeAt,
  acknowledged_at: acknowledged,
});

describe('handoverWindowStart', () => {
  it('is 00:00 WIB two days back, the same all day', () => {
    // 2 Dec 10:00 WIB and 23:59 WIB → 30 Nov 00:00 WIB = 29 Nov 17:00 UTC.
    expect(handoverWindowStart(Date.parse('2026-12-02T03:00:00Z'))).toBe('2026-11-29T17:00:00.000Z');
    expect(handoverWindowStart(Date.parse('2026-12-02T16:59:00Z'))).toBe('2026-11-29T17:00:00.000Z');
    expect(handoverWindowStart(Date.parse('2026-12-02T17:00:00Z'))).toBe('2026-11-30T17:00:00.000Z');
  });
});

describe('groupHandovers', () => {
  const change = '2026-12-02T08:00:00.000Z';
  const rows = [
    row('mine-now', 'me', change),
    row('other-now', 'sv2', change),
    row('mine-before', 'me', '2026-12-02T00:00:00.000Z', '2026-12-02T00:05:00Z'),
    row('other-before', 'sv2', '2026-12-01T16:00:00.000Z'),
  ];

  it('finds my note for the coming change, not an older one', () => {
    expect(groupHandovers(rows, 'me', Date.parse(change)).mine?.id).toBe('mine-now');
    expect(groupHandovers(rows, 'me', Date.parse('2026-12-02T16:00:00Z')).mine).toBeNull();
  });

  it('offers others\' unacknowledged notes, never my own, and lists the acknowledged', () => {
    const g = groupHandovers(rows, 'me', Date.parse(change));
    expect(g.toAcknowledge.map((h) => h.id)).toEqual(['other-now', 'other-before']);
    expect(g.acknowledged.map((h) => h.id)).toEqual(['mine-before']);
  });
});
