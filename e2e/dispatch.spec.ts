/**
 * Dispatch with two supervisors and an OPD liaison at once: a new report arrives live with a
 * highlight, supervisor A assigns on the map and from the list, the liaison acknowledges (seen live
 * by both), a simultaneous action gives one supervisor the conflict message, and the ticket closes.
 * The liaison acts through the OPD RPCs with supabase-js; the /opd inbox itself is tested in
 * opd.spec.ts.
 */
import { expect, test } from './support/fixtures';
import { DispatchApi, DispatchPage, RealtimeValve, DISPATCH_VIEWPORT } from './dispatch.po';
import { signedInPage } from './support/sign-in';

const SUPERVISOR_A = 'supervisor1@112.cilegon.test';
const SUPERVISOR_B = 'supervisor2@112.cilegon.test';
const OPERATOR = 'operator2@112.cilegon.test';
const DAMKAR = 'damkar@112.cilegon.test';
const PSC119 = 'psc119@112.cilegon.test';
const POLRES = 'polres@112.cilegon.test';

function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

test.describe('dispatch', () => {
  test.setTimeout(240_000);
  // Every click and fill fails on its own instead of running into the test timeout.
  test.use({ actionTimeout: 20_000 });

  test('two supervisors and a liaison: live report, assign on the map, acknowledge, conflict, close, report', async ({ browser }) => {
    const a = new DispatchPage(await signedInPage(browser, SUPERVISOR_A, { viewport: DISPATCH_VIEWPORT }));
    const b = new DispatchPage(await signedInPage(browser, SUPERVISOR_B, { viewport: DISPATCH_VIEWPORT }));
    const valveB = await RealtimeValve.install(b.page.context());
    await a.goto();
    await b.goto();
    const api = await DispatchApi.fromPage(a.page);
    try {
      const beepsBefore = Number(await a.screen.getAttribute('data-beeps'));

      // A new report arrives live on both boards, highlighted, with a beep.
      const incident = await api.reportIncident(OPERATOR, {
        category: 'fire',
        description: unique('Kebakaran gudang'),
        lat: -6.0,
        lng: 106.02,
        kecamatan: 'Citangkil',
        phone: '081234567890',
        name: 'Pelapor Uji',
      });
      for (const s of [a, b]) {
        await expect(s.column('reported').locator(`[data-ticket="${incident.ticket}"]`)).toBeVisible();
        await expect(s.card(incident.ticket)).toHaveAttribute('data-fresh', 'true');
        await expect(s.card(incident.ticket).locator('svg[data-test="category-icon"]')).toHaveAttribute('data-category', 'fire');
      }
      // Other specs may report at the same time on the shared server: at least this one rang.
      await expect.poll(async () => Number(await a.screen.getAttribute('data-beeps'))).toBeGreaterThan(beepsBefore);

      // Both open it: presence tells each who else is looking.
      await expect(a.page.getByTestId('sound-toggle').locator('svg[data-test^="sound-icon-"]')).toBeVisible();
      await a.open(incident.ticket);
      await b.open(incident.ticket);
      await expect(a.drawer.getByTestId('presence-viewers')).toContainText('Dewi Lestari');
      await expect(b.drawer.getByTestId('presence-viewers')).toContainText('Budi Santoso');
      await expect(a.drawer.getByTestId('caller-contact')).toContainText('081234567890');

      // Nearest posts by the fire's run card: the fire brigade's nearest post first and recommended,
      // then the ambulance's, each with an estimate (the ranking itself: lib/domain/post-ranking.test.ts).
      const rows = a.drawer.locator('[data-test="nearest-post"]');
      await expect(rows.first()).toHaveAttribute('data-agency-code', 'DPKP');
      await expect(rows.first()).toHaveAttribute('data-recommended', 'true');
      await expect(rows.nth(1)).toHaveAttribute('data-role', 'support');
      await expect(rows.nth(1)).toHaveAttribute('data-recommended', 'true');
      await expect(a.nearestPost('DPKP').getByTestId('post-eta')).toContainText('km');

      // A assigns the fire brigade with a click on one of its posts on the map.
      const dpkp = await api.agencyId('DPKP');
      const nearestDpkp = await a.nearestPost('DPKP').getAttribute('data-post-id');
      const marker = a.postMarkers(dpkp).and(a.page.locator(`[data-post-id="${nearestDpkp}"]`));
      await expect(marker).toHaveAttribute('data-highlighted', 'true');
      await marker.click();
      await a.page.getByTestId('post-assign-confirm-ok').click();
      await expect(a.assignment('DPKP')).toHaveAttribute('data-status', 'assigned');
      // …and the ambulance from the list.
      await a.nearestPost('PSC119').getByTestId('assign-post').click();
      await expect(a.assignment('PSC119')).toHaveAttribute('data-status', 'assigned');
      for (const s of [a, b]) {
        await expect(s.column('dispatched').locator(`[data-ticket="${incident.ticket}"]`)).toBeVisible();
        await expect(s.assignment('DPKP')).toBeVisible();
      }

      // The liaison acknowledges; both supervisors see it live.
      await api.acknowledge(DAMKAR, incident.id);
      for (const s of [a, b]) {
        await expect(s.assignment('DPKP')).toHaveAttribute('data-status', 'acknowledged');
        await expect(s.column('acknowledged').locator(`[data-ticket="${incident.ticket}"]`)).toBeVisible();
        await expect(s.drawer.locator('[data-test="timeline-event"][data-kind="acknowledged"]')).toBeVisible();
      }

      // Both add the police at the same moment: A's change has not reached B when B acts on the
      // version B saw (B's realtime is held back), so B gets the conflict and the fresh state.
      for (const s of [a, b]) await s.drawer.getByTestId('posts-show-all').check();
      valveB.hold();
      await a.nearestPost('POLRES').getByTestId('assign-post').click();
      await expect(a.assignment('POLRES')).toHaveAttribute('data-status', 'assigned');
      await expect(b.assignment('POLRES')).toHaveCount(0);
      await b.nearestPost('POLRES').getByTestId('assign-post').click();
      await expect(b.conflict).toContainText('diubah oleh pengguna lain');
      await expect(b.assignment('POLRES')).toHaveAttribute('data-status', 'assigned');
      await expect(a.conflict).toHaveCount(0);
      valveB.release();
      for (const s of [a, b]) await expect(s.assignment('POLRES')).toHaveCount(1);

      // Every agency finishes in the field; the incident is resolved and A closes it.
      await api.finish(DAMKAR, incident.id, 'Api dipadamkan, 2 unit, tidak ada korban.');
      await api.finish(PSC119, incident.id, 'Satu warga diperiksa, tidak dirujuk.');
      await api.finish(POLRES, incident.id, 'Lokasi diamankan.');
      for (const s of [a, b]) await expect(s.column('resolved').locator(`[data-ticket="${incident.ticket}"]`)).toBeVisible();
      await a.drawer.getByTestId('close-open').click();
      await a.drawer.getByTestId('close-summary').fill('Kebakaran gudang padam, ditangani DPKP, PSC 119 dan Polres.');
      await a.drawer.getByTestId('close-submit').click();
      for (const s of [a, b]) {
        await expect(s.drawer).toHaveAttribute('data-status', 'closed');
        await expect(s.card(incident.ticket)).toHaveCount(0);
      }

      // The report shows every stage, reached, against its target, and prints.
      const report = a.page;
      await report.goto(`/incidents/${incident.id}/report`);
      await expect(report.getByTestId('report-ticket')).toHaveText(incident.ticket);
      for (const stage of ['answer', 'classify', 'record', 'close_call', 'call_total', 'dispatch', 'acknowledge', 'on_scene', 'resolve', 'close']) {
        const row = report.getByTestId(`report-stage-${stage}`);
        await expect(row, stage).toHaveAttribute('data-reached', 'true');
        await expect(row.getByTestId('stage-duration'), stage).toHaveText(/^\d+:\d{2}$/);
      }
      await expect(report.getByTestId('report-call')).toContainText('081234567890');
      await expect(report.getByTestId('report-assignment')).toHaveCount(3);
      await expect(report.getByTestId('report-field-report')).toHaveCount(3);
      await expect(report.locator('[data-test="report-event"][data-kind="closed"]')).toHaveCount(1);
      await report.emulateMedia({ media: 'print' });
      await expect(report.getByTestId('report-print')).toBeHidden();
      const pdf = await report.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await api.close();
      await a.page.context().close();
      await b.page.context().close();
    }
  });

  test('closing with unfinished agencies asks for confirmation and records it; cancel needs a reason', async ({ browser }) => {
    const a = new DispatchPage(await signedInPage(browser, SUPERVISOR_A, { viewport: DISPATCH_VIEWPORT }));
    await a.goto();
    const api = await DispatchApi.fromPage(a.page);
    try {
      const incident = await api.reportIncident(OPERATOR, {
        category: 'medical',
        description: unique('Warga pingsan di pasar'),
        lat: -6.012,
        lng: 106.05,
        kecamatan: 'Jombang',
        phone: '081298765432',
        name: 'Pelapor Dua',
      });
      await a.open(incident.ticket);
      await a.nearestPost('PSC119').getByTestId('assign-post').click();
      await expect(a.assignment('PSC119')).toHaveAttribute('data-status', 'assigned');

      await a.drawer.getByTestId('close-open').click();
      await a.drawer.getByTestId('close-summary').fill('Pasien dibawa keluarga sendiri.');
      await a.drawer.getByTestId('close-submit').click();
      await expect(a.drawer.getByTestId('close-confirm')).toContainText('1');
      await a.drawer.getByTestId('close-confirm-force').click();
      await expect(a.drawer).toHaveAttribute('data-status', 'closed');
      await expect(a.assignment('PSC119')).toHaveAttribute('data-status', 'withdrawn');

      await a.page.goto(`/incidents/${incident.id}/report`);
      await expect(a.page.getByTestId('report-closed-forced')).toBeVisible();
      await expect(a.page.getByTestId('report-stage-resolve')).toHaveAttribute('data-reached', 'false');

      // A second report, cancelled with a reason.
      const other = await api.reportIncident(OPERATOR, {
        category: 'crime',
        description: unique('Laporan pencurian'),
        lat: -5.99,
        lng: 106.03,
        kecamatan: 'Purwakarta',
        phone: '081211112222',
        name: 'Pelapor Tiga',
      });
      await a.goto();
      await a.open(other.ticket);
      await a.drawer.getByTestId('cancel-open').click();
      await a.drawer.getByTestId('cancel-reason').fill('Pelapor mengonfirmasi salah paham.');
      await a.drawer.getByTestId('cancel-submit').click();
      await expect(a.drawer).toHaveAttribute('data-status', 'cancelled');
      await expect(a.drawer.locator('[data-test="timeline-event"][data-kind="cancelled"]')).toContainText('salah paham');
    } finally {
      await api.close();
      await a.page.context().close();
    }
  });
});
