/**
 * `/rpc/fn`: picks the function overload whose argument names match the request, and builds the
 * call with each argument as a bind parameter cast to the declared type (catalog text).
 */
import { quoteIdent as q } from '../db/database.ts';
import { RestError } from './errors.ts';
import type { RestFunction, SchemaCache } from './schema-cache.ts';
import type { Params } from './sql-build.ts';

export function resolveFunction(cache: SchemaCache, name: string, argNames: string[], isGet: boolean): RestFunction {
  const candidates = cache.functions.get(name) ?? [];
  const fits = candidates.filter((fn) => {
    const names = new Set(fn.args.map((a) => a.name));
    // On GET, keys that are not argument names are filters on the result, as in PostgREST.
    if (!isGet && !argNames.every((k) => names.has(k))) return false;
    return fn.args.every((a) => a.hasDefault || argNames.includes(a.name));
  });
  if (fits.length === 1) return fits[0];
  if (fits.length > 1) {
    // Prefer the overload that uses the most of the given names.
    const score = (fn: RestFunction) => fn.args.filter((a) => argNames.includes(a.name)).length;
    fits.sort((a, b) => score(b) - score(a));
    if (score(fits[0]) > score(fits[1])) return fits[0];
    throw new RestError(300, 'PGRST203', `Could not choose the best candidate function between: ${fits.map((f) => `public.${f.name}(${f.args.map((a) => `${a.name} => ${a.type}`).join(', ')})`).join(', ')}`);
  }
  const shown = argNames.length ? `(${[...argNames].sort().join(', ')})` : ' without parameters';
  throw new RestError(
    404,
    'PGRST202',
    `Could not find the function public.${name}${shown} in the schema cache`,
    `Searched for the function public.${name}${argNames.length ? ` with parameters ${[...argNames].sort().join(', ')}` : ' without parameters'} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
  );
}

function pgArrayLiteral(items: unknown[]): string {
  const parts = items.map((e) => {
    if (e === null || e === undefined) return 'NULL';
    if (Array.isArray(e)) return pgArrayLiteral(e);
    const text = typeof e === 'object' ? JSON.stringify(e) : String(e);
    return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  });
  return '{' + parts.join(',') + '}';
}

/** The text form of an argument value for a parameter of `type`. */
export function argText(value: unknown, type: string, fromQuery: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (fromQuery && typeof value === 'string') return value;
  if (type === 'json' || type === 'jsonb') return JSON.stringify(value);
  if (Array.isArray(value)) return type.endsWith('[]') ? pgArrayLiteral(value) : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `public."fn"("a" := $1::integer, ...)` */
export function callSql(fn: RestFunction, args: Record<string, unknown>, params: Params, fromQuery: boolean): string {
  const parts = fn.args
    .filter((a) => Object.prototype.hasOwnProperty.call(args, a.name))
    .map((a) => `${q(a.name)} := ${params.add(argText(args[a.name], a.type, fromQuery))}::${a.type}`);
  return `public.${q(fn.name)}(${parts.join(', ')})`;
}
