/**
 * Find an incident (issue #17): a supervisor at 1366×768 finds incidents by words, caller number,
 * whole ticket and status, opens one read-only with its timeline and printed report; leadership and
 * a damkar liaison on a 360×740 phone find only what their RLS shows — leadership never by a caller
 * number, which answers as for a number nobody called from.
 */
import { expect, test } from './support/fixtures';
import { signedInPage } from './support/sign-in';
import { DispatchApi } from './dispatch.po';
import type { DemoDb as Db } from './support/demo-clients';
import { FindIncidentPage } from './find-incident.po';
import { leaksInBodies, phoneLikeNodes, recordResponses } from './support/caller-data-leaks';

const OPERATOR = 'operator2@112.cilegon.test';
const SUPERVISOR = 'supervisor1@112.cilegon.test';
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };

async function version(db: Db, id: string): Promise<number> {
  const { data, error } = await db.from('incidents').select('version').eq('id', id).single();
  if (error) throw new Error(error.message);
  return data.version;
}

const token = () => `uji${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const phoneNumber = () => `0857 ${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

test.describe('find an incident', () => {
  test.describe.configure({ timeout: 90_000 });

  test('a supervisor finds incidents by words, number, ticket and status and opens one read-only', async ({ browser }) => {
    const page = await signedInPage(browser, SUPERVISOR, { viewport: LAPTOP });
    const api = await DispatchApi.fromPage(page);
    const dispatched = token();
    const cancelled = token();
    const phone = phoneNumber();
    const a = await api.reportIncident(OPERATOR, { category: 'fire', description: `Gudang terbakar ${dispatched}`, lat: -6.0125, lng: 106.047, kecamatan: 'Jombang', phone, name: 'Pak Uji' });
    const b = await api.reportIncident(OPERATOR, { category: 'flood', description: `Banjir ${cancelled}`, lat: -6.03, lng: 106.07, kecamatan: 'Cibeber', phone: phoneNumber(), name: 'Bu Uji' });
    const sup = await api.as(SUPERVISOR);
    const damkar = await api.agencyId('DPKP');
    const { error: de } = await sup.rpc('dispatch_incident', { p_incident_id: a.id, p_agency_ids: [damkar], p_expected_version: await version(sup, a.id) });
    expect(de).toBeNull();
    const { error: ce } = await sup.rpc('cancel_incident', { p_incident_id: b.id, p_reason: 'Uji pencarian', p_expected_version: await version(sup, b.id) });
    expect(ce).toBeNull();

    const find = new FindIncidentPage(page);
    await page.getByTestId('nav-find').click();
    await find.form.waitFor();
    expect(await find.fitsWidth()).toBe(true);

    await find.search(dispatched);
    await expect(find.results).toHaveCount(1);
    await expect(find.result(a.ticket)).toHaveAttribute('data-status', 'dispatched');

    await find.search(a.ticket.toLowerCase());
    await expect(find.results).toHaveCount(1);
    await expect(find.result(a.ticket)).toBeVisible();

    await find.text.fill('');
    await find.phone.fill(phone.replace(' ', '-'));
    await find.submit.click();
    await expect(find.result(a.ticket)).toBeVisible();
    await expect(find.results).toHaveCount(1);
    await find.phone.fill('');

    await find.search(cancelled, 'cancelled');
    await expect(find.result(b.ticket)).toHaveAttribute('data-status', 'cancelled');
    await find.search(cancelled, 'closed');
    await expect(find.empty).toBeVisible();

    await find.search('ab');
    await expect(find.invalid).toContainText('3 sampai 100 karakter');
    await expect(find.results).toHaveCount(0);

    // Newest first over the seeded history, with a next page.
    await find.goto();
    await expect(find.results).toHaveCount(25);
    await expect(find.results.first()).toHaveAttribute('data-ticket', b.ticket);
    await page.getByTestId('find-next').click();
    await expect(find.results).toHaveCount(25);
    await expect(find.result(b.ticket)).toHaveCount(0);

    await find.goto(`?q=${dispatched}`);
    await find.result(a.ticket).click();
    await expect(find.record).toHaveAttribute('data-incident-id', a.id);
    await expect(page.getByTestId('record-ticket')).toHaveText(a.ticket);
    await expect(page.getByTestId('record-call')).toContainText(phone);
    await expect(page.getByTestId('record-assignment')).toHaveCount(1);
    await expect(page.locator('[data-test="timeline-event"][data-kind="dispatched"]')).toBeVisible();
    expect(await find.fitsWidth()).toBe(true);
    await page.getByTestId('record-report-link').click();
    await expect(page.getByTestId('incident-report')).toHaveAttribute('data-incident-id', a.id);
    await page.context().close();
    // Last: closing signs the API's supervisor out everywhere, the browser's session included.
    await api.close();
  });

  test('leadership and a liaison on a phone find only what they may read', async ({ browser }) => {
    const setup = await signedInPage(browser, SUPERVISOR);
    const api = await DispatchApi.fromPage(setup);
    const mine = token();
    const other = token();
    const phone = phoneNumber();
    const a = await api.reportIncident(OPERATOR, { category: 'fire', description: `Kebakaran rumah ${mine}`, lat: -6.0175, lng: 106.054, kecamatan: 'Jombang', phone, name: 'Pak Uji' });
    await api.reportIncident(OPERATOR, { category: 'medical', description: `Pingsan ${other}`, lat: -6.0175, lng: 106.054, kecamatan: 'Jombang', phone: phoneNumber(), name: 'Bu Uji' });
    const sup = await api.as(SUPERVISOR);
    const { error } = await sup.rpc('dispatch_incident', { p_incident_id: a.id, p_agency_ids: [await api.agencyId('DPKP')], p_expected_version: await version(sup, a.id) });
    expect(error).toBeNull();
    await api.close();
    await setup.context().close();

    const leadPage = await signedInPage(browser, 'pimpinan@112.cilegon.test', { viewport: PHONE });
    const responses = recordResponses(leadPage);
    const lead = new FindIncidentPage(leadPage);
    await lead.page.getByTestId('nav-find').click();
    await lead.form.waitFor();
    await expect(lead.phone).toHaveCount(0);
    await lead.search(mine);
    await expect(lead.result(a.ticket)).toBeVisible();
    expect(await lead.fitsWidth()).toBe(true);
    await lead.result(a.ticket).click();
    await expect(lead.record).toHaveAttribute('data-incident-id', a.id);
    await expect(lead.page.getByTestId('record-calls')).toHaveCount(0);
    await expect(lead.page.getByTestId('record-report-link')).toHaveCount(0);
    expect(await lead.fitsWidth()).toBe(true);
    // Leadership reads incidents without caller data: no number on the pages, none in what they received.
    expect(await phoneLikeNodes(lead.page)).toEqual([]);
    expect(leaksInBodies(await responses.bodies(), [phone, phone.replace(' ', '')])).toEqual([]);
    // Typed into the URL, the number still finds nothing: the same answer as for an unknown number.
    await lead.goto(`?phone=${encodeURIComponent(phone)}`);
    await expect(lead.empty).toBeVisible();
    await lead.goto(`?phone=${encodeURIComponent('0899 0000 0001')}`);
    await expect(lead.empty).toBeVisible();
    await lead.page.context().close();

    const liaison = new FindIncidentPage(await signedInPage(browser, 'damkar@112.cilegon.test', { viewport: PHONE, path: '/incidents' }));
    await liaison.form.waitFor();
    await liaison.search(mine);
    await expect(liaison.result(a.ticket)).toBeVisible();
    await liaison.search(other);
    await expect(liaison.empty).toBeVisible();
    expect(await liaison.fitsWidth()).toBe(true);
    await liaison.page.context().close();

    // Admins read no incident (DESIGN.md §2): the page is not theirs.
    const admin = await signedInPage(browser, 'admin@112.cilegon.test');
    await expect(admin.getByTestId('nav-find')).toHaveCount(0);
    expect((await admin.goto('/incidents'))?.status()).toBe(403);
    await expect(admin.getByTestId('forbidden')).toBeVisible();
    expect((await admin.goto(`/incidents/${a.id}`))?.status()).toBe(403);
    await admin.context().close();
  });
});
