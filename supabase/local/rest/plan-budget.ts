/**
 * The statement-time limit on PGlite. Postgres cancels a statement at `statement_timeout` with a
 * timer signal; PGlite is Postgres compiled to single-threaded WebAssembly with no timer interrupts,
 * so it ignores the setting (measured: a 4.8 s query with a 200 ms timeout ran to completion, and
 * `/health`, which shares the one connection, waited behind it). Instead, before running a request's
 * statement, PGlite plans it with EXPLAIN (same role, claims and RLS) and refuses plans whose
 * estimated cost exceeds the role's budget, answering as a timeout would (57014) so that clients
 * handle it alike. It bounds what the planner can see; the work inside a function body it cannot.
 */
import type { Queryable } from '../db/database.ts';
import { STATEMENT_TIMEOUT_MS, type ApiRole } from '../db/request-context.ts';
import { RestError } from './errors.ts';

/**
 * Planner cost units allowed per second of the role's statement_timeout (anon 75,000, authenticated
 * 200,000). Estimates are rough: on PGlite on the 2-core development machine between 7 and 1,600
 * cost units ran per millisecond (7: a regex filter under a limit the planner thought would stop
 * early; ~250 for sorts and correlated subqueries; ~1,600 for a count under RLS, whose policy
 * subplans the planner prices high). The budget sits where typical plans need about a second, so a
 * signed-in count over the seeded 109k incident events (48,000) passes, while a correlated
 * subquery per row over a large table (hundreds of thousands to millions) is refused.
 */
export const PGLITE_COST_PER_SECOND = 25_000;

/** The cost budget of a role, or null when the role has no statement_timeout. */
export function costBudget(role: ApiRole): number | null {
  const ms = STATEMENT_TIMEOUT_MS[role];
  return ms > 0 ? (ms / 1000) * PGLITE_COST_PER_SECOND : null;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** `Total Cost` of the top plan node of `EXPLAIN (FORMAT JSON)` output (json, or its text). */
export function planCost(queryPlan: unknown): number | null {
  const doc = typeof queryPlan === 'string' ? (JSON.parse(queryPlan) as unknown) : queryPlan;
  const top = Array.isArray(doc) ? (doc[0] as unknown) : undefined;
  const cost = field(field(top, 'Plan'), 'Total Cost');
  return typeof cost === 'number' ? cost : null;
}

export function overBudget(role: ApiRole, cost: number, budget: number): RestError {
  return new RestError(
    500,
    '57014',
    'canceling statement due to statement timeout',
    `The embedded stack runs on PGlite, which cannot cancel a running statement, so it refused this plan before running it: estimated cost ${Math.round(cost)} exceeds the ${budget} allowed for role ${role} (statement_timeout ${STATEMENT_TIMEOUT_MS[role]} ms).`,
    'Filter on an indexed column, add a limit, or ask for fewer embedded resources.',
  );
}

/**
 * How long a plan's estimated cost is reused for the same cached statement and role. Estimates move
 * with table statistics (autovacuum's analyze), so they are re-taken now and then.
 */
const PLAN_COST_TTL_MS = 10_000;

/** A statement, with room to remember its estimated cost per role when it is itself cached. */
export interface CostedStatement {
  sql: string;
  values: unknown[];
  costs?: Map<ApiRole, { cost: number; at: number }>;
}

/**
 * True when the statement needs no EXPLAIN now: the role has no budget, or a fresh estimate of this
 * cached statement is within it. A request may then run without a step between context and statement.
 */
export function planCostKnownWithin(role: ApiRole, stmt: CostedStatement): boolean {
  const budget = costBudget(role);
  if (budget === null) return true;
  const known = stmt.costs?.get(role);
  return known !== undefined && performance.now() - known.at < PLAN_COST_TTL_MS && known.cost <= budget;
}

/** Refuses the statement on PGlite when its plan is over the role's budget. Runs inside the request's transaction. */
export async function checkPlanCost(tx: Queryable, role: ApiRole, stmt: CostedStatement): Promise<void> {
  const budget = costBudget(role);
  if (budget === null) return;
  const known = stmt.costs?.get(role);
  let cost: number | null;
  if (known && performance.now() - known.at < PLAN_COST_TTL_MS) {
    cost = known.cost;
  } else {
    const { rows } = await tx.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${stmt.sql}`, stmt.values);
    cost = planCost(rows[0]?.['QUERY PLAN']);
    if (cost !== null && stmt.costs) stmt.costs.set(role, { cost, at: performance.now() });
  }
  if (cost !== null && cost > budget) throw overBudget(role, cost, budget);
}
