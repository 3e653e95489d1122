'use client';
/**
 * The caller data of a set of calls for one screen, read through read_caller_data (each call is
 * logged as read by this person). Asks again only when a call joins the set (a repeat caller
 * linked) or changes (a new version: the operator corrected the name), not on every render.
 */
import { useEffect, useState } from 'react';
import type { Db } from '@/lib/data/db';
import { readCallerDataOf, type CallerData, type CallerDataScreen } from '@/lib/data/caller-data';

export interface CallerDataState {
  byCall: ReadonlyMap<string, CallerData>;
  loading: boolean;
  error: Error | undefined;
}

const NONE: CallerDataState = { byCall: new Map(), loading: false, error: undefined };

export function useCallerData(client: Db, calls: readonly { id: string; version: number }[], screen: CallerDataScreen): CallerDataState {
  const key = calls
    .map((c) => `${c.id}@${c.version}`)
    .sort()
    .join(',');
  const [state, setState] = useState<{ key: string; byCall: ReadonlyMap<string, CallerData>; error: Error | undefined }>({ ...NONE, key: '' });
  useEffect(() => {
    if (key === '') return;
    let current = true;
    const ids = key.split(',').map((part) => part.slice(0, part.indexOf('@')));
    readCallerDataOf(client, ids, screen).then(
      (byCall) => current && setState({ key, byCall, error: undefined }),
      (error: unknown) => current && setState({ key, byCall: new Map(), error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [client, key, screen]);
  if (key === '') return NONE;
  // The last answer stays shown while a changed set loads; a call not in it yet shows as loading.
  return { byCall: state.byCall, loading: state.key !== key, error: state.key === key ? state.error : undefined };
}
