/**
 * The admin changes the nuisance-number rules on /admin/nuisance (issue #16 §5): an out-of-range
 * value is refused on the screen and changes nothing, a valid change is saved with who made it and
 * audited, a save against rules another admin changed meanwhile is a conflict. The product defaults
 * (3 in 24 h, block 24 h) are put back afterwards: e2e/nuisance.spec.ts relies on them.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { LoginPage } from './login.po';
import { AdminNuisancePage } from './admin-nuisance.po';
import { pageSupabaseConfig, serviceRoleClient } from './support/stack';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAsDemoUser(email);
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}

test.describe('nuisance-number rules', () => {
  test('an admin changes the threshold; a bad value and a stale save change nothing', async ({ browser }) => {
    const screen = new AdminNuisancePage(await signedIn(browser, 'admin@112.cilegon.test'));
    const db = serviceRoleClient((await pageSupabaseConfig(screen.page)).url);
    try {
      await screen.goto();
      await expect(screen.meaning).toHaveText('3 panggilan ghost/prank dalam 24 jam → usulan blokir 24 jam');

      await screen.save({ threshold: '1', windowHours: '24', blockHours: '24' });
      await expect(screen.notice).toContainText('ambang 2–50 panggilan');
      await expect(screen.page.getByTestId('problem-threshold')).toBeVisible();
      await expect(screen.current).toHaveAttribute('data-threshold', '3');

      await screen.save({ threshold: '5', windowHours: '24', blockHours: '24' });
      await expect(screen.notice).toContainText('Aturan disimpan');
      await expect(screen.current).toHaveAttribute('data-threshold', '5');
      await expect(screen.meaning).toHaveText('5 panggilan ghost/prank dalam 24 jam → usulan blokir 24 jam');
      await expect(screen.lastChanged).toContainText('Administrator Sistem');
      await expect(screen.lastChanged).toContainText('WIB');
      const { data: row } = await db.from('nuisance_settings').select('threshold, version').single();
      expect(row?.threshold).toBe(5);
      const { count } = await db.from('admin_events').select('id', { count: 'exact', head: true }).eq('kind', 'nuisance_settings.changed');
      expect(count).toBeGreaterThan(0);

      // Another admin (here trusted server code) changes the rules while this screen shows the old version.
      const other = await db.rpc('set_nuisance_settings', { p_threshold: 4, p_window_hours: 24, p_block_hours: 24 });
      expect(other.error).toBeNull();
      await screen.save({ threshold: '6', windowHours: '24', blockHours: '24' });
      await expect(screen.notice).toContainText('baru saja diubah administrator lain');
      await expect(screen.current).toHaveAttribute('data-threshold', '4');
    } finally {
      await db.rpc('set_nuisance_settings', { p_threshold: 3, p_window_hours: 24, p_block_hours: 24 });
      await screen.page.context().close();
    }
  });
});
