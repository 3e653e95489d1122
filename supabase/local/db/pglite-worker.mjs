// @ts-check
/**
 * The PGlite worker thread: the one PGlite instance of a database lives here, so that its
 * WebAssembly runs (every query, a CHECKPOINT, a backup's copy) take the second core instead of
 * blocking the stack's thread, which meanwhile parses HTTP, signs tokens and frames websockets.
 *
 * Plain JavaScript, because neither `node` nor vitest's workers give a worker a TypeScript loader;
 * the message types are in `pglite-messages.ts` and checked here through JSDoc.
 *
 * PGlite has one connection and serialises by itself: `query`, `exec` and `listen` wait for its
 * transaction lock, and a transaction holds it from BEGIN until this worker sees the `end` of that
 * transaction, so nothing else runs in between while the stack's thread prepares the next statement.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pipelineMessages, pipelineRows } from './pglite-pipeline.mjs';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgtap } from '@electric-sql/pglite-pgtap';

/** @typedef {import('./pglite-messages.ts').Request} Request */
/** @typedef {import('./pglite-messages.ts').Reply} Reply */
/** @typedef {import('./pglite-messages.ts').ReplyValue} ReplyValue */
/** @typedef {import('./pglite-messages.ts').WireError} WireError */
/** @typedef {import('./pglite-messages.ts').WorkerOptions} WorkerOptions */
/** @typedef {import('@electric-sql/pglite').Transaction} Transaction */
/** @typedef {Extract<Request, { op: 'query' | 'exec' | 'end' }>} TxRequest */

if (!parentPort) throw new Error('pglite-worker.mjs runs only as a worker thread');
const port = parentPort;
const options = /** @type {WorkerOptions} */ (workerData);

/** @param {Reply} reply */
function send(reply) {
  port.postMessage(reply);
}

/**
 * @param {unknown} err
 * @returns {WireError}
 */
function wireError(err) {
  /** @type {WireError['fields']} */
  const fields = {};
  if (typeof err === 'object' && err !== null) {
    for (const [key, value] of Object.entries(err)) {
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
    }
  }
  const name = err instanceof Error ? err.name : 'Error';
  return { name, message: err instanceof Error ? err.message : String(err), fields };
}

/**
 * @param {number} id
 * @param {() => Promise<ReplyValue>} work
 */
function answer(id, work) {
  work().then(
    (value) => send({ kind: 'reply', id, ok: true, value }),
    (err) => send({ kind: 'reply', id, ok: false, error: wireError(err) }),
  );
}

/** The statements of one open transaction, in the order the stack's thread sent them. */
class Inbox {
  constructor() {
    /** @type {TxRequest[]} */
    this.waiting = [];
    /** @type {((m: TxRequest) => void) | undefined} */
    this.taker = undefined;
  }

  /** @param {TxRequest} m */
  put(m) {
    if (this.taker) {
      const take = this.taker;
      this.taker = undefined;
      take(m);
    } else this.waiting.push(m);
  }

  /** @returns {Promise<TxRequest>} */
  next() {
    const m = this.waiting.shift();
    if (m) return Promise.resolve(m);
    return new Promise((resolve) => {
      this.taker = resolve;
    });
  }
}

const pg = new PGlite({
  dataDir: options.dataDir,
  extensions: { pgcrypto, pg_trgm, pgtap },
  parsers: Object.fromEntries(options.textTypes.map((oid) => [oid, (/** @type {string} */ v) => v])),
});

/** Open transactions by the id of their `begin`. */
const transactions = new Map();
/** Unsubscribe functions by the id of their `listen`. */
const listeners = new Map();

/**
 * @param {Pick<Transaction, 'query' | 'exec'>} tx the database itself, or a transaction of it
 * @param {Extract<Request, { op: 'query' | 'exec' }>} m
 * @returns {Promise<ReplyValue>}
 */
async function runIn(tx, m) {
  if (m.op === 'exec') {
    await tx.exec(m.sql);
    return null;
  }
  const r = await tx.query(m.sql, m.params);
  return { rows: /** @type {Record<string, unknown>[]} */ (r.rows), affectedRows: r.affectedRows ?? 0 };
}

/**
 * Runs the transaction named `m.id` until its `end`: replies to `begin` once BEGIN ran, to each
 * statement as it completes, and to `end` after COMMIT or ROLLBACK.
 * @param {Extract<Request, { op: 'begin' }>} m
 */
function begin(m) {
  const inbox = new Inbox();
  transactions.set(m.id, inbox);
  let begun = false;
  /** @type {Extract<Request, { op: 'end' }> | undefined} */
  let end;
  pg.transaction(async (tx) => {
    if (m.checkpoint) await tx.exec('checkpoint');
    begun = true;
    send({ kind: 'reply', id: m.id, ok: true, value: null });
    for (;;) {
      const next = await inbox.next();
      if (next.op === 'end') {
        end = next;
        break;
      }
      // The next statement is only taken once this one is done: they run in the order sent.
      try {
        send({ kind: 'reply', id: next.id, ok: true, value: await runIn(tx, next) });
      } catch (err) {
        send({ kind: 'reply', id: next.id, ok: false, error: wireError(err) });
      }
    }
    // A read-only transaction holds the lock: no write runs until the copy is done.
    const archive = end.dump ? await pg.dumpDataDir('gzip') : undefined;
    if (!end.commit) await tx.rollback();
    return archive;
  }).then(
    (archive) => {
      if (end) send({ kind: 'reply', id: end.id, ok: true, value: archive ? { archive } : null });
    },
    (err) => {
      const error = wireError(err);
      if (end) send({ kind: 'reply', id: end.id, ok: false, error });
      if (begun) return;
      // BEGIN failed: the statements sent after `begin` without waiting for it fail with it.
      send({ kind: 'reply', id: m.id, ok: false, error });
      for (const waiting of inbox.waiting.splice(0)) send({ kind: 'reply', id: waiting.id, ok: false, error });
    },
  ).finally(() => transactions.delete(m.id));
}

/** @param {Request} m */
function handle(m) {
  switch (m.op) {
    case 'query':
    case 'exec':
    case 'end': {
      const tx = m.tx === null ? undefined : transactions.get(m.tx);
      if (m.tx !== null) {
        if (tx) tx.put(m);
        else send({ kind: 'reply', id: m.id, ok: false, error: wireError(new Error(`transaction ${m.tx} is not open`)) });
        return;
      }
      if (m.op === 'end') return;
      answer(m.id, () => runIn(pg, m));
      return;
    }
    case 'begin':
      return begin(m);
    case 'pipeline':
      return answer(m.id, async () => {
        const message = pipelineMessages(m.statements);
        if (!message) throw new TypeError('a pipeline takes only scalar values');
        // The transaction lock keeps it out of another caller's open transaction; the query lock
        // makes it one step.
        return pg._runExclusiveTransaction(() =>
          pg._runExclusiveQuery(async () => pipelineRows((await pg.execProtocol(message)).messages)),
        );
      });
    case 'listen':
      return answer(m.id, async () => {
        const unlisten = await pg.listen(m.channel, (payload) => send({ kind: 'notify', listener: m.id, payload }));
        listeners.set(m.id, unlisten);
        return null;
      });
    case 'unlisten':
      return answer(m.id, async () => {
        const unlisten = listeners.get(m.listener);
        listeners.delete(m.listener);
        if (unlisten) await unlisten();
        return null;
      });
    case 'close':
      return answer(m.id, async () => {
        await pg.close();
        return null;
      });
  }
}

pg.waitReady.then(
  () => {
    port.on('message', handle);
    send({ kind: 'ready' });
  },
  (err) => send({ kind: 'failed', error: wireError(err) }),
);
