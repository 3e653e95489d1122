/**
 * RLS for INSERT/UPDATE fan-out, checked as each subscriber. Subscribers with identical claims form
 * one group (a hundred screens on one account cost one check). The check evaluates the table's
 * SELECT policies (a generated function per table and role, see table-meta.ts), as the group's role
 * and claims, on the change's own row image: a row updated
 * again before the check can neither leak its old version to the new audience nor hide it from the
 * old one. All groups of one drain go in one statement (realtime.visible_rows), each distinct row
 * list once and one function call per table and role for all its groups; if that fails (a policy
 * that raises), each group is retried alone, and a failing one sees nothing.
 */
import type { Database } from '../db/database.ts';
import { requestRole } from '../db/request-context.ts';
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
  /** The rows' key: which table and which of the caller's indexes, so equal row lists are sent once. */
  rowsKey: string;
  rows: Array<{ i: number; r: Record<string, unknown> }>;
}

function checksFor(req: VisibilityRequest): Check[] {
  const role = roleOf(req.claims);
  const out: Check[] = [];
  for (const [meta, rows] of req.rows) {
    const fn = meta.rlsFunction.get(role);
    if (!fn || !rows.length) continue;
    out.push({ fn, rowsKey: `${meta.relid}:${rows.map((x) => x.index).join(',')}`, rows: rows.map((x) => ({ i: x.index, r: x.record })) });
  }
  return out;
}

interface Caller {
  g: number;
  role: string;
  claims: string;
  sub: string;
}

/**
 * The argument of realtime.visible_rows: every distinct row list once (`rowsets`), and one call
 * per generated function and row list with all the callers (claims groups) it is checked as.
 */
function batchArgument(groups: Array<{ g: number; req: VisibilityRequest; checks: Check[] }>): string {
  const rowsets: Check['rows'][] = [];
  const setIndex = new Map<string, number>();
  const calls = new Map<string, { fn: string; set: number; callers: Caller[] }>();
  for (const { g, req, checks } of groups) {
    const caller: Caller = {
      g,
      role: roleOf(req.claims),
      claims: JSON.stringify(req.claims),
      sub: typeof req.claims.sub === 'string' ? req.claims.sub : '',
    };
    for (const c of checks) {
      let set = setIndex.get(c.rowsKey);
      if (set === undefined) {
        set = rowsets.length;
        setIndex.set(c.rowsKey, set);
        rowsets.push(c.rows);
      }
      const key = `${c.fn}\u0000${set}`;
      const call = calls.get(key);
      if (call) call.callers.push(caller);
      else calls.set(key, { fn: c.fn, set, callers: [caller] });
    }
  }
  return JSON.stringify({ rowsets, calls: [...calls.values()] });
}

async function visibleRows(db: Database, groups: Array<{ g: number; req: VisibilityRequest; checks: Check[] }>) {
  const { rows } = await db.query<{ g: number; i: number }>('select g, i from realtime.visible_rows($1::jsonb)', [batchArgument(groups)], { urgent: true });
  return rows;
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
  try {
    for (const r of await visibleRows(db, groups)) results[Number(r.g)].add(Number(r.i));
    return results;
  } catch (batchErr) {
    onError(batchErr);
    for (const group of groups) {
      try {
        for (const r of await visibleRows(db, [group])) results[group.g].add(Number(r.i));
      } catch (err) {
        // This group's policy fails on these rows: like a failed select, it sees none of them.
        onError(err);
        results[group.g].clear();
      }
    }
    return results;
  }
}
