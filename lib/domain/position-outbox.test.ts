import { describe, expect, it } from 'vitest';
import {
  EMPTY_OUTBOX,
  POSITION_OUTBOX_LIMIT,
  addFix,
  afterSend,
  dropStale,
  keepOnly,
  nextToSend,
  parseOutbox,
  serializeOutbox,
  withStoredSeq,
  type PositionOutbox,
} from './position-outbox';

const T0 = Date.UTC(2026, 11, 3, 6, 0, 0);
const fix = (i: number, accuracyM = 10) => ({ lat: -6.0 + i * 0.001, lng: 106.02, accuracyM, recordedAtMs: T0 + i * 15_000 });

function fill(n: number, id = 'a1'): PositionOutbox {
  let o = EMPTY_OUTBOX;
  for (let i = 0; i < n; i++) o = addFix(o, id, fix(i));
  return o;
}

describe('position outbox', () => {
  it('numbers fixes per assignment from 1', () => {
    let o = fill(2);
    o = addFix(o, 'a2', fix(3));
    expect(o.items.map((i) => `${i.assignmentId}:${i.seq}`)).toEqual(['a1:1', 'a1:2', 'a2:1']);
  });

  it('ignores an inaccurate or invalid fix and one within 5 s of the last', () => {
    let o = addFix(EMPTY_OUTBOX, 'a1', fix(0));
    o = addFix(o, 'a1', fix(1, 800));
    o = addFix(o, 'a1', { ...fix(1), lat: Number.NaN });
    o = addFix(o, 'a1', { ...fix(0), recordedAtMs: T0 + 4_000 });
    expect(o.items).toHaveLength(1);
    expect(addFix(o, 'a1', { ...fix(0), recordedAtMs: T0 + 5_000 }).items).toHaveLength(2);
  });

  it('does not queue the same fix again once it was sent (a phone standing still)', () => {
    let o = addFix(EMPTY_OUTBOX, 'a1', fix(0));
    o = afterSend(o, nextToSend(o)!, { ok: true }).outbox;
    expect(addFix(o, 'a1', fix(0)).items).toEqual([]);
    expect(addFix(o, 'a1', fix(1)).items.map((i) => i.seq)).toEqual([2]);
  });

  it('sends in order and removes what was stored, exactly once', () => {
    let o = fill(3);
    const sent: number[] = [];
    for (let item = nextToSend(o); item; item = nextToSend(o)) {
      sent.push(item.seq);
      o = afterSend(o, item, { ok: true }).outbox;
    }
    expect(sent).toEqual([1, 2, 3]);
    expect(o.sent).toBe(3);
    expect(o.items).toEqual([]);
  });

  it('keeps a position without answer and waits, so the same seq goes again', () => {
    const o = fill(2);
    const item = nextToSend(o)!;
    const r = afterSend(o, item, { ok: false, failure: { kind: 'network', detail: 'offline' } });
    expect(r.next).toBe('wait');
    expect(nextToSend(r.outbox)?.seq).toBe(1);
    const s = afterSend(o, item, { ok: false, failure: { kind: 'server', status: 503, detail: 'x' } });
    expect(s.next).toBe('wait');
  });

  it('drops a refused position and goes on with the next', () => {
    const o = fill(2);
    const r = afterSend(o, nextToSend(o)!, { ok: false, failure: { kind: 'workflow', code: 'position_rate_limited' } });
    expect(r.next).toBe('continue');
    expect(r.outbox.dropped).toBe(1);
    expect(nextToSend(r.outbox)?.seq).toBe(2);
  });

  it('drops fixes older than 10 minutes, which the database would refuse', () => {
    const o = dropStale(fill(3), T0 + 10 * 60_000 + 10_000);
    expect(o.items.map((i) => i.seq)).toEqual([2, 3]);
    expect(o.dropped).toBe(1);
  });

  it('keeps at most the newest positions when full', () => {
    const o = fill(POSITION_OUTBOX_LIMIT + 5);
    expect(o.items).toHaveLength(POSITION_OUTBOX_LIMIT);
    expect(o.items[0].seq).toBe(6);
    expect(o.dropped).toBe(5);
  });

  it('forgets the positions of assignments that ended', () => {
    let o = fill(2);
    o = addFix(o, 'a2', fix(5));
    expect(keepOnly(o, new Set(['a2'])).items.map((i) => i.assignmentId)).toEqual(['a2']);
  });

  it('continues after the seq the database holds, never below', () => {
    let o = withStoredSeq(EMPTY_OUTBOX, 'a1', 7);
    o = addFix(o, 'a1', fix(0));
    expect(o.items[0].seq).toBe(8);
    expect(withStoredSeq(o, 'a1', 3).lastSeq.a1).toBe(8);
  });

  it('survives a reload through its stored form, and reads junk as empty', () => {
    const o = fill(2);
    const back = parseOutbox(serializeOutbox(o));
    expect(back.items).toEqual(o.items);
    expect(back.lastSeq).toEqual({ a1: 2 });
    expect(back.lastAt).toEqual({ a1: T0 + 15_000 });
    expect(parseOutbox('{not json')).toEqual(EMPTY_OUTBOX);
    expect(parseOutbox(JSON.stringify({ items: [{ assignmentId: 'a1', seq: -1 }], lastSeq: { a1: 'x' } }))).toEqual(EMPTY_OUTBOX);
    expect(parseOutbox(null)).toEqual(EMPTY_OUTBOX);
  });
});
