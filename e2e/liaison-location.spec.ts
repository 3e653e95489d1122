/**
 * Liaison location (issue #18 §3) on a 360 px phone: "Berangkat" starts sharing the phone's location
 * (geolocation permission granted as the liaison would at the browser's prompt), positions reach the
 * database, and the supervisor's dispatch map shows the unit moving with a falling straight-line ETA.
 * Offline, positions wait on the phone and arrive in order, each once, when it is back online. On
 * completion sharing stops and nothing more is stored. Sharing lives in the /opd layout: it goes on
 * while the liaison is back on the inbox, "Hentikan" there stops it, and an assignment this phone
 * never set off (another device pressed "Berangkat") gets no position from it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { DispatchApi, DispatchPage, DISPATCH_VIEWPORT } from './dispatch.po';
import { signedInPage } from './support/sign-in';
import { OpdPage, assignmentOf, dispatchTo, phoneContext } from './opd.po';
import type { DemoDb } from './support/demo-clients';
import { pageSupabaseConfig, serviceRoleClient } from './support/stack';

const SUPERVISOR = 'supervisor1@112.cilegon.test';
const OPERATOR = 'operator1@112.cilegon.test';
const DAMKAR = 'damkar@112.cilegon.test';
/** The phone samples every 15 s; a move shows within one interval and the realtime hop. */
const ONE_SAMPLE = 25_000;
const SHOTS = path.join('test-results', 'walk-screenshots');

async function storedPositions(db: DemoDb, assignmentId: string) {
  const { data, error } = await db
    .from('assignment_positions')
    .select('seq, lat, lng, recorded_at, received_at')
    .eq('assignment_id', assignmentId)
    .order('seq');
  if (error) throw new Error(error.message);
  return data;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

test('the phone shares its location while en route; dispatch sees the unit move; offline positions arrive once, in order', async ({ browser }) => {
  test.setTimeout(240_000);
  const supervisor = new DispatchPage(await signedInPage(browser, SUPERVISOR, { viewport: DISPATCH_VIEWPORT }));
  const phone = await phoneContext(browser, DAMKAR);
  const opd = new OpdPage(phone.page);
  const api = await DispatchApi.fromPage(supervisor.page);
  const db = serviceRoleClient((await pageSupabaseConfig(opd.page)).url);
  try {
    const incident = await api.reportIncident(OPERATOR, {
      category: 'fire',
      description: `Kebakaran gudang ${Date.now().toString(36)}`,
      lat: -6.0,
      lng: 106.02,
      kecamatan: 'Citangkil',
      phone: '081277700011',
      name: 'Pelapor Gudang',
    });
    const dpkp = await api.agencyId('DPKP');
    await dispatchTo(await api.as(SUPERVISOR), incident.id, [dpkp]);
    const assignment = await assignmentOf(db, incident.id, dpkp);
    const positions = () => storedPositions(db, assignment.id);

    await opd.gotoIncident(incident.id);
    await opd.step('acknowledge_assignment').tap();
    await expect(opd.myAssignment).toHaveAttribute('data-status', 'acknowledged');
    const sharing = opd.page.getByTestId('location-sharing');
    await expect(sharing).toHaveCount(0);
    expect(await positions()).toEqual([]);

    // "Berangkat": the phone is 3.3 km south of the fire and starts sharing.
    await phone.context.grantPermissions(['geolocation']);
    await phone.context.setGeolocation({ latitude: -6.03, longitude: 106.02, accuracy: 15 });
    await opd.step('mark_en_route').tap();
    await expect(opd.myAssignment).toHaveAttribute('data-status', 'en_route');
    await expect(sharing).toHaveAttribute('data-state', 'sharing');
    await expect(sharing).toContainText('Lokasi dibagikan');
    await expect(sharing.getByTestId('location-stop')).toBeVisible();
    await expect.poll(async () => (await positions()).length).toBeGreaterThanOrEqual(1);
    expect(await opd.horizontalOverflow()).toBeLessThanOrEqual(0);

    // The supervisor's map shows the unit where the phone is, with its ETA.
    await supervisor.goto();
    const unit = supervisor.page.locator(`[data-test="unit-marker"][data-assignment-id="${assignment.id}"]`);
    await expect(unit).toHaveAttribute('data-lat', '-6.030000');
    await expect(unit).toHaveAttribute('data-status', 'en_route');
    const etaFar = Number(await unit.getAttribute('data-eta-seconds'));
    expect(etaFar).toBeGreaterThan(400);

    // It moves closer: the marker follows live and the ETA falls. (The emulated fix keeps the time it
    // was set at, and the database takes one position per 5 s: the move comes later than that.)
    await opd.page.waitForTimeout(5_500);
    await phone.context.setGeolocation({ latitude: -6.015, longitude: 106.02, accuracy: 12 });
    await expect(unit).toHaveAttribute('data-lat', '-6.015000', { timeout: ONE_SAMPLE });
    const etaNear = Number(await unit.getAttribute('data-eta-seconds'));
    expect(etaNear).toBeLessThan(etaFar);
    await expect(supervisor.page.locator('.leaflet-tooltip', { hasText: 'DPKP' }).first()).toContainText('ETA');
    await shot(opd.page, 'liaison-location-phone.png');
    await supervisor.card(incident.ticket).click();
    await expect(unit).toBeInViewport();
    await shot(supervisor.page, 'liaison-location-dispatch.png');

    // Offline: two moves wait on the phone, nothing reaches the database.
    const before = (await positions()).length;
    await phone.context.setOffline(true);
    await opd.page.waitForTimeout(5_500);
    await phone.context.setGeolocation({ latitude: -6.01, longitude: 106.021, accuracy: 10 });
    await expect.poll(async () => Number(await sharing.getAttribute('data-waiting')), { timeout: ONE_SAMPLE }).toBeGreaterThanOrEqual(1);
    await opd.page.waitForTimeout(5_500);
    await phone.context.setGeolocation({ latitude: -6.005, longitude: 106.022, accuracy: 10 });
    await expect.poll(async () => Number(await sharing.getAttribute('data-waiting')), { timeout: ONE_SAMPLE }).toBeGreaterThanOrEqual(2);
    expect((await positions()).length).toBe(before);

    // Back online: they arrive in the order they were taken, each once.
    await phone.context.setOffline(false);
    await expect.poll(async () => Number(await sharing.getAttribute('data-waiting'))).toBe(0);
    const stored = await positions();
    const offline = stored.slice(before);
    expect(offline.length).toBeGreaterThanOrEqual(2);
    expect(offline.slice(0, 2).map((p) => [p.lat, p.lng])).toEqual([
      [-6.01, 106.021],
      [-6.005, 106.022],
    ]);
    const seqs = stored.map((p) => p.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const recorded = stored.map((p) => Date.parse(p.recorded_at));
    expect([...recorded].sort((a, b) => a - b)).toEqual(recorded);
    await expect(unit).toHaveAttribute('data-lat', '-6.005000');

    // Completion stops sharing: the indicator goes and nothing more is stored.
    await opd.step('complete_assignment').tap();
    await opd.page.getByTestId('report-text').fill('Api dipadamkan, gudang rusak sebagian.');
    const counts = opd.page.getByTestId('report-counts');
    if (await counts.isVisible()) {
      for (const key of ['dead', 'seriouslyInjured', 'lightlyInjured', 'evacuated']) await opd.page.getByTestId(`report-count-${key}`).fill('0');
    }
    await opd.page.getByTestId('report-submit').tap();
    await expect(opd.myAssignment).toHaveAttribute('data-status', 'completed');
    await expect(sharing).toHaveCount(0);
    const atCompletion = (await positions()).length;
    await phone.context.setGeolocation({ latitude: -6.001, longitude: 106.02, accuracy: 10 });
    await opd.page.waitForTimeout(17_000);
    expect((await positions()).length).toBe(atCompletion);
    expect((await opd.page.evaluate((id) => localStorage.getItem(`opd-positions:${id}`), assignment.id)) ?? '').not.toContain('"items":[{');
    await expect(unit).toHaveCount(0);
  } finally {
    await api.close();
    await phone.context.close();
    await supervisor.page.context().close();
  }
});

test('sharing follows the liaison to the inbox, stops there on "Hentikan" and at completion; an assignment set off elsewhere gets nothing', async ({ browser }) => {
  test.setTimeout(180_000);
  const phone = await phoneContext(browser, DAMKAR);
  const opd = new OpdPage(phone.page);
  const api = await DispatchApi.fromPage(opd.page);
  const db = serviceRoleClient((await pageSupabaseConfig(opd.page)).url);
  try {
    const dpkp = await api.agencyId('DPKP');
    const report = (description: string, lat: number) =>
      api.reportIncident(OPERATOR, { category: 'fire', description: `${description} ${Date.now().toString(36)}`, lat, lng: 106.02, kecamatan: 'Citangkil', phone: '081277700012', name: 'Pelapor' });
    const mine = await report('Kebakaran ruko', -6.0);
    const elsewhere = await report('Kebakaran kios', -6.002);
    await dispatchTo(await api.as(SUPERVISOR), mine.id, [dpkp]);
    await dispatchTo(await api.as(SUPERVISOR), elsewhere.id, [dpkp]);
    const assignment = await assignmentOf(db, mine.id, dpkp);
    // Another device of the agency sets the second unit off: this phone does not travel with it.
    const otherId = await api.markEnRoute(DAMKAR, elsewhere.id);

    await phone.context.grantPermissions(['geolocation']);
    await phone.context.setGeolocation({ latitude: -6.03, longitude: 106.02, accuracy: 15 });
    await opd.gotoIncident(mine.id);
    await opd.step('acknowledge_assignment').tap();
    await expect(opd.myAssignment).toHaveAttribute('data-status', 'acknowledged');
    await opd.step('mark_en_route').tap();
    await expect(opd.page.getByTestId('location-sharing')).toHaveAttribute('data-state', 'sharing');
    await expect.poll(async () => (await storedPositions(db, assignment.id)).length).toBeGreaterThanOrEqual(1);

    // Back to the inbox (in-app navigation, as the liaison does): the layout's line shows the sharing
    // and positions keep arriving while the incident page is closed.
    await opd.page.getByTestId('back-to-inbox').tap();
    await expect(opd.inbox).toBeVisible();
    const line = opd.page.locator(`[data-test="location-line"][data-assignment-id="${assignment.id}"]`);
    await expect(line).toHaveAttribute('data-state', 'sharing');
    await expect(line).toContainText(mine.ticket);
    await expect(opd.page.locator(`[data-test="location-line"][data-assignment-id="${otherId}"]`)).toHaveCount(0);
    const onInbox = (await storedPositions(db, assignment.id)).length;
    await opd.page.waitForTimeout(5_500);
    await phone.context.setGeolocation({ latitude: -6.02, longitude: 106.02, accuracy: 12 });
    await expect.poll(async () => (await storedPositions(db, assignment.id)).length, { timeout: ONE_SAMPLE }).toBeGreaterThan(onInbox);
    expect((await storedPositions(db, assignment.id)).at(-1)?.lat).toBe(-6.02);
    expect(await opd.horizontalOverflow()).toBeLessThanOrEqual(0);
    await shot(opd.page, 'issue18-avl-inbox-line.png');

    // "Hentikan" on the inbox: nothing more is stored, through a whole sampling interval and a move.
    await line.getByTestId('location-line-stop').tap();
    await expect(line).toHaveAttribute('data-state', 'stopped');
    const atStop = (await storedPositions(db, assignment.id)).length;
    await phone.context.setGeolocation({ latitude: -6.015, longitude: 106.02, accuracy: 12 });
    await opd.page.waitForTimeout(16_000);
    expect((await storedPositions(db, assignment.id)).length).toBe(atStop);

    // Sharing again from the same line takes a fix at once.
    await line.getByTestId('location-line-resume').tap();
    await expect(line).toHaveAttribute('data-state', 'sharing');
    await expect.poll(async () => (await storedPositions(db, assignment.id)).length, { timeout: ONE_SAMPLE }).toBe(atStop + 1);

    // The unit set off elsewhere: its page offers "Bagikan lokasi", and this phone sent nothing for it.
    await opd.gotoIncident(elsewhere.id);
    await expect(opd.page.getByTestId('location-sharing')).toHaveAttribute('data-state', 'unclaimed');
    await expect(opd.page.getByTestId('location-claim')).toBeVisible();
    expect(await storedPositions(db, otherId)).toEqual([]);

    // Completion (reported from another device) ends the sharing on this phone: the line goes and
    // nothing more is stored for either assignment.
    await api.finish(DAMKAR, mine.id, 'Api dipadamkan.');
    await expect(line).toHaveCount(0);
    const atCompletion = (await storedPositions(db, assignment.id)).length;
    await phone.context.setGeolocation({ latitude: -6.005, longitude: 106.02, accuracy: 10 });
    await opd.page.waitForTimeout(16_000);
    expect((await storedPositions(db, assignment.id)).length).toBe(atCompletion);
    expect(await storedPositions(db, otherId)).toEqual([]);
  } finally {
    await api.close();
    await phone.context.close();
  }
});
