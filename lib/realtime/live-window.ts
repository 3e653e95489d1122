/**
 * A bounded live view (issue #19): instead of every row of its filter, a view may hold a window —
 * every row of one part (`always`, e.g. an agency's open assignments) and only the newest `limit`
 * rows of another (`recent`, e.g. its finished ones), newest by a column that every update
 * stamps (`updated_at`), ties broken by the key, highest first. Rows of neither part are not in the
 * view. The same definition reads the snapshot (live-table.ts), trims the rows after every change
 * (live-rows-state.ts) and reads a fresh copy to compare (bench/disaster-day), so they cannot drift.
 * Pure, no I/O.
 */
import { matchesLiveFilter, type LiveFilter } from './live-filter';
import { SNAPSHOT_PAGE_ROWS } from './snapshot-pages';

export interface LiveWindow<Column extends string = string> {
  /** Rows always in the view, however many (read in snapshot pages). */
  always: LiveFilter<Column>;
  /** Rows in the view only while they are among the newest `limit` of this part. */
  recent: LiveFilter<Column>;
  /**
   * Orders `recent`, newest first: a timestamp column that every update of a row stamps, so an
   * update of a row outside the window (which realtime delivers, as the view's filter matches it)
   * brings it back exactly when a fresh read would.
   */
  newest: Column;
  /** At most this many `recent` rows; one request, so at most PostgREST's db-max-rows. */
  limit: number;
}

/** Refuses a window one request cannot read (a limit past db-max-rows would be cut silently). */
export function checkWindow<Column extends string>(window: LiveWindow<Column>): LiveWindow<Column> {
  if (!Number.isInteger(window.limit) || window.limit < 1 || window.limit > SNAPSHOT_PAGE_ROWS) {
    throw new RangeError(`a live window's limit must be 1–${SNAPSHOT_PAGE_ROWS}, not ${window.limit}`);
  }
  return window;
}

/** The part of the window a row belongs to; null when neither (it leaves the view). */
export function windowPart<Row extends object>(row: Row, window: LiveWindow<keyof Row & string>): 'always' | 'recent' | null {
  if (matchesLiveFilter(row, window.always)) return 'always';
  if (matchesLiveFilter(row, window.recent)) return 'recent';
  return null;
}

/** Microseconds as digits: PostgREST drops trailing zeros of the fraction, so compare them padded. */
function timeParts(value: string): [number, string] | null {
  const m = /^(.*\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(.*)$/.exec(value);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  return Number.isNaN(ms) ? null : [ms, (m[2] ?? '').padEnd(9, '0')];
}

/** Order of two `newest` values as Postgres orders them: timestamps to the microsecond, else numbers or text. */
export function compareNewestValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  const ta = timeParts(sa);
  const tb = timeParts(sb);
  if (ta && tb) return ta[0] !== tb[0] ? ta[0] - tb[0] : ta[1] < tb[1] ? -1 : ta[1] > tb[1] ? 1 : 0;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * The keys of rows outside the window: rows of neither part, and the `recent` rows past the newest
 * `limit` (newest first, then the highest key, as the snapshot's `order=newest.desc,key.desc`).
 */
export function outsideWindow<Row extends object>(rows: Iterable<Row>, window: LiveWindow<keyof Row & string>, key: keyof Row & string): string[] {
  const outside: string[] = [];
  const recent: Row[] = [];
  for (const row of rows) {
    const part = windowPart(row, window);
    if (part === 'recent') recent.push(row);
    else if (part === null) outside.push(String(row[key]));
  }
  if (recent.length <= window.limit) return outside;
  // Keys compare as text, which is how Postgres orders uuids (bytes, and lower-case hex keeps their order).
  const byKey = (a: Row, b: Row) => (String(a[key]) < String(b[key]) ? 1 : String(a[key]) > String(b[key]) ? -1 : 0);
  recent.sort((a, b) => compareNewestValues(b[window.newest], a[window.newest]) || byKey(a, b));
  for (const row of recent.slice(window.limit)) outside.push(String(row[key]));
  return outside;
}
