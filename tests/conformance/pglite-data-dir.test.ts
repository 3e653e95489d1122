/**
 * The PGlite data directory under faults (#19): the stack process killed with SIGKILL in the middle
 * of writes leaves a database that opens, with every acknowledged write present and every workflow
 * transaction whole; a kill during the first start's initdb leaves a directory the next start
 * initializes again; a damaged directory is refused at start with a clear message and left as it was,
 * never silently replaced by a new database with demo data.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import { DataDirError, STAGING_DIR } from '../../supabase/local/db/pglite-data-dir.ts';
import { NodeRealtimeTransport } from '../../lib/supabase/node-realtime-transport';
import { startTestStack } from '../support/test-stack.ts';
import { freePort, killHard, ready, spawnStack as spawnStackProcess, type StackProcess } from '../support/stack-process.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const tempDirs: string[] = [];
const children: StackProcess[] = [];

afterAll(() => {
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cilegon-datadir-'));
  tempDirs.push(dir);
  return path.join(dir, 'pglite');
}

/** `npm run stack` as a separate process on `dataDir`, so it can be killed like a real crash. */
function spawnStack(dataDir: string, port: number): StackProcess {
  const stack = spawnStackProcess({ dataDir, port });
  children.push(stack);
  return stack;
}

function serviceClient(url: string) {
  return createClient(url, DEMO_SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NodeRealtimeTransport },
  });
}

/** Names, sizes and modification times of every file below `dir`: equal before and after means untouched. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else out.push(`${path.relative(dir, full)} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

/** A PGlite directory with the migrations applied and closed cleanly. */
async function migratedDataDir(): Promise<string> {
  const dataDir = tempDir();
  const stack = await startTestStack({ backend: 'pglite', dataDir });
  await stack.close();
  return dataDir;
}

describe('PGlite data directory under faults', () => {
  it('a SIGKILL during writes leaves a database that opens, with every acknowledged write whole', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const first = spawnStack(dataDir, port);
    await ready(first);
    const api = serviceClient(first.url);

    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    // Four writers in parallel, each a ringing event: a call row and its telephony event in one
    // transaction. The process is killed while writes are in flight.
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const eventId = `crash-${w}-${i}`;
        sent++;
        const { error } = await api.rpc('record_telephony_event', {
          p_event_id: eventId,
          p_type: 'ringing',
          p_call_id: `crash-call-${w}-${i}`,
          p_at: new Date().toISOString(),
          p_caller_phone: `0812${String(w).padStart(2, '0')}${String(i).padStart(6, '0')}`,
        });
        if (!error) acknowledged.push(eventId);
        else if (!killed) throw new Error(`write failed before the kill: ${error.message}`);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    first.child.kill('SIGKILL');
    const exit = await first.exited;
    expect(exit.code).toBeNull();
    await Promise.allSettled(writers);
    expect(sent).toBeGreaterThan(acknowledged.length);

    const second = spawnStack(dataDir, port);
    await ready(second);
    const again = serviceClient(second.url);
    const { data: events, error: eventsError } = await again
      .from('telephony_events')
      .select('event_id, external_call_id, call_id')
      .like('event_id', 'crash-%');
    expect(eventsError).toBeNull();
    const { data: calls, error: callsError } = await again.from('calls').select('id, external_id').like('external_id', 'crash-call-%');
    expect(callsError).toBeNull();

    const stored = new Set(events!.map((e) => e.event_id));
    for (const id of acknowledged) expect(stored, `acknowledged ${id} is lost`).toContain(id);
    // All or nothing: every event has its call and every call its event.
    const callIds = new Map(calls!.map((c) => [c.external_id, c.id]));
    for (const e of events!) expect(callIds.get(e.external_call_id)).toBe(e.call_id);
    expect(calls!.length).toBe(events!.length);

    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });

  it('a SIGKILL during the very first start (initdb) is not taken for damage: the next start makes the database', { timeout: 300_000 }, async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const first = spawnStack(dataDir, port);
    const staging = path.join(dataDir, STAGING_DIR);
    // Killed while initdb writes the new cluster's files (it takes seconds).
    for (let i = 0; i < 3000 && !(existsSync(staging) && readdirSync(staging).length > 3); i++) await new Promise((r) => setTimeout(r, 10));
    expect(readdirSync(staging).length).toBeGreaterThan(3);
    await killHard(first);
    expect(readdirSync(dataDir)).not.toContain('PG_VERSION');

    const second = spawnStack(dataDir, port);
    await ready(second);
    const { data, error } = await serviceClient(second.url).from('agencies').select('id').limit(1);
    expect(error).toBeNull();
    expect(data).toEqual([]);
    expect(readdirSync(dataDir)).not.toContain(STAGING_DIR);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });

  it('refuses a directory whose PG_VERSION is gone instead of making a new database in it', async () => {
    const dataDir = await migratedDataDir();
    unlinkSync(path.join(dataDir, 'PG_VERSION'));
    const before = snapshot(dataDir);

    await expect(startTestStack({ backend: 'pglite', dataDir, seedFile: path.join(root, 'supabase', 'seed.sql') })).rejects.toThrow(
      DataDirError,
    );
    expect(snapshot(dataDir)).toEqual(before);

    // What the person starting it reads: a message and exit code 1, not a stack trace.
    const cli = spawnStack(dataDir, await freePort());
    const { code, stderr } = await cli.exited;
    expect(code).toBe(1);
    expect(stderr).toContain(`The database in ${dataDir} is damaged`);
    expect(stderr).toContain('Restore that directory from the backup');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('refuses a directory it cannot open, naming it, and leaves it as it was', async () => {
    const dataDir = await migratedDataDir();
    writeFileSync(path.join(dataDir, 'global', 'pg_control'), Buffer.alloc(8192, 7));
    const before = snapshot(dataDir);

    const started = startTestStack({ backend: 'pglite', dataDir });
    await expect(started).rejects.toThrow(DataDirError);
    await expect(started).rejects.toThrow(/cannot be opened/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('refuses a directory whose write-ahead log was overwritten, and leaves it as it was', async () => {
    const dataDir = await migratedDataDir();
    const wal = path.join(dataDir, 'pg_wal');
    const segments = readdirSync(wal).filter((f) => statSync(path.join(wal, f)).isFile());
    expect(segments.length).toBeGreaterThan(0);
    for (const f of segments) writeFileSync(path.join(wal, f), Buffer.alloc(statSync(path.join(wal, f)).size, 9));
    const before = snapshot(dataDir);

    const started = startTestStack({ backend: 'pglite', dataDir });
    await expect(started).rejects.toThrow(DataDirError);
    await expect(started).rejects.toThrow(/cannot be opened/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('a file in place of the directory is refused too', async () => {
    const dataDir = tempDir();
    writeFileSync(path.dirname(dataDir) + '/pglite', 'not a database');
    await expect(startTestStack({ backend: 'pglite', dataDir })).rejects.toThrow(DataDirError);
  });
});
