/** Page object of the admin's nuisance-number rules screen (/admin/nuisance). */
import type { Locator, Page } from '@playwright/test';

export class AdminNuisancePage {
  readonly root: Locator;
  readonly current: Locator;
  readonly meaning: Locator;
  readonly lastChanged: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('admin-nuisance');
    this.current = page.getByTestId('nuisance-current');
    this.meaning = page.getByTestId('nuisance-meaning');
    this.lastChanged = page.getByTestId('nuisance-last-changed');
    this.notice = page.getByTestId('admin-notice');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/nuisance');
    await this.root.waitFor();
  }

  async save(values: { threshold: string; windowHours: string; blockHours: string }): Promise<void> {
    await this.page.getByTestId('nuisance-threshold').fill(values.threshold);
    await this.page.getByTestId('nuisance-windowHours').fill(values.windowHours);
    await this.page.getByTestId('nuisance-blockHours').fill(values.blockHours);
    await this.page.getByTestId('nuisance-save').click();
  }
}
