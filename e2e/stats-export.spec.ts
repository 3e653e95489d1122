/**
 * Exports of /stats (issue #17): every table downloads as CSV and as an Excel-ready file, and what
 * the files hold is what the page shows. Per-operator figures are the supervisors' and admins':
 * leadership gets no link, the route refuses, and so does the database itself.
 */
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { parseCsv } from './support/csv';
import { DemoClients } from './support/demo-clients';
import { signedInPage } from './support/sign-in';

const SUPERVISOR = 'supervisor1@112.cilegon.test';
const LEADERSHIP = 'pimpinan@112.cilegon.test';

async function download(page: Page, table: string, format: 'csv' | 'excel'): Promise<{ name: string; text: string }> {
  const link = page.locator(`[data-test="stats-export-table"][data-table="${table}"] [data-test="stats-export-${format}"]`);
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** The cells of the page's table rows, as text. */
async function pageCells(page: Page, rowTest: string): Promise<string[][]> {
  return page.locator(`[data-test="${rowTest}"]`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

test.describe('stats export', () => {
  test.setTimeout(120_000);

  test('a supervisor downloads every table; the files hold what the page shows', async ({ browser }) => {
    const page = await signedInPage(browser, SUPERVISOR);
    try {
      await page.goto('/stats');
      await expect(page.getByTestId('stats-export-table')).toHaveCount(8); // the six tables, dispatch accuracy and coverage

      // SLA per stage: the stage names, sample counts and shares the page shows.
      const sla = await download(page, 'sla', 'csv');
      expect(sla.name).toMatch(/^stats-sla_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
      expect(sla.text.startsWith('\uFEFF')).toBe(false);
      const [slaHeader, ...slaRows] = parseCsv(sla.text, ',');
      expect(slaHeader).toEqual(['Tahap', 'Target (detik)', 'Jumlah', 'Sesuai target (%)', 'p50 (detik)', 'p90 (detik)']);
      const slaPage = await pageCells(page, 'stats-sla-row');
      expect(slaRows.map((r) => [r[0], r[2], r[3] === '' ? '—' : `${r[3]}%`])).toEqual(slaPage.map((c) => [c[0], c[2], c[3]]));

      // Agencies in Excel's dialect: BOM, semicolons; codes and counts as on the page.
      const agencies = await download(page, 'agencies', 'excel');
      expect(agencies.name).toMatch(/_excel\.csv$/);
      expect(agencies.text.startsWith('\uFEFFKode;Nama;')).toBe(true);
      const [, ...agencyRows] = parseCsv(agencies.text, ';');
      const agencyPage = await pageCells(page, 'stats-agency-row');
      expect(agencyRows.length).toBeGreaterThan(0);
      expect(agencyRows.map((r) => [`${r[0]} ${r[1]}`, r[2], r[4]])).toEqual(agencyPage.map((c) => [c[0], c[1], c[2]]));

      // Per operator: the same names and call counts.
      const operators = await download(page, 'operators', 'csv');
      const [, ...operatorRows] = parseCsv(operators.text, ',');
      const operatorPage = await pageCells(page, 'stats-operator-row');
      expect(operatorRows.length).toBeGreaterThan(0);
      expect(operatorRows.map((r) => [r[0], r[1], r[2]])).toEqual(operatorPage.map((c) => [c[0], c[1], c[2]]));

      // The tables behind the charts: one line per category and kecamatan drawn, one per day.
      for (const table of ['daily', 'categories', 'kecamatan'] as const) {
        const { text } = await download(page, table, 'csv');
        expect(parseCsv(text, ',').length, table).toBeGreaterThan(1);
      }

      // Anything but the known tables and formats is refused, not guessed.
      for (const query of ['table=pg_user', 'table=sla&format=xlsx', 'table=sla&table=operators', `table=${'x'.repeat(5000)}`]) {
        expect((await page.request.get(`/api/stats/export?${query}`)).status(), query).toBe(400);
      }
    } finally {
      await page.context().close();
    }
  });

  test('leadership gets no per-operator figures: no link, the route and the database refuse', async ({ browser }) => {
    const page = await signedInPage(browser, LEADERSHIP);
    try {
      await page.goto('/stats');
      await expect(page.getByTestId('stats-export-table')).toHaveCount(7);
      await expect(page.locator('[data-test="stats-export-table"][data-table="operators"]')).toHaveCount(0);
      await expect(page.getByTestId('stats-operators')).toHaveCount(0);
      expect((await page.request.get('/api/stats/export?table=operators')).status()).toBe(403);
      const sla = await page.request.get('/api/stats/export?table=sla&format=excel');
      expect(sla.status()).toBe(200);
      expect(sla.headers()['content-type']).toContain('text/csv');

      const api = await DemoClients.fromPage(page);
      try {
        const db = await api.as(LEADERSHIP);
        const now = new Date();
        const { error } = await db.rpc('stats_operator_stage_times', { p_from: new Date(now.getTime() - 86_400_000).toISOString(), p_to: now.toISOString() });
        expect(error?.message).toBe('forbidden_role');
      } finally {
        await api.close({ signOut: false });
      }
    } finally {
      await page.context().close();
    }
    const anonymous = await browser.newContext();
    try {
      expect((await anonymous.request.get(new URL('/api/stats/export?table=sla', page.url()).toString())).status()).toBe(401);
    } finally {
      await anonymous.close();
    }
  });
});
