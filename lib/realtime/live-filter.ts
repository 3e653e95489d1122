/**
 * The one filter a live view may have (Supabase Realtime accepts one per subscription): written as
 * postgres_changes and PostgREST expect it, and tested on a row the way the server tests it, so a
 * row updated out of the filter can leave the view.
 */

export type LiveFilterOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';
export type LiveScalar = string | number | boolean;

export interface LiveFilter<Column extends string = string> {
  column: Column;
  op: LiveFilterOp;
  /** One value, or a list for `in`. */
  value: LiveScalar | readonly LiveScalar[];
}

const OPS: readonly string[] = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in'] satisfies LiveFilterOp[];

function isOp(text: string): text is LiveFilterOp {
  return OPS.includes(text);
}

function isList(value: LiveFilter['value']): value is readonly LiveScalar[] {
  return Array.isArray(value);
}

function literal(v: LiveScalar): string {
  const s = String(v);
  return /[,()"\s]/.test(s) ? `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : s;
}

/** The operand after `op.`: what PostgREST's `.filter(column, op, value)` takes. */
export function filterOperand(f: LiveFilter): string {
  return isList(f.value) ? `(${f.value.map(literal).join(',')})` : String(f.value);
}

export function filterString(f: LiveFilter): string {
  return `${f.column}=${f.op}.${filterOperand(f)}`;
}

/** Inverse of filterString, for callers that keep a filter as a stable string (React dependencies). */
export function parseLiveFilter(text: string): LiveFilter {
  const m = /^([^=]+)=([a-z]+)\.(.*)$/s.exec(text);
  if (!m || !isOp(m[2])) throw new Error(`invalid live filter "${text}"`);
  const [, column, op, raw] = m;
  if (op !== 'in') return { column, op, value: raw };
  const inner = raw.replace(/^\(|\)$/g, '');
  const values = (inner.match(/"(?:[^"\\]|\\.)*"|[^,]+/g) ?? []).map((v) =>
    v.startsWith('"') ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v,
  );
  return { column, op: 'in', value: values };
}

function compareValues(a: unknown, b: LiveScalar): number {
  if (typeof a === 'number' && (typeof b === 'number' || !Number.isNaN(Number(b)))) return a - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The same test the server applies, so a row updated out of the filter leaves the view. */
export function matchesLiveFilter<Row extends object>(row: Row, f: LiveFilter<keyof Row & string> | undefined): boolean {
  if (!f) return true;
  const v: unknown = row[f.column];
  if (v === null || v === undefined) return false;
  const values = isList(f.value) ? f.value : [f.value];
  const c = compareValues(v, values[0]);
  switch (f.op) {
    case 'eq':
      return c === 0;
    case 'neq':
      return c !== 0;
    case 'lt':
      return c < 0;
    case 'lte':
      return c <= 0;
    case 'gt':
      return c > 0;
    case 'gte':
      return c >= 0;
    case 'in':
      return values.some((x) => compareValues(v, x) === 0);
  }
}
