/**
 * The embedded stack runs the retention job on its own timer (issue #22): a ghost call older than
 * its period is pseudonymised by a tick without anyone calling run_retention, the run is audited,
 * and the timer stops with the stack. PGlite only: the timer sits above the database interface.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configFromEnv } from '../../supabase/local/config.ts';
import { startStack, type RunningStack } from '../../supabase/local/server.ts';

interface CallRow {
  caller_phone: string | null;
  caller_name: string | null;
  caller_phone_pseudonym: string | null;
}

describe('retention timer of the embedded stack', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startStack({
      ...configFromEnv({}), port: 0, dataDir: 'memory://', databaseUrl: undefined, seedFile: undefined, retentionIntervalMs: 1000,
    });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });

  const oldGhostCall = async (phone: string): Promise<string> => {
    const { rows } = await stack.db.query<{ id: string }>(
      `insert into public.calls (received_at, answered_at, classified_at, ended_at, call_type, caller_phone, caller_name)
       values (now() - interval '100 days', now() - interval '100 days', now() - interval '100 days', now() - interval '100 days',
               'ghost', $1, 'Penelepon') returning id`,
      [phone],
    );
    return rows[0].id;
  };
  const callRow = async (id: string): Promise<CallRow> =>
    (await stack.db.query<CallRow>('select caller_phone, caller_name, caller_phone_pseudonym from public.calls where id = $1', [id])).rows[0];

  it('pseudonymises an old ghost call on a tick, with one audit row', async () => {
    const id = await oldGhostCall('0877 1234 5678');
    await vi.waitFor(async () => {
      expect((await callRow(id)).caller_phone).toBeNull();
    }, { timeout: 30_000, interval: 250 });
    const row = await callRow(id);
    expect(row.caller_name).toBeNull();
    expect(row.caller_phone_pseudonym).toMatch(/^h:[0-9a-f]{64}$/);
    const audit = await stack.db.query<{ n: number }>(
      "select count(*)::int as n from public.admin_events where kind = 'retention.run' and (after ->> 'pseudonymised')::int >= 1",
    );
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('runs on demand as the service role and is idempotent', async () => {
    const id = await oldGhostCall('0877 9999 0000');
    expect((await stack.retention.runOnce()).pseudonymised).toBeGreaterThanOrEqual(0);
    expect((await callRow(id)).caller_phone).toBeNull();
    expect(await stack.retention.runOnce()).toEqual({ pseudonymised: 0, held_skipped: 0, positions_deleted: 0 });
  });
});
