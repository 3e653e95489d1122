/**
 * The small database interface the stack is written against, so that PGlite (on a worker thread of this process) and a
 * Postgres server (`pg` pool) share every code path above it.
 */
export interface QueryResult<Row> {
  rows: Row[];
  /** Rows changed by INSERT/UPDATE/DELETE, when the driver reports it. */
  affectedRows: number;
}

export interface QueryOptions {
  /**
   * A statement of a bounded set of shapes run again and again, whose plan does not depend on its
   * values (a request's context):
   * on Postgres it becomes a named prepared statement of the connection, parsed and planned once per
   * connection instead of per request. PGlite ignores it.
   */
  prepare?: boolean;
  /**
   * Runs before the calls already waiting for PGlite in the stack's thread (db/turn-gate.ts): the
   * realtime drains, whose delay is every screen's latency. A Postgres pool has no such queue.
   */
  urgent?: boolean;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<QueryResult<Row>>;
  /** Runs several statements without parameters (migrations, seeds). */
  exec(sql: string): Promise<void>;
}

/** One statement of a pipeline: SQL text and its bind values (strings, numbers, booleans or null). */
export interface PipelineStatement {
  sql: string;
  values: unknown[];
}

/** A row of a pipelined statement: every column as Postgres' text output (null for NULL). */
export type TextRow = Record<string, string | null>;

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to NOTIFY on `channel`; resolves to a function that unsubscribes. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /**
   * PGlite only: a copy of the whole data directory (tar.gz) taken while nothing else runs, after a
   * CHECKPOINT, with `inspect` run at that same moment (the backup's fingerprint).
   */
  /**
   * PGlite only: runs the statements one after the other in one implicit transaction (the extended
   * protocol's messages up to a single Sync) in one call into PGlite, with no other query or
   * transaction between them; resolves to each statement's rows. On an error nothing of it is
   * committed and the error is thrown. Undefined when a value is not a plain scalar (the caller then
   * uses `transaction`).
   */
  pipeline?(statements: PipelineStatement[]): Promise<TextRow[][] | undefined>;
  dumpConsistent?<T>(inspect: (tx: Queryable) => Promise<T>): Promise<{ archive: Blob; inspected: T }>;
}

/** The SQLSTATE of an error thrown by either driver (pg and PGlite both put it in `code`). */
export function sqlStateOf(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

// Node socket errors of a server that went away or is not (yet) back after a restart.
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN', 'EHOSTUNREACH']);
// What `pg` throws, without a code, for a connection that ended under a query or was already broken.
const LOST_MESSAGES = /^(Connection terminated|Client has encountered a connection error|Client was closed)/;

/**
 * True when `err` says the database connection was lost or refused (a Postgres restart), not that
 * the statement was wrong: the request may be sent again once the server is back. SQLSTATE class 08
 * (connection exception) and 57P01–57P03 (admin/crash shutdown, cannot connect now) are Postgres'
 * own words for it.
 */
export function isConnectionLost(err: unknown): boolean {
  const code = sqlStateOf(err);
  if (code !== undefined && (SOCKET_ERRORS.has(code) || /^08|^57P0[123]$/.test(code))) return true;
  return err instanceof Error && LOST_MESSAGES.test(err.message);
}

/** Quotes an identifier for SQL text; values always travel as bind parameters instead. */
export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}
