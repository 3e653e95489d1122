/**
 * PGlite on its worker thread, as the stack relies on it: errors keep their Postgres fields across
 * the thread, a transaction is rolled back when its function throws and nothing else runs between
 * its statements, NOTIFY reaches listeners until they unlisten, a full queue refuses with a
 * retryable error, and a dead worker rejects every pending call instead of leaving it hanging.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from './database.ts';
import { DatabaseBusyError, DatabaseWorkerGoneError, MAX_QUEUED_CALLS, openPgliteInWorker, openPgliteWorker } from './pglite-worker-database.ts';
import { toRestError } from '../rest/errors.ts';

// Opening PGlite (WebAssembly start and initdb) takes seconds, many more on a loaded machine, and
// a round trip to the worker can take tens of milliseconds there: no test here is about time.
const OPEN_TIMEOUT_MS = 120_000;
vi.setConfig({ testTimeout: 60_000 });

let db: Database;

beforeAll(async () => {
  db = await openPgliteInWorker('memory://');
  await db.exec(`
    create table probe (id integer primary key, note text not null check (note <> ''));
    create table step_log (seq bigserial primary key, label text not null);
    create function probe_raise() returns void language plpgsql as $$
    begin
      raise exception 'probe refused' using errcode = 'P0001', detail = 'the detail', hint = 'the hint';
    end $$;
  `);
}, OPEN_TIMEOUT_MS);

afterAll(async () => {
  await db?.close();
});

/** Rejection of `p`, which must reject. */
async function rejection(p: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

describe('errors across the thread', () => {
  it('keep SQLSTATE, message, detail, hint, position and constraint', async () => {
    const division = await rejection(db.query('select 1 / $1::int', [0]));
    expect(division).toBeInstanceOf(Error);
    expect(division).toMatchObject({ code: '22012', message: 'division by zero', severity: 'ERROR' });

    const syntax = await rejection(db.query('select * fromm probe'));
    expect(syntax).toMatchObject({ code: '42601', position: '10' });

    await db.query(`insert into probe (id, note) values (1, 'one')`);
    const duplicate = await rejection(db.query(`insert into probe (id, note) values (1, 'again')`));
    expect(duplicate).toMatchObject({ code: '23505', constraint: 'probe_pkey', table: 'probe', detail: 'Key (id)=(1) already exists.' });

    const raised = await rejection(db.query('select probe_raise()'));
    expect(raised).toMatchObject({ code: 'P0001', message: 'probe refused', detail: 'the detail', hint: 'the hint' });
    // What a REST request answers for it (errors.ts reads the same fields).
    expect(toRestError(raised, true)).toMatchObject({ status: 400, body: { code: 'P0001', details: 'the detail', hint: 'the hint' } });
  });

  it('keep their fields inside a transaction and in a pipeline', async () => {
    const inTx = await rejection(db.transaction((tx) => tx.query(`insert into probe (id, note) values (2, '')`)));
    expect(inTx).toMatchObject({ code: '23514', constraint: 'probe_note_check' });
    const piped = await rejection(db.pipeline!([{ sql: 'select $1::int', values: ['x'] }]));
    expect(piped).toMatchObject({ code: '22P02' });
  });
});

describe('transactions', () => {
  it('roll back when their function throws, and rethrow what it threw', async () => {
    const thrown = new Error('changed my mind');
    const err = await rejection(
      db.transaction(async (tx) => {
        await tx.query(`insert into probe (id, note) values (10, 'ten')`);
        throw thrown;
      }),
    );
    expect(err).toBe(thrown);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from probe where id = 10');
    expect(rows[0].n).toBe(0);
  });

  it('commit what their function did when it resolves, and resolve to its value', async () => {
    const value = await db.transaction(async (tx) => {
      await tx.query(`insert into probe (id, note) values (11, 'eleven')`);
      return (await tx.query<{ note: string }>('select note from probe where id = 11')).rows[0].note;
    });
    expect(value).toBe('eleven');
    expect((await db.query('select 1 from probe where id = 11')).rows).toHaveLength(1);
  });

  it('run nothing else between their statements', async () => {
    await db.query('truncate step_log');
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    async function steps(label: string) {
      return db.transaction(async (tx) => {
        await tx.query(`select set_config('probe.owner', $1, true)`, [label]);
        const seen: string[] = [];
        for (let i = 0; i < 3; i++) {
          await tx.query('insert into step_log (label) values ($1)', [label]);
          // The stack's thread is busy elsewhere for a while: the database must wait for this transaction.
          await pause();
          seen.push((await tx.query<{ owner: string }>(`select current_setting('probe.owner') as owner`)).rows[0].owner);
        }
        return seen;
      });
    }
    const a = steps('a');
    const b = steps('b');
    // Plain queries sent while both are open: each must run outside both transactions.
    const plain = [1, 2, 3].map(async () => {
      await db.query(`insert into step_log (label) values ('plain')`);
      return (await db.query<{ owner: string | null }>(`select nullif(current_setting('probe.owner', true), '') as owner`)).rows[0].owner;
    });
    expect(await a).toEqual(['a', 'a', 'a']);
    expect(await b).toEqual(['b', 'b', 'b']);
    expect(await Promise.all(plain)).toEqual([null, null, null]);
    const { rows } = await db.query<{ label: string }>('select label from step_log order by seq');
    const labels = rows.map((r) => r.label).join(' ');
    // Each transaction's three inserts are adjacent; the plain ones come before or after, never between.
    expect(labels).toMatch(/a a a/);
    expect(labels).toMatch(/b b b/);
    expect(labels.split(' ').sort()).toEqual(['a', 'a', 'a', 'b', 'b', 'b', 'plain', 'plain', 'plain']);
  });

  it('let a consistent copy inspect the database inside its transaction', async () => {
    const before = (await db.query<{ n: number }>('select count(*)::int as n from probe')).rows[0].n;
    const { archive, inspected } = await db.dumpConsistent!(async (tx) => {
      // now() is the transaction's start (before its CHECKPOINT), statement_timestamp() this statement's.
      const inside = await tx.query<{ inside: boolean }>('select now() < statement_timestamp() as inside');
      const count = await tx.query<{ n: number }>('select count(*)::int as n from probe');
      return { inside: inside.rows[0].inside, probes: count.rows[0].n };
    });
    expect(inspected).toEqual({ inside: true, probes: before });
    const head = new Uint8Array(await archive.slice(0, 2).arrayBuffer());
    expect([...head]).toEqual([0x1f, 0x8b]); // gzip
    await expect(db.dumpConsistent!(async () => Promise.reject(new Error('inspect failed')))).rejects.toThrow('inspect failed');
    expect((await db.query<{ ok: number }>('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
  });
});

describe('listen', () => {
  it('forwards NOTIFY payloads until it is unsubscribed', async () => {
    const payloads: string[] = [];
    let arrived: () => void = () => {};
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const unlisten = await db.listen('probe_channel', (payload) => {
      payloads.push(payload);
      arrived();
    });
    await db.query(`select pg_notify('probe_channel', 'hello')`);
    await first;
    expect(payloads).toEqual(['hello']);
    await unlisten();
    await db.query(`select pg_notify('probe_channel', 'after')`);
    // A notification would have come back before the answer of a later round trip.
    await db.query('select 1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(payloads).toEqual(['hello']);
  });
});

describe('bounds', () => {
  it('refuse calls beyond the queue with a retryable busy error (REST 503)', async () => {
    const calls = Array.from({ length: MAX_QUEUED_CALLS + 5 }, () => db.query('select 1 as one'));
    const settled = await Promise.allSettled(calls);
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(refused).toHaveLength(5);
    const reason = (refused[0] as PromiseRejectedResult).reason as unknown;
    expect(reason).toBeInstanceOf(DatabaseBusyError);
    expect(toRestError(reason, true)).toMatchObject({ status: 503, body: { code: '53300' } });
    // Once the queue drains the database takes calls again.
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });
});

describe('a dead worker', () => {
  it('rejects every pending call and every later one, and says so once', async () => {
    const lost: Error[] = [];
    const { db: doomed, worker } = await openPgliteWorker('memory://', { onWorkerLost: (err) => lost.push(err) });
    const long = doomed.query('select pg_sleep(30)');
    const queued = doomed.query('select 1');
    // Let the sleep start in the worker, then kill it as a WebAssembly abort or an OOM would.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await worker.terminate();
    for (const p of [long, queued, doomed.query('select 2'), doomed.transaction(async () => 1)]) {
      const err = await rejection(p);
      expect(err).toBeInstanceOf(DatabaseWorkerGoneError);
      expect(err.code).toBe('08006');
    }
    expect(lost).toHaveLength(1);
    expect(toRestError(lost[0], true)).toMatchObject({ status: 503, body: { code: 'PGRST000' } });
    await doomed.close(); // nothing left to close: resolves
  }, OPEN_TIMEOUT_MS);

  it('is not reported when the database is closed on purpose', async () => {
    const lost: Error[] = [];
    const closing = await openPgliteInWorker('memory://', { onWorkerLost: (err) => lost.push(err) });
    await closing.close();
    expect(await rejection(closing.query('select 1'))).toMatchObject({ code: '08006', message: expect.stringContaining('closed') });
    expect(lost).toEqual([]);
  }, OPEN_TIMEOUT_MS);
});
