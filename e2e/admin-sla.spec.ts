/**
 * The admin sets an SLA target on /admin/sla: refused when out of bounds, saved with its history,
 * refused as a conflict when another admin changed it meanwhile, and used by the statistics page.
 * The target is put back afterwards, so the other specs see the service standard's values.
 */
import { signedInPage } from './support/sign-in';
import { expect, test } from './support/fixtures';
import { AdminSlaPage } from './admin-sla.po';
import { pageSupabaseConfig, serviceRoleClient } from './support/stack';

const ADMIN = 'admin@112.cilegon.test';

test.describe('SLA targets', () => {
  test.describe.configure({ timeout: 60_000 });

  test('an admin changes the data laporan target; history, conflict check and the statistics follow', async ({ browser }) => {
    const sla = new AdminSlaPage(await signedInPage(browser, ADMIN));
    const db = serviceRoleClient((await pageSupabaseConfig(sla.page)).url);
    try {
      await sla.goto();
      await expect(sla.current('record')).toHaveAttribute('data-seconds', '60');
      await expect(sla.row('record').getByTestId('sla-default')).toHaveText('1:00');

      await sla.setTarget('record', '0');
      await expect(sla.notice).toContainText('bilangan bulat detik');
      await expect(sla.current('record')).toHaveAttribute('data-seconds', '60');

      await sla.setTarget('record', '45');
      await expect(sla.notice).toContainText('disimpan');
      await expect(sla.current('record')).toHaveAttribute('data-seconds', '45');
      const latest = sla.historyRows.and(sla.page.locator('[data-stage="record"]')).first();
      await expect(latest).toHaveAttribute('data-seconds', '45');
      await expect(latest).toContainText('Administrator Sistem');

      // Another admin (here trusted server code) changes it while this screen still shows version 2.
      const other = await db.rpc('set_sla_target', { p_stage: 'record', p_seconds: 50 });
      expect(other.error).toBeNull();
      await sla.setTarget('record', '40');
      await expect(sla.notice).toContainText('baru saja diubah oleh administrator lain');
      await expect(sla.current('record')).toHaveAttribute('data-seconds', '50');
      const { data: row } = await db.from('sla_targets').select('target_seconds').eq('stage', 'record').single();
      expect(row?.target_seconds).toBe(50);

      // The statistics page shows the target in force now for the stage.
      await sla.page.goto('/stats');
      await expect(sla.page.locator('[data-test="stats-sla-row"][data-stage="record"]')).toHaveAttribute('data-target', '50');
      await expect(sla.page.getByTestId('stats-answer')).toBeVisible();
      await expect(sla.page.getByTestId('stats-answer-coverage')).not.toHaveAttribute('data-answered', '0');
    } finally {
      await db.rpc('set_sla_target', { p_stage: 'record', p_seconds: 60 });
      await sla.page.context().close();
    }
  });

  test('the screen and the function are for admins only', async ({ browser }) => {
    const page = await signedInPage(browser, 'supervisor1@112.cilegon.test');
    try {
      const response = await page.goto('/admin/sla');
      expect(response?.status()).toBe(403);
    } finally {
      await page.context().close();
    }
  });
});
