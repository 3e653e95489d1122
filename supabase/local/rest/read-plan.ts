/**
 * Resolves a parsed request against the schema cache: which relation each embedded resource is,
 * through which foreign key, and which filters, order and limits apply at each level.
 */
import { parseError, RestError, columnNotFound, tableNotFound } from './errors.ts';
import {
  parseField,
  parseFilter,
  parseLogicTree,
  parseNonNegativeInt,
  parseOrder,
  parseSelect,
  type LogicTree,
  type OrderTerm,
  type Field,
  type SelectItem,
} from './query-parse.ts';
import type { Column, ComputedField, ForeignKey, Relation, SchemaCache } from './schema-cache.ts';
import { REQUEST_LIMITS } from './limits.ts';

/** The columns a node's rows have: a table, a view, or the result of a function. */
export interface Source {
  name: string;
  columns: Map<string, Column>;
  /** Computed fields readable like columns (functions on the row type). */
  computed?: Map<string, ComputedField>;
  /** The table whose foreign keys embeds follow, when it is not `name` (a function's result). */
  table?: string;
}

export type Cardinality = 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';

/** The junction table of a many-to-many embed and its two foreign keys. */
export interface Junction {
  table: string;
  /** Pairs of [junction column, parent column]. */
  toParent: Array<[string, string]>;
  /** Pairs of [junction column, child column]. */
  toChild: Array<[string, string]>;
}

export interface Join {
  /** To-one (many-to-one, one-to-one) embeds are an object or null; to-many an array. */
  cardinality: Cardinality;
  /** Pairs of [parent column, child column] (empty for many-to-many, which goes through `junction`). */
  pairs: Array<[string, string]>;
  junction?: Junction;
}

export function isToOne(join: Join): boolean {
  return join.cardinality === 'many-to-one' || join.cardinality === 'one-to-one';
}

export interface ReadNode {
  source: Source;
  select: SelectItem[];
  where: LogicTree[];
  order: OrderTerm[];
  limit?: number;
  offset?: number;
  embeds: EmbedNode[];
}

export interface EmbedNode extends ReadNode {
  source: Relation;
  outputName: string;
  /** The name used in the select (alias or relation name), for `rel.col=` filters. */
  names: string[];
  inner: boolean;
  /** `rel!inner()` with an empty select only filters the parent. */
  hidden: boolean;
  join: Join;
}

/** Query parameters that are not filters on the top-level rows. */
const RESERVED = new Set(['select', 'columns', 'on_conflict']);

/** One direction of a foreign key, seen from `origin` (PostgREST's Relationship). */
interface Relationship {
  fk: ForeignKey;
  /** Many-to-many: the junction's key to the target (`fk` is its key to the origin). */
  fk2?: ForeignKey;
  origin: string;
  target: string;
  join: Join;
  self: boolean;
}

/** Whether `columns` are exactly a primary key or unique constraint of `relation`. */
function isUniqueKey(relation: Relation | undefined, columns: string[]): boolean {
  const wanted = [...columns].sort().join('\u0000');
  return !!relation && relation.uniqueKeys.some((k) => k.join('\u0000') === wanted);
}

/**
 * Every relationship from `origin`, in PostgREST's order: the foreign keys `origin` holds
 * (many-to-one, or one-to-one when the key columns are unique), then those pointing at it
 * (one-to-many, or one-to-one). A self-referencing key gives one of each.
 */
function relationshipsFrom(cache: SchemaCache, origin: string): Relationship[] {
  const out: Relationship[] = [];
  const inverse: Relationship[] = [];
  for (const fk of cache.foreignKeys) {
    const unique = isUniqueKey(cache.relations.get(fk.table), fk.columns);
    const self = fk.table === fk.refTable;
    if (fk.table === origin) {
      out.push({ fk, origin, target: fk.refTable, self, join: { cardinality: unique ? 'one-to-one' : 'many-to-one', pairs: fk.columns.map((c, i) => [c, fk.refColumns[i]]) } });
    }
    if (fk.refTable === origin) {
      inverse.push({ fk, origin, target: fk.table, self, join: { cardinality: unique ? 'one-to-one' : 'one-to-many', pairs: fk.refColumns.map((c, i) => [c, fk.columns[i]]) } });
    }
  }
  return [...out, ...junctions(cache, origin), ...inverse];
}

/**
 * Many-to-many from `origin`, as PostgREST infers them: a table with foreign keys to `origin` and
 * to another table, all of whose key columns are part of its primary key, is a junction.
 */
function junctions(cache: SchemaCache, origin: string): Relationship[] {
  const out: Relationship[] = [];
  for (const toOrigin of cache.foreignKeys) {
    if (toOrigin.refTable !== origin) continue;
    const junction = cache.relations.get(toOrigin.table);
    if (!junction) continue;
    const pk = new Set(junction.primaryKey);
    for (const toTarget of cache.foreignKeys) {
      if (toTarget.table !== junction.name || toTarget.name === toOrigin.name) continue;
      if (![...toOrigin.columns, ...toTarget.columns].every((c) => pk.has(c))) continue;
      // PostgREST builds junctions from many-to-one keys only; a one-to-one key is not one.
      if (isUniqueKey(junction, toOrigin.columns) || isUniqueKey(junction, toTarget.columns)) continue;
      out.push({
        fk: toOrigin,
        fk2: toTarget,
        origin,
        target: toTarget.refTable,
        self: origin === toTarget.refTable,
        join: {
          cardinality: 'many-to-many',
          pairs: [],
          junction: {
            table: junction.name,
            toParent: toOrigin.columns.map((c, i) => [c, toOrigin.refColumns[i]]),
            toChild: toTarget.columns.map((c, i) => [c, toTarget.refColumns[i]]),
          },
        },
      });
    }
  }
  return out;
}

/** PostgREST's findRel: which relationships `target` (and `hint`) name from `origin`. */
function matchingRelationships(cache: SchemaCache, origin: string, target: string, hint?: string): Relationship[] {
  const originColumn = (r: Relationship, name: string) => r.join.pairs.length === 1 && r.join.pairs[0][0] === name;
  const targetColumn = (r: Relationship, name: string) => r.join.pairs.length === 1 && r.join.pairs[0][1] === name;
  return relationshipsFrom(cache, origin).filter((r) => {
    if (r.self) {
      // One key, two directions: the table name gives the children, the key column the parent;
      // a hint (the key column) picks the children by it.
      if (hint === undefined) {
        return (target === r.target && r.join.cardinality === 'one-to-many') || (originColumn(r, target) && r.join.cardinality === 'many-to-one');
      }
      return target === r.target && r.join.cardinality === 'one-to-many' && targetColumn(r, hint);
    }
    if (r.join.junction) return target === r.target && (hint === undefined || hint === r.join.junction.table);
    if (hint === undefined) return target === r.target || target === r.fk.name || originColumn(r, target);
    return target === r.target && (hint === r.fk.name || originColumn(r, hint) || targetColumn(r, hint));
  });
}

function relationshipDetail(r: Relationship): Record<string, string> {
  const j = r.join.junction;
  if (j && r.fk2) {
    return {
      cardinality: r.join.cardinality,
      embedding: `${r.origin} with ${r.target}`,
      relationship: `${j.table} using ${r.fk.name}(${j.toParent.map((p) => p[0]).join(', ')}) and ${r.fk2.name}(${j.toChild.map((p) => p[0]).join(', ')})`,
    };
  }
  const origin = r.join.pairs.map((p) => p[0]).join(', ');
  const target = r.join.pairs.map((p) => p[1]).join(', ');
  return {
    cardinality: r.join.cardinality,
    embedding: `${r.origin} with ${r.target}`,
    relationship: `${r.fk.name} using ${r.origin}(${origin}) and ${r.target}(${target})`,
  };
}

function resolveEmbed(cache: SchemaCache, parent: Source, item: Extract<SelectItem, { kind: 'embed' }>, budget: { embeds: number }, depth: number): EmbedNode {
  const origin = parent.table ?? parent.name;
  const found = matchingRelationships(cache, origin, item.name, item.hint);
  if (found.length === 0) {
    throw new RestError(
      400,
      'PGRST200',
      `Could not find a relationship between '${origin}' and '${item.name}' in the schema cache`,
      `Searched for a foreign key relationship between '${origin}' and '${item.name}'${item.hint ? ` using the hint '${item.hint}'` : ''} in the schema 'public', but no matches were found.`,
    );
  }
  if (found.length > 1) {
    throw new RestError(
      300,
      'PGRST201',
      `Could not embed because more than one relationship was found for '${origin}' and '${item.name}'`,
      found.map(relationshipDetail),
      `Try changing '${item.name}' to one of the following: ${found.map((f) => `'${f.target}!${f.join.junction?.table ?? f.fk.name}'`).join(', ')}. Find the desired relationship in the 'details' key.`,
    );
  }
  const { target: child, join } = found[0];
  const relation = cache.relations.get(child);
  if (!relation) throw tableNotFound(child);
  const node: EmbedNode = {
    source: relation,
    select: item.select,
    where: [],
    order: [],
    embeds: [],
    outputName: item.alias ?? item.name,
    names: item.alias ? [item.alias, item.name] : [item.name],
    inner: item.inner,
    hidden: item.select.length === 0,
    join,
  };
  node.embeds = resolveEmbeds(cache, node, budget, depth);
  return node;
}

/** `depth` is the level of `node` (0 for the top); its embeds are at `depth + 1`. */
function resolveEmbeds(cache: SchemaCache, node: ReadNode, budget: { embeds: number }, depth = 0): EmbedNode[] {
  const embeds: EmbedNode[] = [];
  const names = new Set<string>();
  node.select = node.select.map((item) => bareCount(node.source, item));
  for (const item of node.select) {
    if (item.kind === 'embed') {
      // Each embed is a correlated subquery: planning hundreds of them is work no request needs.
      if (++budget.embeds > REQUEST_LIMITS.embeds) {
        throw parseError('"failed to parse select parameter"', `more than ${REQUEST_LIMITS.embeds} embedded resources`);
      }
      const embed = resolveEmbed(cache, node.source, item, budget, depth + 1);
      // PostgREST names each embed's subquery after its parent and output name, so two embeds
      // with one name collide in Postgres (42712) rather than one silently replacing the other.
      if (names.has(embed.outputName)) {
        const alias = `${node.source.table ?? node.source.name}_${embed.outputName}_${depth + 1}`;
        throw new RestError(400, '42712', `table name "${alias}" specified more than once`);
      }
      names.add(embed.outputName);
      embeds.push(embed);
    }
    else if (item.kind === 'column') resolveField(node.source, item.field);
  }
  return embeds;
}

/**
 * PostgREST's backwards-compatible `count`: a bare `count` that is not a column of the source
 * counts the rows (`select=count`, `messages(count)`), like `count()`.
 */
function bareCount(source: Source, item: SelectItem): SelectItem {
  if (item.kind !== 'column' || item.field.name !== 'count' || item.field.path.length || item.aggregate) return item;
  if (source.columns.has('count') || source.computed?.has('count')) return item;
  return { kind: 'count', alias: item.alias, cast: item.cast };
}

export function checkColumn(source: Source, name: string): void {
  if (!source.columns.has(name) && !source.computed?.has(name)) throw columnNotFound(source.name, name);
}

/** Checks a field's column and marks it computed when it names a computed field, not a column. */
export function resolveField(source: Source, field: Field): void {
  checkColumn(source, field.name);
  if (!source.columns.has(field.name)) field.computed = true;
}

function checkTree(source: Source, tree: LogicTree): void {
  if (tree.kind === 'filter') resolveField(source, tree.filter.field);
  else tree.children.forEach((child) => checkTree(source, child));
}

function leaves(tree: LogicTree): number {
  return tree.kind === 'filter' ? 1 : tree.children.reduce((n, child) => n + leaves(child), 0);
}

/** Every cast text in a read tree (select items at every level), to resolve in the catalog. */
export function castsOf(node: ReadNode, out = new Set<string>()): Set<string> {
  const walk = (items: SelectItem[]) => {
    for (const item of items) {
      if ((item.kind === 'column' || item.kind === 'count') && item.cast !== undefined) out.add(item.cast);
      else if (item.kind === 'embed') walk(item.select);
    }
  };
  walk(node.select);
  return out;
}

function findNode(root: ReadNode, path: string[], key: string): ReadNode {
  let node = root;
  for (const segment of path) {
    const next = node.embeds.find((e) => e.names.includes(segment));
    if (!next) throw parseError(`"failed to parse filter (${key})"`, `'${segment}' is not an embedded resource in this request`);
    node = next;
  }
  return node;
}

/**
 * Builds the read tree for `source` from the query string: `select=` and every filter, order,
 * limit and offset, at the top level or on an embedded resource (`rel.col=`, `rel.order=`).
 * `isArg` marks query parameters that are function arguments (GET /rpc).
 */
export function buildReadTree(cache: SchemaCache, source: Source, params: URLSearchParams, isArg: (key: string) => boolean = () => false): ReadNode {
  let length = 0;
  for (const [key, value] of params) length += key.length + value.length + 2;
  if (length > REQUEST_LIMITS.queryLength) {
    throw parseError('"failed to parse query string"', `the query string is longer than ${REQUEST_LIMITS.queryLength} characters`);
  }
  const root: ReadNode = { source, select: [], where: [], order: [], embeds: [] };
  root.select = parseSelect(params.get('select') ?? '*');
  root.embeds = resolveEmbeds(cache, root, { embeds: 0 });
  let filters = 0;
  const countFilters = (n: number) => {
    filters += n;
    if (filters > REQUEST_LIMITS.filters) throw parseError('"failed to parse filters"', `more than ${REQUEST_LIMITS.filters} filters`);
  };
  for (const [key, value] of params) {
    if (RESERVED.has(key) || isArg(key)) continue;
    const segments = key.split('.');
    let last = segments.pop()!;
    let negate = false;
    if ((last === 'or' || last === 'and') && segments[segments.length - 1] === 'not') {
      segments.pop();
      negate = true;
    }
    const node = findNode(root, segments, key);
    if (last === 'or' || last === 'and') {
      const tree = parseLogicTree(last, negate, value);
      countFilters(leaves(tree));
      checkTree(node.source, tree);
      node.where.push(tree);
    } else if (last === 'order') {
      const terms = parseOrder(value);
      terms.forEach((t) => resolveField(node.source, t.field));
      node.order.push(...terms);
    } else if (last === 'limit') {
      node.limit = parseNonNegativeInt('limit', value);
    } else if (last === 'offset') {
      node.offset = parseNonNegativeInt('offset', value);
    } else {
      // Json paths may contain dots only after an arrow; the column is what follows the last embed.
      const arrow = key.indexOf('->');
      if (arrow >= 0) {
        const before = key.slice(0, arrow).split('.');
        last = before.pop()! + key.slice(arrow);
        const target = findNode(root, before, key);
        const field = parseField(last);
        resolveField(target.source, field);
        countFilters(1);
        target.where.push({ kind: 'filter', filter: parseFilter(field, value) });
        continue;
      }
      const field = parseField(last);
      resolveField(node.source, field);
      countFilters(1);
      node.where.push({ kind: 'filter', filter: parseFilter(field, value) });
    }
  }
  return root;
}

