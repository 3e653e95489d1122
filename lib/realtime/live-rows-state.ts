/**
 * The rows of a live view, without I/O: merged by primary key and version, with the changes that
 * arrive while a snapshot loads held and applied on top of it, and none applied while the channel is
 * down (the next snapshot brings what they carried). A bounded view (live-window.ts) drops the rows
 * that fall out of its window after every change. `live-view.ts` feeds it from a channel and REST.
 */
import { outsideWindow, type LiveWindow } from './live-window';

export type LiveRow = Record<string, unknown>;

export type LiveChange<Row> =
  | { type: 'upsert'; key: string; row: Row }
  | { type: 'delete'; key: string }
  /** The change's record cannot make the row (an embedded select): it must be read again. */
  | { type: 'reread'; key: string };

/**
 * What `receive` did: `applied` changed the rows, `unchanged` did not (an older version, a delete
 * of a row never seen), `held` waits for the snapshot, `ignored` came while down, `reread` asks the
 * caller to read the row and `settle` it.
 */
export type ChangeOutcome = 'applied' | 'unchanged' | 'held' | 'ignored' | 'reread';

export interface LiveRowsState<Row> {
  /** Snapshot order, rows that appeared later last. */
  values(): Row[];
  /** A snapshot is on its way: hold changes until it arrives. */
  beginSnapshot(): void;
  /** The snapshot replaces every row, then the held changes apply on top; returns the keys to read again. */
  applySnapshot(rows: readonly Row[]): string[];
  /** The channel dropped or the snapshot failed: drop what is held, ignore changes until the next snapshot. */
  suspend(): void;
  receive(change: LiveChange<Row>): ChangeOutcome;
  /** A row read again after a `reread` (null: gone, or no longer in the view); true when the rows changed. */
  settle(key: string, row: Row | null): boolean;
}

export interface LiveRowsStateOptions<Row> {
  key: keyof Row & string;
  /** A column that grows with every update: an older change never replaces a newer row. */
  version?: keyof Row & string;
  /** Only the rows of this window are kept (e.g. open assignments and the newest finished ones). */
  window?: LiveWindow<keyof Row & string>;
}

export function createLiveRowsState<Row extends LiveRow>(opts: LiveRowsStateOptions<Row>): LiveRowsState<Row> {
  let rows = new Map<string, Row>();
  let phase: 'down' | 'syncing' | 'live' = 'down';
  let held: LiveChange<Row>[] = [];

  function newer(incoming: Row, current: Row | undefined): boolean {
    if (!opts.version || !current) return true;
    const a = incoming[opts.version];
    const b = current[opts.version];
    if (typeof a === 'number' && typeof b === 'number') return a >= b;
    return String(a) >= String(b);
  }

  function put(key: string, row: Row): boolean {
    if (!newer(row, rows.get(key))) return false;
    rows.set(key, row);
    return true;
  }

  /** Drops what fell out of the window: a row that just finished may push the oldest finished one out. */
  function trim(): void {
    if (!opts.window) return;
    for (const key of outsideWindow(rows.values(), opts.window, opts.key)) rows.delete(key);
  }

  function apply(change: LiveChange<Row>): ChangeOutcome {
    switch (change.type) {
      case 'delete':
        return rows.delete(change.key) ? 'applied' : 'unchanged';
      case 'upsert': {
        if (!put(change.key, change.row)) return 'unchanged';
        trim();
        return 'applied';
      }
      case 'reread':
        return 'reread';
    }
  }

  return {
    values: () => [...rows.values()],
    beginSnapshot() {
      phase = 'syncing';
      held = [];
    },
    applySnapshot(snapshot) {
      // A snapshot read in parts (a window's two reads) may hold a row twice: the newer version stays.
      rows = new Map();
      for (const r of snapshot) put(String(r[opts.key]), r);
      trim();
      const pending = held;
      held = [];
      phase = 'live';
      return pending.filter((c) => apply(c) === 'reread').map((c) => c.key);
    },
    suspend() {
      phase = 'down';
      held = [];
    },
    receive(change) {
      if (phase === 'down') return 'ignored';
      if (phase === 'syncing') {
        held.push(change);
        return 'held';
      }
      return apply(change);
    },
    settle(key, row) {
      if (!row) return rows.delete(key);
      if (!put(key, row)) return false;
      trim();
      return true;
    },
  };
}
