/**
 * Major-incident mode end to end (issue #18 §1): a supervisor declares a ticket a major incident
 * with a 1 km circle on the dispatch map and redraws it as a polygon; the wall switches to its
 * major layout; calls ringing at the PBX with a location inside the area open on operator1's console
 * with the offer and the script, and one key (L) links each to the one ticket — a declined one is
 * recorded as usual; twenty in a row make one ticket with their callers, counted on the wall per
 * minute and on /stats live; an agency sent and its field report's victims show on the wall; the
 * supervisor ends it and the wall returns to normal. No page is reloaded after it opens.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signedInPage } from './support/sign-in';
import { postPbxEvent, type PbxEvent } from './support/telephony';
import { serviceRoleClient, stackUrl } from './support/stack';
import { DemoClients } from './support/demo-clients';
import { DispatchApi, DispatchPage } from './dispatch.po';
import { OperatorConsolePage } from './operator.po';
import { WALL_EMAIL } from './wall.po';
import { attachScreenshot } from './walk.po';
import { MajorDeskPage, WallMajorPage, endActiveMajors, majorOffer } from './major-incident.po';

const OPERATOR1 = 'operator1@112.cilegon.test';
const SUPERVISOR = 'supervisor1@112.cilegon.test';
const DAMKAR = 'damkar@112.cilegon.test';
/** In the Ciwandan industrial zone, on land in the fitted city view. */
const PLANT = { lat: -6.035, lng: 105.99 };
const LINKED_IN_LOOP = 20;
const TITLE = 'Ledakan pabrik kimia, Ciwandan';
const SCRIPT = 'Tanyakan lokasi tepat dan jumlah korban. Sampaikan: menjauh dari asap, melawan arah angin; tutup hidung dengan kain basah.';

const randomNumber = () => `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

function pbx(type: PbxEvent['type'], callId: string, number: string, extra: Partial<PbxEvent> = {}): PbxEvent {
  return { event_id: `${callId}-${type}`, type, call_id: callId, at: new Date().toISOString(), caller_number: number, ...extra };
}

/** A call rings at the PBX from inside the area and is answered at operator1's desk (extension 101). */
async function ringAndAnswer(request: Parameters<typeof postPbxEvent>[0], at = PLANT): Promise<string> {
  const external = `e2e-major-${randomUUID()}`;
  const number = randomNumber();
  const ring = await postPbxEvent(request, pbx('ringing', external, number, { location: { lat: at.lat, lng: at.lng, accuracy_m: 40 } }));
  expect(ring.status()).toBe(200);
  const callId: string = (await ring.json()).call_id;
  expect((await postPbxEvent(request, pbx('answered', external, number, { extension: '101' }))).status()).toBe(200);
  return callId;
}

async function closeAll(pages: Page[]) {
  for (const p of pages) await p.context().close();
}

test('a declared major incident gathers the calls inside its area on one ticket, switches the wall and ends', async ({ browser, request }, testInfo) => {
  test.setTimeout(240_000);
  const admin = serviceRoleClient(await stackUrl());
  const [supPage, opPage, wallPage, statsPage] = await Promise.all([
    signedInPage(browser, SUPERVISOR, { viewport: { width: 1600, height: 900 } }),
    signedInPage(browser, OPERATOR1, { path: '/operator', viewport: { width: 1440, height: 900 } }),
    signedInPage(browser, WALL_EMAIL, { path: '/wall', viewport: { width: 1920, height: 1080 } }),
    signedInPage(browser, WALL_EMAIL, { path: '/stats' }),
  ]);
  const clients = await DemoClients.fromPage(supPage);
  const api = await DispatchApi.fromPage(supPage);
  let incidentId: string | null = null;
  try {
    await endActiveMajors(await clients.as(SUPERVISOR));
    const incident = await api.reportIncident(OPERATOR1, {
      category: 'fire',
      description: 'Ledakan dan kebakaran di pabrik kimia (uji kejadian besar)',
      lat: PLANT.lat,
      lng: PLANT.lng,
      kecamatan: 'Ciwandan',
      phone: randomNumber(),
      name: 'Pelapor Pertama',
    });
    incidentId = incident.id;
    const startedAt = new Date().toISOString();

    // The supervisor selects the ticket and declares it with a 1 km circle around its location.
    const dispatch = new DispatchPage(supPage);
    await dispatch.goto();
    await dispatch.open(incident.ticket);
    const desk = new MajorDeskPage(supPage);
    await desk.open();
    await expect(desk.panel.getByTestId('major-none')).toBeVisible();
    // A title too short is refused on the form, with nothing sent.
    await desk.declare({ title: 'ab', script: SCRIPT });
    await expect(desk.form.getByTestId('major-problem-title')).toBeVisible();
    await desk.form.getByTestId('major-title').fill(TITLE);
    await desk.form.getByTestId('major-radius').selectOption('1000');
    await desk.form.getByTestId('major-submit').click();
    await expect(desk.notice).toHaveAttribute('data-kind', 'ok');
    await expect(desk.item()).toHaveCount(1);
    const { data: declared } = await admin.from('major_incidents').select('id, version, area, incident_id, title, script').eq('status', 'active').single();
    expect(declared).toMatchObject({ incident_id: incident.id, title: TITLE, script: SCRIPT, version: 1 });
    const majorId = declared!.id;
    await expect(desk.area(majorId)).toBeAttached();
    await expect(desk.map.getByTestId('major-area-label')).toHaveText(TITLE);
    await expect(desk.toggle).toHaveAttribute('data-count', '1');

    // The wall switches without a reload.
    const wall = new WallMajorPage(wallPage);
    await expect(wall.wall).toHaveAttribute('data-layout', 'major');
    await expect(wallPage.getByTestId('wall-major-title')).toHaveText(TITLE);
    await expect(wall.figure('wall-major-calls')).toHaveAttribute('data-value', '0');

    // Changed: redrawn as a polygon of four corners clicked near the circle's box (version-checked).
    await desk.item(majorId).getByTestId('major-change-start').click();
    await expect(desk.form).toHaveAttribute('data-mode', 'change');
    await desk.form.getByTestId('major-corner-clear').click();
    const circle = await desk.area(majorId).boundingBox();
    if (!circle) throw new Error('the area has no box');
    for (const [fx, fy] of [[0.05, 0.05], [0.95, 0.05], [0.95, 0.95], [0.05, 0.95]] as const) {
      await desk.addCorner(circle.x + circle.width * fx, circle.y + circle.height * fy);
    }
    await expect(desk.form.getByTestId('major-corners')).toHaveAttribute('data-count', '4');
    await desk.form.getByTestId('major-submit').click();
    await expect(desk.item(majorId)).toHaveAttribute('data-version', '2');
    const { data: changed } = await admin.from('major_incidents').select('area, version').eq('id', majorId).single();
    expect((changed!.area as { coordinates: number[][][] }).coordinates[0]).toHaveLength(5);
    await expect(desk.area(majorId)).toHaveAttribute('data-version', '2');
    await attachScreenshot(supPage, testInfo, 'issue18-major-dispatch-map');

    // /stats (leadership) lists it, and follows it from here on without a reload.
    const statsRow = statsPage.locator(`[data-test="stats-major-row"][data-major-id="${majorId}"]`);
    await expect(statsRow).toHaveAttribute('data-calls', '1');

    // A call inside the area opens on operator1's console with the offer and the script; L links it.
    const op = new OperatorConsolePage(opPage);
    const first = await ringAndAnswer(request);
    await expect(op.activeCall).toHaveAttribute('data-call-id', first);
    await expect(majorOffer(opPage)).toHaveAttribute('data-incident-id', incident.id);
    await expect(majorOffer(opPage).getByTestId('major-offer-script')).toHaveText(SCRIPT);
    await attachScreenshot(opPage, testInfo, 'issue18-major-operator-offer');
    await opPage.keyboard.press('l');
    await expect(op.outcome).toHaveAttribute('data-type', 'emergency');
    await expect(op.ticketNumber).toHaveText(incident.ticket);

    // Declined: the offer goes and the call is recorded as usual (here a ghost call), on no ticket.
    const declinedCall = await ringAndAnswer(request);
    await expect(op.activeCall).toHaveAttribute('data-call-id', declinedCall);
    await majorOffer(opPage).getByTestId('major-offer-decline').click();
    await expect(majorOffer(opPage)).toHaveCount(0);
    await opPage.keyboard.press('g');
    await expect(op.outcome).toHaveAttribute('data-type', 'ghost');

    // Twenty in a row, each one key.
    for (let i = 0; i < LINKED_IN_LOOP; i++) {
      const callId = await ringAndAnswer(request);
      await expect(op.activeCall).toHaveAttribute('data-call-id', callId);
      await expect(majorOffer(opPage)).toBeVisible();
      await opPage.keyboard.press('l');
      await expect(op.activeCall).toHaveCount(0);
    }
    await expect(op.outcome).toHaveAttribute('data-type', 'emergency');

    // One ticket, with the first caller, the first linked call and the twenty; no new incident.
    const linked = 1 + LINKED_IN_LOOP;
    const { count: callers } = await admin.from('calls').select('id', { count: 'exact', head: true }).eq('incident_id', incident.id);
    expect(callers).toBe(1 + linked);
    const { count: newIncidents } = await admin.from('incidents').select('id', { count: 'exact', head: true }).gte('reported_at', startedAt);
    expect(newIncidents).toBe(0);
    const { data: declinedRow } = await admin.from('calls').select('incident_id, call_type').eq('id', declinedCall).single();
    expect(declinedRow).toEqual({ incident_id: null, call_type: 'ghost' });

    // The wall counts them per minute, /stats follows live.
    await expect(wall.figure('wall-major-calls')).toHaveAttribute('data-value', String(linked));
    await expect(wallPage.getByTestId('major-minute-bars')).toHaveAttribute('data-total', String(linked));
    await expect(statsRow).toHaveAttribute('data-calls', String(1 + linked));

    // DPKP is sent and reports its victims: the wall shows the agency and the counts.
    const supDb = await clients.as(SUPERVISOR);
    const { data: fresh } = await admin.from('incidents').select('version').eq('id', incident.id).single();
    const dpkp = await api.agencyId('DPKP');
    const sent = await supDb.rpc('dispatch_incident', { p_incident_id: incident.id, p_agency_ids: [dpkp], p_expected_version: fresh!.version });
    expect(sent.error).toBeNull();
    await expect(wallPage.getByTestId('wall-major-agencies')).toHaveAttribute('data-count', '1');
    const liaison = await clients.as(DAMKAR);
    const { data: a0 } = await liaison.from('assignments').select('id, version').eq('incident_id', incident.id).single();
    const a1 = (await liaison.rpc('acknowledge_assignment', { p_assignment_id: a0!.id, p_expected_version: a0!.version }).throwOnError()).data;
    const a2 = (await liaison.rpc('mark_on_scene', { p_assignment_id: a1.id, p_expected_version: a1.version }).throwOnError()).data;
    await liaison
      .rpc('complete_assignment', {
        p_assignment_id: a2.id,
        p_report: 'Api dipadamkan; korban dievakuasi ke RSUD.',
        p_expected_version: a2.version,
        p_dead_count: 1,
        p_seriously_injured_count: 3,
        p_lightly_injured_count: 7,
        p_evacuated_count: 40,
      })
      .throwOnError();
    await expect(wallPage.getByTestId('wall-major-dead')).toHaveAttribute('data-count', '1');
    await expect(wallPage.getByTestId('wall-major-evacuated')).toHaveAttribute('data-count', '40');
    await attachScreenshot(wallPage, testInfo, 'issue18-major-wall');

    // The supervisor ends it: the wall and the map return to normal.
    await desk.item(majorId).getByTestId('major-end-start').click();
    await desk.panel.getByTestId('major-end-reason').fill('Situasi terkendali, area aman.');
    await desk.panel.getByTestId('major-end-submit').click();
    await expect(desk.panel.getByTestId('major-none')).toBeVisible();
    await expect(desk.area()).toHaveCount(0);
    await expect(wall.wall).toHaveAttribute('data-layout', 'normal');
    await expect(wall.major).toHaveCount(0);
    const { data: ended } = await admin.from('major_incidents').select('status, end_reason').eq('id', majorId).single();
    expect(ended).toEqual({ status: 'ended', end_reason: 'Situasi terkendali, area aman.' });
    const { data: events } = await admin.from('incident_events').select('kind').eq('incident_id', incident.id).in('kind', ['major_declared', 'major_changed', 'major_ended']);
    expect(events!.map((e) => e.kind).sort()).toEqual(['major_changed', 'major_declared', 'major_ended']);
  } finally {
    if (incidentId) {
      const { data } = await admin.from('incidents').select('version, status').eq('id', incidentId).single();
      if (data && !['closed', 'cancelled'].includes(data.status)) {
        const supDb = await clients.as(SUPERVISOR);
        await supDb.rpc('cancel_incident', { p_incident_id: incidentId, p_reason: 'Uji kejadian besar selesai', p_expected_version: data.version });
      }
    }
    await clients.close({ signOut: false });
    await closeAll([supPage, opPage, wallPage, statsPage]);
    await api.close();
  }
});
