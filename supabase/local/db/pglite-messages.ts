/**
 * The messages between the stack's thread and the PGlite worker (`pglite-worker.mjs`). Every call
 * has an id; its one reply carries that id. A transaction is named by the id of the `begin` that
 * opened it, and every statement of it carries that name in `tx`.
 */
import type { PipelineStatement, TextRow } from './database.ts';

/** Opening settings, given to the worker as `workerData`. */
export interface WorkerOptions {
  /** A directory, or undefined for a database in memory. */
  dataDir: string | undefined;
  /** Type OIDs whose values stay Postgres text (timestamps, dates, int8), as with the `pg` driver. */
  textTypes: number[];
}

export type Request =
  | { id: number; op: 'query'; sql: string; params: unknown[]; tx: number | null }
  | { id: number; op: 'exec'; sql: string; tx: number | null }
  /** Opens a transaction; with `checkpoint` it begins with a CHECKPOINT (a consistent copy follows). */
  | { id: number; op: 'begin'; checkpoint: boolean }
  /** Ends transaction `tx`; with `dump` the data directory is copied (tar.gz) before it ends. */
  | { id: number; op: 'end'; tx: number; commit: boolean; dump: boolean }
  | { id: number; op: 'pipeline'; statements: PipelineStatement[] }
  /** The listener is named by this call's id. */
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; listener: number }
  | { id: number; op: 'close' };

/** An error thrown in the worker: its message and every scalar field (SQLSTATE `code`, `detail`, `hint`, `position`…). */
export interface WireError {
  name: string;
  message: string;
  fields: Record<string, string | number | boolean | null>;
}

export interface QueryValue {
  rows: Record<string, unknown>[];
  affectedRows: number;
}

export type ReplyValue = QueryValue | TextRow[][] | { archive: Blob } | null;

export type Reply =
  | { kind: 'reply'; id: number; ok: true; value: ReplyValue }
  | { kind: 'reply'; id: number; ok: false; error: WireError }
  | { kind: 'notify'; listener: number; payload: string }
  | { kind: 'ready' }
  | { kind: 'failed'; error: WireError };
