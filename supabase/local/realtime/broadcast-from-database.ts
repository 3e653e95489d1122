/**
 * Broadcast from Database in the embedded stack: installs broadcast-capture.sql and hands every
 * message stored in realtime.messages by realtime.send() (or a plain insert) to `deliver`, in the
 * order they were stored, whenever a NOTIFY arrives (plus a slow sweep, so a lost notification only
 * delays, never loses). Messages older than the retention are deleted, as hosted Realtime drops its
 * old daily partitions. What was queued while the stack was down is dropped at start: upstream's
 * temporary replication slot also starts at "now", and every client resyncs when it rejoins.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.ts';
import { createQueueDrain } from './queue-drain.ts';

const captureSql = path.join(path.dirname(fileURLToPath(import.meta.url)), 'broadcast-capture.sql');

/** A stored broadcast, as supabase/realtime reads it from its replication stream. */
export interface DatabaseBroadcast {
  id: string;
  topic: string;
  event: string;
  private: boolean;
  /** The payload's JSON text, passed on as it was stored. */
  payloadJson: string;
}

export interface BroadcastFromDatabaseOptions {
  batchSize?: number;
  sweepMs?: number;
  /** Stored messages older than this are deleted (hosted Realtime keeps about three days). */
  retentionMs?: number;
  onError(err: unknown): void;
}

export interface BroadcastFromDatabase {
  /** Resolves when everything stored so far has been handed to `deliver`. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const RETENTION_MS = 3 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 3600 * 1000;

export async function startBroadcastFromDatabase(
  db: Database,
  deliver: (messages: DatabaseBroadcast[]) => void,
  opts: BroadcastFromDatabaseOptions,
): Promise<BroadcastFromDatabase> {
  const batchSize = opts.batchSize ?? 500;
  const retentionMs = opts.retentionMs ?? RETENTION_MS;
  await db.exec(readFileSync(captureSql, 'utf8'));
    await db.query('delete from realtime.broadcast_queue');

  let lastPrune = 0;

  async function drainOnce(): Promise<number> {
    // The join reads the message as stored; a message deleted meanwhile (retention) is skipped.
    const { rows } = await db.query<{ seq: string; id: string; topic: string; event: string; private: boolean; payload: string }>(
      `with batch as (
         delete from realtime.broadcast_queue q
         where q.id in (select id from realtime.broadcast_queue order by id limit $1)
         returning q.id as seq, q.message_id, q.inserted_at
       )
       select b.seq::text as seq, m.id::text as id, m.topic, m.event, coalesce(m.private, false) as private, m.payload::text as payload
       from batch b
       join realtime.messages m on m.id = b.message_id and m.inserted_at = b.inserted_at`,
      [batchSize],
      { urgent: true },
    );
    if (!rows.length) return 0;
    rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    deliver(rows.map((r) => ({ id: r.id, topic: r.topic, event: r.event, private: r.private, payloadJson: r.payload })));
    return rows.length;
  }

  async function prune(): Promise<void> {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    await db.query(
      `delete from realtime.messages
       where extension = 'broadcast' and inserted_at < localtimestamp - make_interval(secs => $1)`,
      [retentionMs / 1000],
    );
  }

  const loop = createQueueDrain({ drainOnce, batchSize, onError: opts.onError });
  const drain = loop.drain;

  const unlisten = await db.listen('realtime_broadcasts', () => void drain());
  const sweep = setInterval(() => {
    void drain();
    prune().catch((err: unknown) => {
      if (!loop.stopped) opts.onError(err);
    });
  }, opts.sweepMs ?? 1000);
  sweep.unref();

  return {
    flush: loop.flush,
    async close() {
      const stopped = loop.stop();
      clearInterval(sweep);
      await unlisten();
      await stopped;
    },
  };
}
