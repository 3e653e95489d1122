/**
 * Runs work as an API caller, the way PostgREST does for each request: one transaction that first
 * sets, transaction-local, the role from the JWT, the claims and the request details, so RLS policies
 * and `auth.uid()` see exactly what they would on Supabase.
 */
import type { Claims } from '../jwt.ts';
import type { Database, PipelineStatement, Queryable } from './database.ts';

/** The roles a request may run as (PostgREST's anon role, Supabase's two JWT roles). */
export const API_ROLE_NAMES = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRole = (typeof API_ROLE_NAMES)[number];
export const API_ROLES: ReadonlySet<string> = new Set(API_ROLE_NAMES);

/** The search path of every API request, as PostgREST sets it for Supabase's exposed schema. */
export const REQUEST_SEARCH_PATH = 'public, extensions';

/**
 * statement_timeout per API role in milliseconds, as a Supabase project sets them on the roles
 * (`anon` 3 s, `authenticated` 8 s). `service_role` has none of its own (0: the stack leaves the
 * server's setting alone); on hosted projects it inherits the `authenticator` role's 8 s.
 * Fixed here, never taken from the request.
 */
export const STATEMENT_TIMEOUT_MS: Readonly<Record<ApiRole, number>> = { anon: 3000, authenticated: 8000, service_role: 0 };

export interface RequestInfo {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** `Prefer: timezone=`: the transaction's TimeZone, as PostgREST sets it (Postgres checks the name). */
  timezone?: string;
}

export interface CallerOptions {
  /** READ ONLY transaction, as PostgREST runs GET/HEAD and calls of stable/immutable functions. */
  readOnly?: boolean;
  /** Apply the role's statement_timeout (STATEMENT_TIMEOUT_MS) to the transaction. */
  statementTimeout?: boolean;
}

/** The role a request runs as: the JWT's `role` claim when it is an API role, else `anon`. */
export function requestRole(claims: Claims): ApiRole {
  return typeof claims.role === 'string' && API_ROLES.has(claims.role) ? (claims.role as ApiRole) : 'anon';
}

/** The one statement that sets a request's context (setRequestContext runs it; a pipeline may carry it). */
export function requestContextStatement(claims: Claims, info: RequestInfo = {}, opts: CallerOptions = {}): PipelineStatement {
  const role = requestRole(claims);
  const values: unknown[] = [
    role,
    JSON.stringify(claims),
    typeof claims.sub === 'string' ? claims.sub : '',
    info.method ?? 'POST',
    info.path ?? '',
    JSON.stringify(info.headers ?? {}),
    REQUEST_SEARCH_PATH,
  ];
  const extra: string[] = [];
  const timeout = STATEMENT_TIMEOUT_MS[role];
  if (info.timezone !== undefined) {
    values.push(info.timezone);
    extra.push(`set_config('timezone', $${values.length}, true)`);
  }
  if (opts.statementTimeout && timeout > 0) {
    values.push(String(timeout));
    extra.push(`set_config('statement_timeout', $${values.length}, true)`);
  }
  // Turning a transaction read-only is allowed at any point (only the reverse is not), so it can
  // share this first statement.
  if (opts.readOnly) extra.push(`set_config('transaction_read_only', 'on', true)`);
  return {
    sql: `select set_config('role', $1, true),
            set_config('request.jwt.claims', $2, true),
            set_config('request.jwt.claim.sub', $3, true),
            set_config('request.jwt.claim.role', $1, true),
            set_config('request.method', $4, true),
            set_config('request.path', $5, true),
            set_config('request.headers', $6, true),
            set_config('search_path', $7, true)${extra.map((e) => `,\n            ${e}`).join('')}`,
    values,
  };
}

export async function setRequestContext(tx: Queryable, claims: Claims, info: RequestInfo = {}, opts: CallerOptions = {}): Promise<void> {
  const { sql, values } = requestContextStatement(claims, info, opts);
  await tx.query(sql, values, { prepare: true });
}

export function asCaller<T>(db: Database, claims: Claims, info: RequestInfo, fn: (tx: Queryable) => Promise<T>, opts: CallerOptions = {}): Promise<T> {
  return db.transaction(async (tx) => {
    await setRequestContext(tx, claims, info, opts);
    return fn(tx);
  });
}
