/**
 * postgres_changes filters (`col=op.value`, comma-separated conditions all required, optional `not.`)
 * parsed once at join and evaluated against the JSON image of a row, comparing by the column's type.
 */
export type FilterOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';

export interface FilterCondition {
  column: string;
  op: FilterOp;
  negate: boolean;
  /** One value, or several for `in`. */
  values: string[];
}

const OPS = new Set<FilterOp>(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in']);
const NUMERIC = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const TIME = new Set(['timestamp', 'timestamptz', 'date']);

export class FilterError extends Error {}

/** Splits on `sep` outside double quotes and parentheses. */
function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && quoted && i + 1 < s.length) {
      cur += ch + s[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    if (ch === sep && !quoted && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  return t;
}

export function parseFilter(filter: string | undefined | null): FilterCondition[] {
  if (filter === undefined || filter === null || filter === '') return [];
  return splitTop(filter, ',').map((part) => {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new FilterError(`invalid filter "${part}"`);
    const column = part.slice(0, eq).trim();
    let rest = part.slice(eq + 1);
    let negate = false;
    if (rest.startsWith('not.')) {
      negate = true;
      rest = rest.slice(4);
    }
    const dot = rest.indexOf('.');
    const op = rest.slice(0, dot) as FilterOp;
    if (dot < 0 || !OPS.has(op)) throw new FilterError(`unsupported filter operator in "${part}"`);
    const raw = rest.slice(dot + 1);
    let values: string[];
    if (op === 'in') {
      if (!raw.startsWith('(') || !raw.endsWith(')')) throw new FilterError(`"in" needs a list in parentheses: "${part}"`);
      values = splitTop(raw.slice(1, -1), ',').map(unquote);
    } else values = [unquote(raw)];
    return { column, op, negate, values };
  });
}

type Comparable = number | string | boolean | null;

function coerce(v: unknown, type: string): Comparable {
  if (v === null || v === undefined) return null;
  if (NUMERIC.has(type)) {
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isNaN(n) ? String(v) : n;
  }
  if (type === 'bool') return v === true || v === 'true' || v === 't';
  if (TIME.has(type)) {
    const ms = Date.parse(String(v));
    return Number.isNaN(ms) ? String(v) : ms;
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function compare(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function test(cond: FilterCondition, value: unknown, type: string): boolean {
  const left = coerce(value, type);
  // As in SQL, a comparison with null is not true, and neither is its negation.
  if (left === null) return false;
  const rights = cond.values.map((v) => coerce(v, type));
  let ok: boolean;
  switch (cond.op) {
    case 'eq':
      ok = compare(left, rights[0]) === 0;
      break;
    case 'neq':
      ok = compare(left, rights[0]) !== 0;
      break;
    case 'lt':
      ok = compare(left, rights[0]) < 0;
      break;
    case 'lte':
      ok = compare(left, rights[0]) <= 0;
      break;
    case 'gt':
      ok = compare(left, rights[0]) > 0;
      break;
    case 'gte':
      ok = compare(left, rights[0]) >= 0;
      break;
    case 'in':
      ok = rights.some((r) => compare(left, r) === 0);
      break;
  }
  return cond.negate ? !ok : ok;
}

/**
 * True when every condition holds on `row`. A condition on a column the row image lacks (a DELETE
 * carries only the primary key) is false, as in supabase/realtime.
 */
export function matchesFilter(conds: FilterCondition[], row: Record<string, unknown>, types: Map<string, string>): boolean {
  for (const c of conds) {
    if (!(c.column in row)) return false;
    if (!test(c, row[c.column], types.get(c.column) ?? 'text')) return false;
  }
  return true;
}
