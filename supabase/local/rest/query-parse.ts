/**
 * Parses the PostgREST query language that postgrest-js sends: `select=` trees with embedded
 * resources, `col=op.value` filters, `or=(...)`/`and=(...)` logic trees and `order=` terms.
 * Pure text → data; nothing here knows about the schema or SQL. Every recursion here is bounded by
 * REQUEST_LIMITS.nesting before it descends, so no input can exhaust the stack.
 */
import { parseError } from './errors.ts';
import { REQUEST_LIMITS } from './limits.ts';

export interface JsonStep {
  arrow: '->' | '->>';
  key: string;
}

export interface Field {
  name: string;
  path: JsonStep[];
  /** Set by read-plan when `name` is a computed field (a function of the row), not a column. */
  computed?: boolean;
}

export type AggregateName = 'count' | 'sum' | 'avg' | 'min' | 'max';

export type SelectItem =
  | { kind: 'star' }
  | { kind: 'column'; field: Field; alias?: string; cast?: string; aggregate?: AggregateName }
  /** `count()` with no column: counts rows. */
  | { kind: 'count'; alias?: string; cast?: string }
  | { kind: 'embed'; name: string; alias?: string; hint?: string; inner: boolean; select: SelectItem[] };

export const OPERATORS = new Set([
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'is', 'isdistinct', 'in',
  'cs', 'cd', 'ov', 'sl', 'sr', 'nxr', 'nxl', 'adj', 'fts', 'plfts', 'phfts', 'wfts',
]);

export interface Filter {
  field: Field;
  negate: boolean;
  op: string;
  /** `any`/`all` for quantified operators, or the text search configuration for fts. */
  modifier?: string;
  value: string;
  /** The items of `in.(...)`, unquoted. */
  list?: string[];
}

export type LogicTree =
  | { kind: 'filter'; filter: Filter }
  | { kind: 'logic'; op: 'and' | 'or'; negate: boolean; children: LogicTree[] };

export interface OrderTerm {
  field: Field;
  direction?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

const AGGREGATES = new Set<AggregateName>(['count', 'sum', 'avg', 'min', 'max']);
const NAME_STOP = new Set([',', '(', ')', '!', ':', '.', '"', '-', '>']);
/**
 * A cast names a type with letters, digits, `_`, `$` and spaces, as PostgREST's parser accepts
 * (`double precision`), plus `[]` for arrays. Even so it never reaches SQL as written: rest-api
 * resolves it in the catalog and the statement uses the catalog's own name for the type.
 */
const CAST_CHARS = /^[\p{L}0-9_ $]*(?:\[\])*/u;

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  peek(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }
  eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }
  expect(s: string): void {
    if (!this.eat(s)) throw this.fail(`"${s}" expected`);
  }
  done(): boolean {
    return this.pos >= this.text.length;
  }
  fail(what: string) {
    return parseError(`"failed to parse select parameter (${this.text})"`, `${what} at position ${this.pos}`);
  }
}

function readName(c: Cursor): string {
  let name: string;
  if (c.eat('"')) {
    name = '';
    while (!c.done() && !c.peek('"')) {
      if (c.peek('\\')) c.pos++;
      name += c.text[c.pos++];
    }
    c.expect('"');
  } else {
    const start = c.pos;
    while (!c.done() && !NAME_STOP.has(c.text[c.pos])) c.pos++;
    name = c.text.slice(start, c.pos).trim();
    if (!name) throw c.fail('name expected');
  }
  // Names become quoted identifiers (aliases) or bound values; the wire protocol ends SQL text at
  // NUL, so one inside an identifier would cut the statement short (08P01 before this check).
  if (name.includes('\0')) throw c.fail('NUL character in a name');
  return name;
}

function readJsonPath(c: Cursor): JsonStep[] {
  const path: JsonStep[] = [];
  for (;;) {
    const arrow = c.eat('->>') ? '->>' : c.eat('->') ? '->' : undefined;
    if (!arrow) return path;
    path.push({ arrow, key: readName(c) });
  }
}

function readCast(c: Cursor): string | undefined {
  if (!c.eat('::')) return undefined;
  const cast = (CAST_CHARS.exec(c.text.slice(c.pos))?.[0] ?? '');
  c.pos += cast.length;
  const name = cast.trim().replace(/ +/g, ' ');
  if (!name || name.startsWith('[')) throw c.fail('cast type expected');
  return name;
}

/** `depth` is the embedding level: 0 for the top-level list. */
function parseItems(c: Cursor, depth: number): SelectItem[] {
  const items: SelectItem[] = [];
  const nested = depth > 0;
  if (nested && c.peek(')')) return items;
  for (;;) {
    items.push(parseItem(c, depth));
    if (c.eat(',')) continue;
    if (nested ? c.peek(')') : c.done()) return items;
    throw c.fail('"," expected');
  }
}

function parseItem(c: Cursor, depth: number): SelectItem {
  if (c.eat('*')) return { kind: 'star' };
  if (c.peek('...')) throw c.fail('spread embedding is not supported by the embedded stack');
  let name = readName(c);
  let alias: string | undefined;
  if (c.peek(':') && !c.peek('::')) {
    c.pos++;
    alias = name;
    name = readName(c);
  }
  if (name === 'count' && c.eat('()')) {
    return { kind: 'count', alias, cast: readCast(c) };
  }
  let hint: string | undefined;
  let inner = false;
  while (c.eat('!')) {
    const word = readName(c);
    if (word === 'inner') inner = true;
    else if (word !== 'left') hint = word;
  }
  if (c.eat('(')) {
    if (depth >= REQUEST_LIMITS.nesting) throw c.fail(`embedded resources nested deeper than ${REQUEST_LIMITS.nesting} levels`);
    const select = parseItems(c, depth + 1);
    c.expect(')');
    return { kind: 'embed', name, alias, hint, inner, select };
  }
  if (hint || inner) throw c.fail('"(" expected after an embedding hint');
  const field: Field = { name, path: readJsonPath(c) };
  let aggregate: AggregateName | undefined;
  let cast = readCast(c);
  if (c.eat('.')) {
    const agg = readName(c) as AggregateName;
    if (!AGGREGATES.has(agg)) throw c.fail('aggregate expected');
    c.expect('()');
    aggregate = agg;
    cast = readCast(c) ?? cast;
  }
  return { kind: 'column', field, alias, cast, aggregate };
}

export function parseSelect(text: string): SelectItem[] {
  if (text.trim() === '') return [{ kind: 'star' }];
  return parseItems(new Cursor(text), 0);
}

/** `col`, `col->a->>b` or `"quoted col"` as used in filter keys and order terms. */
export function parseField(text: string): Field {
  const c = new Cursor(text);
  const name = readName(c);
  const path = readJsonPath(c);
  if (!c.done()) throw parseError(`"failed to parse field (${text})"`);
  return { name, path };
}

/** Splits on commas that are not inside parentheses, braces or double quotes. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      // A closer before its opener would let `a),(b` pass as balanced.
      if (--depth < 0) break;
    } else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (quoted || depth !== 0) throw parseError(`"failed to parse (${text})"`, 'unbalanced quotes or parentheses');
  parts.push(text.slice(start));
  return parts;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}

/**
 * Refuses a value whose bracket structure could exhaust a recursive parser inside the database
 * (regex, jsonb, tsquery, array input): PGlite's WebAssembly stack overflows long before Postgres'
 * own max_stack_depth check notices, and then hangs on the next such statement.
 */
export function checkValue(value: string, what: string): void {
  let depth = 0;
  let brackets = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === 40 || ch === 91 || ch === 123) {
      brackets++;
      if (++depth > REQUEST_LIMITS.valueNesting) {
        throw parseError(`"failed to parse ${what}"`, `brackets nested deeper than ${REQUEST_LIMITS.valueNesting} levels in a value`);
      }
    } else if ((ch === 41 || ch === 93 || ch === 125) && depth > 0) depth--;
  }
  if (brackets > REQUEST_LIMITS.valueBrackets) {
    throw parseError(`"failed to parse ${what}"`, `more than ${REQUEST_LIMITS.valueBrackets} brackets in a value`);
  }
}

/** Parses `[not.]op[(modifier)].value` for the given field. */
export function parseFilter(field: Field, text: string, inLogicTree = false): Filter {
  let rest = text;
  let negate = false;
  if (rest.startsWith('not.')) {
    negate = true;
    rest = rest.slice(4);
  }
  const m = /^([a-z]+)(?:\(([^)]*)\))?\./.exec(rest);
  if (!m || !OPERATORS.has(m[1])) throw parseError(`"failed to parse filter (${text})"`, `unknown operator in ${text}`);
  const op = m[1];
  const modifier = m[2];
  let value = rest.slice(m[0].length);
  checkValue(value, `filter (${op})`);
  if ((op === 'match' || op === 'imatch') && value.length > REQUEST_LIMITS.patternLength) {
    throw parseError(`"failed to parse filter (${op})"`, `a pattern longer than ${REQUEST_LIMITS.patternLength} characters`);
  }
  if (modifier !== undefined && !['any', 'all'].includes(modifier) && !op.endsWith('fts')) {
    throw parseError(`"failed to parse filter (${text})"`);
  }
  if (op === 'in') {
    if (!value.startsWith('(') || !value.endsWith(')')) throw parseError(`"failed to parse filter (${text})"`, 'in. needs a list in parentheses');
    const inner = value.slice(1, -1);
    const list = inner === '' ? [] : splitTopLevel(inner).map((v) => unquote(v.trim()));
    return { field, negate, op, modifier, value, list };
  }
  if (inLogicTree) value = unquote(value);
  return { field, negate, op, modifier, value };
}

/**
 * Parses the value of `or=`/`and=`: `(a.eq.1,or(b.gt.2,c.is.null))`. `depth` is the tree level
 * (1 for the parameter itself); deeper than REQUEST_LIMITS.nesting is refused before descending.
 */
export function parseLogicTree(op: 'and' | 'or', negate: boolean, text: string, depth = 1): LogicTree {
  if (depth > REQUEST_LIMITS.nesting) {
    throw parseError(`"failed to parse logic tree"`, `or/and nested deeper than ${REQUEST_LIMITS.nesting} levels`);
  }
  if (!text.startsWith('(') || !text.endsWith(')')) {
    throw parseError(`"failed to parse logic tree (${text})"`, 'expected a parenthesised list');
  }
  const children = splitTopLevel(text.slice(1, -1)).map((part) => parseLogicItem(part.trim(), depth));
  return { kind: 'logic', op, negate, children };
}

function parseLogicItem(text: string, depth: number): LogicTree {
  const m = /^(not\.)?(and|or)(\(.*\))$/s.exec(text);
  if (m) return parseLogicTree(m[2] as 'and' | 'or', Boolean(m[1]), m[3], depth + 1);
  const c = new Cursor(text);
  const name = readName(c);
  const path = readJsonPath(c);
  if (!c.eat('.')) throw parseError(`"failed to parse logic tree (${text})"`);
  return { kind: 'filter', filter: parseFilter({ name, path }, text.slice(c.pos), true) };
}

export function parseOrder(text: string): OrderTerm[] {
  return splitTopLevel(text).map((term) => {
    const c = new Cursor(term.trim());
    const field: Field = { name: readName(c), path: readJsonPath(c) };
    const out: OrderTerm = { field };
    while (c.eat('.')) {
      const word = readName(c);
      if (word === 'asc' || word === 'desc') out.direction = word;
      else if (word === 'nullsfirst') out.nulls = 'first';
      else if (word === 'nullslast') out.nulls = 'last';
      else throw parseError(`"failed to parse order (${text})"`, `unexpected "${word}"`);
    }
    if (!c.done()) throw parseError(`"failed to parse order (${text})"`);
    return out;
  });
}

export function parseNonNegativeInt(name: string, text: string): number {
  if (!/^\d{1,15}$/.test(text)) throw parseError(`"failed to parse ${name} parameter (${text})"`);
  return Number(text);
}
