/**
 * readViewRows with a fake request builder (no network): what it asks PostgREST for, with and
 * without a window, and how the answers are put together.
 */
import { describe, expect, it } from 'vitest';
import type { LiveFilterOp } from './live-filter';
import { readViewRows } from './live-table';
import type { RowsAnswer } from './live-view';
import type { LiveWindow } from './live-window';

type Row = { id: string; status: string };

/** Records the calls of one request, as postgrest-js's builder would add them to the URL. */
class FakeRequest {
  readonly calls: string[] = [];
  filter(column: string, operator: LiveFilterOp, value: string): this {
    this.calls.push(`${column}=${operator}.${value}`);
    return this;
  }
  order(column: string, options?: { ascending?: boolean }): this {
    this.calls.push(`order=${column}.${options?.ascending === false ? 'desc' : 'asc'}`);
    return this;
  }
  limit(count: number): this {
    this.calls.push(`limit=${count}`);
    return this;
  }
}

const WINDOW: LiveWindow = {
  always: { column: 'status', op: 'in', value: ['assigned', 'on_scene'] },
  recent: { column: 'status', op: 'in', value: ['completed'] },
  newest: 'updated_at',
  limit: 20,
};

function reader(answer: (calls: readonly string[]) => RowsAnswer<Row[]>) {
  const requests: FakeRequest[] = [];
  const request = () => {
    const r = new FakeRequest().filter('agency_id', 'eq', 'a1');
    requests.push(r);
    return r;
  };
  const run = async (r: FakeRequest) => answer(r.calls);
  return { requests, read: (window?: LiveWindow) => readViewRows(request, run, 'id', window, (row) => row.id) };
}

const rows = (prefix: string, n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(i).padStart(4, '0')}`, status: 'x' }));

describe('readViewRows', () => {
  it('without a window, reads every row in keyset pages of 1,000', async () => {
    const { requests, read } = reader((calls) => ({ data: calls.some((c) => c.startsWith('id=gt.')) ? rows('b', 5) : rows('a', 1000), error: null }));
    const answer = await read();
    expect(answer.data).toHaveLength(1005);
    expect(requests.map((r) => r.calls)).toEqual([
      ['agency_id=eq.a1', 'order=id.asc', 'limit=1000'],
      ['agency_id=eq.a1', 'order=id.asc', 'limit=1000', 'id=gt.a0999'],
    ]);
  });

  it('with a window, reads the always part in pages and the newest `limit` of the recent part in one request', async () => {
    const { requests, read } = reader((calls) => ({ data: calls.includes('limit=20') ? [{ id: 'f1', status: 'completed' }] : [{ id: 'o1', status: 'assigned' }], error: null }));
    const answer = await read(WINDOW);
    expect(answer.data).toEqual([
      { id: 'o1', status: 'assigned' },
      { id: 'f1', status: 'completed' },
    ]);
    expect(requests.map((r) => r.calls)).toEqual([
      ['agency_id=eq.a1', 'status=in.(assigned,on_scene)', 'order=id.asc', 'limit=1000'],
      ['agency_id=eq.a1', 'status=in.(completed)', 'order=updated_at.desc', 'order=id.desc', 'limit=20'],
    ]);
  });

  it('fails when either part fails, rather than showing half a window', async () => {
    const { read } = reader((calls) => (calls.includes('limit=20') ? { data: null, error: { message: 'timeout' } } : { data: [], error: null }));
    expect(await read(WINDOW)).toEqual({ data: null, error: { message: 'timeout' } });
  });
});
