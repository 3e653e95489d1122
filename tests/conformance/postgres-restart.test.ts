/**
 * Fault (#19): the Postgres server restarted under load in DATABASE_URL mode, on a throw-away
 * server of this test's own (never the shared one). The stack must recover by itself; a request in
 * flight or sent while the server is down gets 503 PGRST000, which clients retry; no event is
 * applied twice (rows counted against the acknowledged requests); NOTIFY listening (change capture,
 * schema reloads) resumes. The long variant is bench/postgres-restart.ts.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../supabase/local/db/postgres-database.ts';
import { startRestartLoad } from '../support/restart-load.ts';
import { startTestStack, type TestStack } from '../support/test-stack.ts';
import { startThrowawayPostgres, throwawayPostgresAvailable, type ThrowawayPostgres } from '../support/throwaway-postgres.ts';

const PORT = Number(process.env.FAULT_PG_PORT ?? 55470);

async function until(check: () => boolean | Promise<boolean>, attempts: number, pauseMs: number): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  return false;
}

describe.skipIf(!throwawayPostgresAvailable)('Postgres restarted under load (DATABASE_URL mode)', () => {
  let server: ThrowawayPostgres;
  let stack: TestStack & { drop(): Promise<void> };

  beforeAll(async () => {
    server = await startThrowawayPostgres(PORT);
    stack = await startTestStack({ backend: 'postgres', databaseUrl: server.url });
  });

  afterAll(async () => {
    await stack?.close();
    await server?.remove();
  });

  it('answers 503 PGRST000 while the server is away, recovers by itself, applies nothing twice', async () => {
    const load = startRestartLoad(stack.serviceClient(), 'pgr', 4);
    expect(await until(() => load.tally.acknowledged.length >= 40, 600, 50)).toBe(true);
    await server.restart();
    load.restarted();
    const before = load.tally.acknowledged.length;
    const recovered = await until(() => load.tally.acknowledged.length >= before + 40, 600, 50);
    await load.stop();
    expect(recovered).toBe(true);

    const { failures, acknowledged } = load.tally;
    // The restart did hit requests, and every one of them was told to retry, never something else.
    expect([...failures.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect([...failures.keys()]).toEqual(['503 PGRST000']);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);

    const counts = await stack.db.query<{ events: number; calls: number }>(
      `select (select count(*)::int from public.telephony_events where event_id like 'pgr-%') as events,
              (select count(*)::int from public.calls where external_id like 'pgr-call-%') as calls`,
    );
    expect(counts.rows[0]).toEqual({ events: acknowledged.length, calls: acknowledged.length });
  });

  it('listens again after the restart: NOTIFY reaches the stack without restarting it', async () => {
    const db = await openPostgres(server.url);
    const received: string[] = [];
    await db.listen('fault_probe', (payload) => received.push(payload));
    await server.restart();
    const notifier = async (payload: string) => {
      const c = new pg.Client({ connectionString: server.url });
      try {
        await c.connect();
        await c.query(`select pg_notify('fault_probe', $1)`, [payload]);
      } catch {
        // The server may still be coming up; the next round sends again.
      } finally {
        await c.end().catch(() => {});
      }
    };
    let round = 0;
    const heard = await until(async () => {
      await notifier(`after-${round++}`);
      return received.some((p) => p.startsWith('after-'));
    }, 100, 100);
    await db.close();
    expect(heard).toBe(true);
  });
});
