/**
 * PGlite in the stack's thread lets the event loop poll its sockets between queued queries: a byte
 * written to a socket while 40 queries wait is echoed after the first few of them, not after all.
 * The control is PGlite called directly, whose queue runs in one turn of the loop.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { openPglite } from './pglite-database';
import { createTurnGate } from './turn-gate';

// A few milliseconds of work in PGlite's WebAssembly.
const HEAVY = 'select count(*) from generate_series(1, 50000)';
const QUEUED = 40;

let server: net.Server;
let client: net.Socket;
beforeAll(async () => {
  server = net.createServer((s) => s.on('data', (d) => s.write(d)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
  await new Promise<void>((resolve) => client.once('connect', resolve));
});
afterAll(async () => {
  client.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Queues the queries, writes one byte, and says how many had finished when it came back. */
async function finishedWhenEchoed(query: () => Promise<unknown>): Promise<number> {
  let finished = 0;
  const echoed = new Promise<number>((resolve) => client.once('data', () => resolve(finished)));
  const queries = Array.from({ length: QUEUED }, () => query().then(() => finished++));
  client.write('x');
  const at = await echoed;
  await Promise.all(queries);
  return at;
}

describe('one PGlite call per turn of the event loop', () => {
  let db: Database;
  let raw: PGlite;
  beforeAll(async () => {
    db = await openPglite('memory://');
    raw = new PGlite();
    await raw.waitReady;
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await raw.close();
  });

  it('PGlite alone runs its whole queue before the loop reads a socket (the control)', async () => {
    expect(await finishedWhenEchoed(() => raw.query(HEAVY))).toBe(QUEUED);
  });

  it('the stack database reads the socket after the first queries', async () => {
    expect(await finishedWhenEchoed(() => db.query(HEAVY))).toBeLessThan(5);
  });

  it('transactions and pipelines take turns too, in order, and a failed call does not stop the next', async () => {
    const order: string[] = [];
    const calls = [
      db.transaction(async (tx) => (await tx.query(HEAVY), order.push('tx'))),
      db.query('select 1/0').catch(() => order.push('failed')),
      db.pipeline!([{ sql: 'select $1::int as n', values: [7] }]).then((rows) => order.push(`pipeline ${rows?.[0][0].n}`)),
      db.query(HEAVY).then(() => order.push('query')),
    ];
    expect(await finishedWhenEchoed(() => db.query(HEAVY))).toBeLessThan(9);
    await Promise.all(calls);
    expect(order).toEqual(['tx', 'failed', 'pipeline 7', 'query']);
  });
});

describe('createTurnGate', () => {
  it('starts each job after the one before it settled', async () => {
    const gate = createTurnGate();
    const events: string[] = [];
    const a = gate(async () => {
      events.push('a start');
      await new Promise((r) => setTimeout(r, 5));
      events.push('a end');
      throw new Error('a failed');
    });
    const b = gate(async () => {
      events.push('b start');
      return 'b';
    });
    await expect(a).rejects.toThrow('a failed');
    expect(await b).toBe('b');
    expect(events).toEqual(['a start', 'a end', 'b start']);
  });

  it('runs an urgent job before the jobs still waiting, and survives a job that throws at once', async () => {
    const gate = createTurnGate();
    const order: string[] = [];
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = gate(async () => {
      order.push('first');
      started();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await running;
    const waiting = [gate(async () => void order.push('request 1')), gate(async () => void order.push('request 2'))];
    const thrown = gate((() => {
      throw new Error('at once');
    }) as () => Promise<void>);
    const urgent = gate(async () => void order.push('drain'), true);
    release();
    await Promise.all([first, urgent, ...waiting]);
    await expect(thrown).rejects.toThrow('at once');
    expect(order).toEqual(['first', 'drain', 'request 1', 'request 2']);
  });
});
