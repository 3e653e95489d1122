/**
 * Admission control on a real stack (issue #19): past its bound on requests in flight the stack
 * answers 503 + Retry-After before it touches the database, so a refused write changed nothing and
 * sending it again applies it exactly once. The requests are held in flight by a lock on their
 * table (a transaction of the test), so which ones are refused does not depend on timing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { DEMO_ANON_KEY } from '../../supabase/local/config.ts';
import { resendRefused } from '../../lib/supabase/resend-refused';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';
import { backends } from '../support/test-stack.ts';
import { startRestStack, userToken, type RestStack } from './fixtures/rest/rest-fixture.ts';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOUND = 4;
const WRITES = 40;

describe.each(backends)('admission control on %s', (backend) => {
  let stack: RestStack;
  let token: string;
  beforeAll(async () => {
    stack = await startRestStack(backend, { maxRequestsInFlight: BOUND });
    token = await userToken(ALICE);
  });
  afterAll(async () => {
    await stack?.drop();
  });

  const insert = (name: string, send: typeof fetch = fetch) =>
    send(`${stack.url}/rest/v1/authors`, {
      method: 'POST',
      headers: { apikey: DEMO_ANON_KEY, authorization: `Bearer ${token}`, 'content-type': 'application/json', prefer: 'return=minimal' },
      body: JSON.stringify({ name, email: `${name}@example.test` }),
    });

  async function namesStored(prefix: string): Promise<string[]> {
    const { rows } = await stack.db.query<{ name: string }>('select name from public.authors where name like $1 order by name', [`${prefix}%`]);
    return rows.map((r) => r.name);
  }

  /**
   * Runs `burst` while a transaction holds `authors` in `mode`: the requests that reach the table
   * wait, the bound fills, and the lock is let go once `refusals` more requests were refused.
   */
  async function whileLocked<T>(mode: string, refusals: number, burst: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = stack.db.transaction(async (tx) => {
      await tx.query(`lock table public.authors in ${mode} mode`);
      locked();
      await held;
    });
    await isLocked;
    const refusedBefore = stack.admission.refused;
    const answers = burst();
    while (stack.admission.refused - refusedBefore < refusals) await new Promise((r) => setTimeout(r, 10));
    release();
    await holder;
    return answers;
  }

  it('refuses writes past the bound with 503, Retry-After and 53300, and applies none of them', async () => {
    const names = Array.from({ length: WRITES }, (_, i) => `burst-${String(i).padStart(2, '0')}`);
    const answers = await whileLocked('exclusive', WRITES - BOUND, () => Promise.all(names.map(async (name) => ({ name, res: await insert(name) }))));

    const taken = answers.filter((a) => a.res.status === 201).map((a) => a.name);
    const refused = answers.filter((a) => a.res.status === 503);
    expect({ taken: taken.length, refused: refused.length }).toEqual({ taken: BOUND, refused: WRITES - BOUND });
    for (const { res } of refused) {
      expect(res.headers.get('retry-after')).toBe('1');
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe('53300');
      expect(body.message).toMatch(/Nothing of this request was applied/);
    }
    expect(await namesStored('burst-')).toEqual(taken.sort());
    expect(stack.admission.inFlight).toBe(0);
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
  });

  it("the app's client sends a refused write again: every write applied exactly once", async () => {
    const names = Array.from({ length: WRITES }, (_, i) => `resent-${String(i).padStart(2, '0')}`);
    let resends = 0;
    const send = resendRefused(fetch, { onResend: () => resends++, sleep: (ms) => new Promise((r) => setTimeout(r, ms / 10)) });
    const statuses = await whileLocked('exclusive', WRITES - BOUND, () => Promise.all(names.map(async (name) => (await insert(name, send)).status)));
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect(resends).toBeGreaterThanOrEqual(WRITES - BOUND);
    expect(await namesStored('resent-')).toEqual(names);
  });

  it('supabase-js reads refused by a busy stack are sent again by postgrest-js and get their rows', async () => {
    const client = createClient(stack.url, DEMO_ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: NodeRealtimeTransport },
    });
    const reads = 12;
    const answers = await whileLocked('access exclusive', reads - BOUND, () =>
      Promise.all(Array.from({ length: reads }, () => client.from('authors').select('name').like('name', 'resent-%'))),
    );
    for (const r of answers) {
      expect(r.error).toBeNull();
      expect(r.data).toHaveLength(WRITES);
    }
  }, 60_000);
});
