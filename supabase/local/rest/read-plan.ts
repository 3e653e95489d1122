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
  type SelectItem,
} from './query-parse.ts';
import type { Column, ForeignKey, Relation, SchemaCache } from './schema-cache.ts';
import { REQUEST_LIMITS } from './limits.ts';

/** The columns a node's rows have: a table, a view, or the result of a function. */
export interface Source {
  name: string;
  columns: Map<string, Column>;
}

export interface Join {
  /** Many-to-one: the child is the referenced row (an object); one-to-many: an array. */
  cardinality: 'many-to-one' | 'one-to-many';
  /** Pairs of [parent column, child column]. */
  pairs: Array<[string, string]>;
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

function relationships(cache: SchemaCache, parent: string, target: string, hint?: string): Array<{ fk: ForeignKey; join: Join; child: string }> {
  const found: Array<{ fk: ForeignKey; join: Join; child: string }> = [];
  const matchesHint = (fk: ForeignKey, cols: string[]) =>
    !hint || fk.name === hint || (cols.length === 1 && cols[0] === hint) || fk.table === hint || fk.refTable === hint;
  for (const fk of cache.foreignKeys) {
    // Many-to-one: parent holds the key; the target is named by table, constraint or key column.
    if (fk.table === parent) {
      const named = fk.refTable === target || fk.name === target || (fk.columns.length === 1 && fk.columns[0] === target);
      if (named && matchesHint(fk, fk.columns)) {
        found.push({
          fk,
          child: fk.refTable,
          join: { cardinality: 'many-to-one', pairs: fk.columns.map((c, i) => [c, fk.refColumns[i]]) },
        });
      }
    }
    if (fk.refTable === parent && (fk.table === target || fk.name === target) && matchesHint(fk, fk.columns)) {
      found.push({
        fk,
        child: fk.table,
        join: { cardinality: 'one-to-many', pairs: fk.refColumns.map((c, i) => [c, fk.columns[i]]) },
      });
    }
  }
  return found;
}

function resolveEmbed(cache: SchemaCache, parent: Source, item: Extract<SelectItem, { kind: 'embed' }>, budget: { embeds: number }): EmbedNode {
  const found = relationships(cache, parent.name, item.name, item.hint);
  if (found.length === 0) {
    throw new RestError(
      400,
      'PGRST200',
      `Could not find a relationship between '${parent.name}' and '${item.name}' in the schema cache`,
      `Searched for a foreign key relationship between '${parent.name}' and '${item.name}'${item.hint ? ` using the hint '${item.hint}'` : ''} in the schema 'public', but no matches were found.`,
      'Perhaps you meant a different table or hint.',
    );
  }
  if (found.length > 1) {
    throw new RestError(
      300,
      'PGRST201',
      `Could not embed because more than one relationship was found for '${parent.name}' and '${item.name}'`,
      found.map((f) => `${f.fk.name} (${f.join.cardinality})`).join(', '),
      `Try changing '${item.name}' to one of: ${found.map((f) => `${item.name}!${f.fk.name}`).join(', ')}`,
    );
  }
  const { child, join } = found[0];
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
  node.embeds = resolveEmbeds(cache, node, budget);
  return node;
}

function resolveEmbeds(cache: SchemaCache, node: ReadNode, budget: { embeds: number }): EmbedNode[] {
  const embeds: EmbedNode[] = [];
  for (const item of node.select) {
    if (item.kind === 'embed') {
      // Each embed is a correlated subquery: planning hundreds of them is work no request needs.
      if (++budget.embeds > REQUEST_LIMITS.embeds) {
        throw parseError('"failed to parse select parameter"', `more than ${REQUEST_LIMITS.embeds} embedded resources`);
      }
      embeds.push(resolveEmbed(cache, node.source, item, budget));
    }
    else if (item.kind === 'column') checkColumn(node.source, item.field.name);
  }
  return embeds;
}

export function checkColumn(source: Source, name: string): void {
  if (!source.columns.has(name)) throw columnNotFound(source.name, name);
}

function checkTree(source: Source, tree: LogicTree): void {
  if (tree.kind === 'filter') checkColumn(source, tree.filter.field.name);
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
      terms.forEach((t) => checkColumn(node.source, t.field.name));
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
        checkColumn(target.source, field.name);
        countFilters(1);
        target.where.push({ kind: 'filter', filter: parseFilter(field, value) });
        continue;
      }
      const field = parseField(last);
      checkColumn(node.source, field.name);
      countFilters(1);
      node.where.push({ kind: 'filter', filter: parseFilter(field, value) });
    }
  }
  return root;
}

