import { describe, expect, it } from 'vitest';
import { circleArea } from './area';
import { linkedCalls, majorFigures, majorFormProblems, majorIncidentAt, minuteBars, newestActiveMajor, type MajorAreaRow } from './major-incident';

const ciwandan = { lat: -6.02, lng: 106.03 };
const major = (id: string, declared_at: string, radius = 1000, status = 'active'): MajorAreaRow => ({
  id,
  incident_id: `i-${id}`,
  status,
  area: circleArea(ciwandan, radius),
  declared_at,
});

describe('majorIncidentAt', () => {
  it('offers the newest active area that contains the point, as major_incidents_at orders them', () => {
    const rows = [major('old', '2026-12-03T01:00:00Z', 2000), major('new', '2026-12-03T02:00:00Z', 500)];
    expect(majorIncidentAt(rows, ciwandan)?.id).toBe('new');
    // 1 km east: inside the 2 km circle only.
    expect(majorIncidentAt(rows, { lat: -6.02, lng: 106.039 })?.id).toBe('old');
    expect(majorIncidentAt(rows, { lat: -5.9, lng: 106.03 })).toBeNull();
    expect(majorIncidentAt(rows, null)).toBeNull();
  });
  it('ignores ended incidents and rows whose area is not a valid polygon', () => {
    const rows = [major('ended', '2026-12-03T03:00:00Z', 1000, 'ended'), { ...major('bad', '2026-12-03T04:00:00Z'), area: { type: 'Point' } }];
    expect(majorIncidentAt(rows, ciwandan)).toBeNull();
    expect(newestActiveMajor(rows.slice(0, 1))).toBeNull();
  });
});

describe('newestActiveMajor', () => {
  it('picks the latest declaration among the active ones', () => {
    const rows = [major('a', '2026-12-03T01:00:00Z'), major('b', '2026-12-03T05:00:00Z', 1000, 'ended'), major('c', '2026-12-03T02:00:00Z')];
    expect(newestActiveMajor(rows)?.id).toBe('c');
  });
});

describe('minuteBars', () => {
  const now = Date.parse('2026-12-03T07:30:40Z');
  it('gives 30 bars ending with the current minute, zero where no call came', () => {
    const bars = minuteBars(
      [
        { minute: '2026-12-03T07:30:00Z', calls: 7 },
        { minute: '2026-12-03T07:01:00Z', calls: 2 },
        // 30 minutes back: outside the window.
        { minute: '2026-12-03T07:00:00Z', calls: 9 },
      ],
      now,
    );
    expect(bars).toHaveLength(30);
    expect(bars[29]).toEqual({ startMs: Date.parse('2026-12-03T07:30:00Z'), calls: 7 });
    expect(bars[0]).toEqual({ startMs: Date.parse('2026-12-03T07:01:00Z'), calls: 2 });
    expect(bars.slice(1, 29).every((b) => b.calls === 0)).toBe(true);
  });
  it('counts every linked call since the declaration, inside the window or not', () => {
    expect(linkedCalls([{ minute: 'x', calls: 3 }, { minute: 'y', calls: 4 }])).toBe(7);
  });
});

describe('majorFigures', () => {
  const a = (agency_id: string, status: string, dead: number | null = null, evacuated: number | null = null) => ({
    agency_id,
    status,
    dead_count: dead,
    seriously_injured_count: null,
    lightly_injured_count: 1,
    evacuated_count: evacuated,
  });
  it('counts each committed agency once and adds the victims of every field report', () => {
    const f = majorFigures([a('damkar', 'on_scene', 1, 10), a('damkar', 'completed', 2), a('polri', 'declined'), a('rsud', 'en_route')]);
    expect(f.agencyIds).toEqual(['damkar', 'rsud']);
    expect(f).toMatchObject({ dead: 3, seriouslyInjured: 0, lightlyInjured: 4, evacuated: 10 });
  });
});

describe('majorFormProblems', () => {
  const area = circleArea(ciwandan, 500);
  it('accepts a trimmed title of 3–120 characters, a script and a valid area', () => {
    expect(majorFormProblems({ title: '  Ledakan pabrik kimia, Ciwandan ', script: 'Menjauh dari asap.', area })).toEqual([]);
  });
  it('names every field the database would refuse', () => {
    expect(majorFormProblems({ title: ' ab ', script: '   ', area: null })).toEqual(['title', 'script', 'area']);
    expect(majorFormProblems({ title: 'x'.repeat(121), script: 'y'.repeat(1001), area })).toEqual(['title', 'script']);
  });
});
