/**
 * A demo user signed in in a browser context of their own (one-click demo sign-in, as `npm start`
 * offers it), optionally with a viewport and a first page: the one way every spec opens a screen
 * as someone.
 */
import type { Browser, Page } from '@playwright/test';
import { LoginPage } from '../login.po';

export interface SignInOptions {
  viewport?: { width: number; height: number };
  /** Where to go once signed in (else the user's home screen). */
  path?: string;
}

export async function signedInPage(browser: Browser, email: string, options: SignInOptions = {}): Promise<Page> {
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAsDemoUser(email);
  await page.waitForURL((url) => url.pathname !== '/login');
  if (options.path) await page.goto(options.path);
  return page;
}
