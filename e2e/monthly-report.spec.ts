/**
 * The printable monthly report (issue #17): opened from /stats, this month's seeded history by the
 * Permenkominfo categories, funnel, stages, agencies, kecamatan, major incidents; per-operator
 * figures for a supervisor, not for leadership. Printed by Chromium as an A4 PDF; screenshots kept.
 */
import { expect, test } from './support/fixtures';
import type { Page, TestInfo } from '@playwright/test';
import { signedInPage } from './support/sign-in';

async function checkPrint(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-print')).toBeHidden();
  await testInfo.attach(`${name}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await testInfo.attach(`${name}.pdf`, { body: pdf, contentType: 'application/pdf' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'screen' });
}

test.describe('monthly report', () => {
  test.setTimeout(120_000);

  test('leadership opens it from /stats and prints it; no per-operator figures', async ({ browser }, testInfo) => {
    const page = await signedInPage(browser, 'pimpinan@112.cilegon.test', { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto('/stats');
      await page.getByTestId('open-monthly-report').click();
      await expect(page.getByTestId('monthly-title')).toHaveText('Laporan Bulanan Layanan Panggilan Darurat 112');
      await expect(page.getByTestId('monthly-period')).toContainText('(WIB)');
      const rows = page.getByTestId('monthly-category-row');
      await expect(rows).toHaveCount(7);
      for (const c of ['kebakaran', 'kerusuhan', 'kecelakaan', 'bencana_alam', 'kesehatan', 'gangguan_keamanan', 'lainnya']) {
        await expect(page.locator(`[data-test="monthly-category-row"][data-category="${c}"]`)).toHaveCount(1);
      }
      // The categories add up to the total, and the funnel narrows: incoming ≥ answered ≥ classified ≥ emergency.
      const counts = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
      const total = Number(await page.getByTestId('monthly-category-total').getAttribute('data-count'));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(total).toBeGreaterThan(0);
      const step = async (key: string) => Number(await page.locator(`[data-test="monthly-funnel-row"][data-step="${key}"]`).getAttribute('data-count'));
      const [incoming, answered, classified, emergency] = [await step('incoming'), await step('answered'), await step('classified'), await step('emergency')];
      expect(incoming).toBeGreaterThanOrEqual(answered);
      expect(answered).toBeGreaterThanOrEqual(classified);
      expect(classified).toBeGreaterThanOrEqual(emergency);
      expect(emergency).toBeGreaterThan(0);
      await expect(page.getByTestId('monthly-sla-row')).toHaveCount(8);
      expect(await page.getByTestId('monthly-scorecard-row').count()).toBeGreaterThan(0);
      await expect(page.getByTestId('stats-major-incidents')).toBeVisible();
      await expect(page.locator('[data-test="monthly-categories"] svg.recharts-surface')).toBeVisible();
      await expect(page.getByTestId('monthly-operators')).toHaveCount(0);
      await checkPrint(page, testInfo, 'monthly-report-leadership');
    } finally {
      await page.context().close();
    }
  });

  test('a supervisor sees the per-operator figures; a bad month falls back to this month', async ({ browser }, testInfo) => {
    const page = await signedInPage(browser, 'supervisor1@112.cilegon.test', { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto('/reports/monthly?month=2026-13');
      const month = await page.getByTestId('monthly-report').getAttribute('data-month');
      expect(month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(month).not.toBe('2026-13');
      expect(await page.getByTestId('monthly-operator-row').count()).toBeGreaterThan(0);
      await checkPrint(page, testInfo, 'monthly-report-supervisor');
    } finally {
      await page.context().close();
    }
  });
});
