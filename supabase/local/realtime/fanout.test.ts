import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import type { Change } from './change-capture.ts';
import { BindingRegistry, bindingId, createFanout, type PgSubscriber } from './fanout.ts';
import type { TableMeta } from './table-meta.ts';

/** A published table without RLS: the fan-out never needs the database for it. */
const meta: TableMeta = {
  relid: 1,
  schema: 'public',
  table: 'notes',
  columns: [
    { name: 'id', type: 'int8', sqlType: 'bigint' },
    { name: 'secret', type: 'text', sqlType: 'text' },
  ],
  types: new Map([
    ['id', 'int8'],
    ['secret', 'text'],
  ]),
  primaryKey: ['id'],
  rls: false,
  identity: ['id'],
  selectable: new Map([
    ['authenticated', new Set(['id', 'secret'])],
    ['anon', new Set(['id'])],
  ]),
  bypassRls: new Set(),
  rlsFunction: new Map(),
};

const refuse = () => Promise.reject(new Error('the fan-out of a table without RLS needs no database'));
const noDatabase: Database = { kind: 'pglite', query: refuse, exec: refuse, transaction: refuse, listen: refuse, close: refuse };

function subscriber(role: string, frameKey: string, got: Buffer[]): PgSubscriber {
  return {
    role,
    claims: { role },
    groupKey: role,
    frameKey,
    encode: (json) => Buffer.from(`${frameKey}|${json}`),
    send: (frame) => got.push(frame),
  };
}

const change: Change = {
  id: '1',
  relid: 1,
  op: 'INSERT',
  record: { id: 7, secret: 's' },
  oldRecord: null,
  commitTimestamp: '2026-12-08T00:00:00.000Z',
};

describe('postgres_changes fan-out', () => {
  it('gives equal bindings on different sockets one id, and keeps a channel’s bindings apart', () => {
    const params = { event: '*', schema: 'public', table: 'notes' };
    const a = bindingId(params, new Set());
    expect(bindingId(params, new Set())).toBe(a);
    expect(a).toBeLessThan(2 ** 27);
    expect(bindingId({ ...params, filter: 'id=eq.1' }, new Set())).not.toBe(a);
    // In one channel an id already taken (a hash collision, or the same binding twice) is not reused.
    expect(bindingId(params, new Set([a]))).not.toBe(a);
  });

  it('encodes one frame per serializer/topic, role and ids, and sends that same buffer', async () => {
    const registry = new BindingRegistry();
    const got = { a: [] as Buffer[], b: [] as Buffer[], anon: [] as Buffer[], other: [] as Buffer[] };
    const id = bindingId({ event: '*', schema: 'public', table: 'notes' }, new Set());
    const subs = {
      a: subscriber('authenticated', 'v2|realtime:notes', got.a),
      b: subscriber('authenticated', 'v2|realtime:notes', got.b),
      anon: subscriber('anon', 'v2|realtime:notes', got.anon),
      other: subscriber('authenticated', 'v2|realtime:other', got.other),
    };
    for (const s of Object.values(subs)) registry.add({ id, event: '*', schema: 'public', table: 'notes', filters: [], subscriber: s });
    await createFanout(noDatabase, registry, (err) => {
      throw err;
    })([change], new Map([[1, meta]]));
    expect(got.a).toHaveLength(1);
    expect(got.b[0]).toBe(got.a[0]);
    expect(got.other[0]).not.toBe(got.a[0]);
    expect(String(got.other[0])).toMatch(/^v2\|realtime:other\|/);
    const authenticated = JSON.parse(String(got.a[0]).split('|').slice(2).join('|')) as { ids: number[]; data: { record: unknown } };
    const anon = JSON.parse(String(got.anon[0]).split('|').slice(2).join('|')) as { ids: number[]; data: { record: unknown } };
    expect(authenticated).toMatchObject({ ids: [id], data: { record: { id: 7, secret: 's' } } });
    // anon may not select `secret`: its frame is its own and lacks the column.
    expect(anon.data.record).toEqual({ id: 7 });
  });
});
