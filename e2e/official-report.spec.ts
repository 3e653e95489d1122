/**
 * The official Laporan Kondisi Gawat Darurat (issue #17): the admin sets the letterhead on
 * /admin/letterhead (a NIP that is not 18 digits is refused on the screen), the supervisor opens the
 * official report of a closed demo incident from the ticket and finds that letterhead, the signature
 * block, the QR code of the ticket's address and the page-number rule; Chromium prints it as an A4
 * PDF. The caller's data it shows is in the access log. Liaison, leadership and admin are refused.
 * A screenshot (print media, A4 width) and the PDF are attached; the letterhead is put back.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { signedInPage } from './support/sign-in';
import { pageSupabaseConfig, serviceRoleClient, type DemoDb } from './support/stack';
import { AdminLetterheadPage, OfficialReportPage } from './official-report.po';

const A4_AT_96_DPI = { width: 794, height: 1123 };
const NIP = '197803122005011004';

/** A closed demo incident with a field report and at least one call. */
async function closedIncident(db: DemoDb): Promise<{ id: string; ticket: string }> {
  const { data, error } = await db
    .from('assignments')
    .select('incident_id, incidents!inner(status, ticket_no, calls!inner(id))')
    .eq('incidents.status', 'closed')
    .not('report', 'is', null)
    .limit(1);
  if (error) throw new Error(error.message);
  const row = data?.[0];
  if (!row) throw new Error('the seed has no closed incident with a field report and a call');
  return { id: row.incident_id, ticket: row.incidents.ticket_no };
}

async function restoreDefaults(db: DemoDb): Promise<void> {
  const { error } = await db.rpc('set_letterhead', {
    p_government_name: 'Pemerintah Kota Cilegon',
    p_agency_name: 'Dinas Komunikasi, Informatika, Statistik dan Persandian',
    p_address_line: 'Jl. Jenderal Sudirman No. 2, Kota Cilegon, Banten',
    p_phone: 'Layanan darurat 112',
    p_email: '',
    p_website: '',
    p_city: 'Cilegon',
    p_signatory_title: 'Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Cilegon',
    p_signatory_name: '',
    p_signatory_nip: '',
  });
  if (error) throw new Error(error.message);
}

test.describe('official report', () => {
  test.setTimeout(120_000);
  test.use({ actionTimeout: 20_000 });

  test('the admin sets the letterhead; the supervisor opens and prints the official report with it', async ({ browser }, testInfo) => {
    const adminPage = await signedInPage(browser, 'admin@112.cilegon.test');
    const db = serviceRoleClient((await pageSupabaseConfig(adminPage)).url);
    const stamp = Date.now().toString(36);
    const agencyName = `Dinas Komunikasi, Informatika, Statistik dan Persandian ${stamp}`;
    try {
      const admin = new AdminLetterheadPage(adminPage);
      await admin.goto();
      const version = await admin.root.getAttribute('data-version');
      await admin.save({ signatoryNip: '12345' });
      await expect(adminPage.getByTestId('problem-signatoryNip')).toHaveText('NIP harus 18 angka.');
      await expect(admin.root).toHaveAttribute('data-version', version ?? '');

      await admin.save({
        agencyName,
        phone: '(0254) 391000',
        email: 'diskominfo@cilegonkota.go.id',
        website: 'diskominfo.cilegonkota.go.id',
        signatoryName: `Drs. H. Uji Coba ${stamp}, M.Si.`,
        signatoryNip: NIP,
      });
      await expect(admin.notice).toContainText('Kop laporan resmi disimpan');
      await expect(admin.root).not.toHaveAttribute('data-version', version ?? '');
      await expect(adminPage.getByTestId('letterhead-last-changed')).toContainText('Administrator Sistem');
      const audit = await db.from('admin_events').select('after').eq('kind', 'letterhead.changed').order('at', { ascending: false }).limit(1).single();
      expect(audit.data?.after).toMatchObject({ agency_name: agencyName, signatory_nip: NIP });

      const incident = await closedIncident(db);
      const page = await signedInPage(browser, 'supervisor1@112.cilegon.test', { viewport: A4_AT_96_DPI });
      try {
        const since = new Date().toISOString();
        await page.goto(`/incidents/${incident.id}`);
        await page.getByTestId('record-official-link').click();
        const official = new OfficialReportPage(page);
        await expect(official.root).toHaveAttribute('data-incident-id', incident.id);
        await expect(official.text('government')).toHaveText('Pemerintah Kota Cilegon');
        await expect(official.text('agency')).toHaveText(agencyName);
        await expect(official.text('contacts')).toContainText('diskominfo@cilegonkota.go.id');
        await expect(official.text('title')).toHaveText('Laporan Kondisi Gawat Darurat');
        await expect(official.text('ticket')).toContainText(incident.ticket);
        await expect(official.text('status')).toHaveText('Ditutup');
        expect(await page.getByTestId('report-field-report').count()).toBeGreaterThan(0);
        expect(await page.getByTestId('report-event').count()).toBeGreaterThan(0);
        expect(await page.getByTestId('official-call').count()).toBeGreaterThan(0);

        const signature = official.text('signature');
        await expect(signature).toContainText('Mengetahui,');
        await expect(official.text('date-line')).toHaveText(/^Cilegon, \d{1,2} [A-Z][a-z]+ \d{4}$/);
        await expect(official.text('signatory-title')).toHaveText('Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Cilegon');
        await expect(official.text('signatory-name')).toHaveText(`Drs. H. Uji Coba ${stamp}, M.Si.`);
        await expect(official.text('signatory-nip')).toHaveText(`NIP. ${NIP}`);

        // The QR code and the printed link lead back to the ticket on this server.
        const url = new URL(`/incidents/${incident.id}`, page.url()).href;
        await expect(official.text('qr')).toHaveAttribute('data-url', url);
        await expect(official.text('link')).toHaveText(url);
        await expect(page.locator('[data-test="official-qr-svg"] svg path')).not.toHaveCount(0);

        // Each call's data shown was read through read_caller_data and logged for this screen.
        const log = await db.from('caller_data_access').select('call_id').eq('incident_id', incident.id).eq('screen', 'official_report').gte('at', since);
        expect(log.error).toBeNull();
        expect(log.data?.length).toBe(await page.getByTestId('official-call').count());

        await page.emulateMedia({ media: 'print' });
        await expect(page.getByTestId('report-print')).toBeHidden();
        const rules = (await official.pageRules()).join('\n');
        expect(rules).toContain('counter(pages)');
        expect(rules).toMatch(/"Halaman "\s*counter\(page\)\s*" dari "\s*counter\(pages\)/);
        // Kept beside the walk's screenshots too, for a person to look at after a local run.
        const dir = path.join('test-results', 'walk-screenshots');
        mkdirSync(dir, { recursive: true });
        const png = path.join(dir, 'official-report-a4.png');
        await page.screenshot({ path: png, fullPage: true });
        await testInfo.attach('official-report-a4.png', { path: png, contentType: 'image/png' });
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
        writeFileSync(path.join(dir, 'official-report.pdf'), pdf);
        await testInfo.attach('official-report.pdf', { body: pdf, contentType: 'application/pdf' });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const text = pdf.toString('latin1');
        const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
        expect(pages.length).toBeGreaterThanOrEqual(1);
        // Every page is A4: 210 × 297 mm = 595.3 × 841.9 points.
        const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
        expect(boxes.length).toBe(pages.length);
        for (const [w, h] of boxes) {
          expect(Math.abs(w - 595.3)).toBeLessThan(1);
          expect(Math.abs(h - 841.9)).toBeLessThan(1);
        }
        testInfo.annotations.push({ type: 'official report pages', description: String(pages.length) });
      } finally {
        await page.context().close();
      }
    } finally {
      await restoreDefaults(db);
      await adminPage.context().close();
    }
  });

  for (const [who, email] of [
    ['the damkar liaison', 'damkar@112.cilegon.test'],
    ['leadership', 'pimpinan@112.cilegon.test'],
    ['the admin', 'admin@112.cilegon.test'],
  ] as const) {
    test(`${who} may not open the official report`, async ({ browser }) => {
      const page = await signedInPage(browser, email);
      try {
        const incident = await closedIncident(serviceRoleClient((await pageSupabaseConfig(page)).url));
        const response = await page.goto(`/incidents/${incident.id}/official`);
        expect(response?.status()).toBe(403);
        await expect(page.getByTestId('official-report')).toHaveCount(0);
        await expect(page.getByTestId('official-letterhead')).toHaveCount(0);
      } finally {
        await page.context().close();
      }
    });
  }
});
