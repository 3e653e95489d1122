/**
 * Units on the wall and in the incident's record (issue #18 §3). The liaison's phone is played by
 * its RPC (report_assignment_position as the liaison, as the phone sends it; the phone itself is
 * liaison-location.spec.ts): an en-route unit appears on the wall map where it reported, with its
 * straight-line ETA in a tooltip readable across the room (≥ 18 px), and moves when a new position
 * arrives. The incident page draws the track and lists it. The e2e server runs with
 * MAP_TILE_URL=off: no tile is loaded.
 */
import { expect, test } from './support/fixtures';
import { DispatchApi } from './dispatch.po';
import { dispatchTo } from './opd.po';
import { signedInPage } from './support/sign-in';
import type { DemoDb } from './support/demo-clients';
import { WALL_EMAIL, WallPage, WorkflowDriver } from './wall.po';
import { attachScreenshot } from './walk.po';

const SUPERVISOR = 'supervisor1@112.cilegon.test';
const OPERATOR = 'operator1@112.cilegon.test';
const DAMKAR = 'damkar@112.cilegon.test';

/** One position as the phone sends it. */
async function report(liaison: DemoDb, assignmentId: string, seq: number, lat: number, lng: number, agoMs: number): Promise<void> {
  const { error } = await liaison.rpc('report_assignment_position', {
    p_assignment_id: assignmentId,
    p_seq: seq,
    p_lat: lat,
    p_lng: lng,
    p_accuracy_m: 12,
    p_recorded_at: new Date(Date.now() - agoMs).toISOString(),
  });
  if (error) throw new Error(`report_assignment_position: ${error.message}`);
}

test('an en-route unit shows on the wall with its ETA and moves; the incident page draws and lists its track', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const wallPage = await signedInPage(browser, WALL_EMAIL, { viewport: { width: 1920, height: 1080 } });
  const wall = new WallPage(wallPage);
  const driver = await WorkflowDriver.fromPage(wallPage);
  const api = await DispatchApi.fromPage(wallPage);
  try {
    // Other specs' incidents (and their units) would crowd the map: the center is emptied first.
    await driver.quietCenter();
    const spot = await driver.isolatedSpot();
    const incident = await api.reportIncident(OPERATOR, {
      category: 'fire',
      description: `Kebakaran pabrik ${Date.now().toString(36)}`,
      ...spot,
      kecamatan: 'Citangkil',
      phone: '081277700021',
      name: 'Pelapor Pabrik',
    });
    await dispatchTo(await api.as(SUPERVISOR), incident.id, [await api.agencyId('DPKP')]);
    const assignmentId = await api.markEnRoute(DAMKAR, incident.id);
    // 3.3 km away, on the city's side of the incident.
    const away = spot.lat < -5.98 ? 0.03 : -0.03;
    const liaison = await api.as(DAMKAR);
    await report(liaison, assignmentId, 1, spot.lat + away, spot.lng, 10_000);

    await wallPage.goto('/wall');
    await wall.waitLive();
    // Marks this document, as WallPage.signInAndOpen does: the move must come without a reload.
    await wallPage.evaluate(() => ((window as unknown as { __wallMark: number }).__wallMark = 42));
    const unit = wall.map.locator(`[data-test="unit-marker"][data-assignment-id="${assignmentId}"]`);
    await expect(unit).toHaveAttribute('data-lat', (spot.lat + away).toFixed(6));
    await expect(unit).toHaveAttribute('data-status', 'en_route');
    const farMinutes = Number(await unit.getAttribute('data-eta-minutes'));
    expect(farMinutes).toBeGreaterThan(3);
    const tooltip = wall.map.locator('.leaflet-tooltip', { hasText: 'DPKP · ETA' });
    await expect(tooltip).toHaveText(`DPKP · ETA ±${farMinutes} mnt`);
    expect(await tooltip.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18);

    // A new position arrives: the marker moves live, and the ETA falls.
    await report(liaison, assignmentId, 2, spot.lat + away / 3, spot.lng, 0);
    await expect(unit).toHaveAttribute('data-lat', (spot.lat + away / 3).toFixed(6));
    const nearMinutes = Number(await unit.getAttribute('data-eta-minutes'));
    expect(nearMinutes).toBeLessThan(farMinutes);
    await expect(tooltip).toHaveText(`DPKP · ETA ±${nearMinutes} mnt`);
    expect(await wall.notReloaded()).toBe(true);
    await attachScreenshot(wallPage, testInfo, 'issue18-avl-wall-units');

    // The incident's record: the track (both positions, oldest first) drawn on its map and listed.
    const supervisor = await signedInPage(browser, SUPERVISOR, { viewport: { width: 1280, height: 1000 } });
    try {
      await supervisor.goto(`/incidents/${incident.id}`);
      const listed = supervisor.locator(`[data-test="record-track"][data-assignment-id="${assignmentId}"]`);
      await expect(listed).toHaveAttribute('data-count', '2');
      await expect(listed).toContainText('2 posisi');
      // Drawn in the agency's colour (the map's hazard layer draws paths of its own).
      const { data: dpkp, error } = await (await api.as(SUPERVISOR)).from('agencies').select('color').eq('code', 'DPKP').single();
      if (error || !dpkp.color) throw new Error(`DPKP colour: ${error?.message ?? 'none'}`);
      const track = supervisor.locator(`[data-test="unit-track-map"] path[stroke="${dpkp.color}"]`);
      await expect(track).toHaveCount(1);
      // Two positions: one move and one line segment.
      expect((await track.getAttribute('d'))?.match(/[ML]/g)).toEqual(['M', 'L']);
      await supervisor.getByTestId('record-tracks').scrollIntoViewIfNeeded();
      await attachScreenshot(supervisor, testInfo, 'issue18-avl-incident-track');
    } finally {
      await supervisor.context().close();
    }
  } finally {
    await api.close();
    await wallPage.context().close();
  }
});
