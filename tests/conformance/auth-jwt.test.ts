/**
 * The REST API accepts the access tokens the auth API issues (RLS sees `auth.uid()`), and refuses an
 * expired token, a token signed with another secret and an unsigned (`alg: none`) token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANON_KEY, DEMO_JWT_SECRET } from '../../supabase/local/config.ts';
import { signJwt } from '../../supabase/local/jwt.ts';
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

describe.each(backends)('REST with auth tokens on %s', (backend) => {
  let stack: AuthStack;
  let accessToken: string;

  beforeAll(async () => {
    stack = await startAuthStack(backend);
    const email = uniqueEmail('rest');
    const owner = await createConfirmedUser(stack, email);
    const other = await createConfirmedUser(stack);
    await stack.db.query(`insert into public.auth_fixture_notes (owner, body) values ($1, 'mine'), ($2, 'theirs')`, [
      owner.id,
      other.id,
    ]);
    const { data, error } = await userClient(stack).auth.signInWithPassword({ email, password: PASSWORD });
    if (error) throw error;
    accessToken = data.session!.access_token;
  });
  afterAll(async () => {
    await stack?.drop();
  });

  const read = (token: string) =>
    fetch(`${stack.url}/rest/v1/auth_fixture_notes?select=body`, {
      headers: { apikey: DEMO_ANON_KEY, authorization: `Bearer ${token}` },
    });

  it('lets the signed-in user read what RLS allows them', async () => {
    const res = await read(accessToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ body: 'mine' }]);
  });

  it('refuses an expired token, another secret and alg none', async () => {
    const claims = decodeJwtPayload(accessToken);
    const now = Math.floor(Date.now() / 1000);
    const expired = await signJwt({ ...claims, iat: now - 7200, exp: now - 3600 }, DEMO_JWT_SECRET);
    const otherSecret = await signJwt(claims, 'another-secret-that-is-at-least-32-characters-long');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const unsigned = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

    for (const token of [expired, otherSecret, unsigned]) {
      const res = await read(token);
      expect(res.status).toBe(401);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toMatch(/^PGRST30/);
    }
    const expiredBody = (await (await read(expired)).json()) as { message: string };
    expect(expiredBody.message).toBe('JWT expired');

    // The auth API refuses the same tokens.
    for (const token of [expired, otherSecret, unsigned]) {
      const { error } = await userClient(stack).auth.getUser(token);
      expect(error?.status).toBe(403);
      expect(error?.code).toBe('bad_jwt');
    }
  });
});
