/**
 * Sign-in, refresh-token rotation and reuse, the user endpoint and sign-out, through the official
 * supabase-js client against the embedded stack, as supabase/auth behaves.
 */
import { createServerClient } from '@supabase/ssr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANON_KEY } from '../../supabase/local/config.ts';
import { backends } from '../support/test-stack.ts';
import {
  createConfirmedUser,
  decodeJwtPayload,
  PASSWORD,
  startAuthStack,
  type AuthStack,
  uniqueEmail,
  userClient,
} from './fixtures/auth/auth-fixture.ts';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';

describe.each(backends)('auth sessions on %s', (backend) => {
  let stack: AuthStack;

  beforeAll(async () => {
    stack = await startAuthStack(backend);
  });
  afterAll(async () => {
    await stack?.drop();
  });

  it('signs in with email and password and returns a supabase/auth session', async () => {
    const email = uniqueEmail('signin');
    const created = await createConfirmedUser(stack, email, { user_metadata: { full_name: 'Siti' } });
    const client = userClient(stack);
    const { data, error } = await client.auth.signInWithPassword({ email: email.toUpperCase(), password: PASSWORD });
    expect(error).toBeNull();
    const session = data.session!;
    expect(session.token_type).toBe('bearer');
    expect(session.expires_in).toBe(3600);
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000 + 3500);
    expect(session.refresh_token.length).toBeGreaterThanOrEqual(12);
    expect(data.user).toMatchObject({
      id: created.id,
      aud: 'authenticated',
      role: 'authenticated',
      email,
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Siti', email_verified: true },
      is_anonymous: false,
    });
    expect(data.user!.last_sign_in_at).toBeTruthy();
    expect(data.user!.email_confirmed_at).toBeTruthy();
    expect(data.user!.identities?.[0]).toMatchObject({ provider: 'email', user_id: created.id, id: created.id });

    const claims = decodeJwtPayload(session.access_token);
    expect(claims).toMatchObject({
      iss: `${stack.url}/auth/v1`,
      sub: created.id,
      aud: 'authenticated',
      role: 'authenticated',
      email,
      phone: '',
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Siti' },
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(typeof claims.session_id).toBe('string');

    const me = await client.auth.getUser();
    expect(me.error).toBeNull();
    expect(me.data.user?.id).toBe(created.id);
  });

  it('refuses a wrong password or an unknown address with invalid_credentials', async () => {
    const email = uniqueEmail('wrong');
    await createConfirmedUser(stack, email);
    for (const attempt of [
      { email, password: 'not-the-password' },
      { email: uniqueEmail('nobody'), password: PASSWORD },
    ]) {
      const { data, error } = await userClient(stack).auth.signInWithPassword(attempt);
      expect(data.session).toBeNull();
      expect(error?.status).toBe(400);
      expect(error?.code).toBe('invalid_credentials');
      expect(error?.message).toBe('Invalid login credentials');
    }
  });

  it('refuses an unconfirmed email, and a banned user, with supabase/auth codes', async () => {
    const admin = stack.serviceClient().auth.admin;
    const email = uniqueEmail('unconfirmed');
    const { data: created } = await admin.createUser({ email, password: PASSWORD });
    const unconfirmed = await userClient(stack).auth.signInWithPassword({ email, password: PASSWORD });
    expect(unconfirmed.error?.code).toBe('email_not_confirmed');

    const bannedEmail = uniqueEmail('banned');
    const banned = await createConfirmedUser(stack, bannedEmail);
    const client = userClient(stack);
    const before = await client.auth.signInWithPassword({ email: bannedEmail, password: PASSWORD });
    expect(before.error).toBeNull();
    const ban = await admin.updateUserById(banned.id, { ban_duration: '24h' });
    expect(ban.error).toBeNull();
    expect(ban.data.user?.banned_until).toBeTruthy();

    const after = await userClient(stack).auth.signInWithPassword({ email: bannedEmail, password: PASSWORD });
    expect(after.error?.code).toBe('user_banned');
    const stillSignedIn = await client.auth.getUser();
    expect(stillSignedIn.error?.status).toBe(403);
    expect(stillSignedIn.error?.code).toBe('user_banned');
    const refresh = await client.auth.refreshSession({ refresh_token: before.data.session!.refresh_token });
    expect(refresh.error?.code).toBe('user_banned');

    await admin.updateUserById(banned.id, { ban_duration: 'none' });
    const unbanned = await userClient(stack).auth.signInWithPassword({ email: bannedEmail, password: PASSWORD });
    expect(unbanned.error).toBeNull();
    expect(created.user).toBeTruthy();
  });

  it('rotates refresh tokens and ends the session when an old token is replayed', async () => {
    const email = uniqueEmail('rotate');
    await createConfirmedUser(stack, email);
    const client = userClient(stack);
    const signIn = await client.auth.signInWithPassword({ email, password: PASSWORD });
    const first = signIn.data.session!.refresh_token;

    const rotated = await client.auth.refreshSession({ refresh_token: first });
    expect(rotated.error).toBeNull();
    const second = rotated.data.session!.refresh_token;
    expect(second).not.toBe(first);
    expect(decodeJwtPayload(rotated.data.session!.access_token).session_id).toBe(
      decodeJwtPayload(signIn.data.session!.access_token).session_id,
    );
    const { rows } = await stack.db.query<{ parent: string | null; revoked: boolean }>(
      'select parent, revoked from auth.refresh_tokens where token = $1',
      [second],
    );
    expect(rows).toEqual([{ parent: first, revoked: false }]);

    // Within supabase/auth's reuse interval (a second tab refreshing at the same moment) the old token
    // gets the session's current token back instead of a new one.
    const concurrent = await userClient(stack).auth.refreshSession({ refresh_token: first });
    expect(concurrent.error).toBeNull();
    expect(concurrent.data.session!.refresh_token).toBe(second);

    // Later, the same replay is refused and the whole session ends.
    await stack.db.query(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`, [first]);
    const replay = await userClient(stack).auth.refreshSession({ refresh_token: first });
    expect(replay.error?.status).toBe(400);
    expect(replay.error?.code).toBe('refresh_token_already_used');
    expect(replay.error?.message).toBe('Invalid Refresh Token: Already Used');
    const afterReplay = await userClient(stack).auth.refreshSession({ refresh_token: second });
    expect(afterReplay.error?.code).toBe('refresh_token_not_found');

    const unknown = await userClient(stack).auth.refreshSession({ refresh_token: 'no-such-token-anywhere' });
    expect(unknown.error?.code).toBe('refresh_token_not_found');
  });

  it('signs out globally, locally or the other sessions, and refuses their tokens afterwards', async () => {
    const email = uniqueEmail('logout');
    await createConfirmedUser(stack, email);
    const signIn = async () => {
      const client = userClient(stack);
      const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
      if (error) throw error;
      return { client, session: data.session! };
    };
    const refreshWorks = async (token: string) => !(await userClient(stack).auth.refreshSession({ refresh_token: token })).error;

    const a = await signIn();
    const b = await signIn();
    expect((await a.client.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect(await refreshWorks(b.session.refresh_token)).toBe(false);
    const stillA = await a.client.auth.getUser();
    expect(stillA.error).toBeNull();

    const c = await signIn();
    expect((await c.client.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect(await refreshWorks(c.session.refresh_token)).toBe(false);
    const afterLocal = await userClient(stack).auth.getUser(c.session.access_token);
    expect(afterLocal.error?.name).toBe('AuthSessionMissingError');

    const d = await signIn();
    expect((await d.client.auth.signOut()).error).toBeNull();
    const refused = await userClient(stack).auth.refreshSession({ refresh_token: d.session.refresh_token });
    expect(refused.error?.code).toBe('refresh_token_not_found');
    // global: session a went too
    const aRefresh = await userClient(stack).auth.refreshSession({ refresh_token: a.session.refresh_token });
    expect(aRefresh.error?.code).toBe('refresh_token_not_found');
    const logoutStatus = await fetch(`${stack.url}/auth/v1/logout?scope=global`, {
      method: 'POST',
      headers: { apikey: 'x', authorization: `Bearer ${d.session.access_token}` },
    });
    expect(logoutStatus.status).toBe(403);
  });

  it('works through @supabase/ssr with the session kept in cookies', async () => {
    const email = uniqueEmail('ssr');
    const created = await createConfirmedUser(stack, email);
    const jar = new Map<string, string>();
    const serverClient = () =>
      createServerClient(stack.url, DEMO_ANON_KEY, {
        cookies: {
          getAll: () => [...jar].map(([name, value]) => ({ name, value })),
          setAll: (cookies) => {
            for (const { name, value } of cookies) {
              if (value) jar.set(name, value);
              else jar.delete(name);
            }
          },
        },
        realtime: { transport: NodeRealtimeTransport },
      });
    const signIn = await serverClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...jar.keys()].some((name) => name.startsWith('sb-'))).toBe(true);

    // The next request: a new client that only has the cookies.
    const next = await serverClient().auth.getUser();
    expect(next.error).toBeNull();
    expect(next.data.user?.id).toBe(created.id);

    expect((await serverClient().auth.signOut()).error).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const afterSignOut = await serverClient().auth.getUser();
    expect(afterSignOut.data.user).toBeNull();
    const refresh = await userClient(stack).auth.refreshSession({ refresh_token: signIn.data.session!.refresh_token });
    expect(refresh.error?.code).toBe('refresh_token_not_found');
  });

  it('signs in a user that a seed wrote with pgcrypto crypt()', async () => {
    const email = uniqueEmail('seeded');
    const { rows } = await stack.db.query<{ id: string }>(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                               raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                               confirmation_token, email_change, email_change_token_new, recovery_token)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
               extensions.crypt($2, extensions.gen_salt('bf')), now(),
               '{"provider":"email","providers":["email"]}', '{"full_name":"Seeded"}', now(), now(), '', '', '', '')
       returning id`,
      [email, PASSWORD],
    );
    const { data, error } = await userClient(stack).auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(rows[0].id);
    expect(data.user?.identities).toEqual([]);
    expect(data.user?.user_metadata).toEqual({ full_name: 'Seeded' });
  });

  it('keeps passwords as $2a$ bcrypt hashes that pgcrypto crypt() verifies', async () => {
    const user = await createConfirmedUser(stack);
    const { rows } = await stack.db.query<{ ok: boolean; hash: string }>(
      `select extensions.crypt($2, encrypted_password) = encrypted_password as ok, encrypted_password as hash
         from auth.users where id = $1`,
      [user.id, PASSWORD],
    );
    expect(rows[0].ok).toBe(true);
    expect(rows[0].hash).toMatch(/^\$2a\$10\$/);
  });

  it('updates the signed-in user (metadata, password) through PUT /user', async () => {
    const email = uniqueEmail('selfupdate');
    await createConfirmedUser(stack, email);
    const client = userClient(stack);
    const first = await client.auth.signInWithPassword({ email, password: PASSWORD });
    const other = await userClient(stack).auth.signInWithPassword({ email, password: PASSWORD });
    const meta = await client.auth.updateUser({ data: { theme: 'dark' } });
    expect(meta.error).toBeNull();
    expect(meta.data.user?.user_metadata).toMatchObject({ theme: 'dark', email_verified: true });

    const same = await client.auth.updateUser({ password: PASSWORD });
    expect(same.error?.code).toBe('same_password');
    const weak = await client.auth.updateUser({ password: '123' });
    expect(weak.error?.code).toBe('weak_password');
    const changed = await client.auth.updateUser({ password: 'Baru-Sekali-2026' });
    expect(changed.error).toBeNull();
    expect(first.error).toBeNull();
    // The other session ends with the password change; this one goes on.
    const otherRefresh = await userClient(stack).auth.refreshSession({ refresh_token: other.data.session!.refresh_token });
    expect(otherRefresh.error?.code).toBe('refresh_token_not_found');
    const relogin = await userClient(stack).auth.signInWithPassword({ email, password: 'Baru-Sekali-2026' });
    expect(relogin.error).toBeNull();
  });

  it('answers bad input with JSON errors and keeps serving', async () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${stack.url}/auth/v1/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', apikey: 'x', ...headers },
        body,
      });
    const cases: Array<[Response, number, string]> = [
      [await post('token?grant_type=password', '{not json'), 400, 'bad_json'],
      [await post('token?grant_type=password', JSON.stringify({ email: 42, password: 'x' })), 400, 'bad_json'],
      [await post('token?grant_type=password', '[]'), 400, 'bad_json'],
      [await post('token?grant_type=password', JSON.stringify({ password: 'x' })), 400, 'validation_failed'],
      [await post('token?grant_type=refresh_token', '{}'), 400, 'validation_failed'],
      [await post('token?grant_type=magic', '{}'), 400, 'invalid_credentials'],
      [await post('token?grant_type=password', JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1024 * 1024 + 10) })), 413, 'request_too_large'],
      [await post('signup', JSON.stringify({ email: 'new@112.cilegon.test', password: PASSWORD })), 422, 'signup_disabled'],
      [await post('nowhere', '{}'), 404, 'not_found'],
      [await fetch(`${stack.url}/auth/v1/user`), 401, 'no_authorization'],
      [await fetch(`${stack.url}/auth/v1/user`, { headers: { authorization: 'Bearer not.a.jwt' } }), 403, 'bad_jwt'],
    ];
    for (const [res, status, code] of cases) {
      expect({ url: res.url, status: res.status }).toEqual({ url: res.url, status });
      expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
      const body = (await res.json()) as { code: string; error_code: string; msg: string; message: string };
      expect(body.code).toBe(code);
      expect(body.error_code).toBe(code);
      expect(body.msg).toBe(body.message);
    }
    const health = await fetch(`${stack.url}/auth/v1/health`);
    expect(health.status).toBe(200);
    const settings = (await (await fetch(`${stack.url}/auth/v1/settings`)).json()) as Record<string, unknown>;
    expect(settings).toMatchObject({ disable_signup: true, external: { email: true } });
  });
});
