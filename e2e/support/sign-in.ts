/**
 * A demo user signed in in a browser context of their own (one-click demo sign-in, as `npm start`
 * offers it), optionally with a viewport, a moved clock and a first page: the one way every spec opens a screen
 * as someone.
 */
import type { Browser, Page } from '@playwright/test';
import { LoginPage } from '../login.po';

export interface SignInOptions {
  viewport?: { width: number; height: number };
  /** Where to go once signed in (else the user's home screen). */
  path?: string;
  /**
   * Moves this browser's clock (Date, timers) by so many ms from the start, the server's clock
   * staying right: a PC whose clock is off. Time keeps flowing from there.
   */
  clockSkewMs?: number;
}

export async function signedInPage(browser: Browser, email: string, options: SignInOptions = {}): Promise<Page> {
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  if (options.clockSkewMs) await context.clock.install({ time: Date.now() + options.clockSkewMs });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAsDemoUser(email);
  await page.waitForURL((url) => url.pathname !== '/login');
  if (options.path) await page.goto(options.path);
  return page;
}
