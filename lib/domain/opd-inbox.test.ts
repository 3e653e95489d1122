import { describe, expect, it } from 'vitest';
import {
  categoryNeedsCounts,
  compareInbox,
  composeReport,
  countArgs,
  countsOf,
  latestState,
  geoUri,
  googleMapsUrl,
  osmUrl,
  isCounts,
  parseCount,
  splitInbox,
  telUri,
  unacknowledgedIds,
} from './opd-inbox';
import type { AssignmentStatus } from './workflow';

const row = (id: string, status: AssignmentStatus, assignedAt: string, priority = 'medium', completed: string | null = null) => ({
  id,
  status,
  assigned_at: assignedAt,
  completed_at: completed,
  declined_at: null,
  incident: { priority },
});

describe('inbox order', () => {
  it('puts unacknowledged first, then priority, then the longest waiting', () => {
    const rows = [
      row('ack-old', 'acknowledged', '2026-11-28T01:00:00Z', 'critical'),
      row('new-low', 'assigned', '2026-11-28T01:00:00Z', 'low'),
      row('new-crit-late', 'assigned', '2026-11-28T02:00:00Z', 'critical'),
      row('new-crit-early', 'assigned', '2026-11-28T01:30:00Z', 'critical'),
      row('scene', 'on_scene', '2026-11-28T00:00:00Z', 'high'),
    ];
    expect([...rows].sort(compareInbox).map((r) => r.id)).toEqual(['new-crit-early', 'new-crit-late', 'new-low', 'ack-old', 'scene']);
  });
  it('splits open from finished (newest finished first, limited) and leaves withdrawn out', () => {
    const rows = [
      row('open', 'en_route', '2026-11-28T01:00:00Z'),
      row('done1', 'completed', '2026-11-28T01:00:00Z', 'medium', '2026-11-28T02:00:00Z'),
      row('done2', 'completed', '2026-11-28T01:00:00Z', 'medium', '2026-11-28T03:00:00Z'),
      row('gone', 'withdrawn', '2026-11-28T01:00:00Z'),
    ];
    const { open, finished } = splitInbox(rows, 1);
    expect(open.map((r) => r.id)).toEqual(['open']);
    expect(finished.map((r) => r.id)).toEqual(['done2']);
  });
  it('lists the assignments that ring', () => {
    expect(unacknowledgedIds([row('a', 'assigned', '2026-11-28T01:00:00Z'), row('b', 'acknowledged', '2026-11-28T01:00:00Z')])).toEqual(['a']);
  });
});

describe('navigation links', () => {
  it('builds a geo URI with a label the maps app shows', () => {
    expect(geoUri(-6.0168, 106.0403, 'Jl. Ahmad Yani (depan pasar)')).toBe('geo:-6.0168,106.0403?q=-6.0168,106.0403(Jl.%20Ahmad%20Yani%20depan%20pasar)');
  });
  it('builds the https fallbacks', () => {
    expect(googleMapsUrl(-6.01, 106.05)).toBe('https://www.google.com/maps/dir/?api=1&destination=-6.01,106.05');
    expect(osmUrl(-6.0123456, 106.05)).toBe('https://www.openstreetmap.org/?mlat=-6.012346&mlon=106.05#map=17/-6.012346/106.05');
  });
  it('refuses a non-number coordinate', () => {
    expect(() => geoUri(Number.NaN, 106, 'x')).toThrow(RangeError);
  });
  it('makes a dialable tel link', () => {
    expect(telUri('+62 812-3456-7890')).toBe('tel:+6281234567890');
    expect(telUri('0254 391 112')).toBe('tel:0254391112');
    expect(telUri('-')).toBeNull();
  });
});

describe('field report', () => {
  it('asks for victim counts for fire, traffic, medical and disaster, not for public order', () => {
    expect(['fire', 'traffic_accident', 'medical', 'disaster'].every(categoryNeedsCounts)).toBe(true);
    expect(categoryNeedsCounts('public_order')).toBe(false);
  });
  it('parses counts strictly', () => {
    expect(parseCount(' 3 ')).toBe(3);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('2.5')).toBeNull();
    expect(parseCount('')).toBeNull();
  });
  it('keeps the counts as data beside the report text, never inside it', () => {
    const r = composeReport('  Api padam pukul 10.20. ', 'fire', { dead: '0', seriouslyInjured: '1', lightlyInjured: '2', evacuated: '5' });
    expect(r).toEqual({
      ok: true,
      counts: { dead: 0, seriouslyInjured: 1, lightlyInjured: 2, evacuated: 5 },
      report: 'Api padam pukul 10.20.',
    });
  });
  it('keeps a report without counts for other categories', () => {
    expect(composeReport('Massa bubar', 'public_order', {})).toEqual({ ok: true, report: 'Massa bubar', counts: null });
  });
  it('measures the length on the text alone', () => {
    expect(composeReport('x'.repeat(4000), 'fire', { dead: '0', seriouslyInjured: '0', lightlyInjured: '0', evacuated: '9999' })).toMatchObject({ ok: true });
  });
  it('names what is missing', () => {
    expect(composeReport(' ', 'public_order', {})).toEqual({ ok: false, problem: 'report_required' });
    expect(composeReport('x', 'fire', { dead: '0' })).toEqual({ ok: false, problem: 'counts_required' });
    expect(composeReport('x', 'fire', { dead: 'dua', seriouslyInjured: '0', lightlyInjured: '0', evacuated: '0' })).toEqual({ ok: false, problem: 'count_invalid' });
    expect(composeReport('x'.repeat(4001), 'other', {})).toEqual({ ok: false, problem: 'report_too_long' });
  });
});

describe('counts as data', () => {
  const counts = { dead: 0, seriouslyInjured: 1, lightlyInjured: 2, evacuated: 9999 };
  it('become complete_assignment\'s count parameters, or none', () => {
    expect(countArgs(counts)).toEqual({ p_dead_count: 0, p_seriously_injured_count: 1, p_lightly_injured_count: 2, p_evacuated_count: 9999 });
    expect(countArgs(null)).toEqual({});
    expect(countArgs(undefined)).toEqual({});
  });
  it('are read from an assignment row, null when it reports none', () => {
    const none = { dead_count: null, seriously_injured_count: null, lightly_injured_count: null, evacuated_count: null };
    expect(countsOf({ dead_count: 0, seriously_injured_count: 1, lightly_injured_count: 2, evacuated_count: 9999 })).toEqual(counts);
    expect(countsOf(none)).toBeNull();
    expect(countsOf({ ...none, evacuated_count: 0 })).toEqual({ dead: null, seriouslyInjured: null, lightlyInjured: null, evacuated: 0 });
  });
  it('are recognised only when complete and in range', () => {
    expect(isCounts(counts)).toBe(true);
    expect(isCounts({ ...counts, dead: -1 })).toBe(false);
    expect(isCounts({ ...counts, evacuated: 10000 })).toBe(false);
    expect(isCounts({ ...counts, lightlyInjured: 1.5 })).toBe(false);
    expect(isCounts({ ...counts, seriouslyInjured: '1' })).toBe(false);
    expect(isCounts({ dead: 0, seriouslyInjured: 1, lightlyInjured: 2 })).toBe(false);
    expect(isCounts(null)).toBe(false);
  });
});

describe('small helpers', () => {
  it('prefers a newer state returned by a step over the live row', () => {
    expect(latestState({ status: 'assigned', version: 1 }, { status: 'acknowledged', version: 2 })).toEqual({ status: 'acknowledged', version: 2 });
    expect(latestState({ status: 'en_route', version: 3 }, { status: 'acknowledged', version: 2 })).toEqual({ status: 'en_route', version: 3 });
    expect(latestState({ status: 'assigned', version: 1 }, undefined)).toEqual({ status: 'assigned', version: 1 });
  });
});
