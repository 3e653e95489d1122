'use client';
/**
 * Rings once for each assignment that arrives while the inbox is open: a Web Audio beep, a
 * vibration where the phone supports it, and a browser notification when the liaison allowed them.
 * Assignments already waiting when the page opens do not ring (the first snapshot only teaches the
 * tracker what is there); ones that arrive during a connection gap ring after the resync.
 */
import { useEffect, useRef, useState } from 'react';
import { ArrivalTracker } from '@/components/queue/arrival-tracker';
import { playBeep } from '@/components/queue/beep';
import type { LiveStatus } from '@/lib/realtime/live-view';
import type { OpdAssignment } from '@/lib/data/opd';
import { unacknowledgedIds } from '@/lib/domain/opd-inbox';
import { registerNotificationWorker, showAssignmentNotification } from './show-notification';

/** Long-short-long: felt in a pocket, distinct from a message buzz. */
const VIBRATION_PATTERN = [400, 150, 400, 150, 400];

export function useNewAssignmentAlert(
  rows: readonly OpdAssignment[],
  status: LiveStatus,
  describe: (row: OpdAssignment) => { title: string; body: string },
): { alerted: number; fresh: ReadonlySet<string>; notifyError: string | undefined } {
  const tracker = useRef<ArrivalTracker | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [alerted, setAlerted] = useState(0);
  const [notifyError, setNotifyError] = useState<string | undefined>();
  const describeRef = useRef(describe);
  const worker = useRef<Promise<ServiceWorkerRegistration | null> | null>(null);
  useEffect(() => {
    describeRef.current = describe;
  }, [describe]);
  useEffect(() => {
    worker.current ??= registerNotificationWorker();
  }, []);

  useEffect(() => {
    // Before the first snapshot the rows are empty: observing them would make every waiting one "new".
    if (status !== 'live') return;
    tracker.current ??= new ArrivalTracker();
    const ids = tracker.current.observe(unacknowledgedIds(rows));
    if (ids.length === 0) return;
    playBeep();
    if (typeof navigator.vibrate === 'function') navigator.vibrate(VIBRATION_PATTERN);
    const registration = worker.current ?? Promise.resolve(null);
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row) continue;
      const { title, body } = describeRef.current(row);
      // `tag` replaces rather than stacks a notification for the same assignment.
      const options = { body, tag: `opd-assignment-${id}`, icon: '/opd-notification.svg', requireInteraction: true, data: { url: `/opd/incidents/${row.incident_id}` } };
      registration
        .then((reg) => showAssignmentNotification(reg, title, options))
        // The beep and the vibration have already alerted; say why the notification is missing.
        .catch((err: unknown) => setNotifyError(err instanceof Error ? err.message : String(err)));
    }
    setAlerted((n) => n + ids.length);
    setFresh((prev) => new Set([...prev, ...ids]));
  }, [rows, status]);

  return { alerted, fresh, notifyError };
}
