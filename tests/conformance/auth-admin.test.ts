/**
 * The admin user API (`auth.admin.*` of supabase-js) with the service-role key, and its refusal of
 * every other caller.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
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

describe.each(backends)('auth admin API on %s', (backend) => {
  let stack: AuthStack;

  beforeAll(async () => {
    stack = await startAuthStack(backend);
  });
  afterAll(async () => {
    await stack?.drop();
  });

  it('refuses the anon key, a user token and no token', async () => {
    const anonAdmin = stack.anonClient().auth.admin;
    const list = await anonAdmin.listUsers();
    expect(list.error?.status).toBe(403);
    expect(list.error?.code).toBe('not_admin');
    expect(list.error?.message).toBe('User not allowed');
    const create = await anonAdmin.createUser({ email: uniqueEmail('intruder'), password: PASSWORD });
    expect(create.error?.code).toBe('not_admin');

    const email = uniqueEmail('plain');
    const user = await createConfirmedUser(stack, email);
    const { data } = await userClient(stack).auth.signInWithPassword({ email, password: PASSWORD });
    for (const [headers, status, code] of [
      [{ authorization: `Bearer ${data.session!.access_token}` }, 403, 'not_admin'],
      [{}, 401, 'no_authorization'],
    ] as const) {
      const res = await fetch(`${stack.url}/auth/v1/admin/users/${user.id}`, { method: 'DELETE', headers });
      expect(res.status).toBe(status);
      expect(((await res.json()) as { code: string }).code).toBe(code);
    }
    expect((await stack.serviceClient().auth.admin.getUserById(user.id)).data.user?.id).toBe(user.id);
  });

  it('creates users with metadata that reaches the JWT, and refuses duplicates and bad input', async () => {
    const admin = stack.serviceClient().auth.admin;
    const email = uniqueEmail('operator');
    const { data, error } = await admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { full_name: 'Andi Pratama' },
      app_metadata: { role: 'operator' },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email,
      app_metadata: { provider: 'email', providers: ['email'], role: 'operator' },
      user_metadata: { full_name: 'Andi Pratama', email_verified: true },
    });
    const signIn = await userClient(stack).auth.signInWithPassword({ email, password: PASSWORD });
    expect(decodeJwtPayload(signIn.data.session!.access_token).app_metadata).toMatchObject({ role: 'operator' });

    const duplicate = await admin.createUser({ email: email.toUpperCase(), password: PASSWORD });
    expect(duplicate.error?.status).toBe(422);
    expect(duplicate.error?.code).toBe('email_exists');
    const invalid = await admin.createUser({ email: 'not-an-address', password: PASSWORD });
    expect(invalid.error?.status).toBe(400);
    expect(invalid.error?.code).toBe('validation_failed');
    const nothing = await admin.createUser({ password: PASSWORD });
    expect(nothing.error?.code).toBe('validation_failed');

    const chosenId = '6f1d9c57-2b0e-4c7a-9f59-1d6a1bb0c0de';
    const withId = await admin.createUser({ id: chosenId, email: uniqueEmail('with-id'), email_confirm: true });
    expect(withId.data.user?.id).toBe(chosenId);
  });

  it('reads, lists page by page, updates and deletes users', async () => {
    const admin = stack.serviceClient().auth.admin;
    const emails = [uniqueEmail('list'), uniqueEmail('list'), uniqueEmail('list')];
    const users = [];
    for (const email of emails) users.push(await createConfirmedUser(stack, email));

    const firstPage = await admin.listUsers({ page: 1, perPage: 2 });
    if (firstPage.error) throw firstPage.error;
    expect(firstPage.data.users).toHaveLength(2);
    expect(firstPage.data.users[0].id).toBe(users[2].id); // newest first
    expect(firstPage.data).toMatchObject({ aud: 'authenticated', nextPage: 2 });
    expect(firstPage.data.total).toBeGreaterThanOrEqual(3);
    const secondPage = await admin.listUsers({ page: 2, perPage: 2 });
    expect(secondPage.data.users[0].id).toBe(users[0].id);
    const filtered = await fetch(`${stack.url}/auth/v1/admin/users?filter=${encodeURIComponent(emails[1])}`, {
      headers: { authorization: `Bearer ${DEMO_SERVICE_ROLE_KEY}`, apikey: DEMO_SERVICE_ROLE_KEY },
    });
    expect(filtered.headers.get('x-total-count')).toBe('1');
    expect(((await filtered.json()) as { users: Array<{ id: string }> }).users.map((u) => u.id)).toEqual([users[1].id]);

    const missing = await admin.getUserById('00000000-0000-4000-8000-000000000000');
    expect(missing.error?.status).toBe(404);
    expect(missing.error?.code).toBe('user_not_found');

    // Metadata patches merge; a null removes a key.
    const target = users[0];
    const client = userClient(stack);
    const session = (await client.auth.signInWithPassword({ email: emails[0], password: PASSWORD })).data.session!;
    await admin.updateUserById(target.id, { user_metadata: { full_name: 'Budi', shift: 'pagi' } });
    const patched = await admin.updateUserById(target.id, { user_metadata: { shift: null } });
    expect(patched.data.user?.user_metadata).toEqual({ full_name: 'Budi', email_verified: true });

    // A new email and password: the old sessions end, the new credentials work.
    const newEmail = uniqueEmail('renamed');
    const moved = await admin.updateUserById(target.id, { email: newEmail, password: 'Kata-Sandi-Baru-1' });
    expect(moved.error).toBeNull();
    expect(moved.data.user?.email).toBe(newEmail);
    const oldRefresh = await userClient(stack).auth.refreshSession({ refresh_token: session.refresh_token });
    expect(oldRefresh.error?.code).toBe('refresh_token_not_found');
    const oldLogin = await userClient(stack).auth.signInWithPassword({ email: emails[0], password: PASSWORD });
    expect(oldLogin.error?.code).toBe('invalid_credentials');
    const newLogin = await userClient(stack).auth.signInWithPassword({ email: newEmail, password: 'Kata-Sandi-Baru-1' });
    expect(newLogin.error).toBeNull();

    // Hard delete: the user, their sessions and tokens are gone.
    const deleted = await admin.deleteUser(target.id);
    expect(deleted.error).toBeNull();
    expect((await admin.getUserById(target.id)).error?.code).toBe('user_not_found');
    const afterDelete = await userClient(stack).auth.getUser(newLogin.data.session!.access_token);
    expect(afterDelete.error?.status).toBe(403);
    const refreshDeleted = await userClient(stack).auth.refreshSession({ refresh_token: newLogin.data.session!.refresh_token });
    expect(refreshDeleted.error?.code).toBe('refresh_token_not_found');
    const loginDeleted = await userClient(stack).auth.signInWithPassword({ email: newEmail, password: 'Kata-Sandi-Baru-1' });
    expect(loginDeleted.error?.code).toBe('invalid_credentials');

    // Soft delete keeps the row (foreign keys to it hold) but nobody signs in as it again.
    const soft = users[1];
    const softDeleted = await admin.deleteUser(soft.id, true);
    expect(softDeleted.error).toBeNull();
    expect((await admin.getUserById(soft.id)).data.user?.deleted_at).toBeTruthy();
    const loginSoft = await userClient(stack).auth.signInWithPassword({ email: emails[1], password: PASSWORD });
    expect(loginSoft.error?.code).toBe('invalid_credentials');
  });
});
