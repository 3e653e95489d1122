/**
 * PGlite (Postgres compiled to WebAssembly) in this process. PGlite has one connection: it runs one
 * query or transaction at a time, so transactions must only wait on the database, never on the network.
 * Each query, transaction or pipeline starts in a turn of the event loop of its own (turn-gate.ts),
 * so that the stack reads its sockets between them.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgtap } from '@electric-sql/pglite-pgtap';
import type { Database, Queryable, QueryResult } from './database.ts';
import { pipelineMessages, pipelineRows } from './pglite-pipeline.mjs';
import { createTurnGate } from './turn-gate.ts';

/** date, timestamp, timestamptz, int8 */
const TEXT_TYPES = [1082, 1114, 1184, 20];

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      const r = await q.query<Row>(sql, params);
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  const pg = new PGlite({
    dataDir: dataDir === 'memory://' ? undefined : dataDir,
    extensions: { pgcrypto, pg_trgm, pgtap },
    // Same as the `pg` driver setup: timestamps, dates and int8 stay text, ready for JSON.
    parsers: Object.fromEntries(TEXT_TYPES.map((oid) => [oid, (v: string) => v])),
  });
  await pg.waitReady;
  const base = wrap(pg);
  const gate = createTurnGate();
  return {
    kind: 'pglite',
    query: (sql, params, opts) => gate(() => base.query(sql, params, opts), opts?.urgent),
    exec: (sql) => gate(() => base.exec(sql)),
    // Inside, the transaction's own statements run without the gate: it is held for all of them.
    transaction: (fn) => gate(() => pg.transaction((tx) => fn(wrap(tx)))),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return unlisten;
    },
    async pipeline(statements) {
      const message = pipelineMessages(statements);
      if (!message) return undefined;
      // The transaction lock keeps it out of another caller's open transaction (PGlite's queries
      // outside a transaction take only the query lock); the query lock makes it one step.
      return gate(() =>
        pg._runExclusiveTransaction(() => pg._runExclusiveQuery(async () => pipelineRows((await pg.execProtocol(message)).messages))),
      );
    },
    async dumpConsistent(inspect) {
      // A read-only transaction holds PGlite's transaction lock, so no write runs until the copy is
      // done; the CHECKPOINT puts every committed change in the data files, not only in the WAL.
      return gate(() =>
        pg.transaction(async (tx) => {
          await tx.exec('checkpoint');
          const inspected = await inspect(wrap(tx));
          const archive = await pg.dumpDataDir('gzip');
          return { archive, inspected };
        }),
      );
    },
    close: () => pg.close(),
  };
}
