/**
 * Rows read on the server for the first paint, until the live view has rows of its own (or is live
 * with none); from then on the live rows, which follow every change. A resync keeps the live rows it
 * had meanwhile, so the screen never falls back to the older server copy once live.
 */
import type { LiveStatus } from './live-view';

export function liveOrInitial<Row>(live: { rows: readonly Row[]; status: LiveStatus }, initial: readonly Row[]): readonly Row[] {
  return live.rows.length > 0 || live.status === 'live' ? live.rows : initial;
}
