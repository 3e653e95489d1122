/**
 * The OPD liaison on a phone (360×740, touch): a new assignment arrives live with sound, vibration
 * and a notification, is accepted, goes en route, on scene and is completed with a field report,
 * and the supervisor's /dispatch screen shows each step live. Another agency's incident is "not
 * found" (RLS). Offline, a step is pending and applies exactly once when the phone is back — also
 * when the first attempt reached the database and only its answer was lost.
 */
import { expect, test } from './support/fixtures';
import { DispatchApi, DispatchPage, DISPATCH_VIEWPORT } from './dispatch.po';
import { signedInPage } from './support/sign-in';
import { OpdPage, assignmentOf, countEvents, dispatchTo, phoneContext } from './opd.po';
import { pageSupabaseConfig, serviceRoleClient } from './support/stack';

const SUPERVISOR = 'supervisor1@112.cilegon.test';
const OPERATOR = 'operator1@112.cilegon.test';
const DAMKAR = 'damkar@112.cilegon.test';

function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

test.describe('opd liaison', () => {
  test.setTimeout(150_000);

  test('a new assignment arrives live and is handled step by step while the supervisor watches', async ({ browser }) => {
    const supervisor = new DispatchPage(await signedInPage(browser, SUPERVISOR, { viewport: DISPATCH_VIEWPORT }));
    const phone = await phoneContext(browser, DAMKAR);
    const opd = new OpdPage(phone.page);
    const api = await DispatchApi.fromPage(supervisor.page);
    try {
      await supervisor.goto();
      await opd.gotoInbox();
      await expect(opd.page.getByTestId('page-title')).toContainText('Penugasan DPKP');
      const alertsBefore = Number(await opd.inbox.getAttribute('data-alerts'));

      const description = unique('Kebakaran rumah warga');
      const incident = await api.reportIncident(OPERATOR, {
        category: 'fire',
        description,
        lat: -6.0,
        lng: 106.02,
        kecamatan: 'Citangkil',
        phone: '081298765432',
        name: 'Pelapor Telepon',
      });
      // The supervisor assigns the fire brigade in the dispatch screen.
      await supervisor.open(incident.ticket);
      await supervisor.nearestPost('DPKP').getByTestId('assign-post').click();
      await expect(supervisor.assignment('DPKP')).toHaveAttribute('data-status', 'assigned');

      // It arrives on the phone live: marked new, with the acknowledgement timer and the big button.
      const item = opd.item(incident.ticket);
      await expect(item).toBeVisible();
      await expect(item.getByTestId('inbox-new')).toBeVisible();
      await expect(item.getByTestId('ack-timer')).toHaveAttribute('data-running', 'true');
      await expect(item.getByTestId('ack-timer')).toContainText('target 3:00');
      await expect.poll(async () => Number(await opd.inbox.getAttribute('data-alerts'))).toBeGreaterThan(alertsBefore);
      const alerts = await opd.alerts();
      expect(alerts.vibrations).toBeGreaterThan(0);
      await expect.poll(async () => (await opd.alerts()).notifications.some((n) => n.title === 'Penugasan baru: Kebakaran' && n.body?.includes(incident.ticket))).toBe(true);
      // Phones show notifications through the area's service worker.
      expect(await opd.page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration('/opd')))).toBe(true);
      expect(await opd.horizontalOverflow()).toBeLessThanOrEqual(0);

      // "Terima" on the inbox; the supervisor sees it at once.
      await item.getByTestId('acknowledge').tap();
      await expect(supervisor.assignment('DPKP')).toHaveAttribute('data-status', 'acknowledged');
      await expect(item).toHaveAttribute('data-status', 'acknowledged');
      await expect(item.getByTestId('ack-timer')).toHaveAttribute('data-running', 'false');

      // The detail: what, where, who called, who else is assigned.
      await item.getByTestId('inbox-open').tap();
      await expect(opd.incident).toHaveAttribute('data-incident-id', incident.id);
      await opd.waitLive();
      await expect(opd.page.getByTestId('incident-category')).toHaveText('Kebakaran');
      await expect(opd.page.getByTestId('incident-category').locator('svg[data-test="category-icon"]')).toHaveAttribute('data-category', 'fire');
      await expect(opd.page.getByTestId('incident-description')).toHaveText(description);
      await expect(opd.page.getByTestId('nav-geo')).toHaveAttribute('href', /^geo:-6,106\.02\?q=-6,106\.02\(Kebakaran%20112-/);
      await expect(opd.page.getByTestId('nav-google')).toHaveAttribute('href', 'https://www.google.com/maps/dir/?api=1&destination=-6,106.02');
      await expect(opd.page.getByTestId('caller-tel')).toHaveAttribute('href', 'tel:081298765432');
      await expect(opd.page.locator('[data-test="incident-agency"][data-agency-code="DPKP"]')).toHaveAttribute('data-status', 'acknowledged');
      await expect(opd.page.getByTestId('incident-mini-map')).toBeVisible();
      expect(await opd.horizontalOverflow()).toBeLessThanOrEqual(0);

      // En route, on scene: each stamped by the database and seen live by the supervisor.
      await opd.step('mark_en_route').tap();
      await expect(supervisor.assignment('DPKP')).toHaveAttribute('data-status', 'en_route');
      await opd.step('mark_on_scene').tap();
      await expect(supervisor.assignment('DPKP')).toHaveAttribute('data-status', 'on_scene');
      await expect(opd.myAssignment).toHaveAttribute('data-status', 'on_scene');

      // Completed with a field report: a fire asks for victim counts, sent as data beside the text.
      await opd.step('complete_assignment').tap();
      await opd.page.getByTestId('report-text').fill('Api dipadamkan 2 unit, rumah rusak sebagian.');
      await opd.page.getByTestId('report-submit').tap();
      await expect(opd.page.getByTestId('report-problem')).toContainText('jumlah korban');
      for (const [key, value] of [['dead', '0'], ['seriouslyInjured', '1'], ['lightlyInjured', '2'], ['evacuated', '4']]) {
        await opd.page.getByTestId(`report-count-${key}`).fill(value);
      }
      await opd.page.getByTestId('report-submit').tap();
      await expect(supervisor.assignment('DPKP')).toHaveAttribute('data-status', 'completed');
      await expect(supervisor.assignment('DPKP')).toContainText('Luka berat: 1');
      await expect(opd.myAssignment).toHaveAttribute('data-status', 'completed');
      await expect(opd.page.getByTestId('my-report')).toContainText('Dievakuasi: 4');

      const db = serviceRoleClient((await pageSupabaseConfig(opd.page)).url);
      const dpkp = await api.agencyId('DPKP');
      const a = await assignmentOf(db, incident.id, dpkp);
      for (const kind of ['acknowledged', 'en_route', 'on_scene', 'completed'] as const) expect(await countEvents(db, a.id, kind), kind).toBe(1);

      // Stored as columns, the text as written; the printed report tabulates them per agency.
      const stored = await db.from('assignments').select('report, dead_count, seriously_injured_count, lightly_injured_count, evacuated_count').eq('id', a.id).single();
      expect(stored.data).toEqual({ report: 'Api dipadamkan 2 unit, rumah rusak sebagian.', dead_count: 0, seriously_injured_count: 1, lightly_injured_count: 2, evacuated_count: 4 });
      await supervisor.page.goto(`/incidents/${incident.id}/report`);
      const casualties = supervisor.page.locator('[data-test="report-casualty"][data-agency-code="DPKP"]');
      for (const [key, value] of [['dead', '0'], ['seriouslyInjured', '1'], ['lightlyInjured', '2'], ['evacuated', '4']]) {
        await expect(casualties.getByTestId(`report-casualty-${key}`), key).toHaveText(value);
      }
    } finally {
      await api.close();
      await supervisor.page.context().close();
      await phone.context.close();
    }
  });

  test("another agency's incident is not found", async ({ browser }) => {
    const phone = await phoneContext(browser, DAMKAR);
    const opd = new OpdPage(phone.page);
    const api = await DispatchApi.fromPage(opd.page);
    try {
      const incident = await api.reportIncident(OPERATOR, {
        category: 'medical',
        description: unique('Warga pingsan'),
        lat: -6.0,
        lng: 106.02,
        kecamatan: 'Citangkil',
        phone: '081200000001',
        name: 'Pelapor Lain',
      });
      await dispatchTo(await api.as(SUPERVISOR), incident.id, [await api.agencyId('PSC119')]);
      const response = await opd.page.goto(`/opd/incidents/${incident.id}`);
      expect(response?.status()).toBe(404);
      await expect(opd.page.getByTestId('not-found')).toContainText('tidak ditemukan');
      await expect(opd.page.getByTestId('opd-incident')).toHaveCount(0);
      // The same answer for an id that does not exist at all and for garbage.
      expect((await opd.page.goto('/opd/incidents/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
      expect((await opd.page.goto('/opd/incidents/bukan-id'))?.status()).toBe(404);
      // The supervisor's own page is not the liaison's either.
      expect((await opd.page.goto('/dispatch'))?.status()).toBe(403);
    } finally {
      await api.close();
      await phone.context.close();
    }
  });

  test('a step taken offline is pending and applies exactly once when the phone is back', async ({ browser }) => {
    const phone = await phoneContext(browser, DAMKAR);
    const opd = new OpdPage(phone.page);
    const api = await DispatchApi.fromPage(opd.page);
    const db = serviceRoleClient((await pageSupabaseConfig(opd.page)).url);
    try {
      const incident = await api.reportIncident(OPERATOR, {
        category: 'traffic_accident',
        description: unique('Tabrakan motor'),
        lat: -6.0,
        lng: 106.02,
        kecamatan: 'Citangkil',
        phone: '081200000002',
        name: 'Pelapor Jalan',
      });
      const dpkp = await api.agencyId('DPKP');
      await dispatchTo(await api.as(SUPERVISOR), incident.id, [dpkp]);
      const assignment = await assignmentOf(db, incident.id, dpkp);
      await opd.gotoIncident(incident.id);

      // Offline: the tap is kept as pending, nothing reaches the database.
      await phone.context.setOffline(true);
      await opd.step('acknowledge_assignment').tap();
      await expect(opd.page.locator('[data-test="action-pending"][data-action="acknowledge_assignment"]')).toBeVisible();
      await expect(opd.page.getByTestId('offline-banner')).toHaveAttribute('data-online', 'false');
      // The liaison can go on: the next step is offered on top of the pending one.
      await expect(opd.steps).toHaveAttribute('data-effective-status', 'acknowledged');
      expect((await assignmentOf(db, incident.id, dpkp)).status).toBe('assigned');

      await phone.context.setOffline(false);
      await expect(opd.page.locator('[data-test="action-pending"]')).toHaveCount(0);
      await expect(opd.myAssignment).toHaveAttribute('data-status', 'acknowledged');
      await expect(opd.page.getByTestId('action-failed')).toHaveCount(0);
      expect(await countEvents(db, assignment.id, 'acknowledged')).toBe(1);

      // The answer is lost after the database applied the step: the retry must not apply it again
      // nor show a false error.
      let dropped = 0;
      await opd.page.route('**/rest/v1/rpc/mark_en_route', async (route) => {
        if (dropped > 0) return route.continue();
        dropped += 1;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await opd.step('mark_en_route').tap();
      await expect.poll(() => dropped).toBe(1);
      await expect(opd.myAssignment).toHaveAttribute('data-status', 'en_route');
      await expect(opd.page.locator('[data-test="action-pending"]')).toHaveCount(0, { timeout: 15_000 });
      await expect(opd.page.getByTestId('action-failed')).toHaveCount(0);
      expect(await countEvents(db, assignment.id, 'en_route')).toBe(1);
      expect((await assignmentOf(db, incident.id, dpkp)).status).toBe('en_route');
    } finally {
      await api.close();
      await phone.context.close();
    }
  });
});
