/**
 * A fingerprint of a whole database: for every table its row count and the md5 of its rows in a
 * fixed order, and every sequence's position. Taken at the backup's snapshot and stored beside the
 * file, it lets a restore prove that it brought back exactly what was copied.
 */
import { quoteIdent, type Queryable } from '../db/database.ts';

export interface TableFingerprint {
  rows: number;
  md5: string;
}

export interface SequenceFingerprint {
  lastValue: string | null;
  isCalled: boolean;
}

export interface DatabaseFingerprint {
  tables: Record<string, TableFingerprint>;
  sequences: Record<string, SequenceFingerprint>;
}

/** Schemas Postgres (and PGlite) create themselves; what lives there is not the application's data. */
const SYSTEM_SCHEMAS = `('pg_catalog', 'information_schema', 'pg_toast')`;

export async function fingerprintDatabase(q: Queryable): Promise<DatabaseFingerprint> {
  const tables = await q.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ${SYSTEM_SCHEMAS} and n.nspname not like 'pg_temp%'
        and not c.relispartition
      order by 1, 2`,
  );
  const result: DatabaseFingerprint = { tables: {}, sequences: {} };
  for (const t of tables.rows) {
    const qualified = `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;
    // Row text in a fixed order: two copies of one table give the same md5 whatever their physical order.
    const { rows } = await q.query<{ rows: string | number; md5: string | null }>(
      `select count(*)::int8 as rows, md5(coalesce(string_agg(r::text, E'\\n' order by r::text collate "C"), '')) as md5
         from ${qualified} r`,
    );
    result.tables[`${t.schema}.${t.name}`] = { rows: Number(rows[0].rows), md5: rows[0].md5 ?? '' };
  }
  const seqs = await q.query<{ schema: string; name: string; last_value: string | number | null }>(
    `select schemaname as schema, sequencename as name, last_value::text as last_value
       from pg_sequences where schemaname not in ${SYSTEM_SCHEMAS} order by 1, 2`,
  );
  for (const s of seqs.rows) {
    // pg_sequences shows null until the first nextval(): that is is_called = false.
    result.sequences[`${s.schema}.${s.name}`] = {
      lastValue: s.last_value === null ? null : String(s.last_value),
      isCalled: s.last_value !== null,
    };
  }
  return result;
}

/**
 * What differs between the fingerprint of a backup and that of its restore, one line each; empty
 * when they agree. A sequence restored AHEAD of the backup moment agrees: sequences are outside
 * transactions, so pg_dump reads them after its snapshot (and Postgres' crash recovery moves them
 * on by up to 32); ahead only leaves gaps of ids. Behind would hand out ids that exist: that differs.
 */
export function fingerprintDifferences(expected: DatabaseFingerprint, actual: DatabaseFingerprint): string[] {
  const out: string[] = [];
  for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
    const x = expected.tables[name];
    const y = actual.tables[name];
    if (x === undefined) out.push(`table ${name}: not in the backup, present after restore`);
    else if (y === undefined) out.push(`table ${name}: in the backup, missing after restore`);
    else if (x.rows !== y.rows || x.md5 !== y.md5) out.push(`table ${name}: backup ${x.rows} rows md5 ${x.md5}, restored ${y.rows} rows md5 ${y.md5}`);
  }
  for (const name of new Set([...Object.keys(expected.sequences), ...Object.keys(actual.sequences)])) {
    const x = expected.sequences[name];
    const y = actual.sequences[name];
    if (x === undefined) out.push(`sequence ${name}: not in the backup, present after restore`);
    else if (y === undefined) out.push(`sequence ${name}: in the backup, missing after restore`);
    else if (x.isCalled && (!y.isCalled || BigInt(y.lastValue ?? 0) < BigInt(x.lastValue ?? 0))) {
      out.push(`sequence ${name}: backup at ${x.lastValue}, restored behind it at ${y.isCalled ? y.lastValue : 'unused'}`);
    }
  }
  return out.sort();
}

/** Sequences whose restored position is not exactly the backup's (ahead or behind), one line each. */
export function sequenceShifts(expected: DatabaseFingerprint, actual: DatabaseFingerprint): string[] {
  return Object.entries(expected.sequences)
    .filter(([name, x]) => JSON.stringify(actual.sequences[name]) !== JSON.stringify(x))
    .map(([name, x]) => `${name} ${x.lastValue} → ${actual.sequences[name]?.lastValue ?? 'missing'}`);
}
