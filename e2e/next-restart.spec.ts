/**
 * Fault of issue #19: the Next.js server killed (SIGKILL) and started again while a wall, a dispatch
 * board and an OPD inbox are open; the stack stays up. The screens talk to the stack directly, so an
 * incident dispatched meanwhile reaches all three without a reload; the header's server action
 * (the language switch) gives a notice in Bahasa Indonesia instead of Next.js's "This page couldn't
 * load", and a link clicked while the server is away shows the "server away" page, which opens the
 * page asked for by itself once the server is back. After the restart the same action works.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signedInPage } from './support/sign-in';
import { controlUrl } from './support/stack';
import { WALL_EMAIL, WallPage, WorkflowDriver } from './wall.po';

async function control(path: '/kill-next' | '/start-next'): Promise<void> {
  const res = await fetch(controlUrl(path), { method: 'POST' });
  if (!res.ok) throw new Error(`${path} failed: ${res.status} ${await res.text()}`);
}

/** Marks the document: a reload would lose the mark, so the test can prove there was none. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { __mark: number }).__mark = 42));
const marked = (page: Page) => page.evaluate(() => (window as unknown as { __mark?: number }).__mark ?? null);

test('the Next.js server restarted under open screens: live data keeps coming, the next action and link work without a reload', async ({
  browser,
}) => {
  // ≈ 30 s on a quiet machine; the margin is for a shared, loaded one.
  test.setTimeout(90_000);
  const [wallPage, dispatch, opd] = await Promise.all([
    signedInPage(browser, WALL_EMAIL, { path: '/wall' }),
    signedInPage(browser, 'supervisor1@112.cilegon.test', { path: '/dispatch' }),
    signedInPage(browser, 'damkar@112.cilegon.test', { path: '/opd' }),
  ]);
  const wall = new WallPage(wallPage);
  const driver = await WorkflowDriver.fromPage(dispatch);
  let killed = false;
  try {
    await wall.waitLive();
    for (const page of [dispatch, opd]) await expect(page.getByTestId('connection-status').first()).toHaveAttribute('data-status', 'live');
    // The app's worker (the "server away" page) controls every screen before the fault.
    for (const page of [wallPage, dispatch, opd]) {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await mark(page);
    }
    const emergenciesBefore = await wall.count('wall-count-emergencies');

    await control('/kill-next');
    killed = true;
    const killedAt = Date.now();

    // A new incident, dispatched to DPKP, while the Next.js server is gone.
    const started = await driver.startCall();
    const incident = await driver.reportFromCall(started);
    await driver.endCall(started.id, incident.callVersion);
    await driver.dispatch(incident.id, incident.version);
    await expect(dispatch.locator(`[data-test="queue-card"][data-incident-id="${incident.id}"]`)).toBeVisible();
    const item = opd.locator(`[data-test="inbox-item"]`).filter({ has: opd.locator(`a[href="/opd/incidents/${incident.id}"]`) });
    await expect(item).toBeVisible();
    await expect.poll(() => wall.count('wall-count-emergencies')).toBe(emergenciesBefore + 1);

    // The header's server action: a notice in Indonesian, the board stays.
    await dispatch.getByTestId('lang-en').click();
    await expect(dispatch.getByTestId('server-away')).toContainText('Server aplikasi tidak menjawab');
    await expect(dispatch.locator(`[data-test="queue-card"][data-incident-id="${incident.id}"]`)).toBeVisible();
    // A link: the "server away" page, waiting for the server.
    await item.getByTestId('inbox-open').click();
    await expect(opd.getByTestId('server-away-page')).toContainText('Server aplikasi tidak menjawab');

    await control('/start-next');
    killed = false;
    const awayMs = Date.now() - killedAt;
    test.info().annotations.push({ type: 'next away (ms)', description: String(awayMs) });
    console.log(`next-restart: screens without the Next.js server for ${awayMs} ms`);

    // The page asked for opens by itself; the same action now works, on the same document.
    await expect(opd.getByTestId('opd-incident')).toBeVisible({ timeout: 15_000 });
    expect(new URL(opd.url()).pathname).toBe(`/opd/incidents/${incident.id}`);
    await dispatch.getByTestId('server-away-retry').click();
    await dispatch.getByTestId('lang-en').click();
    await expect(dispatch.getByTestId('sign-out')).toHaveText('Sign out');
    await expect(dispatch.locator('html')).toHaveAttribute('lang', 'en');
    expect(await marked(dispatch)).toBe(42);
    expect(await marked(wallPage)).toBe(42);
    await wall.waitLive();
  } finally {
    if (killed) await control('/start-next');
    await driver.dispose();
    for (const page of [wallPage, dispatch, opd]) await page.context().close();
  }
});
