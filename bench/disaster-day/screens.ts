/**
 * The screens of the disaster-day benchmark, without a browser: each screen is its own supabase-js
 * client (own websocket) under a real account's token, holding the same live views (lib/realtime)
 * that its page's hooks hold — the wall's open incidents, the dispatch board's incidents and active
 * assignments, an agency's OPD inbox, the statistics page's active major incidents. Each view is
 * watched for commit → screen latency (the change's commit stamp to the moment the view shows it),
 * and at the end its rows are compared with a fresh query made under the same identity.
 */
import { createClient } from '@supabase/supabase-js';
import { browserLikeFetch } from './browser-fetch';
import type { Db } from '../../lib/data/db';
import { BOARD_COLUMNS } from '../../lib/domain/dispatch-board';
import { OPEN_INCIDENT_STATUSES, UNFINISHED_ASSIGNMENT_STATUSES } from '../../lib/domain/workflow';
import { matchesLiveFilter, type LiveFilter } from '../../lib/realtime/live-filter';
import type { LiveRow } from '../../lib/realtime/live-rows-state';
import { createColumnsView, pageOf } from '../../lib/realtime/live-table';
import type { LiveView, RowsAnswer } from '../../lib/realtime/live-view';
import { createOpdInboxView, readOpdInbox } from '../../lib/realtime/opd-inbox-view';
import { readSnapshotPages } from '../../lib/realtime/snapshot-pages';
import { WALL_INCIDENT_COLUMNS } from '../../lib/realtime/use-live-wall-incidents';
import type { Database } from '../../lib/supabase/database.types';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';

export type ScreenKind = 'wall' | 'dispatch' | 'opd' | 'stats';

export interface ScreenSpec {
  kind: ScreenKind;
  /** The account's access token (signed in once per account by the parent). */
  token: string;
  /** OPD inbox: the liaison's agency. */
  agencyId?: string;
}

/** Appends one by one: `push(...items)` overflows the call stack past ~100,000 items (latency samples). */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** One view of a screen: what it holds, and how the same rows are read afresh. */
interface ScreenView {
  name: string;
  view: LiveView<LiveRow>;
  key: string;
  /** The same rows read afresh, whole (paged or windowed as the views read their snapshots). */
  fresh(): PromiseLike<RowsAnswer<LiveRow[]>>;
  tracker: LatencyTracker;
}

export interface ViewComparison {
  view: string;
  rows: number;
  equal: boolean;
  /** Keys only on the screen, only in the fresh read, or different (first few). */
  differences: string[];
}

// --- commit → screen latency ------------------------------------------------------------------

interface Pending {
  commitMs: number;
  version: number | undefined;
  present: boolean;
}

/**
 * Follows one view: each change that reaches the channel is pending until the view's rows show it
 * (the row there at that version or newer, or gone when the change took it out of the filter).
 */
export class LatencyTracker {
  readonly samples: number[] = [];
  private pending = new Map<string, Pending[]>();
  lastActivityMs = Date.now();

  constructor(
    private readonly table: string,
    private readonly key: string,
    private readonly filter: LiveFilter | undefined,
  ) {}

  observe(payload: unknown): void {
    this.lastActivityMs = Date.now();
    // Changes of a followed table (an OPD inbox's incidents) are not rows of this view.
    if (!isChange(payload) || payload.table !== this.table) return;
    const commitMs = Date.parse(payload.commit_timestamp);
    if (!Number.isFinite(commitMs)) return;
    const deleted = payload.eventType === 'DELETE';
    const record = deleted ? payload.old : payload.new;
    const k = record[this.key];
    if (k === undefined || k === null) return;
    const version = typeof record.version === 'number' ? record.version : undefined;
    const present = !deleted && matchesLiveFilter(record, this.filter);
    const list = this.pending.get(String(k)) ?? [];
    list.push({ commitMs, version, present });
    this.pending.set(String(k), list);
  }

  shown(rows: readonly LiveRow[]): void {
    this.lastActivityMs = Date.now();
    if (!this.pending.size) return;
    const now = Date.now();
    const byKey = new Map(rows.map((r) => [String(r[this.key]), r]));
    for (const [k, list] of this.pending) {
      const row = byKey.get(k);
      const rowVersion = row && typeof row.version === 'number' ? row.version : undefined;
      const left = list.filter((p) => {
        const seen = p.present ? row !== undefined && (p.version === undefined || (rowVersion ?? -1) >= p.version) : row === undefined;
        if (seen) this.samples.push(now - p.commitMs);
        return !seen;
      });
      if (left.length) this.pending.set(k, left);
      else this.pending.delete(k);
    }
  }

  get pendingCount(): number {
    let n = 0;
    for (const list of this.pending.values()) n += list.length;
    return n;
  }
}

interface ChangePayload {
  eventType: 'INSERT' | 'UPDATE' | 'DELETE';
  table: string;
  commit_timestamp: string;
  new: LiveRow;
  old: LiveRow;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isChange(p: unknown): p is ChangePayload {
  return isObject(p) && typeof p.commit_timestamp === 'string' && typeof p.table === 'string' && typeof p.eventType === 'string' && isObject(p.new) && isObject(p.old);
}

/**
 * The client a view gets: the screen's own, with every postgres_changes callback first shown to the
 * tracker (a Proxy, so the view code runs unchanged). removeChannel gets the real channel back.
 */
function observedClient(db: Db, observe: (payload: unknown) => void): Db {
  const real = new WeakMap<object, object>();
  const wrapChannel = (channel: object): object => {
    const proxy: object = new Proxy(channel, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (prop !== 'on' || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const callback = args[2];
          if (typeof callback === 'function') {
            args[2] = (payload: unknown) => {
              observe(payload);
              Reflect.apply(callback, undefined, [payload]);
            };
          }
          Reflect.apply(value, target, args);
          return proxy;
        };
      },
    });
    real.set(proxy, channel);
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'channel') return (...args: unknown[]) => wrapChannel(Reflect.apply(value, target, args));
      if (prop === 'removeChannel') return (channel: object) => Reflect.apply(value, target, [real.get(channel) ?? channel]);
      return value;
    },
  });
}

// --- the screens --------------------------------------------------------------------------------

function screenClient(url: string, anonKey: string, token: string): Db {
  return createClient<Database>(url, anonKey, {
    accessToken: async () => token,
    realtime: { transport: NodeRealtimeTransport },
    global: { fetch: browserLikeFetch() },
  });
}

/** A fresh read in keyset pages: one request would stop at PostgREST's 1,000 rows. */
const paged =
  (page: (after: string | undefined, limit: number) => PromiseLike<RowsAnswer<LiveRow[]>>): ScreenView['fresh'] =>
  () =>
    readSnapshotPages(page, (r) => String(r.id));

/** The views one screen of `spec.kind` holds, as its page's hooks build them. */
function viewsOf(db: Db, spec: ScreenSpec): ScreenView[] {
  const key = 'id';
  const watched = (name: string, table: string, filter: LiveFilter | undefined, build: (client: Db) => LiveView<LiveRow>, fresh: ScreenView['fresh']): ScreenView => {
    const tracker = new LatencyTracker(table, key, filter);
    return { name, key, view: build(observedClient(db, (p) => tracker.observe(p))), fresh, tracker };
  };
  switch (spec.kind) {
    case 'wall': {
      // use-live-wall-incidents.ts
      const filter = { column: 'status', op: 'in', value: OPEN_INCIDENT_STATUSES } as const;
      return [
        watched(
          'wall incidents',
          'incidents',
          filter,
          (client) => createColumnsView({ client, table: 'incidents', columns: WALL_INCIDENT_COLUMNS, key: 'id', version: 'version', filter }),
          paged((after, limit) => pageOf(db.from('incidents').select(WALL_INCIDENT_COLUMNS.join(', ')).in('status', OPEN_INCIDENT_STATUSES), 'id', after, limit).overrideTypes<LiveRow[], { merge: false }>()),
        ),
      ];
    }
    case 'dispatch': {
      // dispatch-screen.tsx: useLiveIncidents(BOARD_COLUMNS), useLiveAssignments(ACTIVE_ASSIGNMENTS).
      const board = { column: 'status', op: 'in', value: BOARD_COLUMNS } as const;
      const active = { column: 'status', op: 'in', value: UNFINISHED_ASSIGNMENT_STATUSES } as const;
      return [
        watched(
          'dispatch incidents',
          'incidents',
          board,
          (client) => createColumnsView({ client, table: 'incidents', key: 'id', version: 'version', filter: board }),
          paged((after, limit) => pageOf(db.from('incidents').select('*').in('status', BOARD_COLUMNS), 'id', after, limit)),
        ),
        watched(
          'dispatch assignments',
          'assignments',
          active,
          (client) => createColumnsView({ client, table: 'assignments', key: 'id', version: 'version', filter: active }),
          paged((after, limit) => pageOf(db.from('assignments').select('*').in('status', UNFINISHED_ASSIGNMENT_STATUSES), 'id', after, limit)),
        ),
      ];
    }
    case 'opd': {
      // opd-inbox-view.ts (use-live-opd-assignments.ts): the agency's window of assignments, incidents embedded.
      const agencyId = spec.agencyId;
      if (!agencyId) throw new Error('an OPD screen needs its agency');
      const filter = { column: 'agency_id', op: 'eq', value: agencyId } as const;
      return [
        watched(
          'opd inbox',
          'assignments',
          filter,
          (client) => createOpdInboxView(client, agencyId),
          () => readOpdInbox(db, agencyId),
        ),
      ];
    }
    case 'stats': {
      // use-live-major-incidents.ts (the statistics page's live major-incident section).
      const filter = { column: 'status', op: 'eq', value: 'active' } as const;
      return [
        watched(
          'stats major incidents',
          'major_incidents',
          filter,
          (client) => createColumnsView({ client, table: 'major_incidents', key: 'id', version: 'version', filter }),
          paged((after, limit) => pageOf(db.from('major_incidents').select('*').eq('status', 'active'), 'id', after, limit)),
        ),
      ];
    }
  }
}

/** Same JSON whatever the key order (PostgREST and realtime records order columns differently). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The first column (or embedded column) whose value differs, e.g. `incident.status: resolved ≠ closed`. */
function firstDifference(screen: unknown, fresh: unknown, at = ''): string {
  if (isObject(screen) && isObject(fresh)) {
    for (const k of new Set([...Object.keys(screen), ...Object.keys(fresh)])) {
      if (canonical(screen[k]) !== canonical(fresh[k])) return firstDifference(screen[k], fresh[k], at ? `${at}.${k}` : k);
    }
  }
  return `${at}: screen ${canonical(screen).slice(0, 80)} ≠ fresh ${canonical(fresh).slice(0, 80)}`;
}

export interface OpenScreen {
  kind: ScreenKind;
  views: ScreenView[];
  close(): void;
}

export async function openScreen(url: string, anonKey: string, spec: ScreenSpec): Promise<OpenScreen> {
  const db = screenClient(url, anonKey, spec.token);
  // The channels must join as the account, not as anon: the accessToken callback alone is read
  // lazily, after the first joins went out with the anon key (RLS then lets no change through).
  await db.realtime.setAuth(spec.token);
  const views = viewsOf(db, spec);
  const unsubscribe = views.map((v) => v.view.subscribe(() => v.tracker.shown(v.view.getRows())));
  return {
    kind: spec.kind,
    views,
    close() {
      for (const u of unsubscribe) u();
      void db.removeAllChannels();
    },
  };
}

export function isLive(screen: OpenScreen): boolean {
  return screen.views.every((v) => v.view.getStatus() === 'live');
}

/** The screen's rows against a fresh read under its identity, row by row. */
export async function compareWithFresh(screen: OpenScreen): Promise<ViewComparison[]> {
  return Promise.all(
    screen.views.map(async (v) => {
      const { data, error } = await v.fresh();
      if (error || !data) return { view: v.name, rows: v.view.getRows().length, equal: false, differences: [`fresh read failed: ${error?.message ?? 'no data'}`] };
      const rows = new Map(v.view.getRows().map((r) => [String(r[v.key]), r]));
      const shown = new Map([...rows].map(([k, r]) => [k, canonical(r)]));
      const fresh = new Map(data.map((r) => [String(r[v.key]), canonical(r)]));
      const differences: string[] = [];
      for (const [k, json] of shown) {
        if (!fresh.has(k)) differences.push(`${k}: on screen, not in a fresh read: ${json.slice(0, 400)}`);
        else if (fresh.get(k) !== json) differences.push(`${k}: ${firstDifference(rows.get(k), data.find((r) => String(r[v.key]) === k))}`);
      }
      for (const k of fresh.keys()) if (!shown.has(k)) differences.push(`${k}: in a fresh read, not on screen`);
      return { view: v.name, rows: fresh.size, equal: differences.length === 0, differences: differences.slice(0, 3) };
    }),
  );
}
