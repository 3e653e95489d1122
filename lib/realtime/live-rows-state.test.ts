import { describe, expect, it } from 'vitest';
import { createLiveRowsState } from './live-rows-state';

type Row = { id: string; title: string; version: number };

const row = (id: string, version: number, title = `${id}@${version}`): Row => ({ id, title, version });

function liveState(snapshot: Row[] = []) {
  const state = createLiveRowsState<Row>({ key: 'id', version: 'version' });
  state.beginSnapshot();
  state.applySnapshot(snapshot);
  return state;
}

describe('live rows state', () => {
  it('never lets an older version replace a newer row, whatever order the changes come in', () => {
    const state = liveState([row('a', 2)]);
    expect(state.receive({ type: 'upsert', key: 'a', row: row('a', 1) })).toBe('unchanged');
    expect(state.values()).toEqual([row('a', 2)]);
    expect(state.receive({ type: 'upsert', key: 'a', row: row('a', 4) })).toBe('applied');
    expect(state.receive({ type: 'upsert', key: 'a', row: row('a', 3) })).toBe('unchanged');
    expect(state.values()).toEqual([row('a', 4)]);
  });

  it('without a version column, the last change wins', () => {
    const state = createLiveRowsState<Row>({ key: 'id' });
    state.beginSnapshot();
    state.applySnapshot([row('a', 2)]);
    expect(state.receive({ type: 'upsert', key: 'a', row: row('a', 1) })).toBe('applied');
    expect(state.values()).toEqual([row('a', 1)]);
  });

  it('holds changes while the snapshot loads and applies them on top of it', () => {
    const state = liveState([row('a', 1)]);
    state.beginSnapshot();
    expect(state.receive({ type: 'upsert', key: 'a', row: row('a', 3) })).toBe('held');
    expect(state.receive({ type: 'upsert', key: 'b', row: row('b', 1) })).toBe('held');
    expect(state.receive({ type: 'upsert', key: 'c', row: row('c', 1) })).toBe('held');
    expect(state.receive({ type: 'delete', key: 'c' })).toBe('held');
    // An older held change does not undo what the snapshot already shows.
    expect(state.receive({ type: 'upsert', key: 'd', row: row('d', 1) })).toBe('held');
    expect(state.values()).toEqual([row('a', 1)]);
    state.applySnapshot([row('a', 2), row('d', 5)]);
    expect(state.values()).toEqual([row('a', 3), row('d', 5), row('b', 1)]);
  });

  it('after a drop, ignores changes and the next snapshot replaces every row', () => {
    const state = liveState([row('a', 1), row('b', 1)]);
    state.beginSnapshot();
    expect(state.receive({ type: 'upsert', key: 'x', row: row('x', 1) })).toBe('held');
    state.suspend();
    expect(state.receive({ type: 'upsert', key: 'y', row: row('y', 1) })).toBe('ignored');
    expect(state.receive({ type: 'delete', key: 'a' })).toBe('ignored');
    state.beginSnapshot();
    state.applySnapshot([row('a', 2), row('c', 1)]);
    expect(state.values()).toEqual([row('a', 2), row('c', 1)]);
  });

  it('a delete of a row never seen changes nothing', () => {
    const state = liveState([row('a', 1)]);
    expect(state.receive({ type: 'delete', key: 'zz' })).toBe('unchanged');
    expect(state.values()).toEqual([row('a', 1)]);
    expect(state.receive({ type: 'delete', key: 'a' })).toBe('applied');
    expect(state.values()).toEqual([]);
  });

  it('asks for rows to be read again, also for changes held during the snapshot, and settles them by version', () => {
    const state = liveState([row('a', 2)]);
    expect(state.receive({ type: 'reread', key: 'a' })).toBe('reread');
    state.beginSnapshot();
    expect(state.receive({ type: 'reread', key: 'b' })).toBe('held');
    expect(state.receive({ type: 'upsert', key: 'c', row: row('c', 1) })).toBe('held');
    expect(state.applySnapshot([row('a', 2)])).toEqual(['b']);
    expect(state.settle('b', row('b', 1))).toBe(true);
    expect(state.settle('a', row('a', 1))).toBe(false);
    expect(state.settle('c', null)).toBe(true);
    expect(state.values()).toEqual([row('a', 2), row('b', 1)]);
  });
});
