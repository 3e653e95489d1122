/**
 * Dispatch accuracy and coverage (issue #18 §5): the liaison answers "was your agency needed?" and
 * "should another agency have been sent?" while completing on a 360 px phone, and the answer is
 * stored with the field report; leadership sees accuracy per category and the 15-minute coverage
 * maps on /stats, both in the export and in the monthly report; the run-card screen shows the hints.
 * Screenshots in test-results/walk-screenshots.
 */
import { expect, test } from './support/fixtures';
import { DispatchApi } from './dispatch.po';
import { signedInPage } from './support/sign-in';
import { OpdPage, assignmentOf, dispatchTo, phoneContext } from './opd.po';
import { pageSupabaseConfig, serviceRoleClient } from './support/stack';
import { attachScreenshot } from './walk.po';

const SUPERVISOR = 'supervisor1@112.cilegon.test';
const OPERATOR = 'operator1@112.cilegon.test';
const DAMKAR = 'damkar@112.cilegon.test';
const LEADERSHIP = 'pimpinan@112.cilegon.test';

test.describe('dispatch accuracy and coverage', () => {
  test.setTimeout(150_000);

  test('the liaison answers both questions while completing on a phone', async ({ browser }, testInfo) => {
    const phone = await phoneContext(browser, DAMKAR);
    const opd = new OpdPage(phone.page);
    const api = await DispatchApi.fromPage(phone.page);
    try {
      const incident = await api.reportIncident(OPERATOR, {
        category: 'other',
        description: `Pohon tumbang menutup jalan ${Date.now().toString(36)}`,
        lat: -6.01,
        lng: 106.04,
        kecamatan: 'Jombang',
        phone: '081233344455',
        name: 'Pelapor Pohon',
      });
      const [dpkp, satpol, polres, dishub] = await Promise.all(['DPKP', 'SATPOLPP', 'POLRES', 'DISHUB'].map((c) => api.agencyId(c)));
      await dispatchTo(await api.as(SUPERVISOR), incident.id, [dpkp, satpol]);

      await opd.gotoIncident(incident.id);
      await opd.step('acknowledge_assignment').tap();
      await expect(opd.myAssignment).toHaveAttribute('data-status', 'acknowledged');
      await opd.step('complete_assignment').tap();
      const form = opd.page.getByTestId('dispatch-feedback');
      await expect(form).toContainText('Apakah kehadiran instansi Anda diperlukan?');
      await expect(form).toContainText('Apakah ada instansi lain yang seharusnya dikirim?');
      await opd.page.getByTestId('report-text').fill('Pohon dipotong dan disingkirkan oleh Satpol PP; damkar hanya menunggu.');
      await opd.page.getByTestId('feedback-needed-no').tap();
      await opd.page.getByTestId('feedback-missing-some').tap();
      // Only agencies not already sent are offered: neither DPKP itself nor Satpol PP.
      const offered = await opd.page.getByTestId('feedback-agency').evaluateAll((els) => els.map((e) => e.getAttribute('data-agency-id')));
      expect(offered).toContain(polres);
      expect(offered).not.toContain(dpkp);
      expect(offered).not.toContain(satpol);
      // "Another agency" without naming one is refused before anything is sent.
      await opd.page.getByTestId('report-submit').tap();
      await expect(opd.page.getByTestId('report-problem')).toContainText('Pilih instansi');
      await opd.page.locator(`[data-test="feedback-agency"][data-agency-id="${dishub}"]`).check();
      await opd.page.locator(`[data-test="feedback-agency"][data-agency-id="${polres}"]`).check();
      expect(await opd.horizontalOverflow()).toBeLessThanOrEqual(0);
      await form.scrollIntoViewIfNeeded();
      await attachScreenshot(opd.page, testInfo, 'issue18-accuracy-phone-form');
      await opd.page.getByTestId('report-submit').tap();
      await expect(opd.myAssignment).toHaveAttribute('data-status', 'completed');

      const db = serviceRoleClient((await pageSupabaseConfig(opd.page)).url);
      const a = await assignmentOf(db, incident.id, dpkp);
      const stored = await db.from('dispatch_feedback').select('agency_id, agency_needed, missing_agency_ids').eq('assignment_id', a.id).single();
      expect(stored.error).toBeNull();
      expect(stored.data).toEqual({ agency_id: dpkp, agency_needed: false, missing_agency_ids: [dishub, polres].sort() });
    } finally {
      await api.close();
      await phone.context.close();
    }
  });

  test('leadership sees accuracy and coverage on /stats, in the export and in the monthly report', async ({ browser }, testInfo) => {
    const page = await signedInPage(browser, LEADERSHIP, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto('/stats');
      const accuracy = page.getByTestId('stats-accuracy');
      await expect(accuracy).toContainText('Ketepatan pengerahan OPD');
      const rows = accuracy.getByTestId('stats-accuracy-row');
      expect(await rows.count()).toBeGreaterThan(3);
      for (const r of await rows.all()) {
        const answered = Number(await r.getAttribute('data-answered'));
        expect(answered).toBeGreaterThan(0);
        expect(Number(await r.getAttribute('data-right'))).toBeLessThanOrEqual(answered);
      }
      await expect(accuracy.locator('[data-category="other"]')).toContainText('Dinas Pemadam Kebakaran');

      const coverage = page.getByTestId('stats-coverage');
      await expect(coverage.getByTestId('coverage-estimate')).toHaveText('Perkiraan garis lurus × faktor jalan, bukan waktu tempuh nyata.');
      await expect(coverage.getByTestId('coverage-population-note')).toContainText('dibagi rata ke 43 kelurahan');
      const fire = coverage.locator('[data-test="coverage-map"][data-kind="fire"]');
      await expect(fire).toBeVisible();
      await expect(fire.getByTestId('coverage-kelurahan')).toHaveCount(43);
      expect(await fire.getByTestId('coverage-post').count()).toBeGreaterThan(0);
      for (const kind of ['fire', 'medical', 'police']) {
        const share = Number(await coverage.locator(`[data-test="coverage-kind"][data-kind="${kind}"]`).getAttribute('data-share'));
        expect(share, kind).toBeGreaterThan(0);
        expect(share, kind).toBeLessThanOrEqual(1);
      }
      await accuracy.scrollIntoViewIfNeeded();
      await attachScreenshot(page, testInfo, 'issue18-accuracy-stats');
      await coverage.scrollIntoViewIfNeeded();
      await attachScreenshot(page, testInfo, 'issue18-coverage-stats-maps');

      const csv = await page.request.get('/api/stats/export?table=accuracy');
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-disposition']).toMatch(/filename="stats-accuracy_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv"/);
      const lines = (await csv.text()).trimEnd().split('\r\n');
      expect(lines[0]).toContain('Kejadian berjawaban');
      expect(lines.length).toBe((await rows.count()) + 1);
      const cov = await page.request.get('/api/stats/export?table=coverage&format=excel');
      expect(cov.status()).toBe(200);
      expect(await cov.text()).toContain('Perkiraan garis lurus × faktor jalan');
      await expect(page.locator('[data-test="stats-export-table"][data-table="coverage"]')).toBeVisible();

      await page.getByTestId('open-monthly-report').click();
      await expect(page.getByTestId('monthly-report')).toBeVisible();
      const monthlyAccuracy = page.getByTestId('monthly-accuracy');
      await expect(monthlyAccuracy.getByTestId('stats-accuracy-row').first()).toBeVisible();
      const monthlyCoverage = page.getByTestId('monthly-coverage');
      await expect(monthlyCoverage.getByTestId('coverage-estimate')).toBeVisible();
      await expect(monthlyCoverage.locator('[data-test="coverage-row"][data-kind="fire"]')).toBeVisible();
      await expect(monthlyCoverage.getByTestId('coverage-map')).toHaveCount(0);
      await monthlyAccuracy.scrollIntoViewIfNeeded();
      await attachScreenshot(page, testInfo, 'issue18-accuracy-monthly');
    } finally {
      await page.context().close();
    }
  });

  test('the run-card screen shows which agency was often not needed', async ({ browser }, testInfo) => {
    const page = await signedInPage(browser, 'admin@112.cilegon.test', { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto('/admin/run-cards');
      const other = page.locator('[data-test="run-card"][data-category="other"]');
      const hint = other.locator('[data-test="run-card-hint"][data-agency="DPKP"]');
      await expect(hint).toHaveText(/^Dinas Pemadam Kebakaran dan Penyelamatan tidak diperlukan pada \d+ dari \d+ kejadian terakhir$/);
      await attachScreenshot(page, testInfo, 'issue18-accuracy-run-cards');
    } finally {
      await page.context().close();
    }
  });
});
