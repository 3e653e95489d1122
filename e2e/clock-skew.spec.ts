/**
 * Fault of issue #19: the browser's clock 10 minutes fast and 10 minutes slow, the server's right.
 * A ringing call's wait (operator console, dispatch strip, wall), the answered call's total time,
 * the dispatched incident's acknowledgement timer (dispatch card, OPD inbox) and the wall's clock
 * each show what the server clock implies, within a few seconds. The PBX stamps the call 90 s in the
 * past, so a timer counting from the browser's clock would show 0:00 or 11:30, never near the truth.
 */
import { randomUUID } from 'node:crypto';
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signedInPage } from './support/sign-in';
import { postPbxEvent, type PbxEvent } from './support/telephony';
import { serviceRoleClient, stackUrl } from './support/stack';
import { WALL_EMAIL, WorkflowDriver } from './wall.po';
import { ringingCall, WaitingFigures } from './telephony-console.po';
import { clockTextError, durationError, recordFirstWallClock, wallClockError, type FirstPaint } from './clock-skew.po';
import { STALE_RINGING_MS } from '../lib/domain/ringing-calls';

const TOLERANCE_S = 3;
const FIRST_PAINT_TOLERANCE_S = 15;
const SKEW_MS = 10 * 60 * 1000;

function event(type: PbxEvent['type'], callId: string, atMs: number, extra: Partial<PbxEvent> = {}): PbxEvent {
  return { event_id: `${callId}-${type}`, type, call_id: callId, at: new Date(atMs).toISOString(), caller_number: '081277770000', ...extra };
}

async function expectTimer(locator: Locator, sinceMs: number, what: string): Promise<void> {
  await expect.poll(async () => Math.abs(await durationError(locator, sinceMs)), { message: what, timeout: 20_000 }).toBeLessThanOrEqual(TOLERANCE_S);
}

for (const [name, skewMs] of [
  ['10 minutes fast', SKEW_MS],
  ['10 minutes slow', -SKEW_MS],
] as const) {
  test(`with the browser clock ${name}, every screen's timers follow the server clock`, async ({ browser, request }) => {
    // ≈ 25 s on a quiet machine; the margin is for a shared, loaded one.
    test.setTimeout(90_000);
    const opts = { clockSkewMs: skewMs, viewport: { width: 1600, height: 900 } };
    const [operator, supervisor, liaison, wall] = await Promise.all([
      signedInPage(browser, 'operator1@112.cilegon.test', { ...opts, path: '/operator' }),
      signedInPage(browser, 'supervisor1@112.cilegon.test', { ...opts, path: '/dispatch' }),
      signedInPage(browser, 'damkar@112.cilegon.test', { ...opts, path: '/opd' }),
      signedInPage(browser, WALL_EMAIL, opts),
    ]);
    // The wall is opened with its first paint recorded: it must not show the PC's time even then.
    await wall.addInitScript(recordFirstWallClock);
    await wall.goto('/wall');
    const driver = await WorkflowDriver.fromPage(supervisor);
    try {
      // The browser really runs off: its Date says so.
      const browserOff = (await operator.evaluate(() => Date.now())) - Date.now();
      expect(Math.abs(browserOff - skewMs)).toBeLessThan(5000);

      // A call that has been ringing for 90 s, by the PBX's (the server's) clock: its wait on the
      // operator's console, on the dispatch strip and on the wall.
      await expect(operator.getByTestId('no-call')).toBeVisible();
      const pbxId = `e2e-skew-${randomUUID()}`;
      const receivedMs = Date.now() - 90_000;
      const ring = await postPbxEvent(request, event('ringing', pbxId, receivedMs));
      expect(ring.status()).toBe(200);
      const callId: string = (await ring.json()).call_id;
      await expectTimer(ringingCall(operator, callId).getByTestId('ringing-wait'), receivedMs, 'the ringing call\'s wait on the console');
      // The longest wait is of the oldest call still ringing: ours, or one the seed or a spec left.
      const admin = serviceRoleClient(await stackUrl());
      const { data: oldest } = await admin
        .from('calls')
        .select('received_at')
        .eq('ringing', true)
        .gt('received_at', new Date(Date.now() - STALE_RINGING_MS).toISOString())
        .order('received_at')
        .limit(1)
        .single();
      const oldestMs = Date.parse(oldest!.received_at);
      expect(oldestMs).toBeLessThanOrEqual(receivedMs);
      await expectTimer(new WaitingFigures(supervisor, 'dispatch').longest, oldestMs, 'the longest wait on the dispatch strip');
      await expectTimer(new WaitingFigures(wall, 'wall').longest, oldestMs, 'the longest wait on the wall');
      await expect
        .poll(async () => Math.abs(await wallClockError(wall.getByTestId('wall-clock'))), { message: 'the wall clock' })
        .toBeLessThanOrEqual(TOLERANCE_S);
      const first = await wall.evaluate(() => (window as unknown as { __firstWallClock?: FirstPaint }).__firstWallClock ?? null);
      expect(first, 'the wall clock was painted').not.toBeNull();
      // Before any measurement the offset comes from the page's render time: off by the seconds from
      // the server's render to the browser's first paint, never by the PC's ten minutes.
      expect(Math.abs(clockTextError(first!.text, first!.atMs - browserOff)), `the wall clock's first paint (${first!.text})`).toBeLessThanOrEqual(
        FIRST_PAINT_TOLERANCE_S,
      );

      // Answered at operator1's desk: the call's total time runs from when it rang.
      expect((await postPbxEvent(request, event('answered', pbxId, Date.now() - 30_000, { extension: '101' }))).status()).toBe(200);
      await expect(operator.getByTestId('active-call')).toHaveAttribute('data-call-id', callId);
      await expectTimer(operator.getByTestId('timer-call_total'), receivedMs, 'the call\'s total time');

      // A ghost call, one key: the console is free again for the next test.
      await operator.keyboard.press('g');
      await expect(operator.getByTestId('call-outcome')).toHaveAttribute('data-type', 'ghost');

      // An incident dispatched to DPKP (the damkar liaison's agency): the dispatch card and the OPD
      // inbox count the acknowledgement from the database's stamps.
      const started = await driver.startCall();
      const reported = await driver.reportFromCall(started);
      await driver.endCall(started.id, reported.callVersion);
      await driver.dispatch(reported.id, reported.version);
      const { data: row } = await admin.from('incidents').select('ticket_no, dispatched_at').eq('id', reported.id).single();
      const { data: assignment } = await admin.from('assignments').select('assigned_at').eq('incident_id', reported.id).single();
      expect(row?.dispatched_at).toBeTruthy();
      // The timers are checked once they have run long enough that a clamped 0:00 could not pass.
      const dispatchedMs = Date.parse(row!.dispatched_at!);
      const card = supervisor.locator(`[data-test="queue-card"][data-incident-id="${reported.id}"]`).getByTestId('stage-timer');
      const ack = liaison.locator(`[data-test="inbox-item"][data-ticket="${row!.ticket_no}"]`).getByTestId('ack-timer');
      await expect(ack).toBeVisible();
      await supervisor.waitForTimeout(Math.max(0, dispatchedMs + 2 * TOLERANCE_S * 1000 - Date.now()));
      await expectTimer(card, dispatchedMs, 'the dispatch card\'s acknowledgement timer');
      await expectTimer(ack, Date.parse(assignment!.assigned_at), 'the OPD inbox\'s acknowledgement timer');
    } finally {
      await driver.dispose();
      for (const page of [operator, supervisor, liaison, wall]) await page.context().close();
    }
  });
}
