/**
 * Signing in and out: every role lands on its own area, wrong credentials are refused with a clear
 * message, sign-out returns to the login page, areas are closed to other roles, and the language
 * switch changes the interface to English.
 */
import { DEMO_PASSWORD, DEMO_USERS, type AppRole } from '../lib/demo-users';
import { expect, test } from './support/fixtures';
import { LoginPage } from './login.po';
import { serviceRoleClient, stackUrl } from './support/stack';

const AREA_BY_ROLE: Record<AppRole, string> = {
  operator: '/operator',
  supervisor: '/dispatch',
  opd: '/opd',
  leadership: '/stats',
  admin: '/admin',
};

const ROLE_LABEL_ID: Record<AppRole, string> = {
  operator: 'Operator',
  supervisor: 'Supervisor',
  opd: 'OPD',
  leadership: 'Pimpinan',
  admin: 'Administrator',
};

function firstDemoUser(role: AppRole) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user with role ${role}`);
  return user;
}

test.describe('demo sign-in', () => {
  for (const role of Object.keys(AREA_BY_ROLE) as AppRole[]) {
    test(`${role} signs in with one click and lands on ${AREA_BY_ROLE[role]}`, async ({ page, loginPage, header }) => {
      const user = firstDemoUser(role);
      await loginPage.goto();
      await expect(loginPage.demoGroup(role)).toContainText(ROLE_LABEL_ID[role]);
      await loginPage.signInAsDemoUser(user.email);
      await expect(page).toHaveURL(new RegExp(`${AREA_BY_ROLE[role]}$`));
      await expect(header.userName).toHaveText(user.fullName);
      await expect(header.userRole).toHaveText(ROLE_LABEL_ID[role]);
    });
  }

  test('leadership reaches the dark wall display from statistics', async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signInAsDemoUser('pimpinan@112.cilegon.test');
    await expect(page).toHaveURL(/\/stats$/);
    await page.getByTestId('open-wall').click();
    await expect(page).toHaveURL(/\/wall$/);
    await expect(page.locator('[data-theme="dark"]')).toBeVisible();
  });

  test('a wall PC that opens /wall signed out comes back to /wall after one sign-in', async ({ page, loginPage }) => {
    await page.goto('/wall');
    await expect(page).toHaveURL(/\/login\?next=%2Fwall$/);
    await loginPage.signInAsDemoUser('wall@112.cilegon.test');
    await expect(page).toHaveURL(/\/wall$/);
    await expect(page.locator('[data-theme="dark"]')).toBeVisible();
  });

  // Each of these resolves, in a browser, to a path starting with // (another host).
  for (const next of ['//evil.example', '/.//evil.example/phish', '/a/..//evil.example', '/%2e//evil.example', '/./\\evil.example']) {
    test(`a return address that leaves the site is ignored: ${next}`, async ({ page, loginPage }) => {
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await loginPage.signInAsDemoUser('operator1@112.cilegon.test');
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/operator$/);
    });
  }
});

test.describe('password sign-in', () => {
  test('the form signs a user in with email and password', async ({ page, loginPage, header }) => {
    const user = firstDemoUser('supervisor');
    await loginPage.goto();
    await loginPage.signIn(user.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dispatch$/);
    await expect(header.userName).toHaveText(user.fullName);
  });

  test('a wrong password is refused with a clear message', async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signIn(firstDemoUser('operator').email, 'wrong-password');
    await expect(loginPage.error).toHaveText('Email atau kata sandi salah.');
    await expect(page).toHaveURL(/\/login$/);
    await expect(loginPage.email).toHaveValue(firstDemoUser('operator').email);
  });
});

test.describe('session', () => {
  test('signing out returns to the login page and closes the areas', async ({ page, loginPage, header }) => {
    await loginPage.goto();
    await loginPage.signInAsDemoUser(firstDemoUser('operator').email);
    await expect(page).toHaveURL(/\/operator$/);
    await header.signOut();
    await expect(page).toHaveURL(/\/login$/);
    await expect(loginPage.title).toBeVisible();
    await page.goto('/operator');
    await expect(page).toHaveURL(/\/login\?next=%2Foperator$/);
  });

  test('an area refuses a role it is not meant for with 403', async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signInAsDemoUser(firstDemoUser('operator').email);
    await expect(page).toHaveURL(/\/operator$/);
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId('forbidden')).toBeVisible();
  });
});

test.describe('runtime configuration', () => {
  test('the page carries the API location read when served, not when built', async ({ page, loginPage }) => {
    await loginPage.goto();
    const config = JSON.parse((await page.locator('meta[name="supabase-config"]').getAttribute('content')) ?? 'null') as { url: string; anonKey: string };
    // The e2e stack listens on a port chosen at start-up, which no build could have known.
    expect(config.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(config.anonKey.split('.')).toHaveLength(3);
  });
});

test.describe('language', () => {
  test('the switch shows the interface in English and keeps the choice after sign-in', async ({ page, loginPage, header }) => {
    await loginPage.goto();
    await expect(loginPage.title).toHaveText('Masuk');
    await header.languageButton('en').click();
    await expect(loginPage.title).toHaveText('Sign in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await loginPage.signIn(firstDemoUser('operator').email, 'wrong-password');
    await expect(loginPage.error).toHaveText('Wrong email or password.');

    await loginPage.signInAsDemoUser(firstDemoUser('leadership').email);
    await expect(page).toHaveURL(/\/stats$/);
    await expect(header.userRole).toHaveText('Leadership');
    await expect(header.signOutButton).toHaveText('Sign out');

    await header.languageButton('id').click();
    await expect(header.userRole).toHaveText('Pimpinan');
    await expect(header.signOutButton).toHaveText('Keluar');
  });
});

test.describe('sign-in attempt limit', () => {
  // The limit holds the account for the rest of the run, and specs share the lane's stack: an account
  // of this test's own, so that no other spec (the disaster-day screens sign in every liaison) is held.
  const target = `batas-${Date.now()}@112.cilegon.test`;

  test.beforeAll(async () => {
    const { error } = await serviceRoleClient(await stackUrl()).auth.admin.createUser({ email: target, password: DEMO_PASSWORD, email_confirm: true });
    if (error) throw new Error(`creating ${target}: ${error.message}`);
  });

  test('guessing one account\'s password is stopped after ten failures, other people still sign in', async ({ page, browser, loginPage }) => {
    await loginPage.goto();
    // One attempt = one server action answered: the message alone could still be the previous one's.
    const attempt = async (password: string) => {
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
      await loginPage.signIn(target, password);
      await answered;
      // The new message renders together with the button's return from its pending state.
      await expect(loginPage.submit).toBeEnabled();
      await expect(loginPage.submit).toHaveText('Masuk');
      return (await loginPage.error.textContent())?.trim();
    };
    for (let n = 1; n <= 10; n++) {
      expect(await attempt(`salah-${n}-Tebak!`), `attempt ${n}`).toBe('Email atau kata sandi salah.');
    }
    expect(await attempt('salah-11-Tebak!')).toMatch(/^Terlalu banyak percobaan masuk/);
    // Even the right password is refused while the account is held.
    expect(await attempt(DEMO_PASSWORD)).toMatch(/^Terlalu banyak percobaan masuk/);
    await expect(page).toHaveURL(/\/login/);
    // A colleague at the same center (the same browser address) is not held back.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const otherLogin = new LoginPage(otherPage);
    await otherLogin.goto();
    await otherLogin.signIn(firstDemoUser('supervisor').email, DEMO_PASSWORD);
    await expect(otherPage).toHaveURL(/\/dispatch$/);
    await other.close();
  });
});

test.describe('security headers', () => {
  test('pages carry a nonce CSP that forbids framing, and the hardening headers', async ({ page }) => {
    const response = await page.goto('/login');
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('geolocation=(self)');
    // Plain http on the test server: no HSTS (it would pin browsers to https that is not there).
    expect(headers['strict-transport-security']).toBeUndefined();
    // Two requests, two nonces.
    const again = (await page.goto('/login'))!.headers()['content-security-policy'];
    expect(again).not.toBe(csp);
  });

  test('the API answers only the app origin with CORS, and refuses a websocket from another site', async ({ page, request }) => {
    await page.goto('/login');
    const { url, anonKey } = JSON.parse((await page.locator('meta[name="supabase-config"]').getAttribute('content'))!) as { url: string; anonKey: string };
    const appOrigin = new URL(page.url()).origin;
    const own = await request.get(`${url}/rest/v1/agencies?select=id&limit=1`, { headers: { apikey: anonKey, origin: appOrigin } });
    expect(own.headers()['access-control-allow-origin']).toBe(appOrigin);
    const evil = await request.get(`${url}/rest/v1/agencies?select=id&limit=1`, { headers: { apikey: anonKey, origin: 'https://evil.example' } });
    expect(evil.headers()['access-control-allow-origin']).toBeUndefined();
    expect(evil.headers()['access-control-allow-credentials']).toBeUndefined();
    expect(evil.headers()['x-content-type-options']).toBe('nosniff');
    const wsStatus = await page.evaluate(
      ({ wsUrl }) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(wsUrl);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      { wsUrl: `${url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${anonKey}&vsn=1.0.0` },
    );
    // From the app's own page the socket opens; the refusal of other sites is checked below without a browser.
    expect(wsStatus).toBe('open');
  });
});

