/**
 * `/rpc/fn`: picks the function overload whose argument names match the request, as PostgREST's
 * findProc does, and builds the call with the arguments bound as parameters and typed by the
 * declared parameter types (catalog text).
 */
import { quoteIdent as q } from '../db/database.ts';
import { RestError } from './errors.ts';
import type { FunctionArg, RestFunction, SchemaCache } from './schema-cache.ts';
import type { Params } from './sql-build.ts';

/**
 * How the arguments arrive: as query-string text (GET/HEAD), or as the JSON body (POST) of which
 * `names` are the keys that are parameters of the chosen function.
 */
export type CallArgs =
  | { kind: 'query'; args: Record<string, unknown> }
  | { kind: 'body'; names: string[]; text: string };

/** PostgREST's fallback: a function whose only parameter is unnamed json/jsonb takes the whole body. */
function singleUnnamedJson(fn: RestFunction): boolean {
  return fn.args.length === 1 && fn.args[0].name === '' && (fn.args[0].type === 'json' || fn.args[0].type === 'jsonb');
}

export function resolveFunction(cache: SchemaCache, name: string, argNames: string[], isGet: boolean): RestFunction {
  const candidates = cache.functions.get(name) ?? [];
  // An unnamed parameter can never be given by name: a key "" names nothing.
  const keys = argNames.filter((k) => k !== '');
  const fits = candidates.filter((fn) => {
    const names = new Set(fn.args.map((a) => a.name).filter((n) => n !== ''));
    // On GET, keys that are not argument names are filters on the result, as in PostgREST.
    if (!isGet && keys.length !== argNames.length) return false;
    if (!isGet && !keys.every((k) => names.has(k))) return false;
    return fn.args.every((a) => a.hasDefault || (a.name !== '' && keys.includes(a.name)));
  });
  if (fits.length === 1) return fits[0];
  if (fits.length > 1) {
    // Prefer the overload that uses the most of the given names.
    const score = (fn: RestFunction) => fn.args.filter((a) => keys.includes(a.name)).length;
    fits.sort((a, b) => score(b) - score(a));
    if (score(fits[0]) > score(fits[1])) return fits[0];
    throw new RestError(300, 'PGRST203', `Could not choose the best candidate function between: ${fits.map((f) => `public.${f.name}(${f.args.map((a) => `${a.name} => ${a.type}`).join(', ')})`).join(', ')}`, null, 'Try renaming the parameters or the function itself in the database so function overloading can be resolved');
  }
  if (!isGet) {
    const fallback = candidates.filter(singleUnnamedJson);
    if (fallback.length === 1) return fallback[0];
    if (fallback.length > 1) {
      throw new RestError(300, 'PGRST203', `Could not choose the best candidate function between: ${fallback.map((f) => `public.${f.name}( => ${f.args[0].type})`).join(', ')}`, null, 'Try renaming the parameters or the function itself in the database so function overloading can be resolved');
    }
  }
  const shown = argNames.length ? `(${[...argNames].sort().join(', ')})` : ' without parameters';
  const params = argNames.length ? ` with parameter${argNames.length > 1 ? 's' : ''} ${[...argNames].sort().join(', ')}` : ' without parameters';
  throw new RestError(
    404,
    'PGRST202',
    `Could not find the function public.${name}${shown} in the schema cache`,
    `Searched for the function public.${name}${params}${isGet ? '' : ' or with a single unnamed json/jsonb parameter'}, but no matches were found in the schema cache.`,
  );
}

/** `"name" := ` or, for a variadic parameter, `variadic "name" := `. */
function named(a: FunctionArg): string {
  return `${a.variadic ? 'variadic ' : ''}${q(a.name)} := `;
}

/**
 * `public."fn"(...)`. Query-string values are bound as text and cast to the parameter type, so
 * Postgres parses them as it would a literal. A JSON body is bound once and each parameter is read
 * from it with `json_to_record`, as PostgREST does: objects become composite (row) values, arrays
 * become Postgres arrays, strings and numbers take the parameter's type.
 */
export function callSql(fn: RestFunction, call: CallArgs, params: Params): string {
  if (singleUnnamedJson(fn)) {
    const body = call.kind === 'body' ? call.text : JSON.stringify(call.args);
    return `public.${q(fn.name)}(${params.add(body)}::${fn.args[0].type})`;
  }
  if (call.kind === 'query') {
    const parts = fn.args
      .filter((a) => a.name !== '' && Object.prototype.hasOwnProperty.call(call.args, a.name))
      .map((a) => {
        const value = call.args[a.name];
        return `${named(a)}${params.add(value === null || value === undefined ? null : String(value))}::${a.type}`;
      });
    return `public.${q(fn.name)}(${parts.join(', ')})`;
  }
  const given = fn.args.filter((a) => a.name !== '' && call.names.includes(a.name));
  if (!given.length) return `public.${q(fn.name)}()`;
  const body = params.add(call.text);
  const parts = given.map((a) => `${named(a)}(select "_a".${q(a.name)} from json_to_record(${body}::json) as "_a"(${q(a.name)} ${a.type}))`);
  return `public.${q(fn.name)}(${parts.join(', ')})`;
}
