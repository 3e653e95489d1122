'use client';
/** The shift schedule, read once when the screen opens (it changes a few times a year, by an admin). */
import { useEffect, useState } from 'react';
import type { Db } from '@/lib/data/db';
import { readShiftSchedule } from '@/lib/data/shift';
import { DEFAULT_SHIFT_START_HOURS } from '@/lib/domain/shift';

export function useShiftSchedule(client: Db): { hours: readonly number[]; error: boolean } {
  const [state, setState] = useState<{ hours: readonly number[]; error: boolean }>({ hours: DEFAULT_SHIFT_START_HOURS, error: false });
  useEffect(() => {
    let alive = true;
    readShiftSchedule(client).then(
      (s) => alive && setState({ hours: s.start_hours, error: false }),
      () => alive && setState({ hours: DEFAULT_SHIFT_START_HOURS, error: true }),
    );
    return () => {
      alive = false;
    };
  }, [client]);
  return state;
}
