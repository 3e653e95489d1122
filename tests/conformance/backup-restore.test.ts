/**
 * `npm run backup` / `npm run restore` round trip (#19): the seed plus simulated traffic (the
 * project's simulator, through the telephony webhook and supabase-js as operators, supervisors and
 * liaisons), a backup taken WHILE the simulation writes, a restore into a new data directory or
 * database, and every table (row count + md5 of its ordered rows) and every sequence compared with
 * the database as it was at the backup's moment. On PGlite it also shows what a plain file copy of
 * the running data directory (no checkpoint, no lock) gives.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromEnv, DEMO_ANON_KEY, DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import { openPglite } from '../../supabase/local/db/pglite-database.ts';
import { readFingerprintFile } from '../../supabase/local/backup/backup-file.ts';
import { runBackup, runRestore } from '../../supabase/local/backup/run-backup.ts';
import { fingerprintDatabase, fingerprintDifferences, sequenceShifts, type DatabaseFingerprint } from '../../supabase/local/backup/fingerprint.ts';
import { runSimulation, type SimResult } from '../../lib/simulation/run/center.ts';
import { simOptionsSchema } from '../../lib/simulation/options.ts';
import { backends, createTestDatabase, startTestStack, type TestStack } from '../support/test-stack.ts';
import { startTelephonyWebhook } from '../support/telephony-webhook-server.ts';

const SECRET = 'backup-restore-webhook-secret';
const SEED = configFromEnv({}).seedFile;

function callCount(f: DatabaseFingerprint): number {
  return f.tables['public.calls']?.rows ?? 0;
}

async function countCalls(stack: TestStack): Promise<number> {
  const { rows } = await stack.db.query<{ n: string | number }>('select count(*) as n from public.calls');
  return Number(rows[0].n);
}

async function simulate(stack: TestStack, webhookUrl: string): Promise<SimResult> {
  const options = simOptionsSchema.parse({
    rate: 2,
    duration: 14,
    // Every human delay / 900: a shift's desk work in seconds.
    speed: 900,
    operators: 3,
    supervisors: 1,
    liaisons: 3,
    appUrl: webhookUrl,
    supabaseUrl: stack.url,
    anonKey: DEMO_ANON_KEY,
    serviceRoleKey: DEMO_SERVICE_ROLE_KEY,
    webhookSecret: SECRET,
    drainTimeout: 30,
    quiet: true,
  });
  return runSimulation(options, () => {});
}

describe.each(backends)('backup and restore on %s', (backend) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it('restores exactly the database of the backup moment, taken while the simulator writes', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'cilegon-backup-'));
    cleanups.push(async () => rmSync(tmp, { recursive: true, force: true }));
    const dataDir = path.join(tmp, 'source');
    const tStart = performance.now();
    const stack = await startTestStack({ backend, seedFile: SEED, dataDir: backend === 'pglite' ? dataDir : undefined });
    cleanups.push(() => stack.drop());
    console.log(`[backup-restore] ${backend} stack with seed up in ${Math.round(performance.now() - tStart)} ms`);
    const webhook = await startTelephonyWebhook(stack.url, DEMO_SERVICE_ROLE_KEY, SECRET);
    cleanups.push(() => webhook.close());

    const callsBefore = await countCalls(stack);
    const simulation = simulate(stack, webhook.url);
    // Let the simulator get going (accounts, sign-ins, first calls), then copy under its writes.
    const goingBy = Date.now() + 90_000;
    while ((await countCalls(stack)) < callsBefore + 4) {
      if (Date.now() > goingBy) throw new Error('the simulator recorded no calls in 90 s');
      await new Promise((r) => setTimeout(r, 300));
    }
    const config = { ...configFromEnv({}), dataDir, databaseUrl: stack.databaseUrl, serviceRoleKey: DEMO_SERVICE_ROLE_KEY };
    // The stack runs in this thread: how long its event loop stood still during the copy.
    let maxLoopGapMs = 0;
    let tick = performance.now();
    const lag = setInterval(() => {
      const now = performance.now();
      maxLoopGapMs = Math.max(maxLoopGapMs, now - tick);
      tick = now;
    }, 50);
    const t0 = performance.now();
    const backup = await runBackup(config, path.join(tmp, 'backups'), stack.url).finally(() => clearInterval(lag));
    const backupMs = performance.now() - t0;
    const result = await simulation;
    expect(result.summary.errors.byMessage).toEqual({});
    const after = await fingerprintDatabase(stack.db);

    // The copy was taken under traffic: calls came before it, and more after it.
    expect(backup.file).toMatch(backend === 'pglite' ? /cilegon-112-\d{8}T\d{6}Z\.tar\.gz$/ : /cilegon-112-\d{8}T\d{6}Z\.dump$/);
    const atBackup = backup.rows;
    expect(atBackup).toBeGreaterThan(0);

    const expected = readFingerprintFile(backup.file);
    if (!expected) throw new Error('the backup has no fingerprint beside it');
    let restoredDb = '';
    const t1 = performance.now();
    const restored =
      backend === 'pglite'
        ? await runRestore(backup.file, { kind: 'pglite', dataDir: path.join(tmp, 'restored') })
        : await (async () => {
            const target = await createTestDatabase();
            cleanups.push(target.drop);
            restoredDb = new URL(target.url).pathname.slice(1);
            // createTestDatabase made it, empty: restore accepts an empty database.
            return runRestore(backup.file, { kind: 'postgres', serverUrl: process.env.TEST_DATABASE_URL ?? '', database: restoredDb });
          })();
    const restoreMs = performance.now() - t1;
    expect(restored.differences).toEqual([]);
    expect(restored.tables).toBe(Object.keys(after.tables).length);
    // PGlite copies under its lock: even the sequences are exactly those of the moment. pg_dump reads
    // sequences after its snapshot, so on Postgres they may be ahead (never behind: checked above).
    const shifted = sequenceShifts(expected, restored.fingerprint);
    if (backend === 'pglite') expect(shifted).toEqual([]);

    const callsAtBackup = callCount(expected);
    expect(callsAtBackup).toBeGreaterThan(callsBefore);
    expect(callCount(after)).toBeGreaterThan(callsAtBackup);
    // Every table of the live database is in the backup, and the sequences moved with the traffic.
    expect(Object.keys(expected.tables).sort()).toEqual(Object.keys(after.tables).sort());
    expect(Object.keys(expected.sequences).sort()).toEqual(Object.keys(after.sequences).sort());

    const figures: Record<string, unknown> = {
      backend,
      tables: restored.tables,
      rows: restored.rows,
      callsBefore,
      callsAtBackup,
      callsAfter: callCount(after),
      simulatedCalls: result.calls.length,
      backupMs: Math.round(backupMs),
      maxLoopGapMs: Math.round(maxLoopGapMs),
      restoreMs: Math.round(restoreMs),
      sequencesAheadAfterRestore: shifted,
    };

    if (backend === 'pglite') {
      // A plain copy of the running directory (what "back up .data/" would do with the stack up):
      // no checkpoint, no lock. Taken now that the traffic is over, so only the copy method differs.
      const raw = path.join(tmp, 'raw-copy');
      cpSync(dataDir, raw, { recursive: true });
      rmSync(path.join(raw, 'postmaster.pid'), { force: true });
      let rawResult: string;
      try {
        const db = await openPglite(raw);
        const copy = await fingerprintDatabase(db);
        await db.close();
        const differences = fingerprintDifferences(after, copy);
        const shifts = sequenceShifts(after, copy);
        rawResult =
          (differences.length === 0 ? 'rows equal' : `${differences.length} differences: ${differences.slice(0, 5).join('; ')}`) +
          (shifts.length ? `; sequences moved on by crash recovery: ${shifts.join(', ')}` : '; sequences equal');
      } catch (err) {
        rawResult = `does not open: ${err instanceof Error ? err.message : String(err)}`;
      }
      figures.rawCopyWithoutCheckpoint = rawResult;
    }
    console.log(`[backup-restore] ${JSON.stringify(figures)}`);
  }, 420_000);
});
