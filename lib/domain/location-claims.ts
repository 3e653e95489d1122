/**
 * Which assignments this phone shares its location for (issue #18 §3), pure logic, no I/O. A phone
 * shares only for assignments it set off on itself — its own "Berangkat" or "Tiba", queued or sent,
 * or the liaison's "Bagikan lokasi" tap — so a second phone of the same agency, or a supervisor's
 * tablet signed in as the liaison, never reports a position for a unit it does not travel with.
 * The claims survive navigation and reloads (the layout keeps them in localStorage) and are
 * forgotten once the assignment is finished.
 */
import type { QueueItem } from './offline-queue';
import { isIncidentOpen, type AssignmentAction, type AssignmentStatus, type IncidentStatus } from './workflow';

/** Statuses in which a claimed assignment's phone samples its location. */
export const SHARING_STATUSES: ReadonlySet<AssignmentStatus> = new Set(['en_route', 'on_scene']);

/** Steps that mean "this phone travels with the unit". */
const SETTING_OFF: ReadonlySet<AssignmentAction> = new Set(['mark_en_route', 'mark_on_scene']);

/** At most this many claims are kept: a shift's worth, with room. Oldest go first. */
export const CLAIMS_LIMIT = 50;

export interface LocationPrefs {
  /** Assignments this phone set off on, oldest first. */
  claimed: readonly string[];
  /** Claimed assignments the liaison stopped sharing for. */
  stopped: readonly string[];
}

export const EMPTY_PREFS: LocationPrefs = { claimed: [], stopped: [] };

/** The assignments the phone's own queued (or in-flight) steps set off on, in queue order. */
export function settingOffIds(queue: readonly QueueItem[]): string[] {
  const ids: string[] = [];
  for (const item of queue) if (SETTING_OFF.has(item.action) && !ids.includes(item.assignmentId)) ids.push(item.assignmentId);
  return ids;
}

/**
 * Adds claims; the same prefs object when nothing is new, so a caller that runs on every render
 * (the queue changes often) never stores or re-renders for an equal list.
 */
export function addClaims(prefs: LocationPrefs, ids: readonly string[]): LocationPrefs {
  const fresh = ids.filter((id, i) => !prefs.claimed.includes(id) && ids.indexOf(id) === i);
  if (fresh.length === 0) return prefs;
  const claimed = [...prefs.claimed, ...fresh].slice(-CLAIMS_LIMIT);
  return { claimed, stopped: prefs.stopped.filter((id) => claimed.includes(id)) };
}

/** Forgets claims (and their stop) — the same object when none of them was held. */
export function removeClaims(prefs: LocationPrefs, ids: ReadonlySet<string>): LocationPrefs {
  if (!prefs.claimed.some((id) => ids.has(id)) && !prefs.stopped.some((id) => ids.has(id))) return prefs;
  return { claimed: prefs.claimed.filter((id) => !ids.has(id)), stopped: prefs.stopped.filter((id) => !ids.has(id)) };
}

/** Stops or resumes one claimed assignment; the same object when nothing changes. */
export function setStopped(prefs: LocationPrefs, id: string, stopped: boolean): LocationPrefs {
  if (!prefs.claimed.includes(id) || prefs.stopped.includes(id) === stopped) return prefs;
  return { ...prefs, stopped: stopped ? [...prefs.stopped, id] : prefs.stopped.filter((s) => s !== id) };
}

export interface ClaimedRow {
  id: string;
  status: AssignmentStatus;
  incident: { status: IncidentStatus } | null;
}

/**
 * Claims of assignments that are over — completed, declined, withdrawn, or their incident closed or
 * cancelled. Only rows the live view knows are judged: a claim made offline for a row not loaded
 * yet is kept.
 */
export function finishedClaims(prefs: LocationPrefs, rows: readonly ClaimedRow[]): Set<string> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const over = new Set<string>();
  for (const id of prefs.claimed) {
    const row = byId.get(id);
    if (!row) continue;
    const finished = row.status === 'completed' || row.status === 'declined' || row.status === 'withdrawn';
    if (finished || (row.incident && !isIncidentOpen(row.incident.status))) over.add(id);
  }
  return over;
}

export function samePrefs(a: LocationPrefs, b: LocationPrefs): boolean {
  return sameList(a.claimed, b.claimed) && sameList(a.stopped, b.stopped);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Reads stored prefs; anything malformed is none (a lost claim only means the liaison taps "Bagikan lokasi"). */
export function parsePrefs(text: string | null): LocationPrefs {
  if (!text) return EMPTY_PREFS;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return EMPTY_PREFS;
    const claimed = 'claimed' in value ? strings(value.claimed).slice(-CLAIMS_LIMIT) : [];
    const stopped = 'stopped' in value ? strings(value.stopped).filter((id) => claimed.includes(id)) : [];
    return { claimed, stopped };
  } catch {
    return EMPTY_PREFS;
  }
}

export function serializePrefs(prefs: LocationPrefs): string {
  return JSON.stringify({ claimed: prefs.claimed, stopped: prefs.stopped });
}

function strings(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const s of v) if (typeof s === 'string' && s.length > 0 && s.length <= 64 && !out.includes(s)) out.push(s);
  return out;
}
