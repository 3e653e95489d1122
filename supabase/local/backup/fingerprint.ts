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

/** What differs between two fingerprints, one line each; empty when they are the same. */
export function fingerprintDifferences(expected: DatabaseFingerprint, actual: DatabaseFingerprint): string[] {
  const out: string[] = [];
  const compare = <T>(kind: string, a: Record<string, T>, b: Record<string, T>, show: (v: T) => string) => {
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const x = a[name];
      const y = b[name];
      if (x === undefined) out.push(`${kind} ${name}: not in the backup, present after restore`);
      else if (y === undefined) out.push(`${kind} ${name}: in the backup, missing after restore`);
      else if (show(x) !== show(y)) out.push(`${kind} ${name}: backup ${show(x)}, restored ${show(y)}`);
    }
  };
  compare('table', expected.tables, actual.tables, (t) => `${t.rows} rows md5 ${t.md5}`);
  compare('sequence', expected.sequences, actual.sequences, (s) => `${s.isCalled ? s.lastValue : 'unused'}`);
  return out.sort();
}
