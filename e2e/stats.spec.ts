/**
 * Statistics page: leadership sees the last 30 days of the seeded history as charts and tables, and
 * a narrower date range changes what is shown.
 */
import { expect, test } from './support/fixtures';
import { StatsPage } from './stats.po';

test('leadership sees the statistics charts and tables of the seeded history', async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signInAsDemoUser('pimpinan@112.cilegon.test');
  await expect(page).toHaveURL(/\/stats$/);
  const stats = new StatsPage(page);
  await expect(stats.root).toBeVisible();

  for (const section of ['stats-calls', 'stats-sla', 'stats-categories', 'stats-kecamatan'] as const) {
    await expect(stats.section(section).locator('svg.recharts-surface').first()).toBeVisible();
    await expect.poll(() => stats.bars(section).count(), { message: `${section} draws bars` }).toBeGreaterThan(0);
  }
  await expect(stats.slaRows()).toHaveCount(7);
  await expect(stats.slaRows().filter({ hasText: '%' }).first()).toBeVisible();
  expect(await stats.agencyRows().count()).toBeGreaterThan(0);
  expect(await stats.operatorRows().count()).toBeGreaterThan(0);
  // Statistics carry no caller data: no phone number anywhere on the page.
  // The page text runs chart figures together ("…1008226…"): a phone number starts after a non-digit.
  await expect(page.locator('body')).not.toContainText(/(?<!\d)(\+62|0)8\d{8,}/);

  // One day long ago: no operator worked then, the table says so.
  await stats.from.fill('2020-01-01');
  await stats.to.fill('2020-01-01');
  await stats.apply.click();
  await expect(page).toHaveURL(/from=2020-01-01/);
  await expect(page.getByTestId('stats-operators')).toContainText('Tidak ada data');
});
