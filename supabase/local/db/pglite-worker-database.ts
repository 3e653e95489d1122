/**
 * PGlite (Postgres compiled to WebAssembly) on a worker thread of its own (`pglite-worker.mjs`).
 * In this thread every query's WebAssembly run blocked the event loop: HTTP parsing, tokens and the
 * realtime sockets waited for the database, and the machine's second core stayed idle. Here the
 * database runs on the worker while this thread keeps serving; each call is a message.
 *
 * PGlite has one connection: it runs one query or transaction at a time, so a transaction here holds
 * the whole database until `fn` settles; `fn` must only wait on the database, never on the network,
 * and must use its `tx`, never this database (a plain query would wait for the transaction it is in).
 */
import { Worker } from 'node:worker_threads';
import type { Database, Queryable, QueryResult, TextRow } from './database.ts';
import type { QueryValue, Reply, ReplyValue, Request, WireError, WorkerOptions } from './pglite-messages.ts';

/** date, timestamp, timestamptz, int8 */
const TEXT_TYPES = [1082, 1114, 1184, 20];

/**
 * Calls sent to the worker and not yet answered, beyond which a new one is refused at once
 * (DatabaseBusyError) instead of joining a queue that only grows: at PGlite's 1–5 ms a call that
 * is a second or more of waiting. 50 clients in a loop keep about 60 in flight. Statements of a
 * transaction already open are always taken: refusing them would fail work already admitted.
 */
export const MAX_QUEUED_CALLS = 512;

/**
 * The database has more work waiting than it takes. SQLSTATE 53300 (too_many_connections), which a
 * Postgres server answers when it takes no more clients: the REST layer answers 503, which clients
 * take as "retry later".
 */
export class DatabaseBusyError extends Error {
  readonly code = '53300';
  constructor() {
    super(`The database is busy: ${MAX_QUEUED_CALLS} calls are waiting for it; retry the request`);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * The worker is gone (WebAssembly abort, out of memory, closed): SQLSTATE 08006, a lost connection,
 * so that REST answers 503 "retry" while the stack restarts.
 */
export class DatabaseWorkerGoneError extends Error {
  readonly code = '08006';
  constructor(reason: string) {
    super(`The PGlite worker is gone: ${reason}`);
    this.name = 'DatabaseWorkerGoneError';
  }
}

/** An error of the worker as the callers know it: message, SQLSTATE `code` and Postgres' other fields. */
function fromWire(e: WireError): Error {
  const err = new Error(e.message);
  Object.assign(err, e.fields);
  err.name = e.name;
  return err;
}

type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;
type Call = WithoutId<Request>;

interface Pending {
  resolve(value: ReplyValue): void;
  reject(err: Error): void;
}

export interface PgliteOptions {
  /** Told once when the worker dies while the database is open; pending calls are rejected already. */
  onWorkerLost?: (err: Error) => void;
}

/** The open worker and what `Database` needs of it: tests also reach `worker` to kill it. */
export interface PgliteHandle {
  db: Database;
  worker: Worker;
}

export async function openPgliteInWorker(dataDir: string, opts: PgliteOptions = {}): Promise<Database> {
  return (await openPgliteWorker(dataDir, opts)).db;
}

export async function openPgliteWorker(dataDir: string, opts: PgliteOptions = {}): Promise<PgliteHandle> {
  const workerData: WorkerOptions = { dataDir: dataDir === 'memory://' ? undefined : dataDir, textTypes: TEXT_TYPES };
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData });
  const pending = new Map<number, Pending>();
  const listeners = new Map<number, (payload: string) => void>();
  let nextId = 0;
  let gone: Error | undefined;
  let closing = false;

  function fail(err: Error): void {
    if (gone) return;
    gone = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    listeners.clear();
    if (!closing) opts.onWorkerLost?.(err);
  }

  await new Promise<void>((resolve, reject) => {
    const early = (err: Error) => reject(err);
    worker.once('error', early);
    worker.once('exit', (code) => early(new DatabaseWorkerGoneError(`exited with code ${code} while opening`)));
    worker.once('message', (m: Reply) => {
      worker.off('error', early);
      if (m.kind === 'ready') resolve();
      else reject(m.kind === 'failed' ? fromWire(m.error) : new Error(`unexpected first message ${m.kind} from the PGlite worker`));
    });
  }).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });
  worker.removeAllListeners('exit');

  worker.on('message', (m: Reply) => {
    if (m.kind === 'notify') return listeners.get(m.listener)?.(m.payload);
    if (m.kind !== 'reply') return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(fromWire(m.error));
    // An idle database must not keep the process alive (scripts, tests), as PGlite in-thread did not.
    if (pending.size === 0) worker.unref();
  });
  worker.on('error', (err) => fail(new DatabaseWorkerGoneError(err.message)));
  worker.on('exit', (code) => fail(new DatabaseWorkerGoneError(`exited with code ${code}`)));
  worker.unref();

  /** Why a new call would be refused now, if it would. */
  function refusal(admitted: boolean): Error | undefined {
    if (gone) return gone;
    if (!admitted && pending.size >= MAX_QUEUED_CALLS) return new DatabaseBusyError();
    return undefined;
  }

  /**
   * Sends one call and returns its id (which names a transaction or a listener) and its answer;
   * `admitted` calls (statements of an open transaction) skip the queue bound.
   */
  function send(c: Call, admitted = false): { id: number; answer: Promise<ReplyValue> } {
    const id = ++nextId;
    const refused = refusal(admitted);
    if (refused) return { id, answer: Promise.reject(refused) };
    const answer = new Promise<ReplyValue>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.ref();
    worker.postMessage({ ...c, id });
    return { id, answer };
  }

  function call(c: Call, admitted = false): Promise<ReplyValue> {
    return send(c, admitted).answer;
  }

  function queryable(tx: number | null): Queryable {
    return {
      async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
        const r = (await call({ op: 'query', sql, params, tx }, tx !== null)) as QueryValue;
        return { rows: r.rows as Row[], affectedRows: r.affectedRows };
      },
      async exec(sql: string) {
        await call({ op: 'exec', sql, tx }, tx !== null);
      },
    };
  }

  /**
   * Runs `fn` in a transaction of the worker; resolves to fn's value and what `end` answered. `fn`
   * starts without waiting for BEGIN's answer: its first statement follows `begin` in the same
   * queue, which saves a thread round trip per transaction, while PGlite's one connection is held.
   */
  async function inTransaction<T>(fn: (tx: Queryable) => Promise<T>, consistentCopy: boolean): Promise<{ value: T; ended: ReplyValue }> {
    const refused = refusal(false);
    if (refused) throw refused;
    const { id: tx, answer: begun } = send({ op: 'begin', checkpoint: consistentCopy });
    const beginFailure = begun.then(
      () => undefined,
      (err: unknown) => err,
    );
    let value: T;
    try {
      value = await fn(queryable(tx));
    } catch (err) {
      // A transaction that never began fails its statements too: its own error says why.
      const failed = await beginFailure;
      if (failed !== undefined) throw failed;
      await call({ op: 'end', tx, commit: false, dump: false }, true).catch(() => {});
      throw err;
    }
    await begun;
    const ended = await call({ op: 'end', tx, commit: true, dump: consistentCopy }, true);
    return { value, ended };
  }

  const base = queryable(null);
  const db: Database = {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      return (await inTransaction(fn, false)).value;
    },
    async listen(channel, onPayload) {
      const { id: listener, answer } = send({ op: 'listen', channel });
      listeners.set(listener, onPayload);
      try {
        await answer;
      } catch (err) {
        listeners.delete(listener);
        throw err;
      }
      return async () => {
        listeners.delete(listener);
        await call({ op: 'unlisten', listener });
      };
    },
    async pipeline(statements) {
      const scalar = (v: unknown) => v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);
      if (!statements.every((st) => st.values.every(scalar))) return undefined;
      return (await call({ op: 'pipeline', statements })) as TextRow[][];
    },
    async dumpConsistent(inspect) {
      // The transaction holds PGlite's lock from its CHECKPOINT (every committed change in the data
      // files, not only in the WAL) until the copy is made, so `inspect` sees what is copied.
      const { value, ended } = await inTransaction(inspect, true);
      const archive = (ended as { archive?: Blob } | null)?.archive;
      if (!archive) throw new Error('the PGlite worker sent no copy of the data directory');
      return { archive, inspected: value };
    },
    async close() {
      if (gone) return;
      closing = true;
      await call({ op: 'close' });
      // PGlite has closed and flushed its data directory: nothing of it runs any more.
      fail(new DatabaseWorkerGoneError('the database was closed'));
      await worker.terminate();
    },
  };
  return { db, worker };
}
