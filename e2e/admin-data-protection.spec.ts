/**
 * Caller data protection screens (issue #22). The admin changes the retention periods on
 * /admin/retention (a value that is not a whole number, one below its bound and one shorter than
 * the nuisance window plus a block are refused and change nothing), runs the job now and sees what
 * it did, as the database did it. A hold is placed on a seeded closed incident by ticket on
 * /admin/legal-holds, shows on the incident's own page for the supervisor, who lifts it there. The
 * admin searches a seeded number on /admin/data-subject, is refused a request received tomorrow,
 * records one received five days ago (listed with that day and, being an access request past its
 * 3 × 24 hours, as overdue), downloads the CSV and JSON exports — compared row for row with what the
 * database holds, and logged; the access section names its screens in words — and answers the
 * request. Liaison, operator and leadership are refused every screen and the export route.
 * Screenshots of each screen go to test-results/walk-screenshots.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signedInPage } from './support/sign-in';
import { pageSupabaseConfig, serviceRoleClient, type DemoDb } from './support/stack';
import { parseCsv } from './support/csv';
import { AdminRetentionPage, DataSubjectPage, HoldControls, LegalHoldsPage, RUN_OUTCOME_TIMEOUT, keepScreenshot } from './admin-data-protection.po';
import { DATA_SUBJECT_SECTIONS, DATA_SUBJECT_SECTION_NAMES, parseDataSubjectDocument, type DataSubjectDocument } from '../lib/domain/data-subject-export';
import { wibToday } from '../lib/domain/legal-hold-input';
import { formatDate } from '../lib/i18n/format';

const ADMIN = 'admin@112.cilegon.test';
const SUPERVISOR = 'supervisor1@112.cilegon.test';
const DAY_MS = 86_400_000;

async function db(page: Page): Promise<DemoDb> {
  return serviceRoleClient((await pageSupabaseConfig(page)).url);
}

/** A seeded closed incident with a call that still holds its caller's number. */
async function closedIncidentWithCaller(service: DemoDb, skip: readonly string[] = []): Promise<{ id: string; ticket: string; phone: string }> {
  const { data, error } = await service
    .from('calls')
    .select('caller_phone, incident_id, incidents!inner(status, ticket_no)')
    .eq('incidents.status', 'closed')
    .not('caller_phone', 'is', null)
    .order('received_at', { ascending: false })
    .limit(20);
  if (error) throw new Error(error.message);
  const row = data?.find((r) => r.incident_id && !skip.includes(r.incident_id));
  if (!row?.incident_id || !row.caller_phone) throw new Error('the seed has no closed incident with a caller number');
  return { id: row.incident_id, ticket: row.incidents.ticket_no, phone: row.caller_phone };
}

const phoneKey = (phone: string) => phone.replace(/[^0-9+]/g, '');

/** A JSON value as the CSV export writes it: empty for none, text that a spreadsheet would run defused. */
function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
}

test.describe('data protection admin', () => {
  test.setTimeout(180_000);

  test('retention: bad values are refused and change nothing; a save and "run now" do what the database did', async ({ browser }) => {
    const page = await signedInPage(browser, ADMIN);
    const service = await db(page);
    const screen = new AdminRetentionPage(page);
    try {
      await screen.goto();
      await expect(page.getByTestId('retention-meaning')).toHaveText('Panggilan insiden 730 hari · ghost/prank/informasi 90 hari');
      const before = await service.from('retention_settings').select('incident_days, nuisance_days, version').single();
      expect(before.data).toMatchObject({ incident_days: 730, nuisance_days: 90 });

      await screen.save('730', 'sembilan puluh');
      await expect(screen.notice).toContainText('Masa simpan tidak valid');
      await expect(page.getByTestId('problem-nuisanceDays')).toBeVisible();
      await screen.save('29', '90');
      await expect(page.getByTestId('problem-incidentDays')).toBeVisible();
      await expect(page.getByTestId('problem-nuisanceDays')).toHaveCount(0);

      // Nuisance rules of 30 days' window and 30 days' block need 60 days of nuisance calls.
      expect((await service.rpc('set_nuisance_settings', { p_threshold: 3, p_window_hours: 720, p_block_hours: 720 })).error).toBeNull();
      try {
        await screen.goto();
        await expect(page.getByTestId('retention-minimum')).toContainText('paling sedikit 60 hari');
        await screen.save('730', '30');
        await expect(screen.notice).toContainText('tidak boleh lebih pendek dari jendela ditambah masa blokir');
      } finally {
        await service.rpc('set_nuisance_settings', { p_threshold: 3, p_window_hours: 24, p_block_hours: 24 });
      }
      const unchanged = await service.from('retention_settings').select('incident_days, nuisance_days, version').single();
      expect(unchanged.data).toEqual(before.data);

      await screen.goto();
      await screen.save('730', '89');
      await expect(screen.notice).toContainText('Masa simpan disimpan');
      await expect(screen.current).toHaveAttribute('data-nuisance-days', '89');
      await expect(page.getByTestId('retention-last-changed')).toContainText('Administrator Sistem');
      const saved = await service.from('retention_settings').select('nuisance_days, version').single();
      expect(saved.data).toEqual({ nuisance_days: 89, version: (before.data?.version ?? 0) + 1 });
      const changes = await service.from('admin_events').select('id', { count: 'exact', head: true }).eq('kind', 'retention_settings.changed');
      expect(changes.count).toBeGreaterThan(0);

      // The oldest seeded day is 89–90 days back: its ghost/prank/info calls are now past their period.
      const since = new Date(Date.now() - 5_000).toISOString();
      await screen.runNow();
      await expect(screen.runResult).toContainText('Selesai:');
      const done = await service.from('calls').select('id, caller_phone, caller_name, caller_phone_pseudonym').gte('pseudonymised_at', since);
      expect(done.error).toBeNull();
      const count = done.data?.length ?? 0;
      expect(count).toBeGreaterThan(0);
      await expect(screen.runResult).toHaveText(`Selesai: ${count} panggilan dipseudonimkan, 0 dilewati karena insidennya ditahan, 0 posisi unit dihapus.`);
      for (const call of done.data ?? []) {
        expect(call.caller_phone).toBeNull();
        expect(call.caller_name).toBeNull();
      }
      // The run's row comes with the page's refresh after the message, later still on a loaded machine.
      await expect(page.getByTestId('retention-run').first().getByTestId('retention-run-pseudonymised')).toHaveText(String(count), { timeout: RUN_OUTCOME_TIMEOUT });
      await keepScreenshot(page, 'admin-retention.png');

      // Idempotent: a second run finds nothing more.
      await screen.runNow();
      await expect(screen.runResult).toHaveText('Selesai: 0 panggilan dipseudonimkan, 0 dilewati karena insidennya ditahan, 0 posisi unit dihapus.');
    } finally {
      const current = await service.from('retention_settings').select('version').single();
      await service.rpc('set_retention_settings', { p_incident_days: 730, p_nuisance_days: 90, p_expected_version: current.data?.version });
      await page.context().close();
    }
  });

  test('a hold placed by ticket shows on the incident for the supervisor, who lifts it there', async ({ browser }) => {
    const admin = await signedInPage(browser, ADMIN);
    const service = await db(admin);
    const supervisor = await signedInPage(browser, SUPERVISOR);
    try {
      const incident = await closedIncidentWithCaller(service);
      const until = wibToday(Date.now() + 30 * DAY_MS);
      const holds = new LegalHoldsPage(admin);
      await holds.goto();

      await holds.find('0042');
      await expect(admin.getByTestId('hold-find-problem')).toHaveText('Bukan nomor tiket: bentuknya seperti 112-20261201-0042 (paling banyak 30 karakter).');
      await holds.find(incident.ticket);
      const found = admin.getByTestId('hold-found');
      await expect(found).toHaveAttribute('data-incident-id', incident.id);
      await expect(found).toContainText(incident.ticket);
      const controls = new HoldControls(found);
      await controls.place('', until);
      await expect(found.getByTestId('problem-reason')).toHaveText('Alasan wajib diisi.');
      await controls.place('Penyidikan Polres Cilegon, surat B/112/XII/2026', wibToday(Date.now()));
      await expect(found.getByTestId('problem-expiresOn')).toHaveText('Masa penahanan harus berakhir dalam lima tahun ke depan.');
      expect((await service.from('legal_holds').select('id').eq('incident_id', incident.id).is('lifted_at', null)).data).toEqual([]);

      await controls.place('Penyidikan Polres Cilegon, surat B/112/XII/2026', until);
      await expect(controls.notice).toContainText(`Insiden ${incident.ticket} ditahan sampai`);
      const row = holds.row(incident.ticket).first();
      await expect(row).toHaveAttribute('data-state', 'active');
      await expect(row).toContainText('Administrator Sistem');
      const placed = await service.from('legal_holds').select('id, reason, expires_at, lifted_at').eq('incident_id', incident.id).is('lifted_at', null).single();
      expect(placed.data?.reason).toBe('Penyidikan Polres Cilegon, surat B/112/XII/2026');
      expect(placed.data?.expires_at && new Date(placed.data.expires_at).toISOString()).toBe(new Date(`${until}T23:59:59+07:00`).toISOString());
      await keepScreenshot(admin, 'admin-legal-holds.png');

      await supervisor.goto(`/incidents/${incident.id}`);
      const panel = supervisor.getByTestId('legal-hold-panel');
      await expect(panel).toHaveAttribute('data-held', 'true');
      const held = panel.locator(`[data-test="hold-row"][data-hold-id="${placed.data?.id}"]`);
      await expect(held).toHaveAttribute('data-state', 'active');
      await expect(held).toContainText('Penyidikan Polres Cilegon');
      await expect(panel.getByTestId('hold-place-form')).toHaveCount(0);
      await keepScreenshot(supervisor, 'incident-legal-hold-panel.png');

      await new HoldControls(panel).lift(held, 'Penyidikan selesai, berkas P21');
      await expect(panel).toHaveAttribute('data-held', 'false');
      await expect(held).toHaveAttribute('data-state', 'lifted');
      await expect(held).toContainText('Dicabut oleh Budi Santoso');
      await expect(panel.getByTestId('hold-place-form')).toBeVisible();
      const lifted = await service.from('legal_holds').select('lift_reason, lifted_at').eq('id', placed.data!.id).single();
      expect(lifted.data?.lift_reason).toBe('Penyidikan selesai, berkas P21');
      const audit = await service.from('admin_events').select('kind').eq('target_id', placed.data!.id).order('at');
      expect(audit.data?.map((e) => e.kind)).toEqual(['legal_hold.placed', 'legal_hold.lifted']);

      await holds.goto();
      await expect(holds.row(incident.ticket).first()).toHaveAttribute('data-state', 'lifted');
    } finally {
      await admin.context().close();
      await supervisor.context().close();
    }
  });

  test('a data-subject search, its request, the CSV and JSON exports round-trip what the database holds', async ({ browser }) => {
    const page = await signedInPage(browser, ADMIN);
    const service = await db(page);
    const screen = new DataSubjectPage(page);
    try {
      const { phone } = await closedIncidentWithCaller(service);
      const key = phoneKey(phone);

      await screen.search('0812abc');
      await expect(page.getByTestId('dsr-problem')).toHaveText('Nomor telepon hanya boleh berisi angka, spasi dan + ( ) -.');
      await expect(page.getByTestId('dsr-result')).toHaveCount(0);

      await screen.search(phone);
      await expect(page.getByTestId('dsr-result')).toHaveAttribute('data-phone', key);

      const requester = `Pemilik nomor ${Date.now()}, pemohon@example.id`;
      const today = wibToday(Date.now());
      await expect(page.getByTestId('dsr-received-on')).toHaveValue(today);
      await screen.recordRequest({ kind: 'access', requester, receivedOn: wibToday(Date.now() + DAY_MS), details: 'Surat nomor 12/2026' });
      await expect(screen.recordNotice).toHaveText('Tanggal diterima tidak boleh setelah hari ini (WIB).');
      await expect(page.getByTestId('problem-receivedOn')).toHaveText('Tanggal diterima tidak boleh setelah hari ini (WIB).');
      const refused = await service.from('data_subject_requests').select('id').eq('requester', requester);
      expect(refused.data).toEqual([]);

      const receivedOn = wibToday(Date.now() - 5 * DAY_MS);
      await screen.recordRequest({ kind: 'access', requester, receivedOn, details: 'Surat nomor 12/2026' });
      await expect(screen.recordNotice).toHaveText('Permintaan dicatat.');
      const request = page.locator('[data-test="dsr-request"]', { hasText: requester });
      await expect(request).toHaveAttribute('data-answered', 'false');
      await expect(request).toHaveAttribute('data-received-on', receivedOn);
      await expect(request.getByTestId('dsr-request-received')).toContainText(`Diterima ${formatDate(`${receivedOn}T00:00:00+07:00`, 'id')} · dicatat`);
      // Access: 3 × 24 hours from the start of the received day, so the last day is two days after it — long past.
      const lastDay = wibToday(Date.parse(`${receivedOn}T12:00:00+07:00`) + 2 * DAY_MS);
      await expect(request.getByTestId('dsr-request-deadline')).toHaveAttribute('data-last-day', lastDay);
      await expect(request.getByTestId('dsr-request-deadline')).toHaveAttribute('data-overdue', 'true');
      await expect(request.getByTestId('dsr-request-deadline')).toContainText('Lewat batas jawaban.');
      await expect(page.getByTestId('dsr-received-on')).toHaveValue(today);
      const recorded = await service.from('data_subject_requests').select('id, phone_pseudonym, version, received_on').eq('requester', requester).single();
      expect(recorded.error).toBeNull();
      expect(recorded.data!.received_on).toBe(receivedOn);
      const pseudonym = recorded.data!.phone_pseudonym;

      const since = new Date(Date.now() - 1000).toISOString();
      const csv = await screen.download('csv');
      const json = await screen.download('json');
      expect(csv.file.suggestedFilename()).toMatch(/^data-subjek-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(json.file.suggestedFilename()).toMatch(/^data-subjek-\d{4}-\d{2}-\d{2}\.json$/);
      const doc = parseDataSubjectDocument(JSON.parse(json.text)) as DataSubjectDocument;
      expect(doc).not.toBeNull();
      expect(doc.phone).toBe(key);

      // What the database holds about the number, read as the service role.
      const digits = key.replace('+', '');
      const byPhone = await service.from('calls').select('*').like('caller_phone', `%${digits.split('').join('%')}%`);
      const byPseudonym = await service.from('calls').select('*').eq('caller_phone_pseudonym', pseudonym);
      const calls = [...(byPhone.data ?? []).filter((c) => phoneKey(c.caller_phone ?? '') === key), ...(byPseudonym.data ?? [])];
      expect(calls.length).toBeGreaterThan(0);
      expect(doc.calls.map((c) => c.id).sort()).toEqual(calls.map((c) => c.id).sort());
      for (const c of calls) {
        const exported = doc.calls.find((e) => e.id === c.id)!;
        expect(exported.caller_phone).toBe(c.caller_phone);
        expect(exported.caller_name).toBe(c.caller_name);
        expect(exported.call_type).toBe(c.call_type);
        expect(exported.caller_lat).toBe(c.caller_lat);
        expect(exported.incident_id).toBe(c.incident_id);
        expect(Date.parse(String(exported.received_at))).toBe(Date.parse(c.received_at));
      }
      const incidentIds = [...new Set(calls.flatMap((c) => (c.incident_id ? [c.incident_id] : [])))];
      const incidents = await service.from('incidents').select('id, ticket_no, status').in('id', incidentIds);
      expect(doc.incidents.map((i) => [i.id, i.ticket_no, i.status]).sort()).toEqual((incidents.data ?? []).map((i) => [i.id, i.ticket_no, i.status]).sort());
      const blocks = await service.from('blocked_numbers').select('id').eq('phone', key);
      expect(doc.blocks.map((b) => b.id).sort()).toEqual((blocks.data ?? []).map((b) => b.id).sort());
      const callbacks = await service.from('callbacks').select('id').in('call_id', calls.map((c) => c.id));
      expect(doc.callbacks.map((b) => b.id).sort()).toEqual((callbacks.data ?? []).map((b) => b.id).sort());
      const requests = await service.from('data_subject_requests').select('id').eq('phone_pseudonym', pseudonym);
      expect(doc.requests.map((r) => r.id).sort()).toEqual((requests.data ?? []).map((r) => r.id).sort());
      const access = await service
        .from('caller_data_access')
        .select('id')
        .or(`phone_pseudonym.eq.${pseudonym},call_id.in.(${calls.map((c) => c.id).join(',')})`)
        .lt('at', doc.generated_at);
      expect(doc.access.map((a) => a.id).sort()).toEqual((access.data ?? []).map((a) => a.id).sort());

      // The CSV holds the same rows, field for field, in the order of DATA_SUBJECT_SECTIONS.
      const rows = parseCsv(csv.text, ',').filter((r) => r.length > 1 || r[0] !== '');
      expect(rows[0]).toEqual(['phone', key]);
      for (const section of DATA_SUBJECT_SECTION_NAMES) {
        const fields = DATA_SUBJECT_SECTIONS[section];
        expect(rows).toContainEqual(['section', ...fields]);
        const csvRows = rows.filter((r) => r[0] === section).map((r) => r.slice(1));
        const jsonRows = doc[section].map((r) => fields.map((f) => csvCell(r[f])));
        if (section === 'access') {
          // The CSV came first: the JSON's document also holds the access record of the CSV export.
          const csvIds = new Set(csvRows.map((r) => r[0]));
          expect(csvRows).toEqual(jsonRows.filter((r) => csvIds.has(r[0])));
          expect(jsonRows.length).toBe(csvRows.length + 1);
        } else {
          expect(csvRows).toEqual(jsonRows);
        }
      }

      // Both downloads were logged as exports about this number.
      const logged = await service.from('caller_data_access').select('screen, rows_shown').eq('phone_pseudonym', pseudonym).eq('screen', 'data_subject_export').gte('at', since);
      expect(logged.data?.length).toBe(2);
      expect(logged.data?.every((l) => l.rows_shown === calls.length)).toBe(true);

      await screen.page.reload();
      // The access section names the screens in words: the downloads just made are "Ekspor subjek data".
      await expect(screen.section('access')).toContainText('Ekspor subjek data');
      await expect(screen.section('access')).not.toContainText('data_subject_');
      await expect(screen.section('requests').locator(`[data-id="${recorded.data!.id}"]`)).toContainText(formatDate(`${receivedOn}T00:00:00+07:00`, 'id'));
      await request.getByTestId('dsr-answer').fill('ok');
      await request.getByTestId('dsr-answer-save').click();
      await expect(request.getByTestId('admin-notice')).toHaveText('Jawaban harus 3–4000 karakter.');
      await request.getByTestId('dsr-answer').fill('Salinan data dikirim melalui email pada 3 Desember 2026.');
      await request.getByTestId('dsr-answer-save').click();
      await expect(request).toHaveAttribute('data-answered', 'true');
      await expect(request.getByTestId('dsr-request-state')).toContainText('Dijawab');
      await expect(request.getByTestId('dsr-request-deadline')).toHaveAttribute('data-overdue', 'false');
      const answered = await service.from('data_subject_requests').select('answer, version').eq('id', recorded.data!.id).single();
      expect(answered.data).toEqual({ answer: 'Salinan data dikirim melalui email pada 3 Desember 2026.', version: recorded.data!.version + 1 });
      await keepScreenshot(page, 'admin-data-subject.png');
    } finally {
      await page.context().close();
    }
  });

  for (const [who, email] of [
    ['the damkar liaison', 'damkar@112.cilegon.test'],
    ['an operator', 'operator1@112.cilegon.test'],
    ['leadership', 'pimpinan@112.cilegon.test'],
  ] as const) {
    test(`${who} is refused every data-protection screen and the export`, async ({ browser }) => {
      const page = await signedInPage(browser, email);
      try {
        for (const path of ['/admin/retention', '/admin/legal-holds', '/admin/data-subject?phone=081234567890']) {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(403);
        }
        const exported = await page.request.get('/api/admin/data-subject/export?phone=081234567890&format=json');
        expect(exported.status()).toBe(403);
        expect(exported.headers()['cache-control']).toBe('no-store');
      } finally {
        await page.context().close();
      }
    });
  }

  test('the export refuses a signed-out visitor and bad input', async ({ browser }) => {
    const page = await signedInPage(browser, ADMIN);
    const anonymous = await (await browser.newContext()).newPage();
    try {
      const base = new URL(page.url()).origin;
      expect((await anonymous.request.get(`${base}/api/admin/data-subject/export?phone=081234567890&format=csv`)).status()).toBe(401);
      for (const query of ['phone=0812abc&format=csv', 'phone=081234567890&format=xml', 'format=csv', `phone=${'1'.repeat(65)}&format=json`]) {
        const res = await page.request.get(`/api/admin/data-subject/export?${query}`);
        expect(res.status(), query).toBe(400);
      }
    } finally {
      await anonymous.context().close();
      await page.context().close();
    }
  });
});
