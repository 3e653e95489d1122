/**
 * A Postgres 15+ server through a `pg` pool: each transaction takes its own connection, and NOTIFY
 * listeners share one dedicated connection. A Postgres restart breaks both: the pool drops broken
 * connections and opens new ones by itself; the listener connection is opened again (with backoff)
 * and listens on every channel again, so change capture and schema reloads resume without a restart
 * of the stack (change capture's periodic sweep covers notifications sent while it was away).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { isConnectionLost, quoteIdent, type Database, type Queryable, type QueryOptions, type QueryResult } from './database.ts';

const RECONNECT_FIRST_MS = 100;
const RECONNECT_MAX_MS = 2000;

// Return timestamps, dates and int8 as text, as PGlite-independent code above expects JSON-ready values.
const { types } = pg;
for (const oid of [1082, 1114, 1184, 20]) types.setTypeParser(oid, (v: string) => v);

/**
 * A connection is replaced after this many uses, which bounds the prepared statements it keeps
 * (one per distinct statement text it ran with `prepare`) on both ends; a new connection costs a few
 * milliseconds once every ten thousand requests.
 */
export const CONNECTION_MAX_USES = 10_000;

/** The prepared statement's name: the same text is the same statement on every connection. */
function statementName(sql: string): string {
  return 'stack_' + createHash('sha1').update(sql).digest('hex').slice(0, 24);
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = [], opts: QueryOptions = {}): Promise<QueryResult<Row>> {
      const r = opts.prepare
        ? await client.query({ name: statementName(sql), text: sql, values: params })
        : await client.query(sql, params);
      return { rows: r.rows as Row[], affectedRows: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.STACK_POOL_SIZE ?? 10), maxUses: CONNECTION_MAX_USES });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  await pool.query('select 1');
  let listener: Promise<pg.Client> | undefined;
  let closed = false;
  let retryMs = RECONNECT_FIRST_MS;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const base = wrap(pool);

  const lost = new WeakSet<pg.Client>();

  // Called once per broken listener connection, however many of 'error', 'end' and a failed connect it reports.
  function reconnectLater(c: pg.Client) {
    if (lost.has(c)) return;
    lost.add(c);
    c.end().catch(() => {});
    listener = undefined;
    if (closed) return;
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
    setTimeout(() => void listenerClient().catch(() => {}), wait).unref();
  }

  async function connectListener(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
    });
    c.on('error', () => reconnectLater(c));
    c.on('end', () => reconnectLater(c));
    try {
      await c.connect();
      for (const channel of handlers.keys()) await c.query(`listen ${quoteIdent(channel)}`);
    } catch (err) {
      reconnectLater(c);
      throw err;
    }
    retryMs = RECONNECT_FIRST_MS;
    return c;
  }

  function listenerClient(): Promise<pg.Client> {
    listener ??= connectListener();
    return listener;
  }

  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      // The pool listens for errors of idle clients only: a server restart under a checked-out client
      // emits 'error' on it (57P01), which without a listener is an uncaught exception ending the stack.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => {});
        broken ||= isConnectionLost(err);
        throw err;
      } finally {
        // A connection lost under the transaction is destroyed, never handed to the next request.
        client.off('error', onError);
        client.release(broken);
      }
    },
    async listen(channel, onPayload) {
      const c = await listenerClient();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await c.query(`listen ${quoteIdent(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      closed = true;
      const c = await listener?.catch(() => undefined);
      if (c) lost.add(c);
      await c?.end().catch(() => {});
      await pool.end();
    },
  };
}
