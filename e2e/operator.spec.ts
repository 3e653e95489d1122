/**
 * The operator console: a prank call in two actions, an info call, an emergency placed by a map
 * click that a supervisor sees appear without reloading, joining a repeat caller to a nearby open
 * ticket, nuisance history of a number, and the guarantee that double submits, a lost answer and a
 * reload never make two tickets for one call (checked with the service role in the database).
 */
import { signedInPage } from './support/sign-in';
import { expect, test } from './support/fixtures';
import { OperatorConsolePage } from './operator.po';

const OPERATOR = 'operator1@112.cilegon.test';
const SUPERVISOR = 'supervisor1@112.cilegon.test';

function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

test.describe('operator console', () => {
  // Several browser contexts on a shared two-core machine: give each test room.
  test.describe.configure({ timeout: 60_000 });
  let op: OperatorConsolePage;

  test.beforeEach(async ({ browser }) => {
    op = new OperatorConsolePage(await signedInPage(browser, OPERATOR));
    await op.goto();
  });

  test.afterEach(async () => {
    await op.page.context().close();
  });

  test('a prank call takes two actions: "Panggilan baru", then the P key', async () => {
    await op.newCallButton.click();
    await expect(op.activeCall).toBeVisible();
    const callId = await op.activeCall.getAttribute('data-call-id');
    await expect(op.timer('answer')).toHaveAttribute('data-running', 'false');
    await expect(op.timer('call_total')).toHaveAttribute('data-colour', 'within');
    await expect(op.page.getByTestId('clock-unverified')).toHaveCount(0);
    await op.page.keyboard.press('p');
    await expect(op.outcome).toHaveAttribute('data-type', 'prank');
    await expect(op.outcome).toContainText('Panggilan Prank selesai.');
    await expect(op.activeCall).toHaveCount(0);
    const row = op.page.locator(`[data-test="shift-call-row"][data-call-id="${callId}"]`);
    await expect(row).toHaveAttribute('data-type', 'prank');
    await expect(row.getByTestId('shift-stage-call_total')).toHaveAttribute('data-colour', 'within');

    const db = await op.serviceClient();
    const { data } = await db.from('calls').select('call_type, answered_at, classified_at, ended_at, incident_id').eq('id', callId!).single();
    expect(data).toMatchObject({ call_type: 'prank', incident_id: null });
    expect(data?.answered_at && data.classified_at && data.ended_at).toBeTruthy();
  });

  test('a ghost call with one click on its button', async () => {
    await op.startCall();
    await op.classifyButton('ghost').click();
    await expect(op.outcome).toHaveAttribute('data-type', 'ghost');
  });

  test('an info call ends with its answer note', async () => {
    const callId = await op.startCall();
    await op.classifyButton('info').click();
    await expect(op.activeCall).toHaveAttribute('data-type', 'info');
    const note = unique('Jam besuk RSUD 16.00-19.00');
    await op.infoNote.fill(note);
    await op.infoNote.press('Enter');
    await expect(op.outcome).toHaveAttribute('data-type', 'info');
    const { data } = await (await op.serviceClient()).from('calls').select('call_type, notes, ended_at').eq('id', callId).single();
    expect(data).toMatchObject({ call_type: 'info', notes: note });
    expect(data?.ended_at).not.toBeNull();
  });

  test('a number with repeated nuisance calls stands out', async () => {
    const phone = `0812 ${Math.floor(1000 + Math.random() * 8999)} ${Math.floor(1000 + Math.random() * 8999)}`;
    for (const type of ['prank', 'ghost'] as const) {
      await op.startCall();
      await op.callerPhone.fill(phone);
      await op.classifyButton(type).click();
      await expect(op.outcome).toHaveAttribute('data-type', type);
    }
    await op.startCall();
    await op.callerPhone.fill(phone);
    await expect(op.callerHistory).toHaveAttribute('data-state', 'nuisance');
    await expect(op.callerHistory).toHaveAttribute('data-prank', '1');
    await expect(op.callerHistory).toHaveAttribute('data-ghost', '1');
    // Typing in the field never classifies: "p" went into the number, not to the call.
    await op.callerPhone.press('p');
    await expect(op.activeCall).toHaveAttribute('data-type', '');
    await op.callerPhone.fill(phone);
    await op.classifyButton('prank').click();
    await expect(op.outcome).toHaveAttribute('data-type', 'prank');
  });

  test('an emergency placed by a map click reaches the supervisor live and the ticket number shows', async ({ browser }) => {
    test.setTimeout(120_000);
    const supervisor = await signedInPage(browser, SUPERVISOR);
    const board = supervisor;
    await board.goto('/dispatch');
    await expect(board.getByTestId('queue-board')).toBeVisible();
    const watcher = await supervisor.context().newPage();
    const watcherConsole = new OperatorConsolePage(watcher);
    await watcherConsole.goto();
    await expect(watcher.getByTestId('connection-status').first()).toHaveAttribute('data-status', 'live');

    const callId = await op.startCall();
    await op.page.keyboard.press('d');
    await expect(op.emergencyForm).toBeVisible();
    const description = unique('Perahu nelayan terbalik');
    await op.fillEmergency({ category: 'rescue', description, kecamatan: 'Grogol', kelurahan: 'Gerem' });
    await op.priority.selectOption('high');
    const box = await op.map.boundingBox();
    if (!box) throw new Error('map not laid out');
    await op.map.click({ position: { x: box.width * 0.62, y: box.height * 0.55 } });
    await expect(op.coordinates).toHaveValue(/^-5\.\d+, 10[56]\.\d+$/);
    await op.submit.click();
    await expect(op.ticketNumber).toHaveText(/^112-\d{8}-\d{4,}$/);
    const ticket = (await op.ticketNumber.textContent())!;

    await expect(board.locator(`[data-test="queue-card"][data-ticket="${ticket}"]`)).toBeVisible();
    await expect(watcher.locator(`[data-test="open-incident"][data-ticket="${ticket}"]`)).toBeVisible();

    const db = await op.serviceClient();
    const { data: call } = await db.from('calls').select('incident_id, ended_at, call_type').eq('id', callId).single();
    expect(call?.ended_at).not.toBeNull();
    const { data: incident } = await db.from('incidents').select('ticket_no, category, priority, kecamatan, kelurahan, description').eq('id', call!.incident_id!).single();
    expect(incident).toEqual({ ticket_no: ticket, category: 'rescue', priority: 'high', kecamatan: 'Grogol', kelurahan: 'Gerem', description });
    await supervisor.context().close();
  });

  test('a repeat caller joins the open ticket nearby instead of making a second one', async () => {
    const coordinates = '-6.031200, 106.071500';
    await op.startCall();
    await op.classifyButton('emergency').click();
    await op.fillEmergency({ category: 'fire', description: unique('Gudang terbakar'), coordinates });
    await op.submit.click();
    await expect(op.ticketNumber).toBeVisible();
    const ticket = (await op.ticketNumber.textContent())!;

    const second = await op.startCall();
    await op.classifyButton('emergency').click();
    // 50 m away, same category: the first ticket is offered.
    await op.fillEmergency({ category: 'fire', description: 'Asap tebal dari gudang', coordinates: '-6.031650, 106.071500' });
    const candidate = op.nearbyIncidents.filter({ hasText: ticket });
    await expect(candidate).toBeVisible();
    await candidate.getByTestId('nearby-link').click();
    await expect(op.outcome).toContainText(ticket);

    const db = await op.serviceClient();
    const { data: call } = await db.from('calls').select('incident_id, ended_at').eq('id', second).single();
    const { data: incident } = await db.from('incidents').select('ticket_no').eq('id', call!.incident_id!).single();
    expect(incident?.ticket_no).toBe(ticket);
    expect(call?.ended_at).not.toBeNull();
  });

  async function incidentsOfCall(callId: string, description: string) {
    const db = await op.serviceClient();
    const { data: byText } = await db.from('incidents').select('id').eq('description', description);
    const { data: reports } = await db.from('incident_events').select('incident_id').eq('call_id', callId).eq('kind', 'incident_reported');
    const { data: call } = await db.from('calls').select('incident_id, ended_at').eq('id', callId).single();
    return { byText: byText ?? [], reports: reports ?? [], call };
  }

  test('a double-clicked submit makes one ticket', async () => {
    const callId = await op.startCall();
    await op.classifyButton('emergency').click();
    const description = unique('Kecelakaan truk di JLS');
    await op.fillEmergency({ category: 'traffic_accident', description, coordinates: '-6.040100, 106.020300' });
    await op.submit.dblclick();
    await expect(op.ticketNumber).toBeVisible();
    const { byText, reports, call } = await incidentsOfCall(callId, description);
    expect(byText).toHaveLength(1);
    expect(reports).toHaveLength(1);
    expect(call?.incident_id).toBe(byText[0].id);
    await expect(op.error).toHaveCount(0);
  });

  test('a submit whose answer is lost, a reload and a second submit make one ticket, keeping what was typed', async () => {
    const callId = await op.startCall();
    await op.classifyButton('emergency').click();
    const description = unique('Pingsan di pasar');
    await op.fillEmergency({ category: 'medical', description, coordinates: '-5.990200, 106.035100' });
    await op.address.fill('Pasar Kranggot');

    // The request reaches the database, but the connection drops before the answer arrives.
    let dropped = 0;
    await op.page.route('**/rest/v1/rpc/report_incident', async (route) => {
      if (dropped++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await op.submit.click();
    await expect(op.error).toContainText('Koneksi ke server terputus');
    await expect(op.error).toContainText('Isian Anda tetap tersimpan');
    await expect(op.description).toHaveValue(description);
    expect((await incidentsOfCall(callId, description)).byText).toHaveLength(1);

    // A stale page: reload, the same call and the typed text come back.
    await op.page.reload();
    await expect(op.activeCall).toHaveAttribute('data-call-id', callId);
    await expect(op.description).toHaveValue(description);
    await expect(op.address).toHaveValue('Pasar Kranggot');
    await op.submit.click();
    await expect(op.ticketNumber).toBeVisible();

    const { byText, reports, call } = await incidentsOfCall(callId, description);
    expect(byText).toHaveLength(1);
    expect(reports).toHaveLength(1);
    expect(call?.incident_id).toBe(byText[0].id);
    expect(call?.ended_at).not.toBeNull();
  });
});
