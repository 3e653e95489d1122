/**
 * Shift handover (issue #18 §4): the outgoing supervisor writes the note for the coming shift
 * change beside what is handed over; the incoming supervisor sees it waiting (on the dispatch board's
 * link and the handover screen, live), reads it and acknowledges it; the writer sees who did, and
 * the note can no longer change. A blank note is refused and writes nothing.
 */
import { expect, test } from './support/fixtures';
import { signedInPage } from './support/sign-in';
import { HandoverPage } from './handover.po';
import { attachScreenshot } from './walk.po';
import { pageSupabaseConfig, serviceRoleClient } from './support/stack';

test.describe('shift handover', () => {
  test('the outgoing supervisor writes the note, the incoming one sees it live and acknowledges it', async ({ browser }, testInfo) => {
    const outgoing = new HandoverPage(await signedInPage(browser, 'supervisor1@112.cilegon.test', { viewport: { width: 1366, height: 768 } }));
    const incomingPage = await signedInPage(browser, 'supervisor2@112.cilegon.test', { viewport: { width: 1920, height: 1080 }, path: '/dispatch' });
    const incoming = new HandoverPage(incomingPage);
    const db = serviceRoleClient((await pageSupabaseConfig(outgoing.page)).url);
    const marker = `e2e-${testInfo.retry}-${Date.now()}`;

    await outgoing.goto();
    await expect(outgoing.shift).toContainText('WIB');
    // The seed leaves open incidents: what is handed over is on screen before anything is written.
    // (The live list fills after its snapshot: wait for it rather than read the first render.)
    await expect.poll(async () => Number(await outgoing.openFigure.getAttribute('data-count'))).toBeGreaterThan(0);
    const openShown = Number(await outgoing.openFigure.getAttribute('data-count'));

    await outgoing.write('   ');
    await expect(outgoing.problem).toHaveText('Tulis catatan serah terima.');
    const { count: none } = await db.from('shift_handovers').select('id', { count: 'exact', head: true }).like('note', `%${marker}%`);
    expect(none).toBe(0);

    const note = `Kebakaran gudang di Citangkil masih ditangani Damkar (${marker}).\nPSC 119 berjanji melapor pukul 16.00.`;
    await outgoing.write(note);
    await expect(outgoing.page.getByTestId('handover-mine-saved')).toBeVisible();
    await expect(outgoing.mine.getByTestId('handover-counts')).toContainText(`${openShown} insiden terbuka`);

    // The incoming supervisor's dispatch board says a handover waits, without a reload.
    const link = incomingPage.getByTestId('handover-link');
    await expect(link).toHaveAttribute('data-pending', /^[1-9]/);
    await link.click();
    await incoming.board.waitFor();
    const item = incoming.pendingWith(marker);
    await expect(item.getByTestId('handover-pending-note')).toHaveText(note);
    await expect(item).toContainText('Dari Budi Santoso');

    // The writer's own note is never offered to them for acknowledgement.
    await expect(outgoing.pendingWith(marker)).toHaveCount(0);

    await outgoing.page.screenshot({ path: testInfo.outputPath('handover-outgoing.png'), fullPage: true });
    await testInfo.attach('handover-outgoing-1366x768', { path: testInfo.outputPath('handover-outgoing.png'), contentType: 'image/png' });
    await incomingPage.screenshot({ path: testInfo.outputPath('handover-incoming.png'), fullPage: true });
    await testInfo.attach('handover-incoming-1920x1080', { path: testInfo.outputPath('handover-incoming.png'), contentType: 'image/png' });
    // The evidence (viewport shots, test-results/walk-screenshots/).
    await attachScreenshot(outgoing.page, testInfo, 'issue18-handover-outgoing');
    await attachScreenshot(incomingPage, testInfo, 'issue18-handover-incoming');

    await item.getByTestId('handover-ack-note').fill('Diterima, saya pantau laporan PSC 119.');
    await item.getByTestId('handover-acknowledge').click();
    await expect(incoming.pendingWith(marker)).toHaveCount(0);
    await expect(incoming.history.filter({ hasText: marker })).toContainText('Budi Santoso → Dewi Lestari');

    // The writer sees who acknowledged it; the form is gone and the database refuses a change.
    await expect(outgoing.page.getByTestId('handover-mine-acknowledged')).toContainText('Diterima oleh Dewi Lestari');
    await expect(outgoing.note).toHaveCount(0);
    const { data: row } = await db.from('shift_handovers').select('id, note, incoming_id, acknowledgement_note').like('note', `%${marker}%`).single();
    expect(row?.note).toBe(note);
    expect(row?.acknowledgement_note).toBe('Diterima, saya pantau laporan PSC 119.');
    // Not even trusted server code may rewrite it (no grant; pgTAP 93 checks the immutability trigger).
    const { error } = await db.from('shift_handovers').update({ note: 'changed' }).eq('id', row!.id);
    expect(error).not.toBeNull();
    const { data: after } = await db.from('shift_handovers').select('note').eq('id', row!.id).single();
    expect(after?.note).toBe(note);
  });
});

test.describe('shift schedule', () => {
  test('an admin changes the schedule, a bad one changes nothing, and the handover screen follows', async ({ browser }) => {
    const admin = await signedInPage(browser, 'admin@112.cilegon.test', { path: '/admin/shifts' });
    const current = admin.getByTestId('shifts-current');
    const notice = admin.getByTestId('admin-notice');
    const save = async (text: string) => {
      await admin.getByTestId('shift-hours').fill(text);
      await admin.getByTestId('shifts-save').click();
    };
    await expect(current).toHaveAttribute('data-hours', '7,15,23');
    try {
      await save('7, 9, 19');
      await expect(notice).toHaveAttribute('data-kind', 'error');
      await expect(notice).toContainText('setiap shift paling sedikit 4 jam');
      await expect(current).toHaveAttribute('data-hours', '7,15,23');

      await save('07.00, 19.00');
      await expect(notice).toContainText('Jadwal disimpan: 7, 19.');
      await expect(current).toHaveAttribute('data-hours', '7,19');
      await expect(admin.getByTestId('shift-item')).toHaveText(['07:00–19:00 WIB (12 jam)', '19:00–07:00 WIB (12 jam)']);

      const supervisor = new HandoverPage(await signedInPage(browser, 'supervisor1@112.cilegon.test'));
      await supervisor.goto();
      await expect(supervisor.shift).toHaveText(/^Shift (07:00–19:00|19:00–07:00) WIB$/);
    } finally {
      await save('7, 15, 23');
      await expect(current).toHaveAttribute('data-hours', '7,15,23');
    }
  });
});
