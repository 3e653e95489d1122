/**
 * Brute-force protection of the password grant and the password policy (security issue #11): 200
 * wrong passwords were never refused, and an administrator could set a 3-character password.
 * Failed sign-ins are limited per account and per client address with supabase/auth's 429
 * `over_request_rate_limit`; a refused attempt costs no bcrypt; the limits recover with time. The
 * window is shortened through the stack's environment so that recovery takes seconds. Clients use
 * distinct loopback addresses (127.0.0.x) so each case has its own address.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ANON_KEY, DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import { bcryptJobsStarted } from '../../supabase/local/auth/bcrypt-worker.ts';
import { backends, startTestStack, type Backend, type TestStack } from '../support/test-stack.ts';
import { AUTH_FIXTURE_MIGRATIONS, createConfirmedUser, PASSWORD, uniqueEmail, userClient } from './fixtures/auth/auth-fixture.ts';

const ACCOUNT_LIMIT = 3;
const ADDRESS_LIMIT = 5;
/** Long enough that the few attempts of a case never earn a token back meanwhile, short enough to wait out. */
const WINDOW_SECONDS = 9;
const accountRefillMs = (WINDOW_SECONDS * 1000) / ACCOUNT_LIMIT;
const addressRefillMs = (WINDOW_SECONDS * 1000) / ADDRESS_LIMIT;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A password grant sent from `localAddress` (the socket's source), optionally through a proxy header. */
function signIn(stack: TestStack, localAddress: string, email: string, password: string, forwardedFor?: string): Promise<Reply> {
  const url = new URL(stack.url);
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: '/auth/v1/token?grant_type=password',
        method: 'POST',
        localAddress,
        agent: false,
        headers: {
          apikey: DEMO_ANON_KEY,
          'content-type': 'application/json',
          'x-supabase-api-version': '2024-01-01',
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectRateLimited(reply: Reply) {
  expect(reply.status).toBe(429);
  // supabase/auth's limitHandler answer, in this stack's error shape (auth-errors.ts).
  expect(reply.body).toEqual({
    code: 'over_request_rate_limit',
    error_code: 'over_request_rate_limit',
    msg: 'Request rate limit reached',
    message: 'Request rate limit reached',
  });
  expect(reply.headers['x-sb-error-code']).toBe('over_request_rate_limit');
}

async function startLimitedStack(backend: Backend, extraEnv: Record<string, string> = {}) {
  vi.stubEnv('STACK_AUTH_SIGNIN_ACCOUNT_LIMIT', String(ACCOUNT_LIMIT));
  vi.stubEnv('STACK_AUTH_SIGNIN_IP_LIMIT', String(ADDRESS_LIMIT));
  vi.stubEnv('STACK_AUTH_SIGNIN_WINDOW', String(WINDOW_SECONDS));
  for (const [name, value] of Object.entries(extraEnv)) vi.stubEnv(name, value);
  try {
    return await startTestStack({ backend, migrationsDir: AUTH_FIXTURE_MIGRATIONS });
  } finally {
    // The settings are read when the stack starts; nothing else in this process should see them.
    vi.unstubAllEnvs();
  }
}

describe.each(backends)('password sign-in limits on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };

  beforeAll(async () => {
    stack = await startLimitedStack(backend);
  });
  afterAll(async () => {
    await stack?.drop();
  });

  it('refuses an account after its failed attempts, from any address, without bcrypt, until it recovers', async () => {
    const victim = uniqueEmail('victim');
    await createConfirmedUser(stack, victim);
    const colleague = uniqueEmail('colleague');
    await createConfirmedUser(stack, colleague);

    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      const wrong = await signIn(stack, '127.0.0.2', victim, `guess-${i}`);
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('invalid_credentials');
    }
    // Even the right password, and from another address: the account's allowance is used up.
    expectRateLimited(await signIn(stack, '127.0.0.2', victim, PASSWORD));
    expectRateLimited(await signIn(stack, '127.0.0.3', victim, PASSWORD));
    const viaClient = await userClient(stack).auth.signInWithPassword({ email: victim.toUpperCase(), password: PASSWORD });
    expect(viaClient.data.session).toBeNull();
    expect(viaClient.error?.status).toBe(429);
    expect(viaClient.error?.code).toBe('over_request_rate_limit');

    // Refused attempts cost no password hashing at all.
    const jobsBefore = bcryptJobsStarted();
    const refused = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(stack, '127.0.0.2', victim, `guess-more-${i}`)));
    expect(refused.map((r) => r.status)).toEqual(Array(20).fill(429));
    expect(bcryptJobsStarted()).toBe(jobsBefore);

    // Another account from the same address still signs in.
    const other = await signIn(stack, '127.0.0.2', colleague, PASSWORD);
    expect(other.status).toBe(200);
    expect(typeof other.body.access_token).toBe('string');

    await sleep(accountRefillMs + 300);
    const recovered = await signIn(stack, '127.0.0.2', victim, PASSWORD);
    expect(recovered.status).toBe(200);
  });

  it('refuses an address after failed attempts on any accounts (never for right ones), ignoring X-Forwarded-For, until it recovers', async () => {
    const operators = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const email = uniqueEmail('operator');
        await createConfirmedUser(stack, email);
        return email;
      }),
    );
    const operator = operators[0];
    // A shift signing in from one address: right passwords never use up the allowance.
    for (let round = 0; round < 3; round++) {
      for (const email of operators) expect((await signIn(stack, '127.0.0.4', email, PASSWORD)).status).toBe(200);
    }

    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      const unknown = await signIn(stack, '127.0.0.4', uniqueEmail(`nobody-${i}`), 'guess');
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('invalid_credentials');
    }
    expectRateLimited(await signIn(stack, '127.0.0.4', operator, PASSWORD));
    // Without a trusted proxy the header is the client's own claim and changes nothing.
    expectRateLimited(await signIn(stack, '127.0.0.4', operator, PASSWORD, '198.51.100.1'));
    // The account itself is fine: from another address it signs in.
    expect((await signIn(stack, '127.0.0.5', operator, PASSWORD)).status).toBe(200);

    await sleep(addressRefillMs + 300);
    expect((await signIn(stack, '127.0.0.4', operator, PASSWORD)).status).toBe(200);
  });
});

describe.each(backends)('password sign-in limits behind a trusted proxy on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };

  beforeAll(async () => {
    stack = await startLimitedStack(backend, { STACK_TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(async () => {
    await stack?.drop();
  });

  it('keys the address limit on the client that the proxy names', async () => {
    const operator = uniqueEmail('operator');
    await createConfirmedUser(stack, operator);
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      expect((await signIn(stack, '127.0.0.1', uniqueEmail(`nobody-${i}`), 'guess', '198.51.100.7')).status).toBe(400);
    }
    expectRateLimited(await signIn(stack, '127.0.0.1', operator, PASSWORD, '198.51.100.7'));
    // A client cannot escape by prepending an address of its own: the proxy's entry is the last one.
    expectRateLimited(await signIn(stack, '127.0.0.1', operator, PASSWORD, '203.0.113.50, 198.51.100.7'));
    expect((await signIn(stack, '127.0.0.1', operator, PASSWORD, '198.51.100.8')).status).toBe(200);
    expect((await signIn(stack, '127.0.0.1', operator, PASSWORD)).status).toBe(200);
    // Only the configured proxy is believed: another peer's header is ignored.
    expect((await signIn(stack, '127.0.0.7', operator, PASSWORD, '198.51.100.7')).status).toBe(200);
  });
});

describe.each(backends)('password policy on %s', (backend) => {
  let stack: TestStack & { drop(): Promise<void> };

  beforeAll(async () => {
    stack = await startTestStack({ backend, migrationsDir: AUTH_FIXTURE_MIGRATIONS });
  });
  afterAll(async () => {
    await stack?.drop();
  });

  it('refuses passwords under 8 bytes with 422 weak_password, on admin create and update', async () => {
    const admin = stack.serviceClient().auth.admin;
    const weak = await admin.createUser({ email: uniqueEmail('weak'), password: 'abc', email_confirm: true });
    expect(weak.data.user).toBeNull();
    expect(weak.error?.status).toBe(422);
    expect(weak.error?.code).toBe('weak_password');
    expect(weak.error?.name).toBe('AuthWeakPasswordError');
    expect((weak.error as unknown as { reasons: string[] }).reasons).toEqual(['length']);
    expect(weak.error?.message).toBe('Password should be at least 8 characters.');

    // The raw answer as supabase/auth gives it for API version 2024-01-01.
    const res = await fetch(`${stack.url}/auth/v1/admin/users`, {
      method: 'POST',
      headers: {
        apikey: DEMO_SERVICE_ROLE_KEY,
        authorization: `Bearer ${DEMO_SERVICE_ROLE_KEY}`,
        'content-type': 'application/json',
        'x-supabase-api-version': '2024-01-01',
      },
      body: JSON.stringify({ email: uniqueEmail('weak'), password: '1234567' }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('x-sb-error-code')).toBeNull();
    expect(await res.json()).toEqual({
      code: 'weak_password',
      error_code: 'weak_password',
      msg: 'Password should be at least 8 characters.',
      message: 'Password should be at least 8 characters.',
      weak_password: { reasons: ['length'] },
    });

    // The demo accounts' password passes; so does a user created with none (it gets a random one).
    const demo = await admin.createUser({ email: uniqueEmail('demo'), password: 'Cilegon112!', email_confirm: true });
    expect(demo.error).toBeNull();
    const noPassword = await admin.createUser({ email: uniqueEmail('nopw'), email_confirm: true });
    expect(noPassword.error).toBeNull();

    const updated = await admin.updateUserById(demo.data.user!.id, { password: 'short' });
    expect(updated.error?.code).toBe('weak_password');
    const signedIn = await userClient(stack).auth.signInWithPassword({ email: demo.data.user!.email!, password: 'Cilegon112!' });
    expect(signedIn.error).toBeNull();
  });

  it('refuses a weak new password on PUT /user', async () => {
    const email = uniqueEmail('self');
    await createConfirmedUser(stack, email);
    const client = userClient(stack);
    expect((await client.auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
    const weak = await client.auth.updateUser({ password: '7-chars' });
    expect(weak.error?.status).toBe(422);
    expect(weak.error?.code).toBe('weak_password');
    expect((await client.auth.updateUser({ password: '8-chars!' })).error).toBeNull();
  });
});
