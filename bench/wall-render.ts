/**
 * Wall display benchmark: the wall (`/wall`, signed in as the wall account) in headless Chromium with
 * 2,000 open incidents while 10 incidents change per second. Measures the time to the first complete
 * render (live status, markers or clusters on the map, counters and boards filled), the frame rate
 * while updating (requestAnimationFrame counted per 10 s window), and the JS heap (after a forced GC)
 * at the start, every minute and at the end, so growth over a long run shows.
 *
 *   npx next build                                   # once; the bench runs `next start`
 *   npx tsx bench/wall-render.ts                     # 10 minutes
 *   WALL_BENCH_MINUTES=2 npx tsx bench/wall-render.ts
 *   WALL_BENCH_INCIDENTS=2000 WALL_BENCH_RATE=10 WALL_BENCH_PORT=3399 ...
 *
 * The embedded stack runs in this process on a throw-away in-memory PGlite with the seed; the 2,000
 * incidents are inserted straight into the database (a benchmark fixture, not the workflow), and the
 * changes are updates that flip an incident between reported and dispatched and bump its version,
 * which is what realtime sends to the wall for every workflow step.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, selectors, type Page } from '@playwright/test';
import { configFromEnv, loopbackAppOrigins } from '../supabase/local/config.ts';
import { startStack } from '../supabase/local/server.ts';
import { findChromium } from '../scripts/find-chromium.ts';
import { DEMO_PASSWORD } from '../lib/demo-users.ts';

const root = path.resolve(import.meta.dirname, '..');
const MINUTES = Number(process.env.WALL_BENCH_MINUTES ?? 10);
const INCIDENTS = Number(process.env.WALL_BENCH_INCIDENTS ?? 2000);
const RATE = Number(process.env.WALL_BENCH_RATE ?? 10);
const PORT = Number(process.env.WALL_BENCH_PORT ?? 3399);
const WIDTH = Number(process.env.WALL_BENCH_WIDTH ?? 1920);
const HEIGHT = Number(process.env.WALL_BENCH_HEIGHT ?? 1080);
const PROFILE = process.env.WALL_BENCH_PROFILE === '1';

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('wall-render: no production build in .next; run `npx next build` first.');
  process.exit(1);
}

const config = {
  ...configFromEnv(process.env, root),
  host: '127.0.0.1',
  port: 0,
  dataDir: 'memory://',
  databaseUrl: undefined,
  seedFile: path.join(root, 'supabase', 'seed.sql'),
  allowedOrigins: loopbackAppOrigins(PORT),
};
const stack = await startStack(config);

// The fixture: open incidents spread over the city, reported during the last hour.
await stack.db.query(
  `insert into public.incidents (ticket_no, status, category, priority, description, lat, lng, kecamatan, reported_at)
   select '112-20990101-' || lpad(n::text, 5, '0'), 'reported',
          (enum_range(null::public.incident_category))[1 + n % 10],
          (enum_range(null::public.incident_priority))[1 + n % 4],
          'Bench ' || n, -6.06 + random() * 0.18, 105.91 + random() * 0.17,
          (array['Pulomerak','Grogol','Purwakarta','Jombang','Cilegon','Cibeber','Citangkil','Ciwandan'])[1 + n % 8],
          now() - random() * interval '1 hour'
   from generate_series(1, $1::int) n`,
  [INCIDENTS],
);
const ids = (await stack.db.query<{ id: string }>(`select id from public.incidents where ticket_no like '112-20990101-%' order by ticket_no`)).rows.map(
  (r) => r.id,
);

const next = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    SUPABASE_URL: stack.url,
    NEXT_PUBLIC_SUPABASE_URL: stack.url,
    SUPABASE_ANON_KEY: config.anonKey,
    NEXT_PUBLIC_SUPABASE_ANON_KEY: config.anonKey,
    MAP_TILE_URL: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
  },
});

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * Where the first render's time goes, in ms from the navigation: the document, every script and API
 * request (start → end, from Resource Timing), the websocket and its joins, and the milestones the
 * init script stamped. Sorted by start.
 */
async function firstRenderPhases(page: Page, ws: Array<{ at: number; what: string }>): Promise<string[]> {
  const fromPage = await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const rows = [[0, nav.responseStart, 'document: first byte'], [nav.responseStart, nav.responseEnd, 'document: body'],
      [0, nav.domContentLoadedEventEnd, 'DOMContentLoaded']];
    for (const e of performance.getEntriesByType('resource')) {
      const u = new URL(e.name);
      if (!/\\.(js|css)$/.test(u.pathname) && !u.pathname.includes('/rest/') && !u.pathname.includes('/auth/')) continue;
      rows.push([e.startTime, e.responseEnd, u.pathname.replace(/^.*\\/_next\\/static\\//, '') + (u.pathname.includes('/rest/') ? u.search.slice(0, 60) : '') + ' ' + Math.round(e.encodedBodySize / 1024) + ' kB']);
    }
    for (const [name, at] of Object.entries(window.__wallMarks || {})) rows.push([at, at, 'milestone: ' + name]);
    return { origin: performance.timeOrigin, rows };
  })()`);
  const { origin, rows } = fromPage as { origin: number; rows: Array<[number, number, string]> };
  for (const e of ws) rows.push([e.at - origin, e.at - origin, e.what]);
  return rows
    .sort((a, b) => a[0] - b[0])
    .map(([start, end, what]) => `${String(Math.round(start)).padStart(5)} → ${String(Math.round(end)).padStart(5)}  ${what}`);
}

/** Self time per function (name, script file, line) of a CDP CPU profile, the 25 heaviest, in ms. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}
function heaviestFunctions(profile: CpuProfile): string[] {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const f = node.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : '';
    const name = `${f.functionName || '(anonymous)'} ${where}`.trim();
    self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([name, msSelf]) => `${msSelf.toFixed(0).padStart(6)} ms  ${name}`);
}

// The app marks elements with data-test (as playwright.config.ts tells the tests).
selectors.setTestIdAttribute('data-test');
let writer: ReturnType<typeof setInterval> | undefined;
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--js-flags=--expose-gc'],
});
try {
  const base = `http://127.0.0.1:${PORT}`;
  await waitForHttp(`${base}/login`, 120_000);
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').fill('wall@112.cilegon.test');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname !== '/login', { timeout: 60_000 });

  // Milestones of the first render, stamped in the page (performance.now(), from the navigation):
  // the wall's frame, the live status, the first marker or cluster, the counters, all open incidents.
  await page.addInitScript(`(() => {
    const marks = (window.__wallMarks = {});
    const stamp = (name, ok) => { if (!(name in marks) && ok) marks[name] = performance.now(); };
    const look = () => {
      const wall = document.querySelector('[data-test="wall"]');
      stamp('wall frame', !!wall);
      stamp('map', !!document.querySelector('[data-test="wall-map"]'));
      stamp('live', wall && wall.getAttribute('data-status') === 'live');
      stamp('first marker', document.querySelector('[data-test="incident-marker"], [data-test="incident-cluster"]'));
      const calls = document.querySelector('[data-test="wall-count-calls"] [data-test="wall-figure-value"]');
      stamp('counters', calls && /^\\d+$/.test(calls.textContent || ''));
      stamp('open incidents', Number(document.querySelector('[data-test="wall-open-count"]')?.getAttribute('data-count') || 0) > 0);
      if (Object.keys(marks).length < 6) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  })()`);
  // Websocket frames, stamped here: the page's time origin converts them to its clock.
  const wsEvents: Array<{ at: number; what: string }> = [];
  page.on('websocket', (ws) => {
    wsEvents.push({ at: Date.now(), what: 'websocket opened' });
    ws.on('framesent', (f) => {
      const text = typeof f.payload === 'string' ? f.payload : '';
      const m = /"(realtime:[^"]+)","phx_join"/.exec(text);
      if (m) wsEvents.push({ at: Date.now(), what: `join ${m[1]}` });
    });
    ws.on('framereceived', (f) => {
      const text = typeof f.payload === 'string' ? f.payload : '';
      const m = /"(realtime:[^"]+)","phx_reply"/.exec(text);
      if (m && !wsEvents.some((e) => e.what === `joined ${m[1]}`)) wsEvents.push({ at: Date.now(), what: `joined ${m[1]}` });
    });
  });

  // WALL_BENCH_PROFILE=1: a CPU profile of the page from the navigation to the first render, its
  // heaviest functions (self time) printed with the result.
  const cdp = await context.newCDPSession(page);
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }

  // Time to first complete render, from the navigation to /wall.
  await page.goto(`${base}/wall`, { waitUntil: 'commit' });
  await page.waitForFunction(
    (expected: number) => {
      const wall = document.querySelector('[data-test="wall"]');
      const markers = document.querySelectorAll('[data-test="incident-marker"], [data-test="incident-cluster"]').length;
      const calls = document.querySelector('[data-test="wall-count-calls"] [data-test="wall-figure-value"]')?.textContent ?? '';
      const open = Number(document.querySelector('[data-test="wall-open-count"]')?.getAttribute('data-count') ?? 0);
      return wall?.getAttribute('data-status') === 'live' && markers > 0 && /^\d+$/.test(calls) && open >= expected;
    },
    INCIDENTS,
    { polling: 'raf', timeout: 120_000 },
  ).catch(async (err: unknown) => {
    // Say what was missing: the wall's status, markers, counters and open count at the timeout.
    const seen = await page.evaluate(`(() => ({
      status: document.querySelector('[data-test="wall"]')?.getAttribute('data-status'),
      markers: document.querySelectorAll('[data-test="incident-marker"], [data-test="incident-cluster"]').length,
      calls: document.querySelector('[data-test="wall-count-calls"] [data-test="wall-figure-value"]')?.textContent,
      open: document.querySelector('[data-test="wall-open-count"]')?.getAttribute('data-count'),
      url: location.href,
    }))()`);
    throw new Error(`the wall did not finish its first render: ${JSON.stringify(seen)}`, { cause: err });
  });
  const firstRenderMs = await page.evaluate(() => performance.now());
  const phases = await firstRenderPhases(page, wsEvents);
  const profile = PROFILE ? heaviestFunctions((await cdp.send('Profiler.stop')).profile) : undefined;

  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return Math.round((usedSize / 1024 / 1024) * 10) / 10;
  };
  const heapStart = await heapMb();

  // 10 changes per second: flip between reported and dispatched, bump the version.
  let changes = 0;
  const writeErrors: unknown[] = [];
  writer = setInterval(() => {
    const id = ids[Math.floor(Math.random() * ids.length)];
    changes++;
    void stack.db
      .query(
        `update public.incidents
            set status = case status when 'reported' then 'dispatched'::public.incident_status else 'reported' end,
                dispatched_at = coalesce(dispatched_at, now()), version = version + 1
          where id = $1`,
        [id],
      )
      .catch((err: unknown) => writeErrors.push(err));
  }, 1000 / RATE);

  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = 0;
    const tick = () => { window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);

  const fps: number[] = [];
  const heap: Array<{ minute: number; mb: number }> = [{ minute: 0, mb: heapStart }];
  const endAt = Date.now() + MINUTES * 60_000;
  let lastFrames = 0;
  let lastAt = Date.now();
  let minute = 0;
  while (Date.now() < endAt) {
    await new Promise((r) => setTimeout(r, 10_000));
    const frames = await page.evaluate(() => (window as unknown as { __frames: number }).__frames);
    const now = Date.now();
    fps.push(((frames - lastFrames) * 1000) / (now - lastAt));
    lastFrames = frames;
    lastAt = now;
    const m = Math.floor((now - (endAt - MINUTES * 60_000)) / 60_000);
    if (m > minute) {
      minute = m;
      heap.push({ minute, mb: await heapMb() });
      // GC and heap reads take frames of their own: start the next window afresh.
      lastFrames = await page.evaluate(() => (window as unknown as { __frames: number }).__frames);
      lastAt = Date.now();
    }
  }
  clearInterval(writer);
  writer = undefined;
  if (writeErrors.length) throw new Error(`${writeErrors.length} changes failed, first: ${String(writeErrors[0])}`);
  const heapEnd = await heapMb();
  const open = await page.getAttribute('[data-test="wall-open-count"]', 'data-count');
  const sorted = [...fps].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const result = {
    date: new Date().toISOString(),
    viewport: `${WIDTH}x${HEIGHT}`,
    incidents: INCIDENTS,
    openShown: Number(open),
    ratePerSecond: RATE,
    minutes: MINUTES,
    changesWritten: changes,
    firstRenderMs: Math.round(firstRenderMs),
    firstRenderPhases: phases,
    ...(profile ? { firstRenderProfile: profile } : {}),
    fps: {
      mean: Math.round((fps.reduce((a, b) => a + b, 0) / fps.length) * 10) / 10,
      p10: Math.round(pct(0.1) * 10) / 10,
      min: Math.round(sorted[0] * 10) / 10,
      windows: fps.length,
    },
    heapMb: { start: heapStart, end: heapEnd, perMinute: heap },
  };
  console.log(JSON.stringify(result, null, 2));
  await context.close();
} finally {
  if (writer) clearInterval(writer);
  await browser.close();
  const exited = new Promise<void>((resolve) => next.once('exit', () => resolve()));
  next.kill('SIGTERM');
  await exited;
  await stack.close();
}
