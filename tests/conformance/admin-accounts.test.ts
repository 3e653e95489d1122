/**
 * The administrator's account flows against the embedded stack with the app's migrations (issue #13):
 * `npm run admin:create` run twice (idempotent) and promoting an existing account; the console's
 * create flow leaving nothing behind when the profile step is refused; deactivation refusing
 * sign-in, token refresh and every read at once, and reactivation undoing it.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { DEMO_ANON_KEY, DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import type { Database } from '../../lib/supabase/database.types';
import { createAccount, setAccountActive, resetPassword } from '../../lib/admin/account-flow';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';
import { backends, startTestStack, type TestStack } from '../support/test-stack.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

function client(stack: TestStack, key = DEMO_ANON_KEY): SupabaseClient<Database> {
  return createClient<Database>(stack.url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: NodeRealtimeTransport },
  });
}

async function adminCreate(stack: TestStack, ...args: string[]): Promise<string> {
  const { stdout } = await run('npx', ['tsx', 'scripts/admin-create.ts', ...args], {
    cwd: root,
    env: { ...process.env, SUPABASE_URL: stack.url, SUPABASE_SERVICE_ROLE_KEY: DEMO_SERVICE_ROLE_KEY },
  });
  return stdout;
}

async function signedIn(stack: TestStack, email: string, password: string): Promise<SupabaseClient<Database>> {
  const c = client(stack);
  const { error } = await c.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return c;
}

describe.each(backends)('admin accounts on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };
  let agencyId: string;

  beforeAll(async () => {
    stack = await startTestStack({ backend });
    const { rows } = await stack.db.query<{ id: string }>(
      `insert into public.agencies (code, name, kind) values ('DPKP', 'Damkar', 'fire') returning id`,
    );
    agencyId = rows[0].id;
  });
  afterAll(async () => {
    await stack?.drop();
  });

  it('admin:create makes the first admin once, prints a generated password once, and changes nothing the second time', async () => {
    const first = await adminCreate(stack, '--email', 'Kepala.TI@diskominfo.test', '--name', 'Kepala TI');
    expect(first).toMatch(/created administrator kepala\.ti@diskominfo\.test/);
    const password = /password \(shown once[^:]*\): (\S+)/.exec(first)?.[1];
    expect(password).toBeTruthy();
    const second = await adminCreate(stack, '--email', 'kepala.ti@diskominfo.test');
    expect(second).not.toMatch(/created|promoted|password/);
    expect(second).toMatch(/kepala\.ti@diskominfo\.test is an administrator/);

    const admin = await signedIn(stack, 'kepala.ti@diskominfo.test', password!);
    const me = await admin.from('profiles').select('full_name, role, active').eq('id', (await admin.auth.getUser()).data.user!.id).single();
    expect(me.data).toEqual({ full_name: 'Kepala TI', role: 'admin', active: true });
    const { rows } = await stack.db.query<{ n: number }>(
      `select count(*)::int as n from public.admin_events where kind = 'account.created' and actor_id is null`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('admin:create promotes an existing account and sets the given password; a weak one is refused', async () => {
    const service = client(stack, DEMO_SERVICE_ROLE_KEY);
    const made = await createAccount({ db: service, auth: service }, {
      email: 'op.lama@112.cilegon.test', password: 'Merak-Pulau-Tiga-9', fullName: 'Op Lama', role: 'operator', agencyId: null, extension: null,
    });
    expect(made.ok).toBe(true);
    await expect(adminCreate(stack, '--email', 'op.lama@112.cilegon.test', '--password', 'password123')).rejects.toThrow(/policy \(common\)/);
    const out = await adminCreate(stack, '--email', 'op.lama@112.cilegon.test', '--password', 'Anyer-Carita-77');
    expect(out).toMatch(/promoted op\.lama@112\.cilegon\.test to administrator/);
    const admin = await signedIn(stack, 'op.lama@112.cilegon.test', 'Anyer-Carita-77');
    const me = (await admin.auth.getUser()).data.user!.id;
    expect((await admin.from('profiles').select('role').eq('id', me).single()).data?.role).toBe('admin');
  });

  it('the console flow: a refused profile leaves no auth user; an OPD liaison is created, deactivated and reactivated', async () => {
    const admin = await signedIn(stack, 'op.lama@112.cilegon.test', 'Anyer-Carita-77');
    const clients = { db: admin, auth: client(stack, DEMO_SERVICE_ROLE_KEY) };

    // The form checks this too; here the database refuses it and the auth user is removed again.
    const refused = await createAccount(clients, {
      email: 'tanpa.opd@112.cilegon.test', password: null, fullName: 'Tanpa OPD', role: 'opd', agencyId: null, extension: null,
    });
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'workflow', code: 'agency_required' } });
    const leftovers = await stack.db.query(`select 1 from auth.users where email = 'tanpa.opd@112.cilegon.test'`);
    expect(leftovers.rows).toHaveLength(0);

    const liaison = await createAccount(clients, {
      email: 'liaison@112.cilegon.test', password: 'Merak-Pulau-Tiga-9', fullName: 'Liaison Damkar', role: 'opd', agencyId, extension: null,
    });
    if (!liaison.ok) throw new Error(JSON.stringify(liaison.failure));
    const duplicate = await createAccount(clients, {
      email: 'liaison@112.cilegon.test', password: null, fullName: 'Again', role: 'operator', agencyId: null, extension: null,
    });
    expect(duplicate).toMatchObject({ ok: false, failure: { kind: 'auth', problem: 'email_exists' } });

    const phone = client(stack);
    const session = (await phone.auth.signInWithPassword({ email: 'liaison@112.cilegon.test', password: 'Merak-Pulau-Tiga-9' })).data.session!;
    expect((await phone.from('agencies').select('id')).data).toHaveLength(1);

    const stale = await setAccountActive(clients, liaison.data.profile.id, false, liaison.data.profile.version + 5);
    expect(stale).toMatchObject({ ok: false, failure: { kind: 'workflow', code: 'stale_version' } });
    const off = await setAccountActive(clients, liaison.data.profile.id, false, liaison.data.profile.version);
    if (!off.ok) throw new Error(JSON.stringify(off.failure));
    // The next request with the still-valid access token sees nothing; refresh and sign-in are refused.
    expect((await phone.from('agencies').select('id')).data).toEqual([]);
    const refresh = await client(stack).auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refresh.error).not.toBeNull();
    const again = await client(stack).auth.signInWithPassword({ email: 'liaison@112.cilegon.test', password: 'Merak-Pulau-Tiga-9' });
    expect(again.error?.code).toBe('user_banned');

    const on = await setAccountActive(clients, liaison.data.profile.id, true, off.data.version);
    expect(on.ok).toBe(true);
    const reset = await resetPassword(clients, liaison.data.profile.id, null);
    if (!reset.ok) throw new Error(JSON.stringify(reset.failure));
    const back = await signedIn(stack, 'liaison@112.cilegon.test', reset.data.generatedPassword!);
    expect((await back.from('agencies').select('id')).data).toHaveLength(1);

    const trail = await stack.db.query<{ kind: string }>(
      `select kind from public.admin_events where target_id = $1 order by id`, [liaison.data.profile.id],
    );
    expect(trail.rows.map((r) => r.kind)).toEqual(['account.created', 'account.deactivated', 'account.reactivated', 'account.password_reset']);
  });
});
