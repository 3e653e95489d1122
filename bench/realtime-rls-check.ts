/**
 * What one drain's RLS check costs: `checkVisibility` (realtime.visible_rows) for the identities of
 * bench/realtime-fanout.ts — 70 % team members, 20 % supervisors, the rest service role and anon —
 * on a batch of changed rows, repeated. The fan-out benchmark's latency is at least this per drain.
 * `eventLoopDelayMs` is how late this thread's timers ran meanwhile (perf_hooks'
 * monitorEventLoopDelay, `samples` of them; none at all means the loop never reached its timers)
 * and `longestStallMs` the longest time between two turns of a 5 ms interval timer, up to the end:
 * while PGlite ran in the stack's thread the check blocked it (the writer, the websockets); with
 * PGlite on its worker the thread stays free.
 *
 *   npx tsx bench/realtime-rls-check.ts                      # PGlite in memory
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/realtime-rls-check.ts
 *   BENCH_IDENTITIES=50 BENCH_ROWS=1,10 BENCH_REPEAT=50 npx tsx bench/realtime-rls-check.ts
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from '../supabase/local/config.ts';
import { startStack } from '../supabase/local/server.ts';
import { loadTableMeta } from '../supabase/local/realtime/table-meta.ts';
import { checkVisibility, type VisibilityRequest } from '../supabase/local/realtime/visibility.ts';
import { createTestDatabase } from '../tests/support/test-stack.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const IDENTITIES = Number(process.env.BENCH_IDENTITIES ?? 500);
const ROWS = (process.env.BENCH_ROWS ?? '1,10,50').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const TEAMS = 7;

/** The longest wait of a 5 ms interval timer for its turn, until `stop` (which counts its own wait too). */
function stallProbe() {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  return {
    stop(): number {
      clearInterval(timer);
      return Number(Math.max(longest, performance.now() - last).toFixed(1));
    },
  };
}

function summary(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1));
  return { p50: at(50), p95: at(95), max: Number((s.at(-1) ?? NaN).toFixed(1)) };
}

async function main() {
  const base = process.env.BENCH_DATABASE_URL;
  const created = base ? await createTestDatabase(base) : undefined;
  const stack = await startStack({
    ...configFromEnv({}),
    port: 0,
    dataDir: 'memory://',
    databaseUrl: created?.url,
    migrationsDir: path.join(here, '..', 'tests', 'conformance', 'fixtures', 'realtime', 'bench-migrations'),
    seedFile: undefined,
  });
  try {
    const tables = await loadTableMeta(stack.db);
    const meta = [...tables.values()].find((m) => m.table === 'bench_events');
    if (!meta) throw new Error('bench_events is not published');
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const claims = Array.from({ length: IDENTITIES }, (_, i) => {
      const sub = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      if (i < IDENTITIES * 0.7) return { sub, role: 'authenticated', exp, app_metadata: { team: i % TEAMS, role: 'operator' } };
      if (i < IDENTITIES * 0.9) return { sub, role: 'authenticated', exp, app_metadata: { role: 'supervisor' } };
      // Service role bypasses RLS and anon has no policy: the fan-out never asks the database for them.
      return undefined;
    }).filter((c) => c !== undefined);
    const results: Record<string, unknown> = {};
    for (const rows of ROWS) {
      const images = Array.from({ length: rows }, (_, index) => ({
        index,
        record: { id: index + 1, team: index % TEAMS, seq: index, body: 'x'.repeat(200), version: 1 },
      }));
      const requests: VisibilityRequest[] = claims.map((c) => ({ claims: c, rows: new Map([[meta, images]]) }));
      const ms: number[] = [];
      let visible = 0;
      const loopDelay = monitorEventLoopDelay({ resolution: 5 });
      loopDelay.enable();
      const stalls = stallProbe();
      for (let k = 0; k < REPEAT; k++) {
        const t0 = performance.now();
        const out = await checkVisibility(stack.db, requests, (err) => {
          throw err;
        });
        ms.push(performance.now() - t0);
        visible = out.reduce((n, s) => n + s.size, 0);
      }
      loopDelay.disable();
      const longestStallMs = stalls.stop();
      const delayMs = (ns: number) => Number((ns / 1e6).toFixed(1));
      // Members see their team's rows, supervisors all: a wrong count means a wrong check.
      const expected = claims.reduce((n, c) => n + (c.app_metadata.role === 'supervisor' ? rows : images.filter((r) => r.record.team === c.app_metadata.team).length), 0);
      if (visible !== expected) throw new Error(`visible ${visible}, expected ${expected}`);
      results[`${rows} rows`] = {
        ...summary(ms),
        perGroupUs: Number(((summary(ms).p50 / claims.length) * 1000).toFixed(0)),
        // The histogram's floor is its 5 ms resolution: a free loop reports about 5 ms.
        eventLoopDelayMs: { samples: loopDelay.count, p50: delayMs(loopDelay.percentile(50)), p99: delayMs(loopDelay.percentile(99)), max: delayMs(loopDelay.max) },
        longestStallMs,
      };
    }
    console.log(
      JSON.stringify(
        { backend: created ? 'postgres' : 'pglite', claimsGroups: claims.length, repeat: REPEAT, checkMs: results, loadAverage: Number(os.loadavg()[0].toFixed(2)) },
        null,
        2,
      ),
    );
  } finally {
    await stack.close();
    await created?.drop();
  }
}

await main();
