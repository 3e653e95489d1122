/**
 * Major-incident mode in the browser (issue #18 §1): which active major incident a caller's point
 * falls in (the console's one-key offer, the same order as public.major_incidents_at), the wall's
 * linked calls per minute over the last half hour, and the agencies and victims of the ticket's
 * assignments. Pure functions over the live rows.
 */
import { isInArea, readArea } from './area';
import type { LatLng } from './geo';

export interface MajorAreaRow {
  id: string;
  incident_id: string;
  status: string;
  area: unknown;
  declared_at: string;
}

/** The newest active major incident whose area contains the point, as public.major_incidents_at orders them. */
export function majorIncidentAt<M extends MajorAreaRow>(majors: readonly M[], point: LatLng | null): M | null {
  if (!point) return null;
  let best: M | null = null;
  for (const m of majors) {
    if (m.status !== 'active') continue;
    const area = readArea(m.area);
    if (!area || !isInArea(area, point)) continue;
    if (!best || Date.parse(m.declared_at) > Date.parse(best.declared_at)) best = m;
  }
  return best;
}

/** The newest active major incident, the one the wall shows. */
export function newestActiveMajor<M extends MajorAreaRow>(majors: readonly M[]): M | null {
  let best: M | null = null;
  for (const m of majors) if (m.status === 'active' && (!best || Date.parse(m.declared_at) > Date.parse(best.declared_at))) best = m;
  return best;
}

export interface MinuteRow {
  minute: string;
  calls: number;
}

export interface MinuteBar {
  /** Start of the minute (epoch ms). */
  startMs: number;
  calls: number;
}

export const WALL_MINUTES = 30;
const MINUTE_MS = 60_000;

/** One bar per minute for the last `count` minutes up to and including the minute of `nowMs`, oldest first. */
export function minuteBars(rows: readonly MinuteRow[], nowMs: number, count: number = WALL_MINUTES): MinuteBar[] {
  const last = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
  const first = last - (count - 1) * MINUTE_MS;
  const calls = new Map<number, number>();
  for (const r of rows) {
    const start = Math.floor(Date.parse(r.minute) / MINUTE_MS) * MINUTE_MS;
    if (start >= first && start <= last) calls.set(start, (calls.get(start) ?? 0) + r.calls);
  }
  return Array.from({ length: count }, (_, i) => {
    const startMs = first + i * MINUTE_MS;
    return { startMs, calls: calls.get(startMs) ?? 0 };
  });
}

/** Every call linked since the declaration (the minutes hold no call before it). */
export function linkedCalls(rows: readonly MinuteRow[]): number {
  return rows.reduce((sum, r) => sum + r.calls, 0);
}

export interface MajorAssignmentRow {
  agency_id: string;
  status: string;
  dead_count: number | null;
  seriously_injured_count: number | null;
  lightly_injured_count: number | null;
  evacuated_count: number | null;
}

export interface MajorFigures {
  /** Agencies sent and not declined or withdrawn, as stats_major_incidents counts them. */
  agencyIds: string[];
  dead: number;
  seriouslyInjured: number;
  lightlyInjured: number;
  evacuated: number;
}

const NOT_COMMITTED = new Set(['declined', 'withdrawn']);

/** Agencies committed and victims reported so far on the ticket's assignments (every field report counts). */
export function majorFigures(assignments: readonly MajorAssignmentRow[]): MajorFigures {
  const agencies = new Set<string>();
  const f = { dead: 0, seriouslyInjured: 0, lightlyInjured: 0, evacuated: 0 };
  for (const a of assignments) {
    if (!NOT_COMMITTED.has(a.status)) agencies.add(a.agency_id);
    f.dead += a.dead_count ?? 0;
    f.seriouslyInjured += a.seriously_injured_count ?? 0;
    f.lightlyInjured += a.lightly_injured_count ?? 0;
    f.evacuated += a.evacuated_count ?? 0;
  }
  return { agencyIds: [...agencies].sort(), ...f };
}

/** The limits of the major_incidents columns and of end_major_incident's reason. */
export const MAJOR_TEXT_LIMITS = { titleMin: 3, titleMax: 120, scriptMax: 1000, reasonMax: 500 } as const;

export type MajorFormProblem = 'title' | 'script' | 'area';

/** What keeps the supervisor's form from being sent, checked as the database checks it (trimmed). */
export function majorFormProblems(form: { title: string; script: string; area: unknown }): MajorFormProblem[] {
  const problems: MajorFormProblem[] = [];
  const title = form.title.trim().length;
  if (title < MAJOR_TEXT_LIMITS.titleMin || title > MAJOR_TEXT_LIMITS.titleMax) problems.push('title');
  const script = form.script.trim().length;
  if (script < 1 || script > MAJOR_TEXT_LIMITS.scriptMax) problems.push('script');
  if (!readArea(form.area)) problems.push('area');
  return problems;
}
