/**
 * The caller-data access log on every screen (issue #22): a supervisor opens a new incident in the
 * dispatch drawer and on /incidents/[id], the fire brigade's liaison opens it on /opd; each shows
 * the caller, and each read is one record of caller_data_access. The admin then finds exactly
 * those reads in the "Akses data penelepon" tab of /admin/audit, filtered by the ticket (screen,
 * reader, ticket), and that viewing the log is itself logged. A screenshot of the tab is kept.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { DispatchApi, DispatchPage, DISPATCH_VIEWPORT } from './dispatch.po';
import { OpdPage, dispatchTo, phoneContext } from './opd.po';
import { signedInPage } from './support/sign-in';
import { pageSupabaseConfig, serviceRoleClient, type DemoDb } from './support/stack';
import { CallerDataLogPage } from './caller-data-log.po';

const SUPERVISOR = 'supervisor1@112.cilegon.test';
const OPERATOR = 'operator1@112.cilegon.test';
const DAMKAR = 'damkar@112.cilegon.test';
const ADMIN = 'admin@112.cilegon.test';

async function profileOf(api: DispatchApi, email: string): Promise<{ id: string; name: string }> {
  const db = await api.as(email);
  const { data: me, error: authError } = await db.auth.getUser();
  if (authError) throw new Error(`user ${email}: ${authError.message}`);
  const { data, error } = await db.from('profiles').select('id, full_name').eq('id', me.user.id).single();
  if (error) throw new Error(`profile of ${email}: ${error.message}`);
  return { id: data.id, name: data.full_name };
}

async function accessOf(db: DemoDb, incidentId: string) {
  const { data, error } = await db.from('caller_data_access').select('screen, actor_id, call_id').eq('incident_id', incidentId).order('at');
  if (error) throw new Error(error.message);
  return data;
}

test.describe('caller data access log', () => {
  test.setTimeout(180_000);
  test.use({ actionTimeout: 20_000 });

  test('a supervisor and a liaison read a caller; the admin sees exactly those reads in the log', async ({ browser }, testInfo) => {
    const supervisor = new DispatchPage(await signedInPage(browser, SUPERVISOR, { viewport: DISPATCH_VIEWPORT }));
    const api = await DispatchApi.fromPage(supervisor.page);
    const db = serviceRoleClient((await pageSupabaseConfig(supervisor.page)).url);
    const phone = await phoneContext(browser, DAMKAR);
    const admin = await signedInPage(browser, ADMIN);
    try {
      const [sup, liaison] = await Promise.all([profileOf(api, SUPERVISOR), profileOf(api, DAMKAR)]);
      const incident = await api.reportIncident(OPERATOR, {
        category: 'fire',
        description: `Kebakaran kios, log akses ${Date.now().toString(36)}`,
        lat: -6.0,
        lng: 106.02,
        kecamatan: 'Citangkil',
        phone: '081377001122',
        name: 'Ibu Pelapor Log',
      });
      await dispatchTo(await api.as(SUPERVISOR), incident.id, [await api.agencyId('DPKP')]);
      // Reporting and dispatching showed nobody the caller: nothing logged yet.
      expect(await accessOf(db, incident.id)).toEqual([]);

      // The supervisor's drawer shows the caller …
      await supervisor.goto();
      await supervisor.open(incident.ticket);
      await expect(supervisor.drawer.getByTestId('caller-contact')).toHaveText('Ibu Pelapor Log · 081377001122');
      await expect.poll(() => accessOf(db, incident.id)).toEqual([{ screen: 'dispatch_drawer', actor_id: sup.id, call_id: incident.callId }]);

      // … and so does the incident's page.
      await supervisor.page.goto(`/incidents/${incident.id}`);
      await expect(supervisor.page.getByTestId('record-call')).toContainText('081377001122 · Ibu Pelapor Log');

      // The liaison's detail shows the caller to call back.
      const opd = new OpdPage(phone.page);
      await opd.gotoIncident(incident.id);
      await expect(opd.page.getByTestId('caller-tel')).toHaveAttribute('href', 'tel:081377001122');

      const expected = [
        { screen: 'dispatch_drawer', actor_id: sup.id, call_id: incident.callId },
        { screen: 'incident_record', actor_id: sup.id, call_id: incident.callId },
        { screen: 'opd_detail', actor_id: liaison.id, call_id: incident.callId },
      ];
      expect(await accessOf(db, incident.id)).toEqual(expected);

      // The admin finds those reads, newest first, under the ticket.
      const log = new CallerDataLogPage(admin);
      await log.openFromAuditTrail();
      await log.filterByTicket(incident.ticket);
      await expect(log.rows).toHaveCount(3);
      expect(await log.entries()).toEqual([
        { screen: 'opd_detail', actor: liaison.name, ticket: incident.ticket },
        { screen: 'incident_record', actor: sup.name, ticket: incident.ticket },
        { screen: 'dispatch_drawer', actor: sup.name, ticket: incident.ticket },
      ]);
      await expect(log.rows.first().getByTestId('access-screen-name')).toHaveText('Rincian insiden OPD');
      await expect(log.rows.last().getByTestId('access-screen-name')).toHaveText('Laci insiden (dispatch)');

      const dir = path.join('test-results', 'walk-screenshots');
      mkdirSync(dir, { recursive: true });
      const png = path.join(dir, 'caller-data-access-log.png');
      await admin.screenshot({ path: png, fullPage: true });
      await testInfo.attach('caller-data-access-log.png', { path: png, contentType: 'image/png' });

      // Viewing the log is logged, against the ticket's incident; the reads themselves are unchanged.
      const me = await profileOf(api, ADMIN);
      const views = await db.from('caller_data_access').select('actor_id, rows_shown').eq('screen', 'access_log').eq('incident_id', incident.id);
      expect(views.error).toBeNull();
      expect(views.data).toEqual([{ actor_id: me.id, rows_shown: 3 }]);
      expect(await accessOf(db, incident.id)).toEqual([...expected, { screen: 'access_log', actor_id: me.id, call_id: null }]);

      // A ticket filter the page cannot read is a clear problem, and reads nothing.
      await admin.goto('/admin/audit/caller-data?ticket=bukan-tiket');
      await expect(admin.getByTestId('access-invalid')).toContainText('nomor tiket');
      await expect(log.table).toHaveCount(0);
    } finally {
      await api.close();
      await Promise.all([supervisor.page.context().close(), phone.context.close(), admin.context().close()]);
    }
  });

  test('a role that may not read the log is refused the tab', async ({ browser }) => {
    const page = await signedInPage(browser, SUPERVISOR);
    try {
      const response = await page.goto('/admin/audit/caller-data');
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId('access-table')).toHaveCount(0);
    } finally {
      await page.context().close();
    }
  });
});
