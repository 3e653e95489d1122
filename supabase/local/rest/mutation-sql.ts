/**
 * INSERT (with upsert), UPDATE and DELETE statements for a relation. The JSON body travels as one
 * bind parameter and is turned into rows by `jsonb_populate_record`, so Postgres does the typing.
 */
import { quoteIdent as q } from '../db/database.ts';
import { payloadColumnNotFound, RestError } from './errors.ts';
import type { ReadNode } from './read-plan.ts';
import type { Relation } from './schema-cache.ts';
import { Params, whereSql } from './sql-build.ts';

export interface InsertOptions {
  columns: string[];
  /** `missing=default`: keys absent from an object take the column default instead of null. */
  missingDefault: boolean;
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  onConflict?: string[];
  returning: boolean;
}

/**
 * Counts the rows a merge upsert inserts, so the answer can be 200 when every row already existed
 * (PostgREST's way, which also works on views): each candidate row adds one to the transaction-local
 * setting `pgrst.inserted`, and each row that hits a conflict and is updated takes one away.
 * Both conditions are always true; they exist for their side effect.
 */
const INSERTED = `coalesce(nullif(current_setting('pgrst.inserted', true), '')::int, 0)`;
const COUNT_CANDIDATE = `set_config('pgrst.inserted', (${INSERTED} + 1)::text, true) <> '0'`;
const UNCOUNT_UPDATED = `set_config('pgrst.inserted', (${INSERTED} - 1)::text, true) <> '-1'`;

export function checkPayloadColumns(relation: Relation, columns: string[]): void {
  for (const c of columns) if (!relation.columns.has(c)) throw payloadColumnNotFound(relation.name, c);
}

export function insertSql(relation: Relation, rows: unknown[], opts: InsertOptions, params: Params): string {
  const table = `public.${q(relation.name)}`;
  const body = params.add(JSON.stringify(rows));
  const values = opts.columns.map((c) => {
    const col = relation.columns.get(c)!;
    const value = `"_r".${q(c)}`;
    if (!opts.missingDefault || !col.defaultExpr) return value;
    // The default expression is catalog text, not request input.
    return `case when "_e" ? ${params.add(c)}::text then ${value} else ${col.defaultExpr} end`;
  });
  const merge = opts.resolution === 'merge-duplicates';
  const counted = merge ? ` where ${COUNT_CANDIDATE}` : '';
  let sql = opts.columns.length
    ? `insert into ${table} (${opts.columns.map(q).join(', ')}) select ${values.join(', ')} from jsonb_array_elements(${body}::jsonb) as "_e" cross join lateral jsonb_populate_record(null::${table}, "_e") as "_r"${counted}`
    : `insert into ${table} select from jsonb_array_elements(${body}::jsonb) as "_e"${counted}`;
  if (opts.resolution) {
    const target = opts.onConflict ?? relation.primaryKey;
    checkPayloadColumns(relation, target);
    const conflict = target.length ? ` (${target.map(q).join(', ')})` : '';
    const updates = opts.columns.map((c) => `${q(c)} = excluded.${q(c)}`);
    if (opts.resolution === 'merge-duplicates' && !target.length) {
      throw new RestError(400, 'PGRST103', 'A merge upsert needs on_conflict or a primary key');
    }
    sql += opts.resolution === 'ignore-duplicates' || !updates.length
      ? ` on conflict${conflict} do nothing`
      : ` on conflict${conflict} do update set ${updates.join(', ')} where ${UNCOUNT_UPDATED}`;
  }
  return opts.returning ? `${sql} returning ${table}.*` : sql;
}

export function updateSql(root: ReadNode & { source: Relation }, patch: Record<string, unknown>, params: Params, returning: boolean): string {
  const table = `public.${q(root.source.name)}`;
  const columns = Object.keys(patch);
  const body = params.add(JSON.stringify(patch));
  const sets = columns.map((c) => `${q(c)} = "_b".${q(c)}`).join(', ');
  const conds = whereSql(root, 't0', 0, params);
  const where = conds.length ? ` where ${conds.join(' and ')}` : '';
  return `update ${table} as "t0" set ${sets} from jsonb_populate_record(null::${table}, ${body}::jsonb) as "_b"${where}${returning ? ' returning "t0".*' : ''}`;
}

export function deleteSql(root: ReadNode & { source: Relation }, params: Params, returning: boolean): string {
  const conds = whereSql(root, 't0', 0, params);
  const where = conds.length ? ` where ${conds.join(' and ')}` : '';
  return `delete from public.${q(root.source.name)} as "t0"${where}${returning ? ' returning "t0".*' : ''}`;
}
