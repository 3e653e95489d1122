/**
 * PGlite (Postgres compiled to WebAssembly) in this process. PGlite has one connection: it runs one
 * query or transaction at a time, so transactions must only wait on the database, never on the network.
 */
import { PGlite, protocol, type Transaction } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgtap } from '@electric-sql/pglite-pgtap';
import type { Database, PipelineStatement, Queryable, QueryResult, TextRow } from './database.ts';

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

type Scalar = string | number | boolean | null;

function isScalar(v: unknown): v is Scalar | undefined {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * The messages of a pipeline: Parse, Bind (text values, their types inferred by the server), Describe
 * and Execute per statement, then one Sync. PGlite's own `query` sends each of these (and a Sync) in
 * a call of its own: six calls into WebAssembly per statement instead of one per pipeline.
 */
function pipelineMessages(statements: PipelineStatement[]): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  for (const st of statements) {
    if (!st.values.every(isScalar)) return undefined;
    parts.push(protocol.serialize.parse({ text: st.sql }));
    parts.push(protocol.serialize.bind({ values: st.values.map((v) => (v === null || v === undefined ? null : String(v))) }));
    parts.push(protocol.serialize.describe({ type: 'P' }));
    parts.push(protocol.serialize.execute({}));
  }
  parts.push(protocol.serialize.sync());
  return Buffer.concat(parts);
}

/** Rows per statement from the backend's answer (the statements' CommandComplete ends each). */
function pipelineRows(messages: Array<{ name: string }>): TextRow[][] {
  const results: TextRow[][] = [];
  let names: string[] = [];
  let rows: TextRow[] = [];
  for (const m of messages) {
    if (m instanceof protocol.messages.RowDescriptionMessage) names = m.fields.map((f) => f.name);
    else if (m instanceof protocol.messages.DataRowMessage) rows.push(Object.fromEntries(names.map((n, i) => [n, m.fields[i] ?? null])));
    else if (m instanceof protocol.messages.CommandCompleteMessage) {
      results.push(rows);
      rows = [];
      names = [];
    }
  }
  return results;
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
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return unlisten;
    },
    async pipeline(statements) {
      const message = pipelineMessages(statements);
      if (!message) return undefined;
      // The transaction lock keeps it out of another caller's open transaction (PGlite's queries
      // outside a transaction take only the query lock); the query lock makes it one step.
      return pg._runExclusiveTransaction(() =>
        pg._runExclusiveQuery(async () => pipelineRows((await pg.execProtocol(message)).messages)),
      );
    },
    async dumpConsistent(inspect) {
      // A read-only transaction holds PGlite's transaction lock, so no write runs until the copy is
      // done; the CHECKPOINT puts every committed change in the data files, not only in the WAL.
      return pg.transaction(async (tx) => {
        await tx.exec('checkpoint');
        const inspected = await inspect(wrap(tx));
        const archive = await pg.dumpDataDir('gzip');
        return { archive, inspected };
      });
    },
    close: () => pg.close(),
  };
}
