/**
 * The admin console (issue #13): the landing page lists the sections; the admin creates an OPD
 * liaison for an agency (a missing agency is refused with a clear message and creates nothing);
 * the liaison signs in with the password shown once and sees only that agency's assignments; the
 * admin deactivates the account and the liaison's open inbox returns to the login page within
 * seconds, and signing in again is refused; the audit trail viewer and its CSV show the changes.
 */
import { expect, test } from './support/fixtures';
import { DispatchApi, DISPATCH_VIEWPORT } from './dispatch.po';
import { signedInPage } from './support/sign-in';
import { dispatchTo, OpdPage, PHONE } from './opd.po';
import { LoginPage } from './login.po';
import { AdminAccountsPage } from './admin.po';

const ADMIN = 'admin@112.cilegon.test';
const OPERATOR = 'operator1@112.cilegon.test';
const SUPERVISOR = 'supervisor1@112.cilegon.test';

test.describe('admin accounts', () => {
  test.setTimeout(150_000);

  test('create an OPD liaison, who sees only their agency, then deactivate them live', async ({ browser }) => {
    const adminPage = await signedInPage(browser, ADMIN, { viewport: DISPATCH_VIEWPORT });
    const admin = new AdminAccountsPage(adminPage);
    const api = await DispatchApi.fromPage(adminPage);
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const email = `liaison.${tag}@112.cilegon.test`;
    try {
      // The landing page and its navigation.
      await adminPage.goto('/admin');
      await expect(adminPage.getByTestId('admin-section-accounts')).toBeVisible();
      await expect(adminPage.getByTestId('admin-section-audit')).toBeVisible();
      await adminPage.getByTestId('admin-section-accounts').click();
      await expect(adminPage).toHaveURL(/\/admin\/accounts$/);
      await expect(adminPage.getByTestId('admin-nav').locator('[aria-current="page"]')).toHaveText('Akun Pengguna');

      // Two incidents: one for DISHUB (the new liaison's agency), one for SATPOLPP.
      const dishub = await api.agencyId('DISHUB');
      const satpol = await api.agencyId('SATPOLPP');
      const supervisor = await api.as(SUPERVISOR);
      const fields = { category: 'other' as const, lat: -6.0, lng: 106.02, kecamatan: 'Citangkil', phone: '081298765432', name: 'Pelapor' };
      const ours = await api.reportIncident(OPERATOR, { ...fields, description: `Pohon tumbang ${tag}` });
      const theirs = await api.reportIncident(OPERATOR, { ...fields, description: `Parkir liar ${tag}` });
      await dispatchTo(supervisor, ours.id, [dishub]);
      await dispatchTo(supervisor, theirs.id, [satpol]);

      // An OPD account without an agency is refused and creates nothing.
      await admin.gotoNew();
      await admin.fillNew({ email, fullName: `Liaison Dishub ${tag}`, role: 'opd' });
      await admin.submitNew();
      await expect(admin.problem('agency_required')).toHaveText('Akun OPD wajib memiliki OPD.');
      await adminPage.goto(`/admin/accounts?q=${encodeURIComponent(email)}`);
      await expect(admin.row(email)).toHaveCount(0);

      // With the agency and no password: created, the generated password shown once.
      await admin.gotoNew();
      await admin.fillNew({ email, fullName: `Liaison Dishub ${tag}`, role: 'opd', agencyId: dishub });
      await admin.submitNew();
      await expect(admin.formDone).toContainText(`Akun ${email} telah dibuat.`);
      const password = (await admin.generatedPassword.textContent())?.trim() ?? '';
      expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);

      // The liaison signs in on a phone and sees only DISHUB's assignment.
      const phoneContext = await browser.newContext({ ...PHONE });
      const phone = await phoneContext.newPage();
      const login = new LoginPage(phone);
      await login.goto();
      await login.signIn(email, password);
      await phone.waitForURL((url) => url.pathname === '/opd');
      const opd = new OpdPage(phone);
      await opd.waitLive();
      await expect(opd.item(ours.ticket)).toBeVisible();
      await expect(opd.item(theirs.ticket)).toHaveCount(0);

      // The admin deactivates the account; the open inbox falls back to the login page within seconds.
      await adminPage.goto(`/admin/accounts?q=${encodeURIComponent(email)}`);
      await admin.row(email).getByTestId('account-link').click();
      const clicked = Date.now();
      await adminPage.getByTestId('account-deactivate').click();
      await phone.waitForURL((url) => url.pathname === '/login', { timeout: 10_000 });
      test.info().annotations.push({ type: 'fallback-ms', description: String(Date.now() - clicked) });
      await expect(adminPage.getByTestId('account-state-form').getByTestId('form-done')).toHaveText('Akun dinonaktifkan.');

      await login.signIn(email, password);
      await expect(login.error).toBeVisible();
      expect(new URL(phone.url()).pathname).toBe('/login');
      await phoneContext.close();

      // The audit trail shows the changes; the CSV export carries them too.
      await adminPage.goto(`/admin/audit?kind=account.deactivated`);
      await expect(adminPage.locator('[data-test="audit-row"][data-kind="account.deactivated"]').first()).toBeVisible();
      const href = await adminPage.getByTestId('audit-export').getAttribute('href');
      const csv = await adminPage.request.get(href!);
      expect(csv.headers()['content-type']).toContain('text/csv');
      const text = await csv.text();
      expect(text.split('\r\n')[0]).toBe('time_wib,source,kind,actor_name,actor_id,ticket_no,target,details');
      expect(text).toContain('account.deactivated');
      expect(text).not.toContain('081298765432');
    } finally {
      await api.close();
      await adminPage.context().close();
    }
  });
});
