/**
 * The wall display follows the workflow live: another context (the demo operator, supervisor and
 * OPD accounts through the workflow RPCs) starts a call, reports, dispatches, handles and closes an
 * incident, and the wall's boards, map and counters follow without a reload. After a restart of the
 * stack it reconnects and shows the current state by itself. Screenshots at 1920×1080 and 3840×2160
 * are attached to the report and saved under test-results/wall-screenshots/.
 */
import { expect, test } from './support/fixtures';
import { OperatorConsolePage } from './operator.po';
import { signedInPage } from './support/sign-in';
import { restartStack, WallPage, WorkflowDriver } from './wall.po';

/** The WIB calendar day of a moment: the wall's "today" (the suite also runs with the clock moved to just before midnight). */
const wibDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

test.describe('wall display', () => {
  test('follows a call and an incident from report to closure without a reload', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const wall = new WallPage(page);
    await wall.signInAndOpen();
    const driver = await WorkflowDriver.fromPage(page);
    try {
      await driver.quietCenter();
      await expect(page.getByTestId('wall-count-calls').getByTestId('wall-figure-value')).toHaveText(/^\d+$/);
      const emergenciesBefore = await wall.count('wall-count-emergencies');
      const dayBefore = wibDay(Date.now());

      // A call rings: the calls board shows it (Broadcast from Database, anonymous).
      const call = await driver.startCall();
      const dayAfterCall = wibDay(Date.now());
      await expect(wall.card('calls', call.id)).toBeVisible({ timeout: 10_000 });
      await expect(wall.card('calls', call.id)).toHaveAttribute('data-state', 'ringing');

      // Reported: a new, pulsing marker and a card awaiting dispatch.
      const incident = await driver.reportFromCall(call);
      const dayAfterReport = wibDay(Date.now());
      await expect(wall.marker(incident.id)).toBeVisible();
      await expect(wall.marker(incident.id)).toHaveAttribute('data-status', 'reported');
      await expect(wall.marker(incident.id)).toHaveClass(/incident-marker--pulse/);
      await expect(wall.card('awaiting_dispatch', incident.id)).toBeVisible();
      // Category icons are lucide SVGs (no emoji font on the wall PC), the same on the card and the marker.
      await expect(wall.card('awaiting_dispatch', incident.id).locator('svg[data-test="category-icon"]')).toHaveAttribute('data-category', 'fire');
      await expect(wall.marker(incident.id).locator('svg[data-test="category-icon"]')).toHaveAttribute('data-category', 'fire');
      // Its report is recorded while the caller is still on the line: the card times penyelesaian now.
      await expect(wall.card('calls', call.id)).toHaveAttribute('data-state', 'recorded', { timeout: 10_000 });
      await driver.endCall(call.id, incident.callVersion);
      await expect(wall.card('calls', call.id)).toHaveCount(0, { timeout: 10_000 });
      // Today's count grows by one — unless WIB midnight passed meanwhile: the count then starts again
      // (1 when the emergency belongs to the new day, 0 when it was still yesterday's). Only when the
      // days differ is more than one value right.
      const expectedCounts = () => {
        const today = wibDay(Date.now());
        return new Set(
          [dayAfterCall, dayAfterReport].map((emergencyDay) =>
            emergencyDay !== today ? 0 : emergencyDay === dayBefore ? emergenciesBefore + 1 : 1,
          ),
        );
      };
      await expect
        .poll(async () => expectedCounts().has(await wall.count('wall-count-emergencies')), { timeout: 20_000 })
        .toBe(true);

      // Dispatched: awaiting the agency's acknowledgement.
      await driver.dispatch(incident.id, await driver.incidentVersion(incident.id));
      await expect(wall.card('awaiting_ack', incident.id)).toBeVisible();
      await expect(wall.card('awaiting_dispatch', incident.id)).toHaveCount(0);
      await expect(wall.marker(incident.id)).toHaveAttribute('data-status', 'dispatched');

      // The agency acknowledges and arrives.
      await driver.opdHandles(incident.id, 'acknowledge');
      await expect(wall.card('on_scene', incident.id)).toHaveAttribute('data-state', 'acknowledged');
      await driver.opdHandles(incident.id, 'on_scene');
      await expect(wall.card('on_scene', incident.id)).toHaveAttribute('data-state', 'on_scene');
      await expect(wall.marker(incident.id)).toHaveAttribute('data-status', 'on_scene');

      await wall.screenshot(testInfo, 1920, 1080);
      await wall.screenshot(testInfo, 3840, 2160);
      await page.setViewportSize({ width: 1920, height: 1080 });

      // Completed: it waits for the supervisor's close on its own board; closed, it leaves the boards and the map.
      await driver.opdHandles(incident.id, 'complete');
      await expect(wall.card('on_scene', incident.id)).toHaveCount(0);
      await expect(wall.card('awaiting_close', incident.id)).toHaveAttribute('data-state', 'resolved');
      await expect(wall.marker(incident.id)).toHaveAttribute('data-status', 'resolved');
      await driver.close(incident.id);
      await expect(wall.marker(incident.id)).toHaveCount(0);
      await expect(wall.card('awaiting_close', incident.id)).toHaveCount(0);

      expect(await wall.notReloaded()).toBe(true);
      // No caller data reached the page at any point.
      await expect(page.locator('body')).not.toContainText('081299990000');
      await expect(page.locator('body')).not.toContainText('Penelepon Rahasia');
    } finally {
      await driver.dispose();
    }
  });

  test("an operator's new call is on the wall within 2 s, and today's calls count follows", async ({ page, browser }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const wall = new WallPage(page);
    await wall.signInAndOpen();
    const operator = new OperatorConsolePage(await signedInPage(browser, 'operator1@112.cilegon.test', { path: '/operator' }));
    try {
      await operator.page.getByTestId('operator-console').waitFor();
      await expect(page.getByTestId('wall-count-calls').getByTestId('wall-figure-value')).toHaveText(/^\d+$/);
      const callsBefore = await wall.count('wall-count-calls');
      const dayBefore = wibDay(Date.now());

      const callId = await operator.startCallByKey();
      // The acceptance criterion: on the wall within 2 s of the call starting.
      await expect(wall.card('calls', callId)).toBeVisible({ timeout: 2_000 });
      await expect(wall.card('calls', callId)).toHaveAttribute('data-state', 'answered');

      // Classified as a prank, which ends it: the card leaves the board and today's calls grow by one
      // (or start again when WIB midnight passed meanwhile).
      await operator.page.keyboard.press('p');
      const dayOfCall = wibDay(Date.now());
      await expect(wall.card('calls', callId)).toHaveCount(0, { timeout: 10_000 });
      const expected = () => {
        const today = wibDay(Date.now());
        return dayOfCall !== today ? 0 : dayOfCall === dayBefore ? callsBefore + 1 : 1;
      };
      await expect.poll(async () => (await wall.count('wall-count-calls')) === expected()).toBe(true);
      expect(await wall.notReloaded()).toBe(true);
    } finally {
      await operator.page.context().close();
    }
  });

  test('reconnects and shows the current state after the stack restarts', async ({ page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const wall = new WallPage(page);
    await wall.signInAndOpen();
    const driver = await WorkflowDriver.fromPage(page);
    try {
      await driver.quietCenter();
      const before = await driver.reportFromCall(await driver.startCall());
      await expect(wall.marker(before.id)).toBeVisible();

      await restartStack();
      driver.reset();
      // Changes made right after the restart, possibly before the wall is back: the resync shows them.
      await driver.dispatch(before.id, await driver.incidentVersion(before.id));
      const call = await driver.startCall();
      const after = await driver.reportFromCall(call, await driver.isolatedSpot());

      await wall.waitLive(60_000);
      await expect(wall.marker(after.id)).toBeVisible({ timeout: 30_000 });
      await expect(wall.card('awaiting_dispatch', after.id)).toBeVisible();
      await expect(wall.card('awaiting_ack', before.id)).toBeVisible();
      await expect(wall.card('calls', call.id)).toBeVisible({ timeout: 15_000 });

      // And it stays live: a later change arrives as usual.
      await driver.close(after.id).catch(() => undefined);
      await driver.dispatch(after.id, await driver.incidentVersion(after.id));
      await expect(wall.card('awaiting_ack', after.id)).toBeVisible();
      expect(await wall.notReloaded()).toBe(true);
    } finally {
      await driver.dispose();
    }
  });
});
