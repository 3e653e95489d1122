/**
 * A live view's snapshot read page by page. PostgREST returns at most db-max-rows rows per request
 * (1000 in supabase/config.toml, and on hosted projects by default) and says nothing when it cuts:
 * a view of more rows than that (the wall with 2,000 open incidents) would silently lose the rest.
 * So the snapshot asks for pages ordered by the view's key, each one after the last key of the one
 * before (keyset, not offset: a row inserted or deleted meanwhile shifts no page), until a page comes
 * back shorter than asked. Changes made while the pages are read arrive on the channel, which is
 * already joined, and are applied on top (live-view.ts).
 */
import type { RowsAnswer } from './live-view';

/** PostgREST's db-max-rows of this project (supabase/config.toml `max_rows`): a page never asks for more. */
export const SNAPSHOT_PAGE_ROWS = 1000;

/** Upper bound of pages of one snapshot: a runaway (a key that does not grow) fails instead of looping. */
const MAX_PAGES = 1000;

export async function readSnapshotPages<Row>(
  page: (after: string | undefined, limit: number) => PromiseLike<RowsAnswer<Row[]>>,
  keyOf: (row: Row) => string,
  pageRows: number = SNAPSHOT_PAGE_ROWS,
): Promise<RowsAnswer<Row[]>> {
  const rows: Row[] = [];
  let after: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const answer = await page(after, pageRows);
    if (answer.error) return answer;
    rows.push(...answer.data);
    if (answer.data.length < pageRows) return { data: rows, error: null };
    const last = keyOf(answer.data[answer.data.length - 1]);
    if (last === after) return { data: null, error: { message: `snapshot pages do not advance past key ${last}` } };
    after = last;
  }
  return { data: null, error: { message: `snapshot larger than ${MAX_PAGES} pages of ${pageRows} rows` } };
}
