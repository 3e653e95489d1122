/**
 * Private channels: what a caller may do on a topic, asked of the RLS policies on realtime.messages
 * the way supabase/realtime's Authorization module does (lib/realtime/tenants/authorization.ex).
 * Receiving: one probe row per extension is inserted by the stack, then selected as the caller (role,
 * claims and `realtime.topic` set transaction-locally); a probe the caller can see means "may read".
 * Sending: as the caller, each extension's probe row is inserted in a savepoint; 42501 means "may not
 * write". Both transactions are always rolled back, so nothing is ever stored.
 */
import { randomUUID } from 'node:crypto';
import { sqlStateOf, type Database, type Queryable } from '../db/database.ts';
import { setRequestContext } from '../db/request-context.ts';
import type { Claims } from '../jwt.ts';

export type Extension = 'broadcast' | 'presence';

/** undefined = not evaluated yet (supabase/realtime's nil): checked when first needed. */
export interface Permission {
  read?: boolean;
  write?: boolean;
}

export interface Policies {
  broadcast: Permission;
  presence: Permission;
}

export const noPolicies = (): Policies => ({ broadcast: {}, presence: {} });

/** A policy raised or the database failed: supabase/realtime treats the join as unauthorised. */
export class PolicyError extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

/** Carries the outcome out of a transaction that must not commit. */
class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

async function rolledBack<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw new PolicyError(err);
  }
  throw new PolicyError('transaction committed');
}

async function actAs(tx: Queryable, topic: string, claims: Claims): Promise<void> {
  // The policies are the project's SQL: bounded by the role's statement_timeout like a REST request.
  await setRequestContext(tx, claims, { method: 'GET', path: '/realtime/v1/websocket' }, { statementTimeout: true });
  await tx.query(`select set_config('realtime.topic', $1, true)`, [topic]);
}

/** Sets `read` for each extension (the caller could select its probe) on a copy of `policies`. */
export async function authorizeRead(
  db: Database,
  topic: string,
  claims: Claims,
  extensions: readonly Extension[],
  policies: Policies,
): Promise<Policies> {
  const probes = extensions.map((extension) => ({ extension, id: randomUUID() }));
  const visible = await rolledBack(db, async (tx) => {
    // Inserted as the stack's own role, before switching to the caller: the caller may not insert.
    await tx.query(
      `insert into realtime.messages (id, topic, extension)
       select p.id, $1, p.extension from jsonb_to_recordset($2::jsonb) as p (id uuid, extension text)`,
      [topic, JSON.stringify(probes)],
    );
    await actAs(tx, topic, claims);
    const { rows } = await tx.query<{ id: string }>(`select id::text as id from realtime.messages where id = any($1::uuid[])`, [
      probes.map((p) => p.id),
    ]);
    return new Set(rows.map((r) => r.id));
  });
  const out: Policies = { broadcast: { ...policies.broadcast }, presence: { ...policies.presence } };
  for (const p of probes) out[p.extension].read = visible.has(p.id);
  return out;
}

/** Sets `write` for both extensions: checked for those asked, false for the others (as upstream). */
export async function authorizeWrite(
  db: Database,
  topic: string,
  claims: Claims,
  extensions: readonly Extension[],
  policies: Policies,
): Promise<Policies> {
  const allowed = await rolledBack(db, async (tx) => {
    await actAs(tx, topic, claims);
    const result = new Map<Extension, boolean>();
    for (const extension of extensions) {
      await tx.query('savepoint realtime_write_probe');
      try {
        await tx.query(`insert into realtime.messages (topic, extension) values ($1, $2)`, [topic, extension]);
        await tx.query('release savepoint realtime_write_probe');
        result.set(extension, true);
      } catch (err) {
        if (sqlStateOf(err) !== '42501') throw err;
        await tx.query('rollback to savepoint realtime_write_probe');
        result.set(extension, false);
      }
    }
    return result;
  });
  return {
    broadcast: { ...policies.broadcast, write: allowed.get('broadcast') ?? false },
    presence: { ...policies.presence, write: allowed.get('presence') ?? false },
  };
}
