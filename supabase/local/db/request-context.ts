/**
 * Runs work as an API caller, the way PostgREST does for each request: one transaction that first
 * sets, transaction-local, the role from the JWT, the claims and the request details, so RLS policies
 * and `auth.uid()` see exactly what they would on Supabase.
 */
import type { Claims } from '../jwt.ts';
import type { Database, Queryable } from './database.ts';

export const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);

export interface RequestInfo {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
}

export async function setRequestContext(tx: Queryable, claims: Claims, info: RequestInfo = {}): Promise<void> {
  const role = typeof claims.role === 'string' && API_ROLES.has(claims.role) ? claims.role : 'anon';
  await tx.query(
    `select set_config('role', $1, true),
            set_config('request.jwt.claims', $2, true),
            set_config('request.jwt.claim.sub', $3, true),
            set_config('request.jwt.claim.role', $1, true),
            set_config('request.method', $4, true),
            set_config('request.path', $5, true),
            set_config('request.headers', $6, true),
            set_config('search_path', 'public, extensions', true)`,
    [
      role,
      JSON.stringify(claims),
      typeof claims.sub === 'string' ? claims.sub : '',
      info.method ?? 'POST',
      info.path ?? '',
      JSON.stringify(info.headers ?? {}),
    ],
  );
}

export function asCaller<T>(db: Database, claims: Claims, info: RequestInfo, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await setRequestContext(tx, claims, info);
    return fn(tx);
  });
}
