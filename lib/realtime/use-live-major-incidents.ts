'use client';
/**
 * Live active major incidents (issue #18 §1): the dispatch map's areas, the console's offer, the
 * wall's layout. An ended one leaves the filter and drops out, on every screen at once.
 */
import type { Db } from '@/lib/data/db';
import type { MajorIncident } from '@/lib/data/major-incidents';
import { useLiveRows, type LiveRows } from './use-live-rows';

export function useLiveMajorIncidents(client: Db): LiveRows<MajorIncident> {
  return useLiveRows({
    client,
    table: 'major_incidents',
    key: 'id',
    version: 'version',
    filter: { column: 'status', op: 'eq', value: 'active' },
  });
}
