/**
 * The liaison phone's outbox for unit positions (issue #18 §3): pure logic, no I/O. Each fix gets
 * the next sequence number of its assignment and waits here until the database stored it, so a
 * phone that is briefly offline sends its last positions later, in order. Exactly once holds
 * because report_assignment_position is idempotent per (assignment, seq): a position whose answer
 * was lost is simply sent again and answered with the stored row.
 */
import type { WriteFailure } from './write-failure';

/** The service's sampling interval while en route or on scene (issue #18: "every ~15 s"). */
export const POSITION_INTERVAL_MS = 15_000;
/** The database refuses fixes older than this (report_assignment_position); older ones are dropped here. */
export const POSITION_MAX_AGE_MS = 10 * 60_000;
/** The database stores at most one position per 5 s of the phone's clock. */
export const POSITION_MIN_SPACING_MS = 5_000;
/** report_assignment_position's accuracy bound. */
export const POSITION_MAX_ACCURACY_M = 500;
/** At most this many waiting positions: 10 minutes at the interval, with room. */
export const POSITION_OUTBOX_LIMIT = 60;

export interface PositionFix {
  lat: number;
  lng: number;
  accuracyM: number;
  /** The phone's clock when the fix was taken (ms since epoch). */
  recordedAtMs: number;
}

export interface QueuedPosition extends PositionFix {
  assignmentId: string;
  seq: number;
}

export interface PositionOutbox {
  /** Positions not yet stored, oldest first. */
  items: QueuedPosition[];
  /** Last seq handed out per assignment. */
  lastSeq: Record<string, number>;
  /** Phone time of the last fix queued per assignment, sent or not: the same fix is never queued twice. */
  lastAt: Record<string, number>;
  /** Positions the database stored, since this outbox was created (display and tests). */
  sent: number;
  /** Positions given up: refused by the database, or too old to be accepted any more. */
  dropped: number;
}

export const EMPTY_OUTBOX: PositionOutbox = { items: [], lastSeq: {}, lastAt: {}, sent: 0, dropped: 0 };

/**
 * Adds a fix of an assignment with the next seq, unless it is unusable (too inaccurate, or not at
 * least 5 s after the last fix queued for the assignment — the same fix read again while the phone
 * stands still, or one the database would refuse anyway).
 * When the outbox is full the oldest position goes: the newest say where the unit is.
 */
export function addFix(outbox: PositionOutbox, assignmentId: string, fix: PositionFix): PositionOutbox {
  if (!isUsableFix(fix)) return outbox;
  const previous = outbox.lastAt[assignmentId];
  if (previous !== undefined && fix.recordedAtMs < previous + POSITION_MIN_SPACING_MS) return outbox;
  const seq = (outbox.lastSeq[assignmentId] ?? 0) + 1;
  const items = [...outbox.items, { ...fix, assignmentId, seq }];
  const overflow = Math.max(0, items.length - POSITION_OUTBOX_LIMIT);
  return {
    ...outbox,
    items: items.slice(overflow),
    lastSeq: { ...outbox.lastSeq, [assignmentId]: seq },
    lastAt: { ...outbox.lastAt, [assignmentId]: fix.recordedAtMs },
    dropped: outbox.dropped + overflow,
  };
}

export function isUsableFix(fix: PositionFix): boolean {
  return (
    Number.isFinite(fix.lat) &&
    Number.isFinite(fix.lng) &&
    Number.isFinite(fix.recordedAtMs) &&
    fix.accuracyM > 0 &&
    fix.accuracyM <= POSITION_MAX_ACCURACY_M
  );
}

/** Continues seq after what the database already holds (a reload, another tab), never below it. */
export function withStoredSeq(outbox: PositionOutbox, assignmentId: string, storedSeq: number): PositionOutbox {
  if ((outbox.lastSeq[assignmentId] ?? 0) >= storedSeq) return outbox;
  return { ...outbox, lastSeq: { ...outbox.lastSeq, [assignmentId]: storedSeq } };
}

/** Drops positions the database would refuse as too old (its clock ≈ ours within the skew it allows). */
export function dropStale(outbox: PositionOutbox, nowMs: number): PositionOutbox {
  const items = outbox.items.filter((i) => nowMs - i.recordedAtMs <= POSITION_MAX_AGE_MS);
  if (items.length === outbox.items.length) return outbox;
  return { ...outbox, items, dropped: outbox.dropped + (outbox.items.length - items.length) };
}

/** The next position to send, the oldest. */
export function nextToSend(outbox: PositionOutbox): QueuedPosition | undefined {
  return outbox.items[0];
}

export type SendOutcome = { ok: true } | { ok: false; failure: WriteFailure };

/** What to do after a send: go on with the next, or wait (no answer: the same seq is tried again later). */
export type AfterSend = { outbox: PositionOutbox; next: 'continue' | 'wait' };

/**
 * Applies the answer of sending `item`. Stored (or stored before) → removed. No answer or a server
 * failure → kept, try later. A refusal (the assignment ended, a bound) → dropped: it will never
 * be accepted, and it must not hold up the positions behind it.
 */
export function afterSend(outbox: PositionOutbox, item: QueuedPosition, outcome: SendOutcome): AfterSend {
  const rest = outbox.items.filter((i) => !(i.assignmentId === item.assignmentId && i.seq === item.seq));
  if (outcome.ok) return { outbox: { ...outbox, items: rest, sent: outbox.sent + 1 }, next: 'continue' };
  if (outcome.failure.kind === 'network' || outcome.failure.kind === 'server') return { outbox, next: 'wait' };
  return { outbox: { ...outbox, items: rest, dropped: outbox.dropped + 1 }, next: 'continue' };
}

/** Forgets the positions of assignments that are no longer active (nothing is sent after the end). */
export function keepOnly(outbox: PositionOutbox, activeAssignmentIds: ReadonlySet<string>): PositionOutbox {
  const items = outbox.items.filter((i) => activeAssignmentIds.has(i.assignmentId));
  if (items.length === outbox.items.length) return outbox;
  return { ...outbox, items, dropped: outbox.dropped + (outbox.items.length - items.length) };
}

/** Reads a stored outbox; anything malformed is an empty one (it is only a cache of the phone's own fixes). */
export function parseOutbox(text: string | null): PositionOutbox {
  if (!text) return EMPTY_OUTBOX;
  try {
    const value: unknown = JSON.parse(text);
    if (!isRecord(value) || !Array.isArray(value.items) || !isRecord(value.lastSeq)) return EMPTY_OUTBOX;
    const items = value.items.filter(isQueuedPosition).slice(-POSITION_OUTBOX_LIMIT);
    const lastSeq: Record<string, number> = {};
    for (const [k, v] of Object.entries(value.lastSeq)) if (typeof v === 'number' && Number.isInteger(v) && v > 0) lastSeq[k] = v;
    const lastAt: Record<string, number> = {};
    if (isRecord(value.lastAt)) for (const [k, v] of Object.entries(value.lastAt)) if (typeof v === 'number' && Number.isFinite(v)) lastAt[k] = v;
    return { items, lastSeq, lastAt, sent: 0, dropped: 0 };
  } catch {
    return EMPTY_OUTBOX;
  }
}

export function serializeOutbox(outbox: PositionOutbox): string {
  return JSON.stringify({ items: outbox.items, lastSeq: outbox.lastSeq, lastAt: outbox.lastAt });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isQueuedPosition(v: unknown): v is QueuedPosition {
  if (!isRecord(v)) return false;
  const { assignmentId, seq, lat, lng, accuracyM, recordedAtMs } = v;
  return (
    typeof assignmentId === 'string' &&
    typeof seq === 'number' &&
    Number.isInteger(seq) &&
    seq > 0 &&
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    typeof accuracyM === 'number' &&
    typeof recordedAtMs === 'number' &&
    isUsableFix({ lat, lng, accuracyM, recordedAtMs })
  );
}
