/** Playwright `test` with the page objects shared by the specs. */
import { test as base } from '@playwright/test';
import { AppHeader } from '../app-header.po';
import { LoginPage } from '../login.po';

export const test = base.extend<{ loginPage: LoginPage; header: AppHeader }>({
  loginPage: async ({ page }, provide) => {
    await provide(new LoginPage(page));
  },
  header: async ({ page }, provide) => {
    await provide(new AppHeader(page));
  },
});

export { expect } from '@playwright/test';
