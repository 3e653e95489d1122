/**
 * CI smoke run of the fan-out benchmark (bench/realtime-fanout.ts) at a small load: 200 subscribers
 * of 20 identities (team members, supervisors, service role, anon) under RLS, 10 changes/s for 5 s.
 * It asserts exactness only — every change reached every subscriber allowed to see it, and nobody
 * else, exactly once — never a timing: the figures belong to bench/README.md.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { backends } from '../support/test-stack.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

/** The part of the benchmark's JSON result this test reads. */
interface FanoutResult {
  backend: string;
  changes: number;
  writeErrors: number;
  expectedDeliveries: number;
  delivered: number;
  lost: number;
  cutSockets: number;
  duplicates: number;
  leaked: number;
}

describe.each(backends)('realtime fan-out smoke on %s', (backend) => {
  it('delivers 10 changes/s for 5 s to 200 subscribers of 20 identities: none lost, none leaked, none twice', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BENCH_SUBSCRIBERS: '200',
      BENCH_IDENTITIES: '20',
      BENCH_RATE: '10',
      BENCH_DURATION_S: '5',
      BENCH_CLIENT_PROCESSES: '1',
    };
    delete env.BENCH_DATABASE_URL;
    delete env.BENCH_CPU_PROFILE_FILE;
    if (backend === 'postgres') env.BENCH_DATABASE_URL = process.env.TEST_DATABASE_URL;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'realtime-fanout.ts')], {
      cwd: root,
      env,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 110_000,
    });
    const result = JSON.parse(stdout) as FanoutResult;
    expect(result.backend).toBe(backend);
    expect(result.writeErrors).toBe(0);
    expect(result.changes).toBeGreaterThan(0);
    // 20 identities on 10 sockets each: 14 team members (7 teams, 2 members each see a change of
    // their team), 4 supervisors and 1 service role (see every change), 1 anon (sees none):
    // (2 + 4 + 1) × 10 = 70 deliveries per change.
    expect(result.expectedDeliveries).toBe(70 * result.changes);
    expect({ lost: result.lost, cut: result.cutSockets, leaked: result.leaked, duplicates: result.duplicates, delivered: result.delivered }).toEqual({
      lost: 0,
      cut: 0,
      leaked: 0,
      duplicates: 0,
      delivered: result.expectedDeliveries,
    });
  });
});
