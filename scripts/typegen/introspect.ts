/**
 * Reads what the type generator needs from the Postgres catalog of one schema: tables, views and
 * their columns, foreign keys, callable functions, enums and composite types. Everything is sorted
 * here so the rendered file is byte-for-byte stable between runs.
 */
import type { Queryable } from '../../supabase/local/db/database.ts';

export interface ColumnInfo {
  name: string;
  /** `pg_type.typname`, e.g. `int4`, `_text`, `app_role`. */
  type: string;
  nullable: boolean;
  hasDefault: boolean;
  /** `a` = generated always as identity, `d` = by default, '' = none. */
  identity: '' | 'a' | 'd';
  /** A `generated always as (...) stored` column: never written by clients. */
  generated: boolean;
  updatable: boolean;
}

export interface RelationshipInfo {
  foreignKeyName: string;
  columns: string[];
  isOneToOne: boolean;
  referencedRelation: string;
  referencedColumns: string[];
}

export interface RelationInfo {
  name: string;
  kind: 'table' | 'view';
  /** Views: whether Postgres can insert through them (simple updatable views). */
  insertable: boolean;
  columns: ColumnInfo[];
  relationships: RelationshipInfo[];
}

export interface FunctionArg {
  name: string;
  type: string;
  hasDefault: boolean;
}

export interface FunctionInfo {
  name: string;
  args: FunctionArg[];
  /** `returns table (...)` columns, empty otherwise. */
  tableColumns: Array<{ name: string; type: string }>;
  /** Row type of a table or view the function returns, if it returns one. */
  returnsRelation: string | null;
  returnType: string;
  returnsSet: boolean;
}

export interface EnumInfo {
  name: string;
  values: string[];
}

export interface CompositeInfo {
  name: string;
  attributes: Array<{ name: string; type: string }>;
}

export interface SchemaInfo {
  name: string;
  relations: RelationInfo[];
  functions: FunctionInfo[];
  enums: EnumInfo[];
  composites: CompositeInfo[];
}

interface ColumnRow {
  relname: string;
  relkind: string;
  insertable: boolean;
  attname: string;
  typname: string;
  nullable: boolean;
  has_default: boolean;
  identity: string;
  generated: boolean;
  updatable: boolean;
}

interface FkRow {
  conname: string;
  relname: string;
  columns: string[];
  refname: string;
  refcolumns: string[];
  one_to_one: boolean;
}

interface FunctionRow {
  proname: string;
  arg_names: string[] | null;
  arg_modes: string[] | null;
  arg_types: string[];
  n_defaults: number;
  rettype: string;
  retset: boolean;
  ret_relation: string | null;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function introspectSchema(db: Queryable, schema: string): Promise<SchemaInfo> {
  const columns = await db.query<ColumnRow>(
    `select c.relname, c.relkind::text as relkind,
            (pg_relation_is_updatable(c.oid, false) & 8) = 8 as insertable,
            a.attname, t.typname,
            not a.attnotnull as nullable,
            a.atthasdef as has_default,
            a.attidentity::text as identity,
            a.attgenerated::text <> '' as generated,
            pg_column_is_updatable(c.oid, a.attnum, false) as updatable
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       join pg_type t on t.oid = a.atttypid
      where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'f')
      order by c.relname, a.attname`,
    [schema],
  );
  const fks = await db.query<FkRow>(
    `select con.conname, c.relname, r.relname as refname,
            array(select a.attname from unnest(con.conkey) with ordinality k(num, ord)
                    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord)::text[] as columns,
            array(select a.attname from unnest(con.confkey) with ordinality k(num, ord)
                    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord)::text[] as refcolumns,
            exists (select from pg_index i
                     where i.indrelid = con.conrelid and i.indisunique and i.indpred is null
                       and (select array_agg(x order by x) from unnest(i.indkey::int2[]) x)
                         = (select array_agg(x order by x) from unnest(con.conkey) x)) as one_to_one
       from pg_constraint con
       join pg_class c on c.oid = con.conrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_class r on r.oid = con.confrelid
       join pg_namespace rn on rn.oid = r.relnamespace
      where con.contype = 'f' and n.nspname = $1 and rn.nspname = $1`,
    [schema],
  );
  // Trigger functions, aggregates and procedures cannot be called through /rpc, so they are left out.
  const functions = await db.query<FunctionRow>(
    `select p.proname,
            p.proargnames::text[] as arg_names,
            p.proargmodes::text[] as arg_modes,
            array(select ty.typname
                    from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(oid, ord)
                    join pg_type ty on ty.oid = u.oid order by u.ord)::text[] as arg_types,
            p.pronargdefaults::int as n_defaults,
            rt.typname as rettype,
            p.proretset as retset,
            case when rr.relkind in ('r', 'p', 'v', 'm', 'f') and rrn.oid is not null then rr.relname end as ret_relation
       from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       join pg_type rt on rt.oid = p.prorettype
       left join pg_class rr on rr.oid = rt.typrelid
       left join pg_namespace rrn on rrn.oid = rr.relnamespace and rrn.nspname = $1
      where n.nspname = $1 and p.prokind = 'f'
        and rt.typname not in ('trigger', 'event_trigger', 'internal')
        and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
      order by p.proname, p.oid`,
    [schema],
  );
  const enums = await db.query<{ typname: string; labels: string[] }>(
    `select t.typname, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
       from pg_type t
       join pg_namespace n on n.oid = t.typnamespace
       join pg_enum e on e.enumtypid = t.oid
      where n.nspname = $1
      group by t.typname`,
    [schema],
  );
  const composites = await db.query<{ typname: string; attname: string; atttype: string }>(
    `select t.typname, a.attname, at.typname as atttype
       from pg_type t
       join pg_namespace n on n.oid = t.typnamespace
       join pg_class c on c.oid = t.typrelid and c.relkind = 'c'
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       join pg_type at on at.oid = a.atttypid
      where n.nspname = $1
      order by t.typname, a.attnum`,
    [schema],
  );

  const relations = new Map<string, RelationInfo>();
  for (const r of columns.rows) {
    let rel = relations.get(r.relname);
    if (!rel) {
      const isTable = r.relkind === 'r' || r.relkind === 'p' || r.relkind === 'f';
      rel = { name: r.relname, kind: isTable ? 'table' : 'view', insertable: r.insertable, columns: [], relationships: [] };
      relations.set(r.relname, rel);
    }
    rel.columns.push({
      name: r.attname,
      type: r.typname,
      // Postgres does not carry NOT NULL through a view, so every view column reads as nullable.
      nullable: rel.kind === 'view' ? true : r.nullable,
      hasDefault: r.has_default,
      identity: r.identity === 'a' || r.identity === 'd' ? r.identity : '',
      generated: r.generated,
      updatable: r.updatable,
    });
  }
  for (const fk of fks.rows) {
    relations.get(fk.relname)?.relationships.push({
      foreignKeyName: fk.conname,
      columns: fk.columns,
      isOneToOne: fk.one_to_one,
      referencedRelation: fk.refname,
      referencedColumns: fk.refcolumns,
    });
  }
  for (const rel of relations.values()) {
    rel.columns.sort(byName);
    rel.relationships.sort(
      (a, b) =>
        cmp(a.foreignKeyName, b.foreignKeyName) ||
        cmp(a.referencedRelation, b.referencedRelation) ||
        cmp(JSON.stringify(a.referencedColumns), JSON.stringify(b.referencedColumns)),
    );
  }

  return {
    name: schema,
    relations: [...relations.values()].sort(byName),
    functions: functions.rows.map(toFunctionInfo).filter(isCallable),
    enums: enums.rows.map((e) => ({ name: e.typname, values: e.labels })).sort(byName),
    composites: groupComposites(composites.rows),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toFunctionInfo(row: FunctionRow): FunctionInfo {
  const modes = row.arg_modes ?? row.arg_types.map(() => 'i');
  const names = row.arg_names ?? [];
  const inArgs: FunctionArg[] = [];
  const tableColumns: Array<{ name: string; type: string }> = [];
  row.arg_types.forEach((type, i) => {
    const mode = modes[i];
    const name = names[i] ?? '';
    if (mode === 'i' || mode === 'b' || mode === 'v') inArgs.push({ name, type, hasDefault: false });
    else if (mode === 't') tableColumns.push({ name, type });
  });
  // Defaults always belong to the last input arguments.
  for (let i = inArgs.length - row.n_defaults; i < inArgs.length; i++) inArgs[i].hasDefault = true;
  return {
    name: row.proname,
    args: inArgs,
    tableColumns,
    returnsRelation: row.ret_relation,
    returnType: row.rettype,
    returnsSet: row.retset,
  };
}

/** PostgREST calls a function with named arguments, or with a single unnamed one (a JSON body). */
function isCallable(fn: FunctionInfo): boolean {
  return !fn.args.some((a) => a.name === '') || fn.args.length === 1;
}

function groupComposites(rows: Array<{ typname: string; attname: string; atttype: string }>): CompositeInfo[] {
  const out = new Map<string, CompositeInfo>();
  for (const r of rows) {
    let c = out.get(r.typname);
    if (!c) {
      c = { name: r.typname, attributes: [] };
      out.set(r.typname, c);
    }
    c.attributes.push({ name: r.attname, type: r.atttype });
  }
  return [...out.values()].sort(byName);
}
