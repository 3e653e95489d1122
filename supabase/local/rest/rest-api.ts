/**
 * `/rest/v1`: the PostgREST subset supabase-js uses. Each request is checked against the schema
 * cache, turned into one SQL statement returning JSON text, and run in one transaction as the
 * caller (role and claims from the JWT), so row-level security applies exactly as on Supabase.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { asCaller, requestContextStatement, requestRole, type RequestInfo } from '../db/request-context.ts';
import { quoteIdent, type Queryable } from '../db/database.ts';
import { callerToken, HttpError, readBody, sendJson } from '../http.ts';
import type { HttpApi, StackContext } from '../stack-context.ts';
import type { Claims } from '../jwt.ts';
import { RestError, tableNotFound, toRestError } from './errors.ts';
import { ClaimsCache } from './claims-cache.ts';
import { checkPayloadColumns, deleteSql, insertSql, updateSql } from './mutation-sql.ts';
import {
  checkStrict, maxAffectedError, maxAffectedLimit, parseAccept, parsePrefer, preferenceApplied,
  type AcceptInfo, type Preferences, type RequestKind,
} from './prefer.ts';
import { buildReadTree, castsOf, type ReadNode, type Source } from './read-plan.ts';
import { callSql, resolveFunction, type CallArgs } from './rpc.ts';
import { loadSchemaCache, type Relation, type SchemaCache } from './schema-cache.ts';
import { countPlanSql, mutationResultSql, Params, readSql } from './sql-build.ts';
import { checkValue, splitTopLevel } from './query-parse.ts';
import { TypeResolver } from './cast-types.ts';
import { REQUEST_LIMITS } from './limits.ts';
import { checkPlanCost, planCostKnownWithin, type CostedStatement } from './plan-budget.ts';
import { RESPONSE_SETTINGS_COLUMNS, RESPONSE_SETTINGS_SQL, responseOverride, type ResponseOverride, type ResponseSettingsRow } from './response-gucs.ts';

interface ResultRow {
  total: string | number | null;
  page_total: string | number;
  body: string | null;
}

/** `count=planned|estimated`: the EXPLAIN whose row estimate gives the total. */
interface PlanStatement {
  sql: string;
  values: unknown[];
  /** estimated: the exact count unless it passed db-max-rows, then the larger of both. */
  estimated: boolean;
}

type Statement = CostedStatement & {
  plan?: PlanStatement;
  /** The statement's own row carries the response settings (RESPONSE_SETTINGS_COLUMNS). */
  settingsInline?: boolean;
};

/** The top plan node's row estimate from `explain (format json)` (pg and PGlite parse json). */
function planRows(row: Record<string, unknown> | undefined): number | null {
  let doc: unknown = row?.['QUERY PLAN'];
  if (typeof doc === 'string') doc = JSON.parse(doc) as unknown;
  const first: unknown = Array.isArray(doc) ? doc[0] : undefined;
  const plan = typeof first === 'object' && first !== null ? (first as { Plan?: { 'Plan Rows'?: unknown } }).Plan : undefined;
  return typeof plan?.['Plan Rows'] === 'number' ? Math.round(plan['Plan Rows']) : null;
}

interface Outcome {
  row: ResultRow;
  affected: number;
  /** Rows an upsert inserted rather than updated (counted in `pgrst.inserted`). */
  inserted: number;
  /** `response.status` / `response.headers` set by the request's SQL. */
  override: ResponseOverride;
}

interface RunOptions {
  /** Roll back instead of committing (`Prefer: tx=rollback`). */
  rollback: boolean;
  /** READ ONLY, as PostgREST runs GET/HEAD and calls of stable or immutable functions. */
  readOnly: boolean;
  /** `Prefer: timezone=`. */
  timezone?: string;
}

/** Methods whose schema is negotiated with Content-Profile; the others use Accept-Profile (as PostgREST). */
const CONTENT_PROFILE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** How many read statements to keep, keyed by everything that shapes their SQL. */
const STATEMENT_CACHE_SIZE = 500;

class RollbackSignal {
  constructor(readonly outcome: Outcome) {}
}

function singleError(rows: number): RestError {
  return new RestError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows} rows`);
}

/** CSV is served for reads of rows only; elsewhere the media type is refused as PostgREST refuses one it lacks. */
function csvUnavailable(): RestError {
  return new RestError(406, 'PGRST107', 'None of these media types are available: text/csv');
}

function invalidJson(detail: string): RestError {
  return new RestError(400, 'PGRST102', 'Empty or invalid json', detail);
}

function contentRange(offset: number, count: number, total: number | null): string {
  const totalText = total === null ? '*' : String(total);
  return count === 0 ? `*/${totalText}` : `${offset}-${offset + count - 1}/${totalText}`;
}

/**
 * The deepest nesting of arrays/objects in JSON text, scanning without recursion; stops counting
 * once past `limit`. JSON.parse/stringify, the array literals of rpc.ts and Postgres' jsonb input
 * all recurse per level, so a body is measured before any of them sees it.
 */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > limit) return true;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return false;
}

/** Only schema `public` is exposed; another profile gets PostgREST's refusal, never `public`'s rows. */
function checkProfile(req: IncomingMessage, method: string): void {
  const header = CONTENT_PROFILE_METHODS.has(method) ? 'content-profile' : 'accept-profile';
  const value = req.headers[header];
  if (value === undefined) return;
  const profile = Array.isArray(value) ? value.join(', ') : value;
  if (profile !== 'public') {
    throw new RestError(406, 'PGRST106', `Invalid schema: ${profile}`, null, 'Only the following schemas are exposed: public');
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new RestError(400, 'PGRST100', 'Malformed percent-encoding in the request path');
  }
}

function requestHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function applyRange(req: IncomingMessage, root: ReadNode): void {
  const range = req.headers.range;
  if (!range || root.limit !== undefined) return;
  const m = /^(?:items=)?(\d+)-(\d*)$/.exec(range.trim());
  if (!m) return;
  const from = Number(m[1]);
  root.offset = root.offset ?? from;
  if (m[2] !== '') root.limit = Math.max(0, Number(m[2]) - from + 1);
}

export async function createRestApi(ctx: StackContext): Promise<HttpApi & { reloadSchema(): Promise<void> }> {
  const { db, config } = ctx;
  let cache: SchemaCache = await loadSchemaCache(db);
  const statements = new Map<string, Statement & { offset: number }>();
  const claimsCache = new ClaimsCache(config.jwtSecret);
  const types = new TypeResolver(db);

  async function reloadSchema(): Promise<void> {
    cache = await loadSchemaCache(db);
    statements.clear();
    types.clear();
  }
  let reloading: Promise<void> = Promise.resolve();
  const unlisten = await db.listen('pgrst', (payload) => {
    if (payload.trim() === '' || payload.trim() === 'reload schema') {
      // Queue reloads so a burst of notifications never runs two introspections at once.
      reloading = reloading.then(reloadSchema, reloadSchema);
    }
  });

  /**
   * A read-only statement that carries its response settings, whose plan cost (PGlite) is known: the
   * context and the statement go to the database as one pipeline, one call instead of a dozen.
   * Undefined when the request does not qualify; `run` then takes the transaction path.
   */
  async function runPipelined(claims: Claims, info: RequestInfo, stmt: Statement, check: (o: Outcome) => void, opts: RunOptions): Promise<Outcome | undefined> {
    if (!db.pipeline || !stmt.settingsInline || stmt.plan || !opts.readOnly || opts.rollback) return undefined;
    if (!planCostKnownWithin(requestRole(claims), stmt)) return undefined;
    const context = requestContextStatement(claims, info, { readOnly: true, statementTimeout: true });
    const row = (await db.pipeline([context, stmt]))?.[1]?.[0];
    if (!row) return undefined;
    const outcome: Outcome = {
      row: { total: row.total ?? null, page_total: row.page_total ?? 0, body: row.body ?? null },
      affected: 0,
      inserted: Number(row.inserted ?? 0),
      override: responseOverride({ status: row.status ?? null, headers: row.headers ?? null, inserted: row.inserted ?? null }),
    };
    check(outcome);
    return outcome;
  }

  async function run(claims: Claims, req: IncomingMessage, url: URL, stmt: Statement, check: (o: Outcome) => void, opts: RunOptions): Promise<Outcome> {
    // PostgREST sees the path below the gateway's /rest/v1 prefix.
    const info = { method: req.method ?? 'GET', path: url.pathname.replace(/^\/rest\/v1/, ''), headers: requestHeaders(req), timezone: opts.timezone };
    const pipelined = await runPipelined(claims, info, stmt, check, opts);
    if (pipelined) return pipelined;
    try {
      return await asCaller(db, claims, info, async (tx: Queryable) => {
        // PGlite cannot honour statement_timeout; its stand-in is a plan-cost budget (plan-budget.ts).
        if (db.kind === 'pglite') await checkPlanCost(tx, requestRole(claims), stmt);
        // Not prepared: after five runs Postgres may switch a prepared read to a generic plan that does
        // not know the bound limit or filter values (measured: REST fell from 0.44 to 0.22 of /health).
        const r = await tx.query<ResultRow & ResponseSettingsRow>(stmt.sql, stmt.values);
        const after = stmt.settingsInline ? r.rows[0] : (await tx.query<ResponseSettingsRow>(RESPONSE_SETTINGS_SQL)).rows[0];
        const row = r.rows[0] ?? { total: null, page_total: r.affectedRows, body: null };
        if (stmt.plan) {
          const estimate = planRows((await tx.query<Record<string, unknown>>(stmt.plan.sql, stmt.plan.values)).rows[0]);
          const counted = row.total === null ? null : Number(row.total);
          row.total = !stmt.plan.estimated || counted === null
            ? estimate
            : counted > REQUEST_LIMITS.maxRows && estimate !== null ? Math.max(counted, estimate) : counted;
        }
        const outcome: Outcome = {
          row,
          affected: r.affectedRows,
          inserted: Number(after?.inserted ?? 0),
          override: responseOverride(after),
        };
        check(outcome);
        if (opts.rollback) {
          // As PostgREST: deferred constraints are checked before the rollback, so a request that
          // would fail at commit fails here too instead of answering as if it had succeeded.
          await tx.query('set constraints all immediate');
          throw new RollbackSignal(outcome);
        }
        return outcome;
      }, { readOnly: opts.readOnly, statementTimeout: true });
    } catch (err) {
      if (err instanceof RollbackSignal) return err.outcome;
      throw err;
    }
  }

  /** Resolves the casts of a read tree in the catalog and returns the parameters that carry them. */
  async function paramsFor(root: ReadNode): Promise<Params> {
    return new Params(await types.resolve(castsOf(root)));
  }

  /** `from` builds the FROM item (a table, or a function call whose arguments come first in `params`). */
  /**
   * `from` builds the FROM item (a table, or a function call whose arguments come first in `params`).
   * `volatileCall` marks a call of a volatile function: when a count reads it a second time it is
   * evaluated once in a CTE (PostgREST calls a function once per request), its rows keeping the
   * returned table's row type so computed fields still apply.
   */
  async function readStatement(relation: Source, from: (params: Params) => string, req: IncomingMessage, url: URL, accept: AcceptInfo, prefs: Preferences, isArg?: (k: string) => boolean, volatileCall = false) {
    const root = buildReadTree(cache, relation, url.searchParams, isArg);
    applyRange(req, root);
    // PostgREST's db-max-rows: the top level never returns more, whatever limit was asked for.
    root.limit = Math.min(root.limit ?? REQUEST_LIMITS.maxRows, REQUEST_LIMITS.maxRows);
    const params = await paramsFor(root);
    const counting = prefs.count === 'exact' || prefs.count === 'estimated';
    let fromSql = from(params);
    let prefix = '';
    if (volatileCall && counting) {
      prefix = relation.table
        ? `with "pgrst_call" as materialized (select "_f" from ${fromSql} as "_f") `
        : `with "pgrst_call" as materialized (select "_f".* from ${fromSql} as "_f") `;
      fromSql = relation.table ? `unnest((select array_agg("_c"."_f") from "pgrst_call" as "_c"))` : `"pgrst_call"`;
    }
    const countLimit = prefs.count === 'estimated' ? REQUEST_LIMITS.maxRows + 1 : undefined;
    const sql = prefix + readSql(root, fromSql, params, { ...accept, count: counting, countLimit, trailingColumns: RESPONSE_SETTINGS_COLUMNS });
    let plan: PlanStatement | undefined;
    if (prefs.count === 'planned' || prefs.count === 'estimated') {
      // Its own parameters: the EXPLAIN binds only the values its query uses.
      const planParams = await paramsFor(root);
      const planFrom = from(planParams);
      plan = { sql: countPlanSql(root, planFrom, planParams), values: planParams.values, estimated: prefs.count === 'estimated' };
    }
    // Cached read statements also keep their estimated cost per role (PGlite's budget check).
    return { sql, values: params.values, offset: root.offset ?? 0, costs: new Map(), plan, settingsInline: true };
  }

  function sendRead(res: ServerResponse, method: string, outcome: Outcome, offset: number, accept: AcceptInfo, singleResult: boolean, applied: string | undefined) {
    const n = Number(outcome.row.page_total);
    const total = outcome.row.total === null ? null : Number(outcome.row.total);
    if (total !== null && total > 0 && offset > total) {
      throw new RestError(416, 'PGRST103', 'Requested range not satisfiable', `An offset of ${offset} was requested, but there are only ${total} rows.`);
    }
    const status = total !== null && n < total ? 206 : 200;
    const type = accept.csv ? 'text/csv' : accept.single || singleResult ? 'application/vnd.pgrst.object+json' : 'application/json';
    const headers: Record<string, string> = { 'content-type': `${type}; charset=utf-8`, 'content-range': contentRange(offset, n, total) };
    if (applied) headers['preference-applied'] = applied;
    res.writeHead(outcome.override.status ?? status, { ...headers, ...outcome.override.headers });
    res.end(method === 'HEAD' ? undefined : outcome.row.body ?? 'null');
  }

  async function handleRead(req: IncomingMessage, res: ServerResponse, url: URL, relation: Relation, claims: Claims, accept: AcceptInfo, prefs: Preferences) {
    const key = `${relation.name}${url.search}|${accept.single}|${accept.stripNulls}|${accept.csv === true}|${prefs.count ?? ''}|${req.headers.range ?? ''}`;
    let stmt = statements.get(key);
    if (stmt) {
      statements.delete(key);
    } else {
      stmt = await readStatement(relation, () => `public.${quoteIdent(relation.name)}`, req, url, accept, prefs);
    }
    statements.set(key, stmt);
    if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
    const outcome = await run(claims, req, url, stmt, (o) => {
      if (accept.single && Number(o.row.page_total) !== 1) throw singleError(Number(o.row.page_total));
    }, { rollback: false, readOnly: true, timezone: prefs.timezone });
    sendRead(res, req.method ?? 'GET', outcome, stmt.offset, accept, false, preferenceApplied(prefs, 'read'));
  }

  async function readJson(req: IncomingMessage): Promise<unknown> {
    return (await readJsonBody(req))?.value;
  }

  /** The parsed body and its text (function arguments are bound as the text, as PostgREST does). */
  async function readJsonBody(req: IncomingMessage): Promise<{ text: string; value: unknown } | undefined> {
    const text = await readBody(req);
    if (text.trim() === '') return undefined;
    if (jsonDepthExceeds(text, REQUEST_LIMITS.jsonDepth)) {
      throw invalidJson(`The body nests arrays or objects deeper than ${REQUEST_LIMITS.jsonDepth} levels`);
    }
    try {
      return { text, value: JSON.parse(text) as unknown };
    } catch (err) {
      throw invalidJson(err instanceof Error ? err.message : 'invalid JSON');
    }
  }

  async function handleWrite(req: IncomingMessage, res: ServerResponse, url: URL, relation: Relation, claims: Claims, accept: AcceptInfo, prefs: Preferences) {
    const method = req.method ?? 'POST';
    if (accept.csv) throw csvUnavailable();
    const root = buildReadTree(cache, relation, url.searchParams) as ReadNode & { source: Relation };
    // headers-only on an insert: PostgREST's Location names the one inserted row by its primary key,
    // so the primary key comes back as the (unsent) representation.
    const location = method === 'POST' && prefs.return === 'headers-only' && relation.primaryKey.length > 0;
    if (location) {
      root.select = relation.primaryKey.map((c) => ({ kind: 'column', field: { name: c, path: [] } }));
      root.embeds = [];
    }
    const representation = prefs.return === 'representation' || location;
    const params = await paramsFor(root);
    let mutation: string;
    if (method === 'POST') {
      const body = await readJson(req);
      if (body === undefined) throw invalidJson('The request body is empty');
      const rows = Array.isArray(body) ? body : [body];
      if (!rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) throw invalidJson('Expected a JSON object or an array of objects');
      const columnsParam = url.searchParams.get('columns');
      const columns = columnsParam
        ? splitTopLevel(columnsParam).map((c) => c.trim().replace(/^"|"$/g, ''))
        : Object.keys((rows[0] ?? {}) as object);
      if (!columnsParam && rows.some((r) => Object.keys(r as object).sort().join(',') !== [...columns].sort().join(','))) {
        throw new RestError(400, 'PGRST102', 'All object keys must match');
      }
      checkPayloadColumns(relation, columns);
      const onConflictParam = url.searchParams.get('on_conflict');
      if (rows.length === 0) {
        res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-range': '*/*' });
        res.end(representation ? '[]' : undefined);
        return;
      }
      mutation = insertSql(relation, rows, {
        columns,
        missingDefault: prefs.missingDefault,
        resolution: prefs.resolution,
        onConflict: onConflictParam ? splitTopLevel(onConflictParam).map((c) => c.trim()) : undefined,
        returning: representation,
      }, params);
    } else if (method === 'PATCH') {
      const body = await readJson(req);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidJson('Expected a JSON object');
      const patch = body as Record<string, unknown>;
      checkPayloadColumns(relation, Object.keys(patch));
      if (Object.keys(patch).length === 0) {
        res.writeHead(representation ? 200 : 204, representation ? { 'content-type': 'application/json; charset=utf-8' } : {});
        res.end(representation ? '[]' : undefined);
        return;
      }
      mutation = updateSql(root, patch, params, representation);
    } else if (method === 'DELETE') {
      mutation = deleteSql(root, params, representation);
    } else {
      // PUT (single-row upsert) is not served: PostgREST's own refusal for a method it does not serve.
      throw new RestError(405, 'PGRST117', `Unsupported HTTP method: ${method}`);
    }
    const kind: RequestKind = method === 'POST' ? 'insert' : method === 'PATCH' ? 'update' : 'delete';
    const limit = kind === 'insert' ? undefined : maxAffectedLimit(prefs);
    const upsert = method === 'POST' && prefs.resolution === 'merge-duplicates';
    const sql = representation ? mutationResultSql(root, mutation, params, accept) : mutation;
    const outcome = await run(claims, req, url, { sql, values: params.values }, (o) => {
      const n = representation ? Number(o.row.page_total) : o.affected;
      if (accept.single && n !== 1) throw singleError(n);
      // PostgREST checks max-affected on PATCH and DELETE only, inside the transaction.
      if (limit !== undefined && n > limit) throw maxAffectedError(n);
    }, { rollback: prefs.rollback, readOnly: false, timezone: prefs.timezone });
    const n = representation ? Number(outcome.row.page_total) : outcome.affected;
    const range = contentRange(0, n, prefs.count ? n : null).replace(/^\d+-\d+/, method === 'POST' ? '*' : '$&');
    const headers: Record<string, string> = { 'content-range': range };
    const applied = preferenceApplied(prefs, kind, relation.primaryKey.length > 0 || url.searchParams.has('on_conflict'));
    if (applied) headers['preference-applied'] = applied;
    // As PostgREST: a merge upsert that inserted nothing (every row existed) is 200, not 201.
    const created = method === 'POST' && !(upsert && outcome.inserted <= 0);
    const { status: setStatus, headers: setHeaders } = outcome.override;
    if (location) {
      const rows = JSON.parse(outcome.row.body ?? '[]') as Array<Record<string, unknown>>;
      if (rows.length === 1) {
        const query = relation.primaryKey.map((c) => {
          const v = rows[0][c];
          const value = v === null || v === undefined ? 'is.null' : `eq.${typeof v === 'string' ? v : JSON.stringify(v)}`;
          return `${encodeURIComponent(c)}=${encodeURIComponent(value)}`;
        });
        headers.location = `/${relation.name}?${query.join('&')}`;
      }
      res.writeHead(setStatus ?? (created ? 201 : 200), { ...headers, ...setHeaders });
      res.end();
      return;
    }
    if (representation) {
      const type = accept.single ? 'application/vnd.pgrst.object+json' : 'application/json';
      res.writeHead(setStatus ?? (created ? 201 : 200), { ...headers, 'content-type': `${type}; charset=utf-8`, ...setHeaders });
      res.end(outcome.row.body ?? 'null');
    } else {
      res.writeHead(setStatus ?? (created ? 201 : method === 'POST' ? 200 : 204), { ...headers, ...setHeaders });
      res.end();
    }
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse, url: URL, name: string, claims: Claims, accept: AcceptInfo, prefs: Preferences) {
    const method = req.method ?? 'POST';
    const fromQuery = method === 'GET' || method === 'HEAD';
    let args: Record<string, unknown> = {};
    let bodyText = '{}';
    if (fromQuery) {
      for (const [k, v] of url.searchParams) args[k] = v;
    } else if (method === 'POST') {
      const body = await readJsonBody(req);
      if (body !== undefined && (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value))) throw invalidJson('Expected a JSON object of arguments');
      args = (body?.value ?? {}) as Record<string, unknown>;
      bodyText = body?.text ?? '{}';
    } else {
      throw new RestError(405, 'PGRST101', `Cannot use the ${method} method on RPC`);
    }
    const reserved = new Set(['select', 'order', 'limit', 'offset', 'or', 'and', 'not.or', 'not.and', 'columns', 'on_conflict']);
    const argNames = Object.keys(args).filter((k) => !fromQuery || (!reserved.has(k) && !k.includes('.')));
    const fn = resolveFunction(cache, name, argNames, fromQuery);
    const argSet = new Set(fn.args.map((a) => a.name).filter((n) => n !== ''));
    const usedArgs = Object.fromEntries(Object.entries(args).filter(([k]) => argSet.has(k)));
    // Query-string arguments are parsed by Postgres as their declared types (jsonb, arrays): the
    // same bracket bounds as filter values apply. JSON bodies were measured in readJson.
    if (fromQuery) for (const [k, v] of Object.entries(usedArgs)) if (typeof v === 'string') checkValue(v, `argument ${k}`);
    const call: CallArgs = fromQuery ? { kind: 'query', args: usedArgs } : { kind: 'body', names: Object.keys(usedArgs), text: bodyText };
    const limit = maxAffectedLimit(prefs);
    if (limit !== undefined && !fn.returnsSet) {
      throw new RestError(400, 'PGRST128', 'Function must return SETOF or TABLE when max-affected preference is used with handling=strict');
    }
    const check = (o: Outcome) => {
      const n = Number(o.row.page_total);
      if (accept.single && n !== 1) throw singleError(n);
      if (limit !== undefined && n > limit) throw maxAffectedError(n);
    };
    const applied = preferenceApplied(prefs, 'call');
    // As PostgREST: GET/HEAD, and any call of a stable or immutable function, run READ ONLY, so a
    // volatile function that writes fails on GET with 25006 (405) instead of changing data.
    const opts: RunOptions = { rollback: prefs.rollback, readOnly: fromQuery || !fn.volatile, timezone: prefs.timezone };
    if (fn.resultColumns) {
      // Embeds on the result rows go through the foreign keys of the table the function returns.
      const table = fn.resultRelation ? cache.relations.get(fn.resultRelation) : undefined;
      const source: Source = { name: fn.name, columns: fn.resultColumns, table: table?.name, computed: table?.computed };
      const stmt = await readStatement(source, (params) => callSql(fn, call, params), req, url, { ...accept, single: accept.single || !fn.returnsSet }, prefs, (k) => argSet.has(k), fn.volatile);
      const outcome = await run(claims, req, url, stmt, check, opts);
      sendRead(res, method, outcome, stmt.offset, accept, !fn.returnsSet, applied);
      return;
    }
    if (accept.csv) throw csvUnavailable();
    const params = new Params();
    const callText = callSql(fn, call, params);
    if (fn.returnType === 'void') {
      const outcome = await run(claims, req, url, { sql: `select ${callText}`, values: params.values }, () => {}, opts);
      res.writeHead(outcome.override.status ?? 204, { ...(applied ? { 'preference-applied': applied } : {}), ...outcome.override.headers });
      res.end();
      return;
    }
    // A set of scalars is capped at db-max-rows like any other read; its count is of every row the
    // call returned (the CTE runs the function once). A single scalar is one row.
    const counted = prefs.count !== undefined;
    const sql = fn.returnsSet
      ? `with "_all" as (select "t0" from ${callText} as "t0") select ${counted ? '(select count(*) from "_all")' : 'null::bigint'} as total, count(*) as page_total, coalesce(json_agg("_v"."t0"), '[]')::text as body from (select "t0" from "_all" limit ${params.add(REQUEST_LIMITS.maxRows)}) as "_v"`
      : `select ${counted ? '1::bigint' : 'null::bigint'} as total, 1 as page_total, to_json(${callText})::text as body`;
    const outcome = await run(claims, req, url, { sql, values: params.values }, check, opts);
    sendRead(res, method, outcome, 0, accept, false, applied);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, subpath: string): Promise<void> {
    let authed = false;
    try {
      const token = callerToken(req, url);
      const claims: Claims = token ? await claimsCache.verify(token) : { role: 'anon' };
      authed = typeof claims.role === 'string' && claims.role !== 'anon';
      const accept = parseAccept(req.headers.accept);
      const prefs = parsePrefer(req.headers.prefer);
      const method = req.method ?? 'GET';
      checkProfile(req, method);
      checkStrict(prefs);
      const path = decodePath(subpath.replace(/\/+$/, ''));
      if (path === '') {
        // No OpenAPI document: PostgREST's answer with `openapi-mode = disabled`, not a partial one.
        throw new RestError(404, 'PGRST126', 'Root endpoint metadata is disabled');
      }
      if (path.startsWith('rpc/')) {
        await handleRpc(req, res, url, path.slice(4), claims, accept, prefs);
        return;
      }
      const relation = cache.relations.get(path);
      if (!relation) throw tableNotFound(path);
      if (method === 'GET' || method === 'HEAD') await handleRead(req, res, url, relation, claims, accept, prefs);
      else await handleWrite(req, res, url, relation, claims, accept, prefs);
    } catch (err) {
      const error = err instanceof HttpError
        ? new RestError(err.status, String(err.body.code ?? 'PGRST000'), err.message)
        : toRestError(err, authed);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const headers: Record<string, string> = error.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
      try {
        sendJson(res, error.status, error.body, { ...error.headers, ...headers });
      } catch {
        // A header a function raised that Node cannot send: answer without it.
        if (!res.headersSent) sendJson(res, error.status, error.body, headers);
      }
    }
  }

  return {
    handle,
    reloadSchema: () => (reloading = reloading.then(reloadSchema, reloadSchema)),
    async close() {
      await unlisten();
    },
  };
}
