/**
 * First load of the OPD inbox on a liaison's phone (issue #19): headless Chromium at 360 × 740,
 * signed in as one liaison, opens /opd again and again and counts what the inbox's live view
 * downloads (the /rest/v1/assignments responses: decoded body bytes and JSON rows) and how long the
 * page takes until the inbox is live with its list drawn. Needs a running e2e server:
 *
 *   npx next build
 *   E2E_PORT=3260 E2E_STACK_PORT=54460 npx tsx scripts/e2e-server.ts &
 *   E2E_PORT=3260 npx tsx bench/opd-inbox-load.ts [liaison-email ...]   # default: every liaison
 *
 * OPD_BENCH_RUNS (default 5) loads per account; the medians are printed, with the load average.
 * OPD_BENCH_SCREENSHOT=FILE saves the first account's inbox as the phone shows it after its last load.
 */
import os from 'node:os';
import { chromium, selectors, type Page, type Response } from '@playwright/test';
import { findChromium } from '../scripts/find-chromium.ts';
import { DEMO_USERS } from '../lib/demo-users.ts';
import { LoginPage } from '../e2e/login.po.ts';
import { PHONE } from '../e2e/opd.po.ts';
import { percentile } from '../lib/simulation/metrics.ts';

const PORT = Number(process.env.E2E_PORT ?? 3199);
const RUNS = Number(process.env.OPD_BENCH_RUNS ?? 5);
const SCREENSHOT = process.env.OPD_BENCH_SCREENSHOT;
const baseURL = `http://127.0.0.1:${PORT}`;
const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);
const accounts = process.argv.slice(2).length ? process.argv.slice(2) : DEMO_USERS.filter((u) => u.role === 'opd').map((u) => u.email);

interface Load {
  requests: number;
  rows: number;
  bytes: number;
  ms: number;
}

/** One load of /opd: every assignments response until the inbox is live and drawn. */
async function loadInbox(page: Page): Promise<Load> {
  const reads: Promise<{ rows: number; bytes: number }>[] = [];
  const onResponse = (response: Response) => {
    if (!new URL(response.url()).pathname.endsWith('/rest/v1/assignments') || response.request().method() !== 'GET') return;
    reads.push(
      response.body().then((body) => {
        const parsed: unknown = JSON.parse(body.toString('utf8'));
        return { rows: Array.isArray(parsed) ? parsed.length : 1, bytes: body.length };
      }, (err: unknown) => {
        throw new Error(`the body of ${response.url()} was not readable: ${String(err)}`);
      }),
    );
  };
  page.on('response', onResponse);
  const started = performance.now();
  await page.goto(`${baseURL}/opd`);
  await page.locator('[data-test="opd-inbox"] [data-test="connection-status"][data-status="live"]').waitFor();
  await page.locator('[data-test="inbox-open-list"] li, [data-test="inbox-empty"]').first().waitFor();
  const ms = performance.now() - started;
  // Reads still under way (a second view's snapshot) belong to this load too.
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const done = await Promise.all(reads);
  return { requests: done.length, rows: done.reduce((n, r) => n + r.rows, 0), bytes: done.reduce((n, r) => n + r.bytes, 0), ms };
}

// The page objects select by data-test, as playwright.config.ts sets it for the specs.
selectors.setTestIdAttribute('data-test');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('account | requests | rows | bytes (median) | first render ms median (min–max) | load');
  for (const email of accounts) {
    const context = await browser.newContext({ ...PHONE, baseURL, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signInAsDemoUser(email);
    await page.waitForURL((url) => url.pathname !== '/login');
    const loads: Load[] = [];
    for (let i = 0; i < RUNS; i++) loads.push(await loadInbox(page));
    const ms = loads.map((l) => l.ms);
    console.log(
      `${email} | ${median(loads.map((l) => l.requests))} | ${median(loads.map((l) => l.rows))} | ${median(loads.map((l) => l.bytes))} | ` +
        `${Math.round(median(ms))} (${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))}) | ${os.loadavg()[0].toFixed(2)}`,
    );
    if (SCREENSHOT && email === accounts[0]) await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await context.close();
  }
} finally {
  await browser.close();
}
