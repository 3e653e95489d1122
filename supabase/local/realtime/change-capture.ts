/**
 * Reads row changes of published tables in commit order: installs the capture SQL, keeps the
 * triggers in step with publication `supabase_realtime`, and drains `realtime.changes` whenever a
 * NOTIFY arrives (plus a slow periodic sweep, so a lost notification only delays, never loses).
 *
 * Draining deletes what it reads. A change of a transaction that commits later than one already
 * drained is simply seen by a later drain, so each drain hands out what became visible since the
 * previous one: per table this is the commit order (same-row changes also come in id order, because
 * the second writer waits for the first one's row lock before its trigger runs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.ts';
import { createQueueDrain } from './queue-drain.ts';
import { loadTableMeta, type TableMeta } from './table-meta.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Under a steady stream of changes, drains start at most this often: each drain costs one socket
 * write per subscriber, so gathering the changes of 25 ms into one drain divides those writes by the
 * changes it carries, for at most 25 ms more delay (none for a change after a quiet spell).
 */
export const MIN_DRAIN_INTERVAL_MS = 25;

export interface Change {
  id: string;
  relid: number;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  record: Record<string, unknown> | null;
  oldRecord: Record<string, unknown> | null;
  commitTimestamp: string;
}

export interface ChangeCaptureOptions {
  /** Most changes handed out per drain (one drain runs at a time, so this bounds what a drain holds). */
  batchSize?: number;
  /** Least time between the start of a drain that emptied the queue and the next (see queue-drain.ts). */
  minDrainIntervalMs?: number;
  /** Sweep interval for missed notifications and, without an event trigger, publication changes. */
  sweepMs?: number;
  onError(err: unknown): void;
}

export interface ChangeCapture {
  tables(): Map<number, TableMeta>;
  /** Resolves when the current drain (if any) and one more are done: everything committed before is handed out. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function startChangeCapture(
  db: Database,
  onBatch: (changes: Change[], tables: Map<number, TableMeta>) => Promise<void>,
  opts: ChangeCaptureOptions,
): Promise<ChangeCapture> {
  const batchSize = opts.batchSize ?? 500;
  await db.exec(readFileSync(path.join(here, 'change-capture.sql'), 'utf8'));
  let eventTrigger = true;
  try {
    await db.exec(readFileSync(path.join(here, 'event-trigger.sql'), 'utf8'));
  } catch {
    // Not a superuser: publication changes are then picked up by the periodic sweep.
    eventTrigger = false;
  }
  await db.query('select realtime.sync_capture_triggers()');
  // Changes written while nobody listened are older than any subscription: drop them.
  await db.query('delete from realtime.changes');
  const trackCommit =
    (await db.query<{ on: boolean }>(`select current_setting('track_commit_timestamp') = 'on' as on`)).rows[0]?.on === true;

  let tables = await loadTableMeta(db);
  let metaStale = false;

  async function drainOnce(): Promise<number> {
    if (metaStale) {
      metaStale = false;
      tables = await loadTableMeta(db);
    }
    const stamp = trackCommit
      ? `coalesce(pg_xact_commit_timestamp(c.xmin), c.changed_at)`
      : 'c.changed_at';
    const { rows } = await db.query<{
      id: string;
      relid: number;
      op: Change['op'];
      record: Record<string, unknown> | null;
      old_record: Record<string, unknown> | null;
      ts: string;
    }>(
      `with batch as (select id from realtime.changes order by id limit $1)
       delete from realtime.changes c using batch where c.id = batch.id
       returning c.id, c.relid::int as relid, c.op, c.record, c.old_record,
                 to_char(${stamp} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ts`,
      [batchSize],
      { urgent: true },
    );
    if (!rows.length) return 0;
    rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    if (rows.some((r) => !tables.has(Number(r.relid)))) tables = await loadTableMeta(db);
    await onBatch(
      rows.map((r) => ({
        id: String(r.id),
        relid: Number(r.relid),
        op: r.op,
        record: r.record,
        oldRecord: r.old_record,
        commitTimestamp: r.ts,
      })),
      tables,
    );
    return rows.length;
  }

  const loop = createQueueDrain({
    drainOnce,
    batchSize,
    minIntervalMs: opts.minDrainIntervalMs ?? MIN_DRAIN_INTERVAL_MS,
    onError: opts.onError,
  });
  const drain = loop.drain;

  const unlistenChanges = await db.listen('realtime_changes', () => void drain());
  const unlistenSchema = await db.listen('realtime_schema', () => {
    metaStale = true;
    void drain();
  });
  let lastSignature = '';
  const sweep = setInterval(() => {
    void (async () => {
      if (!eventTrigger) {
        const sig = (
          await db.query<{ s: string }>(
            `select coalesce(string_agg(schemaname || '.' || tablename, ',' order by schemaname, tablename), '') as s
               from pg_publication_tables where pubname = 'supabase_realtime'`,
          )
        ).rows[0].s;
        if (sig !== lastSignature) {
          lastSignature = sig;
          await db.query('select realtime.sync_capture_triggers()');
          metaStale = true;
        }
      }
      await drain();
    })().catch((err: unknown) => {
      if (!loop.stopped) opts.onError(err);
    });
  }, opts.sweepMs ?? 1000);
  sweep.unref();

  return {
    tables: () => tables,
    flush: loop.flush,
    async close() {
      const stopped = loop.stop();
      clearInterval(sweep);
      await unlistenChanges();
      await unlistenSchema();
      await stopped;
    },
  };
}
