/**
 * The schema cache: what PostgREST learns from the catalog about schema `public` (relations,
 * columns, keys, foreign keys, functions). Every identifier in a request is checked against it.
 */
import type { Queryable } from '../db/database.ts';

export interface Column {
  name: string;
  /** `format_type` text, e.g. `integer`, `text[]`, `timestamp with time zone`. */
  type: string;
  /** `pg_type.typname` of the column (its element type name for arrays has a leading `_`). */
  typname: string;
  nullable: boolean;
  /** The default expression as catalog SQL (trusted text), if any. */
  defaultExpr: string | null;
}

/** A computed field: a function `fn(relation_row_type)` returning a scalar, read like a column. */
export interface ComputedField {
  name: string;
  /** `format_type` of the result. */
  type: string;
  /** `pg_type.typname` of the result. */
  typname: string;
}

export interface Relation {
  name: string;
  kind: 'table' | 'view';
  columns: Map<string, Column>;
  primaryKey: string[];
  /** Column sets of the primary key and unique constraints, each sorted, for one-to-one embeds. */
  uniqueKeys: string[][];
  /** Computed fields by name (PostgREST's functions on the row type). */
  computed: Map<string, ComputedField>;
}

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

export interface FunctionArg {
  /** Empty for an unnamed parameter. */
  name: string;
  type: string;
  hasDefault: boolean;
  variadic: boolean;
}

export interface RestFunction {
  name: string;
  args: FunctionArg[];
  returnType: string;
  returnsSet: boolean;
  /** Columns of the result rows when the function returns a table type or `table (...)`. */
  resultColumns: Map<string, Column> | null;
  /** The table or view whose rows the function returns, for embedding on its result. */
  resultRelation: string | null;
  volatile: boolean;
}

export interface SchemaCache {
  relations: Map<string, Relation>;
  foreignKeys: ForeignKey[];
  functions: Map<string, RestFunction[]>;
}

const relationsSql = `
select coalesce(json_agg(json_build_object(
  'name', c.relname,
  'kind', case when c.relkind in ('v', 'm') then 'view' else 'table' end,
  'pk', coalesce((select json_agg(a.attname order by k.ord)
                  from pg_constraint pk
                  cross join lateral unnest(pk.conkey) with ordinality k(attnum, ord)
                  join pg_attribute a on a.attrelid = pk.conrelid and a.attnum = k.attnum
                  where pk.conrelid = c.oid and pk.contype = 'p'), '[]'),
  'uniques', coalesce((select json_agg((select json_agg(a.attname order by a.attname)
                                        from unnest(u.conkey) k(attnum)
                                        join pg_attribute a on a.attrelid = u.conrelid and a.attnum = k.attnum))
                       from pg_constraint u where u.conrelid = c.oid and u.contype in ('p', 'u')), '[]'),
  'columns', coalesce((select json_agg(json_build_object(
                  'name', a.attname,
                  'type', format_type(a.atttypid, a.atttypmod),
                  'typname', t.typname,
                  'nullable', not a.attnotnull,
                  -- As PostgREST: a domain's default, an identity column's sequence, none for a
                  -- generated column, else the column default (for Prefer: missing=default).
                  'default', case
                    when t.typbasetype <> 0 and d.adbin is null then pg_get_expr(t.typdefaultbin, 0)
                    when a.attidentity = 'd' then format('nextval(%L::regclass)', pg_get_serial_sequence(c.oid::regclass::text, a.attname))
                    when a.attgenerated = 's' then null
                    else pg_get_expr(d.adbin, d.adrelid) end) order by a.attnum)
                from pg_attribute a
                join pg_type t on t.oid = a.atttypid
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]'))), '[]')::text as doc
from pg_class c
where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v', 'm', 'f', 'p')`;

const foreignKeysSql = `
select coalesce(json_agg(json_build_object(
  'name', f.conname,
  'table', src.relname,
  'refTable', dst.relname,
  'columns', (select json_agg(a.attname order by k.ord) from unnest(f.conkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = f.conrelid and a.attnum = k.attnum),
  'refColumns', (select json_agg(a.attname order by k.ord) from unnest(f.confkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = f.confrelid and a.attnum = k.attnum))
  -- PostgREST's order, which is also the order of the candidates in a PGRST201 answer.
  order by src.relname, f.conname), '[]')::text as doc
from pg_constraint f
join pg_class src on src.oid = f.conrelid
join pg_class dst on dst.oid = f.confrelid
where f.contype = 'f' and f.conparentid = 0 and src.relnamespace = 'public'::regnamespace and dst.relnamespace = 'public'::regnamespace`;

const functionsSql = `
select coalesce(json_agg(json_build_object(
  'name', p.proname,
  'argNames', coalesce(p.proargnames, '{}'),
  'argModes', coalesce(p.proargmodes::text[], '{}'),
  'argTypes', (select coalesce(json_agg(format_type(t, null) order by o), '[]')
               from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality x(t, o)),
  'nargs', p.pronargs,
  'ndefaults', p.pronargdefaults,
  'returnType', format_type(p.prorettype, null),
  'returnsSet', p.proretset,
  'returnRelation', (select rc.relname from pg_class rc where rc.oid = rt.typrelid
                     and rc.relnamespace = 'public'::regnamespace),
  'volatile', p.provolatile = 'v',
  -- One input parameter of a public table's row type and a scalar result: a computed field.
  'computedOf', (select ac.relname from pg_type at join pg_class ac on ac.oid = at.typrelid
                 where p.pronargs = 1 and at.oid = p.proargtypes[0]
                   and ac.relnamespace = 'public'::regnamespace and ac.relkind in ('r', 'v', 'm', 'f', 'p')
                   and not p.proretset and rt.typtype in ('b', 'd', 'e', 'r') ),
  'resultTypname', rt.typname)), '[]')::text as doc
from pg_proc p
join pg_type rt on rt.oid = p.prorettype
where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'`;

interface RawRelation {
  name: string;
  kind: 'table' | 'view';
  pk: string[];
  uniques: string[][];
  columns: Array<{ name: string; type: string; typname: string; nullable: boolean; default: string | null }>;
}

interface RawFunction {
  name: string;
  argNames: string[];
  argModes: string[];
  argTypes: string[];
  nargs: number;
  ndefaults: number;
  returnType: string;
  returnsSet: boolean;
  returnRelation: string | null;
  volatile: boolean;
  computedOf: string | null;
  resultTypname: string;
}

async function doc<T>(db: Queryable, sql: string): Promise<T> {
  const { rows } = await db.query<{ doc: string }>(sql);
  return JSON.parse(rows[0].doc) as T;
}

function column(name: string, type: string, typname = type, defaultExpr: string | null = null): Column {
  return { name, type, typname, nullable: true, defaultExpr };
}

export async function loadSchemaCache(db: Queryable): Promise<SchemaCache> {
  const rawRelations = await doc<RawRelation[]>(db, relationsSql);
  const foreignKeys = await doc<ForeignKey[]>(db, foreignKeysSql);
  const rawFunctions = await doc<RawFunction[]>(db, functionsSql);

  const relations = new Map<string, Relation>();
  for (const r of rawRelations) {
    relations.set(r.name, {
      name: r.name,
      kind: r.kind,
      primaryKey: r.pk,
      uniqueKeys: r.uniques,
      computed: new Map(),
      columns: new Map(r.columns.map((c) => [c.name, { ...column(c.name, c.type, c.typname, c.default), nullable: c.nullable }])),
    });
  }

  const functions = new Map<string, RestFunction[]>();
  for (const f of rawFunctions) {
    const modes = f.argModes.length ? f.argModes : f.argTypes.map(() => 'i');
    const args: FunctionArg[] = [];
    const outColumns: Column[] = [];
    let inputIndex = 0;
    modes.forEach((mode, i) => {
      const name = f.argNames[i] ?? '';
      if (mode === 'i' || mode === 'b' || mode === 'v') {
        args.push({ name, type: f.argTypes[i], hasDefault: inputIndex >= f.nargs - f.ndefaults, variadic: mode === 'v' });
        inputIndex++;
      }
      if (mode === 'o' || mode === 'b' || mode === 't') outColumns.push(column(name, f.argTypes[i]));
    });
    let resultColumns: Map<string, Column> | null = null;
    if (outColumns.length > 1 || (outColumns.length === 1 && modes.includes('t'))) {
      resultColumns = new Map(outColumns.map((c) => [c.name, c]));
    } else if (f.returnRelation && relations.has(f.returnRelation)) {
      resultColumns = relations.get(f.returnRelation)!.columns;
    }
    const fn: RestFunction = {
      name: f.name,
      args,
      returnType: f.returnType,
      returnsSet: f.returnsSet,
      resultColumns,
      resultRelation: f.returnRelation && relations.has(f.returnRelation) ? f.returnRelation : null,
      volatile: f.volatile,
    };
    // A column of the same name wins over a computed field, as the column is what `t.name` reads.
    const owner = f.computedOf ? relations.get(f.computedOf) : undefined;
    if (owner && !owner.columns.has(f.name)) owner.computed.set(f.name, { name: f.name, type: f.returnType, typname: f.resultTypname });
    const list = functions.get(f.name) ?? [];
    list.push(fn);
    functions.set(f.name, list);
  }
  return { relations, foreignKeys, functions };
}
