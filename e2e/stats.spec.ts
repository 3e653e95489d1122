/**
 * Statistics page: leadership sees the last 30 days of the seeded history as charts and tables, and
 * a narrower date range changes what is shown; the per-operator table is not theirs.
 */
import { expect, test } from './support/fixtures';
import { StatsPage } from './stats.po';
import { DemoClients } from './support/demo-clients';
import { leaksInBodies, phoneLikeNodes, recordResponses } from './support/caller-data-leaks';

test('leadership sees the statistics charts and tables of the seeded history', async ({ page, loginPage }) => {
  await loginPage.goto();
  const responses = recordResponses(page);
  await loginPage.signInAsDemoUser('pimpinan@112.cilegon.test');
  await expect(page).toHaveURL(/\/stats$/);
  const stats = new StatsPage(page);
  await expect(stats.root).toBeVisible();

  for (const section of ['stats-calls', 'stats-sla', 'stats-categories', 'stats-kecamatan'] as const) {
    await expect(stats.section(section).locator('svg.recharts-surface').first()).toBeVisible();
    await expect.poll(() => stats.bars(section).count(), { message: `${section} draws bars` }).toBeGreaterThan(0);
  }
  await expect(stats.slaRows()).toHaveCount(8);
  await expect(stats.slaRows().filter({ hasText: '%' }).first()).toBeVisible();
  expect(await stats.agencyRows().count()).toBeGreaterThan(0);
  // Per-operator figures are the supervisors' and admins' (the database refuses leadership).
  await expect(stats.operatorRows()).toHaveCount(0);
  // Statistics carry no caller data: no phone number in any text node or attribute, and none of the
  // callers' numbers (read as a supervisor, who may see them) in anything the page received.
  expect(await phoneLikeNodes(page)).toEqual([]);
  const api = await DemoClients.fromPage(page);
  const supervisor = await api.as('supervisor1@112.cilegon.test');
  const { data: calls, error } = await supervisor.from('calls').select('caller_phone').order('received_at', { ascending: false }).limit(2000);
  await api.close({ signOut: false });
  expect(error).toBeNull();
  const numbers = [...new Set((calls ?? []).map((c) => c.caller_phone).filter((p): p is string => !!p))];
  expect(numbers.length).toBeGreaterThan(100);
  expect(leaksInBodies(await responses.bodies(), numbers)).toEqual([]);

  // One day long ago: nothing was measured then, and the exports follow the range shown.
  await stats.from.fill('2020-01-01');
  await stats.to.fill('2020-01-01');
  await stats.apply.click();
  await expect(page).toHaveURL(/from=2020-01-01/);
  await expect(stats.slaRows().filter({ hasText: '%' })).toHaveCount(0);
  await expect(page.getByTestId('stats-export-csv').first()).toHaveAttribute('href', /from=2020-01-01&to=2020-01-01/);
});
