/**
 * Turns a resolved read tree into one SQL statement that returns JSON text, as PostgREST does:
 * embedded resources are correlated subqueries, every value is a bind parameter and every
 * identifier has been checked against the schema cache before it is quoted here.
 */
import { quoteIdent as q } from '../db/database.ts';
import { parseError, unknownType } from './errors.ts';
import type { Field, Filter, LogicTree, OrderTerm, SelectItem } from './query-parse.ts';
import { isToOne, type EmbedNode, type ReadNode } from './read-plan.ts';

/** Canonical type names by the cast text of the request, as the catalog resolved them. */
export interface TypeNames {
  get(cast: string): string | undefined;
}

/**
 * Collects bind parameters and hands out their `$n` placeholders; also holds the catalog's names for
 * the request's casts, so that building SQL can only ever emit a type name the catalog produced.
 */
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly types: TypeNames = new Map<string, string>()) {}
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /** `cast(expr as type)` with the catalog's name for `cast`; request text never becomes the type. */
  cast(expr: string, cast: string | undefined): string {
    if (cast === undefined) return expr;
    const type = this.types.get(cast);
    if (type === undefined) throw unknownType(cast);
    return `cast(${expr} as ${type})`;
  }
}

export function fieldSql(alias: string, field: Field, params: Params): string {
  // A computed field is its function applied to the row, as PostgREST calls it.
  let sql = field.computed ? `public.${q(field.name)}(${q(alias)})` : `${q(alias)}.${q(field.name)}`;
  for (const step of field.path) {
    const key = /^-?\d+$/.test(step.key) ? `${params.add(step.key)}::int` : `${params.add(step.key)}::text`;
    sql = `(${sql}${step.arrow}${key})`;
  }
  return sql;
}

const COMPARE: Record<string, string> = {
  eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'like', ilike: 'ilike', match: '~', imatch: '~*',
  cs: '@>', cd: '<@', ov: '&&', sl: '<<', sr: '>>', nxr: '&<', nxl: '&>', adj: '-|-',
};
const FTS: Record<string, string> = { fts: 'to_tsquery', plfts: 'plainto_tsquery', phfts: 'phraseto_tsquery', wfts: 'websearch_to_tsquery' };

function filterSql(alias: string, f: Filter, params: Params, columnType: (name: string) => string): string {
  const col = fieldSql(alias, f.field, params);
  let sql: string;
  const value = f.op === 'like' || f.op === 'ilike' ? f.value.replace(/\*/g, '%') : f.value;
  if (f.op === 'is') {
    const v = value.toLowerCase();
    if (v === 'null') sql = `${col} is null`;
    else if (v === 'not_null') sql = `${col} is not null`;
    else if (v === 'true' || v === 'false' || v === 'unknown') sql = `${col} is ${v}`;
    else throw parseError(`"failed to parse filter (is.${f.value})"`, 'is. accepts null, not_null, true, false or unknown');
  } else if (f.op === 'isdistinct') {
    sql = `${col} is distinct from ${params.add(value)}`;
  } else if (f.op === 'in') {
    const list = f.list ?? [];
    sql = list.length === 0 ? 'false' : `${col} in (${list.map((v) => params.add(v)).join(', ')})`;
  } else if (f.op in FTS) {
    const config = f.modifier ? `${params.add(f.modifier)}::regconfig, ` : '';
    const doc = columnType(f.field.name) === 'tsvector' && f.field.path.length === 0 ? col : `to_tsvector(${config}${col})`;
    sql = `${doc} @@ ${FTS[f.op]}(${config}${params.add(value)})`;
  } else if (f.modifier === 'any' || f.modifier === 'all') {
    const list = value.replace(/^\{|\}$/g, '');
    sql = `${col} ${COMPARE[f.op]} ${f.modifier}(${params.add(`{${list}}`)}::text[])`;
  } else {
    sql = `${col} ${COMPARE[f.op]} ${params.add(value)}`;
  }
  return f.negate ? `not (${sql})` : sql;
}

function treeSql(alias: string, tree: LogicTree, params: Params, columnType: (name: string) => string): string {
  if (tree.kind === 'filter') return filterSql(alias, tree.filter, params, columnType);
  const parts = tree.children.map((c) => treeSql(alias, c, params, columnType));
  const joined = parts.length ? `(${parts.join(tree.op === 'or' ? ' or ' : ' and ')})` : tree.op === 'or' ? 'false' : 'true';
  return tree.negate ? `not ${joined}` : joined;
}

/** Aliases: `t0` for the top level, `t1`… for embedded levels. */
function aliasFor(depth: number): string {
  return `t${depth}`;
}

function joinSql(parentAlias: string, child: EmbedNode, childAlias: string): string[] {
  const j = child.join.junction;
  if (j) {
    // Many-to-many: a child row belongs to the parent when a junction row links them. The junction
    // keys are part of its primary key, so `exists` gives each child once, as a join would.
    const jAlias = `${childAlias}_j`;
    const links = [
      ...j.toChild.map(([jc, c]) => `${q(jAlias)}.${q(jc)} = ${q(childAlias)}.${q(c)}`),
      ...j.toParent.map(([jc, p]) => `${q(jAlias)}.${q(jc)} = ${q(parentAlias)}.${q(p)}`),
    ];
    return [`exists (select 1 from public.${q(j.table)} as ${q(jAlias)} where ${links.join(' and ')})`];
  }
  return child.join.pairs.map(([p, c]) => `${q(childAlias)}.${q(c)} = ${q(parentAlias)}.${q(p)}`);
}

/** Conditions on a node's own rows: its filters and `exists` for each `!inner` embed. */
export function whereSql(node: ReadNode, alias: string, depth: number, params: Params): string[] {
  const columnType = (name: string) => node.source.columns.get(name)?.typname ?? '';
  const conds = node.where.map((t) => treeSql(alias, t, params, columnType));
  for (const child of node.embeds) {
    if (!child.inner) continue;
    const childAlias = aliasFor(depth + 1);
    const inner = [...joinSql(alias, child, childAlias), ...whereSql(child, childAlias, depth + 1, params)];
    conds.push(`exists (select 1 from public.${q(child.source.name)} as ${q(childAlias)} where ${inner.join(' and ')})`);
  }
  return conds;
}

function orderSql(alias: string, terms: OrderTerm[], params: Params): string {
  if (!terms.length) return '';
  return ' order by ' + terms
    .map((t) => `${fieldSql(alias, t.field, params)}${t.direction ? ' ' + t.direction : ''}${t.nulls ? ' nulls ' + t.nulls : ''}`)
    .join(', ');
}

function pageSql(node: ReadNode, params: Params): string {
  let sql = '';
  if (node.limit !== undefined) sql += ` limit ${params.add(node.limit)}`;
  if (node.offset !== undefined && node.offset > 0) sql += ` offset ${params.add(node.offset)}`;
  return sql;
}

/** The select list of a node, and the GROUP BY it needs when it contains aggregates. */
export function selectListSql(node: ReadNode, alias: string, depth: number, params: Params): { list: string; groupBy: string } {
  const items: string[] = [];
  const groupBy: string[] = [];
  let hasAggregate = false;
  let embedIndex = 0;
  for (const item of node.select) {
    if (item.kind === 'star') {
      items.push(`${q(alias)}.*`);
      groupBy.push(`${q(alias)}.*`);
    } else if (item.kind === 'count') {
      hasAggregate = true;
      items.push(`${params.cast('count(*)', item.cast)} as ${q(item.alias ?? 'count')}`);
    } else if (item.kind === 'column') {
      items.push(columnItemSql(item, alias, params, groupBy));
      if (item.aggregate) hasAggregate = true;
    } else {
      const child = node.embeds[embedIndex++];
      if (child.hidden) continue;
      items.push(`${embedSql(alias, child, depth + 1, params)} as ${q(child.outputName)}`);
    }
  }
  if (!items.length) items.push(`${q(alias)}.*`);
  return { list: items.join(', '), groupBy: hasAggregate && groupBy.length ? ` group by ${groupBy.join(', ')}` : '' };
}

function columnItemSql(item: Extract<SelectItem, { kind: 'column' }>, alias: string, params: Params, groupBy: string[]): string {
  const expr = fieldSql(alias, item.field, params);
  const lastKey = item.field.path.length ? item.field.path[item.field.path.length - 1].key : item.field.name;
  if (item.aggregate) {
    return `${params.cast(`${item.aggregate}(${expr})`, item.cast)} as ${q(item.alias ?? item.aggregate)}`;
  }
  groupBy.push(expr);
  return `${params.cast(expr, item.cast)} as ${q(item.alias ?? lastKey)}`;
}

function embedSql(parentAlias: string, child: EmbedNode, depth: number, params: Params): string {
  const alias = aliasFor(depth);
  const { list, groupBy } = selectListSql(child, alias, depth, params);
  const conds = [...joinSql(parentAlias, child, alias), ...whereSql(child, alias, depth, params)];
  const from = `from public.${q(child.source.name)} as ${q(alias)} where ${conds.join(' and ')}`;
  const row = q(`_e${depth}`);
  if (isToOne(child.join)) {
    return `(select row_to_json(${row}) from (select ${list} ${from}${groupBy} limit 1) as ${row})`;
  }
  const inner = `select ${list} ${from}${groupBy}${orderSql(alias, child.order, params)}${pageSql(child, params)}`;
  return `(select coalesce(json_agg(${row}), '[]') from (${inner}) as ${row})`;
}

export interface BodyOptions {
  /** Return the one row as an object (`application/vnd.pgrst.object+json`) instead of an array. */
  single: boolean;
  stripNulls: boolean;
  /** CSV as PostgREST writes it: the keys of the first row, then each row's record text without its parentheses. */
  csv?: boolean;
}

export function bodySql(rowAlias: string, opts: BodyOptions): string {
  if (opts.csv) {
    const r = q(rowAlias);
    const header = `coalesce((select string_agg("_k", ',') from json_object_keys((array_agg(row_to_json(${r})))[1]) as "_k"), '')`;
    return `${header} || chr(10) || coalesce(string_agg(substring(${r}::text, 2, length(${r}::text) - 2), chr(10)), '')`;
  }
  const agg = `json_agg(${q(rowAlias)})`;
  const json = opts.single ? `(${agg} -> 0)` : `coalesce(${agg}, '[]')`;
  return opts.stripNulls ? `json_strip_nulls(${json})::text` : `${json}::text`;
}

/**
 * The statement for a read: `total` (exact count when asked), `page_total`, and `body`.
 * `from` is the FROM item without alias (a table or a function call). `trailingColumns` are
 * computed after every row was read (the response settings).
 */
export function readSql(root: ReadNode, from: string, params: Params, opts: BodyOptions & { count: boolean; countLimit?: number; trailingColumns?: string }): string {
  const { list, groupBy } = selectListSql(root, 't0', 0, params);
  const conds = whereSql(root, 't0', 0, params);
  const where = conds.length ? ` where ${conds.join(' and ')}` : '';
  // `countLimit` (count=estimated) stops counting past it, as PostgREST counts only to db-max-rows + 1.
  const total = !opts.count
    ? 'null::bigint'
    : opts.countLimit === undefined
      ? `(select count(*) from ${from} as "t0"${where})`
      : `(select count(*) from (select 1 from ${from} as "t0"${where} limit ${params.add(opts.countLimit)}) as "_c")`;
  const inner = `select ${list} from ${from} as "t0"${where}${groupBy}${orderSql('t0', root.order, params)}${pageSql(root, params)}`;
  const trailing = opts.trailingColumns ? `, ${opts.trailingColumns}` : '';
  return `select ${total} as total, count(*) as page_total, ${bodySql('_r', opts)} as body${trailing} from (${inner}) as "_r"`;
}

/** The query whose planner estimate is `count=planned` (and `estimated` past db-max-rows). */
export function countPlanSql(root: ReadNode, from: string, params: Params): string {
  const conds = whereSql(root, 't0', 0, params);
  return `explain (format json) select 1 from ${from} as "t0"${conds.length ? ` where ${conds.join(' and ')}` : ''}`;
}

/** Wraps a mutation `... returning *` so the changed rows come back shaped by `select=`. */
export function mutationResultSql(root: ReadNode, mutation: string, params: Params, opts: BodyOptions): string {
  const { list } = selectListSql(root, 't0', 0, params);
  return `with "pgrst_source" as (${mutation}) select null::bigint as total, count(*) as page_total, ${bodySql('_r', opts)} as body from (select ${list} from "pgrst_source" as "t0") as "_r"`;
}
