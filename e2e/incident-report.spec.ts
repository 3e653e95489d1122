/**
 * The printed incident report of a ticket closed while one agency had completed and another was
 * still on its way (bug 5 of #17): the resolve stage is reached at the completion, the timeline shows
 * words instead of database values, and the field report keeps its line breaks without becoming HTML.
 */
import { expect, test } from './support/fixtures';
import { DispatchApi, DISPATCH_VIEWPORT } from './dispatch.po';
import { signedInPage } from './support/sign-in';
import { circleArea } from '../lib/domain/area';

const SUPERVISOR = 'supervisor1@112.cilegon.test';
const OPERATOR = 'operator2@112.cilegon.test';
const DAMKAR = 'damkar@112.cilegon.test';

/** Every snake_case enum value a timeline could leak if it printed the event's data as stored. */
const RAW_VALUES = /\b(emergency|force|forced|incident_closed|incident_cancelled|large_fire)\b/;

test.describe('incident report', () => {
  test.setTimeout(120_000);
  test.use({ actionTimeout: 20_000 });

  test('closed after one agency completed: resolve reached, timeline in words, report lines kept', async ({ browser }, testInfo) => {
    const page = await signedInPage(browser, SUPERVISOR, { viewport: DISPATCH_VIEWPORT });
    const api = await DispatchApi.fromPage(page);
    try {
      const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const incident = await api.reportIncident(OPERATOR, {
        category: 'fire',
        description: `Kebakaran ruko ${stamp}`,
        lat: -6.005,
        lng: 106.04,
        kecamatan: 'Cilegon',
        phone: '081277778888',
        name: 'Pelapor Laporan',
      });
      const db = await api.as(SUPERVISOR);
      const reported = await db.from('incidents').select('version').eq('id', incident.id).single();
      if (reported.error) throw new Error(reported.error.message);
      const dispatched = await db.rpc('dispatch_incident', {
        p_incident_id: incident.id,
        p_agency_ids: [await api.agencyId('DPKP'), await api.agencyId('PSC119')],
        p_expected_version: reported.data.version,
      });
      if (dispatched.error) throw new Error(dispatched.error.message);
      const major = await db.rpc('declare_major_incident', {
        p_incident_id: incident.id,
        p_title: `Kebakaran ruko ${stamp}`,
        p_template: 'large_fire',
        p_script: 'Tanyakan apakah ada orang terjebak.',
        p_area: circleArea({ lat: -6.005, lng: 106.04 }, 500),
      });
      if (major.error) throw new Error(major.error.message);

      const fieldReport = 'Api padam pukul 10.20.\nDua unit dikerahkan.\n<b>tidak tebal</b>';
      await api.finish(DAMKAR, incident.id, fieldReport);
      // PSC 119 never acknowledged: the supervisor closes with confirmation, which withdraws it.
      const current = await db.from('incidents').select('version').eq('id', incident.id).single();
      if (current.error) throw new Error(current.error.message);
      const closed = await db.rpc('close_incident', {
        p_incident_id: incident.id,
        p_summary: 'Api padam.\nAmbulans tidak diperlukan.',
        p_expected_version: current.data.version,
        p_force: true,
      });
      if (closed.error) throw new Error(closed.error.message);

      await page.goto(`/incidents/${incident.id}/report`);
      await expect(page.getByTestId('report-ticket')).toHaveText(incident.ticket);
      const resolve = page.getByTestId('report-stage-resolve');
      await expect(resolve).toHaveAttribute('data-reached', 'true');
      await expect(resolve).not.toContainText('belum tercapai');

      const timeline = page.getByTestId('report-timeline');
      await expect(page.locator('[data-test="report-event"][data-kind="major_ended"]')).toHaveCount(1);
      await expect(page.locator('[data-test="report-event"][data-kind="closed"]')).toContainText('ditutup sebelum');
      expect(await timeline.innerText()).not.toMatch(RAW_VALUES);

      const written = page.getByTestId('report-field-report');
      await expect(written).toHaveCount(1);
      expect(await written.innerText()).toContain('Api padam pukul 10.20.\nDua unit dikerahkan.\n<b>tidak tebal</b>');
      await expect(written.locator('b')).toHaveCount(0);
      expect(await page.getByTestId('report-close-summary').innerText()).toBe('Api padam.\nAmbulans tidak diperlukan.');

      await page.emulateMedia({ media: 'print' });
      await testInfo.attach('incident-report', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    } finally {
      await api.close();
      await page.context().close();
    }
  });
});
