/**
 * Playwright `test` with the page objects shared by the specs, and a guard that fails any test in
 * which a page reported a Content-Security-Policy violation: every screen the suite walks is thereby
 * checked to work under the CSP, in every browser context a spec opens (phones, second supervisors).
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { AppHeader } from '../app-header.po';
import { LoginPage } from '../login.po';

const CSP_VIOLATION = /Content Security Policy/i;

export const test = base.extend<{ loginPage: LoginPage; header: AppHeader; cspGuard: void }>({
  loginPage: async ({ page }, provide) => {
    await provide(new LoginPage(page));
  },
  header: async ({ page }, provide) => {
    await provide(new AppHeader(page));
  },
  cspGuard: [
    async ({ context, browser }, provide) => {
      const violations: string[] = [];
      const watch = (ctx: BrowserContext) =>
        ctx.on('console', (message) => {
          if (CSP_VIOLATION.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
        });
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const ctx = await newContext(options);
        watch(ctx);
        return ctx;
      };
      await provide();
      browser.newContext = newContext;
      expect(violations, 'no Content-Security-Policy violation on any page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
