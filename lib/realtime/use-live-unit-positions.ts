'use client';
/**
 * Live newest position of every assignment en route or on scene (issue #18 §3), for the dispatch
 * map and the wall: the snapshot is latest_assignment_positions(), each new position arrives as an
 * INSERT. Rows are merged by assignment with seq as the version, so the view holds one row per
 * unit and an older position never replaces a newer one. Rows of assignments that ended stay until
 * the next resync: the screens draw only the assignments their live view has as active.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Db } from '@/lib/data/db';
import type { AssignmentPosition } from '@/lib/data/assignment-positions';
import { createLiveView, type LiveStatus } from './live-view';

export interface LiveUnitPositions {
  rows: readonly AssignmentPosition[];
  status: LiveStatus;
}

const NO_ROWS: readonly AssignmentPosition[] = [];

export function useLiveUnitPositions(client: Db): LiveUnitPositions {
  const view = useMemo(
    () =>
      createLiveView<AssignmentPosition, AssignmentPosition>({
        client,
        table: 'assignment_positions',
        key: 'assignment_id',
        version: 'seq',
        source: {
          snapshot: () => client.rpc('latest_assignment_positions'),
          fromRecord: (record) => record,
        },
      }),
    [client],
  );
  const rows = useSyncExternalStore(view.subscribe, view.getRows, () => NO_ROWS);
  const status = useSyncExternalStore(view.subscribe, view.getStatus, () => 'idle' as const);
  return { rows, status };
}
