import { describe, expect, it } from 'vitest';
import type { RowsAnswer } from './live-view';
import { readSnapshotPages } from './snapshot-pages';

type Row = { id: string };
const table = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `k${String(i).padStart(4, '0')}` }));

/** A server that caps every answer at `cap` rows (db-max-rows) and serves key order after `after`. */
function server(rows: Row[], cap: number) {
  const asked: Array<string | undefined> = [];
  const page = async (after: string | undefined, limit: number): Promise<RowsAnswer<Row[]>> => {
    asked.push(after);
    const from = after === undefined ? rows : rows.filter((r) => r.id > after);
    return { data: from.slice(0, Math.min(limit, cap)), error: null };
  };
  return { page, asked };
}

describe('snapshot pages (PostgREST cuts every answer at db-max-rows)', () => {
  it('reads every row of a view larger than one page, each page after the last key', async () => {
    const s = server(table(2009), 1000);
    const answer = await readSnapshotPages(s.page, (r) => r.id, 1000);
    expect(answer.data?.length).toBe(2009);
    expect(new Set(answer.data?.map((r) => r.id)).size).toBe(2009);
    expect(s.asked).toEqual([undefined, 'k0999', 'k1999']);
  });

  it('asks once more when the rows fill the last page exactly, and once for a small view', async () => {
    const exact = server(table(2000), 1000);
    expect((await readSnapshotPages(exact.page, (r) => r.id, 1000)).data?.length).toBe(2000);
    expect(exact.asked).toEqual([undefined, 'k0999', 'k1999']);
    const small = server(table(12), 1000);
    expect((await readSnapshotPages(small.page, (r) => r.id, 1000)).data?.length).toBe(12);
    expect(small.asked).toEqual([undefined]);
  });

  it('returns the error of a failed page and no rows', async () => {
    let n = 0;
    const answer = await readSnapshotPages<Row>(
      async (_after, limit) => (n++ === 0 ? { data: table(limit), error: null } : { data: null, error: { message: 'boom' } }),
      (r) => r.id,
      5,
    );
    expect(answer).toEqual({ data: null, error: { message: 'boom' } });
  });

  it('fails instead of looping when the pages do not move past a key', async () => {
    const answer = await readSnapshotPages<Row>(async (_after, limit) => ({ data: table(limit), error: null }), (r) => r.id, 5);
    expect(answer.error?.message).toMatch(/do not advance/);
  });
});
