/**
 * Child process of the screen fleet (screen-fleet.ts): opens its share of the screens, says when
 * every view is live, and on request waits until the views are quiet, compares each with a fresh
 * read and sends back the latencies and comparisons. A separate process so that the clients' own
 * CPU is not the center's, and so that several of them spread over the cores.
 */
import { appendAll, compareWithFresh, isLive, openScreen, type OpenScreen, type ScreenSpec } from './screens';
import type { ChildReport, ParentMessage } from './screen-fleet';

const QUIET_MS = 3000;

function send(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => process.send?.(message, (err: Error | null) => (err ? reject(err) : resolve())));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let screens: OpenScreen[] = [];

async function start(url: string, anonKey: string, specs: ScreenSpec[], readyTimeoutMs: number): Promise<void> {
  screens = await Promise.all(specs.map((s) => openScreen(url, anonKey, s)));
  const until = Date.now() + readyTimeoutMs;
  while (!screens.every(isLive)) {
    if (Date.now() > until) {
      const waiting = screens.filter((s) => !isLive(s)).length;
      throw new Error(`${waiting} of ${screens.length} screens not live after ${readyTimeoutMs} ms`);
    }
    await sleep(100);
  }
}

async function settleAndReport(maxWaitMs: number): Promise<ChildReport> {
  const views = screens.flatMap((s) => s.views.map((v) => ({ kind: s.kind, ...v })));
  const until = Date.now() + maxWaitMs;
  // Quiet: nothing pending on any view and nothing new for a few seconds (or the wait ran out).
  for (;;) {
    const pending = views.reduce((n, v) => n + v.tracker.pendingCount, 0);
    const last = Math.max(...views.map((v) => v.tracker.lastActivityMs));
    if ((pending === 0 && Date.now() - last > QUIET_MS) || Date.now() > until) break;
    await sleep(250);
  }
  const comparisons = (await Promise.all(screens.map(async (s) => ({ kind: s.kind, views: await compareWithFresh(s) })))).flatMap((s) =>
    s.views.map((v) => ({ kind: s.kind, ...v })),
  );
  const latencies: Record<string, number[]> = {};
  for (const v of views) appendAll((latencies[v.name] ??= []), v.tracker.samples);
  return {
    latencies,
    pendingAtEnd: views.reduce((n, v) => n + v.tracker.pendingCount, 0),
    notLive: screens.filter((s) => !isLive(s)).length,
    comparisons,
  };
}

process.on('message', (m: ParentMessage) => {
  void (async () => {
    try {
      if (m.type === 'start') {
        await start(m.url, m.anonKey, m.screens, m.readyTimeoutMs);
        await send({ type: 'ready' });
      } else if (m.type === 'report') {
        await send({ type: 'report', report: await settleAndReport(m.maxWaitMs) });
      } else if (m.type === 'stop') {
        for (const s of screens) s.close();
        process.exit(0);
      }
    } catch (err) {
      await send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
