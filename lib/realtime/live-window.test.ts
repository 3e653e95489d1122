import { describe, expect, it } from 'vitest';
import { checkWindow, compareNewestValues, outsideWindow, windowPart, type LiveWindow } from './live-window';
import { createLiveRowsState } from './live-rows-state';

type Row = { id: string; status: string; updated_at: string; version: number };

const WINDOW: LiveWindow<keyof Row & string> = {
  always: { column: 'status', op: 'in', value: ['assigned', 'on_scene'] },
  recent: { column: 'status', op: 'in', value: ['completed', 'declined'] },
  newest: 'updated_at',
  limit: 2,
};

const at = (minute: number) => `2026-12-06T10:${String(minute).padStart(2, '0')}:00+00:00`;
const row = (id: string, status: string, minute: number, version = 1): Row => ({ id, status, updated_at: at(minute), version });

describe('live window', () => {
  it('tells which part a row belongs to, and null for neither', () => {
    expect(windowPart(row('a', 'assigned', 1), WINDOW)).toBe('always');
    expect(windowPart(row('a', 'completed', 1), WINDOW)).toBe('recent');
    expect(windowPart(row('a', 'withdrawn', 1), WINDOW)).toBeNull();
  });

  it('keeps every always-row and the newest `limit` recent ones, dropping the rest', () => {
    const rows = [
      row('o1', 'assigned', 1),
      row('o2', 'on_scene', 2),
      row('o3', 'assigned', 3),
      row('f1', 'completed', 10),
      row('f2', 'declined', 30),
      row('f3', 'completed', 20),
      row('w1', 'withdrawn', 40),
    ];
    expect(outsideWindow(rows, WINDOW, 'id').sort()).toEqual(['f1', 'w1']);
  });

  it('breaks ties of the newest column by the highest key, as order=updated_at.desc,id.desc does', () => {
    const rows = [row('b', 'completed', 5), row('c', 'completed', 5), row('a', 'completed', 5)];
    expect(outsideWindow(rows, WINDOW, 'id')).toEqual(['a']);
  });

  it('orders timestamps to the microsecond although PostgREST drops trailing zeros of the fraction', () => {
    expect(compareNewestValues('2026-12-06T10:00:00.12345+00:00', '2026-12-06T10:00:00.123451+00:00')).toBeLessThan(0);
    expect(compareNewestValues('2026-12-06T10:00:00.5+00:00', '2026-12-06T10:00:00.49+00:00')).toBeGreaterThan(0);
    expect(compareNewestValues('2026-12-06T10:00:00+00:00', '2026-12-06T10:00:00.000001+00:00')).toBeLessThan(0);
    expect(compareNewestValues('2026-12-06T17:00:00.1+07:00', '2026-12-06T10:00:00.1+00:00')).toBe(0);
    expect(compareNewestValues('2026-12-06T10:00:01+00:00', '2026-12-06T10:00:00.999999+00:00')).toBeGreaterThan(0);
  });

  it('refuses a limit one request cannot read', () => {
    expect(() => checkWindow({ ...WINDOW, limit: 0 })).toThrow(RangeError);
    expect(() => checkWindow({ ...WINDOW, limit: 1001 })).toThrow(RangeError);
    expect(() => checkWindow({ ...WINDOW, limit: 2.5 })).toThrow(RangeError);
    expect(checkWindow(WINDOW)).toBe(WINDOW);
  });
});

describe('live rows state with a window', () => {
  function windowed(snapshot: Row[]) {
    const state = createLiveRowsState<Row>({ key: 'id', version: 'version', window: WINDOW });
    state.beginSnapshot();
    state.applySnapshot(snapshot);
    return state;
  }
  const ids = (rows: Row[]) => rows.map((r) => r.id).sort();

  it('trims a snapshot that holds more than the window', () => {
    const state = windowed([row('o1', 'assigned', 1), row('f1', 'completed', 1), row('f2', 'completed', 2), row('f3', 'completed', 3)]);
    expect(ids(state.values())).toEqual(['f2', 'f3', 'o1']);
  });

  it('keeps an assignment that finishes, pushing the oldest finished one out', () => {
    const state = windowed([row('o1', 'assigned', 1), row('f1', 'completed', 2), row('f2', 'completed', 3)]);
    expect(state.receive({ type: 'upsert', key: 'o1', row: row('o1', 'completed', 9, 2) })).toBe('applied');
    expect(ids(state.values())).toEqual(['f2', 'o1']);
  });

  it('lets a new open row in without dropping anything', () => {
    const state = windowed([row('f1', 'completed', 2), row('f2', 'completed', 3)]);
    state.receive({ type: 'upsert', key: 'o9', row: row('o9', 'assigned', 10) });
    expect(ids(state.values())).toEqual(['f1', 'f2', 'o9']);
  });

  it('brings back a finished row updated again (it is now the newest), as a fresh read would', () => {
    const state = windowed([row('f1', 'completed', 2), row('f2', 'completed', 3)]);
    expect(state.settle('f0', row('f0', 'completed', 12, 3))).toBe(true);
    expect(ids(state.values())).toEqual(['f0', 'f2']);
  });

  it('keeps the newer version of a row read twice by a snapshot in parts', () => {
    const state = windowed([row('a', 'assigned', 1, 1), row('a', 'completed', 2, 2), row('b', 'assigned', 1, 3), row('b', 'assigned', 1, 2)]);
    expect(state.values()).toEqual([row('a', 'completed', 2, 2), row('b', 'assigned', 1, 3)]);
  });
});
