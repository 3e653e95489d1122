/**
 * Long variant of the websocket-cut fault (#19): the live-view test of
 * tests/conformance/realtime-live-view.test.ts with its socket cut every 10 s for five minutes (30 cuts) on
 * PGlite and on Postgres (TEST_DATABASE_URL), while a writer changes rows every 100 ms. The test asserts the
 * view equals a fresh query afterwards with no row twice; this script only chooses the length.
 *
 *   npx tsx bench/websocket-cuts.ts                 # 30 cuts, one every 10 s
 *   WS_CUT_COUNT=6 npx tsx bench/websocket-cuts.ts
 */
import { spawnSync } from 'node:child_process';

const count = process.env.WS_CUT_COUNT ?? '30';
const every = process.env.WS_CUT_EVERY_MS ?? '10000';
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'conformance', 'tests/conformance/realtime-live-view.test.ts', '-t', 'websocket cut every'],
  { stdio: 'inherit', env: { ...process.env, WS_CUT_COUNT: count, WS_CUT_EVERY_MS: every } },
);
process.exit(run.status ?? 1);
