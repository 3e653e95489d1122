/**
 * RLS for INSERT/UPDATE fan-out, checked as each subscriber. Subscribers with identical claims form
 * one group (a hundred screens on one account cost one check). The check evaluates the table's
 * SELECT policies (a generated function per table and role, see table-meta.ts), as the group's role
 * and claims, on the change's own row image: a row updated
 * again before the check can neither leak its old version to the new audience nor hide it from the
 * old one. All groups of one drain go in one statement (realtime.visible_rows); if that fails (a
 * policy that raises), each group is retried alone through asCaller, and a failing one sees nothing.
 */
import type { Database } from '../db/database.ts';
import { asCaller, requestRole } from '../db/request-context.ts';
import type { Claims } from '../jwt.ts';
import type { TableMeta } from './table-meta.ts';

/** Claims that describe the token or the session rather than the identity; they do not split a group. */
const VOLATILE_CLAIMS = new Set(['exp', 'iat', 'nbf', 'jti', 'session_id', 'amr']);

/** The role a subscriber's changes are filtered as: the same rule as a REST request's. */
export const roleOf = requestRole;

export function claimsGroupKey(claims: Claims): string {
  const stable = Object.keys(claims)
    .filter((k) => !VOLATILE_CLAIMS.has(k))
    .sort()
    .map((k) => [k, claims[k]]);
  return JSON.stringify(stable);
}

export interface VisibilityRequest {
  claims: Claims;
  /** Per table, the row images (with the caller's index) to check. */
  rows: Map<TableMeta, Array<{ index: number; record: Record<string, unknown> }>>;
}

interface Check {
  fn: string;
  rows: Array<{ i: number; r: Record<string, unknown> }>;
}

function checksFor(req: VisibilityRequest): Check[] {
  const role = roleOf(req.claims);
  const out: Check[] = [];
  for (const [meta, rows] of req.rows) {
    const fn = meta.rlsFunction.get(role);
    if (!fn || !rows.length) continue;
    out.push({ fn, rows: rows.map((x) => ({ i: x.index, r: x.record })) });
  }
  return out;
}

/** Returns, per request, the caller's indexes of the rows its claims may select. */
export async function checkVisibility(
  db: Database,
  requests: VisibilityRequest[],
  onError: (err: unknown) => void,
): Promise<Set<number>[]> {
  const results = requests.map(() => new Set<number>());
  const groups = requests.map((req, g) => ({ g, req, checks: checksFor(req) })).filter((x) => x.checks.length);
  if (!groups.length) return results;
  const arg = groups.map(({ req, checks }) => ({
    role: roleOf(req.claims),
    claims: JSON.stringify(req.claims),
    sub: typeof req.claims.sub === 'string' ? req.claims.sub : '',
    checks: checks.map((c) => ({ fn: c.fn, rows: c.rows })),
  }));
  try {
    const { rows } = await db.query<{ g: number; i: number }>('select g, i from realtime.visible_rows($1::jsonb)', [
      JSON.stringify(arg),
    ]);
    for (const r of rows) results[groups[Number(r.g)].g].add(Number(r.i));
    return results;
  } catch (batchErr) {
    onError(batchErr);
    for (const { g, req, checks } of groups) {
      try {
        await asCaller(db, req.claims, { method: 'GET', path: '/realtime/v1' }, async (tx) => {
          for (const c of checks) {
            const { rows } = await tx.query<{ i: number }>(`select __rt_i as i from ${c.fn}($1, $2::jsonb)`, [
              g,
              JSON.stringify(c.rows),
            ]);
            for (const r of rows) results[g].add(Number(r.i));
          }
        });
      } catch (err) {
        // This group's policy fails on these rows: like a failed select, it sees none of them.
        onError(err);
        results[g].clear();
      }
    }
    return results;
  }
}
