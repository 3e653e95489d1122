'use client';
/**
 * The liaison phone's side of unit location (issue #18 §3). While the liaison's own assignment is
 * en route or on scene — and only then — it takes a browser geolocation fix every ~15 s (the
 * browser asks the liaison's consent the first time), queues it in localStorage with its seq and
 * sends the queue in order whenever the phone is online and the database already has the assignment
 * en route or on scene (a "Berangkat" still in the step outbox holds the positions back). The
 * liaison may stop it; the choice is kept per assignment. When the assignment ends, sampling stops
 * and whatever is still queued is discarded: nothing is sent outside an active assignment.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Db } from '@/lib/data/db';
import { readStoredSeq, reportPosition } from '@/lib/data/assignment-positions';
import {
  EMPTY_OUTBOX,
  POSITION_INTERVAL_MS,
  addFix,
  afterSend,
  dropStale,
  keepOnly,
  nextToSend,
  parseOutbox,
  serializeOutbox,
  withStoredSeq,
  type PositionOutbox,
} from '@/lib/domain/position-outbox';

export type SharingState = 'off' | 'asking' | 'sharing' | 'stopped' | 'denied' | 'unavailable';

export interface LocationSharer {
  state: SharingState;
  /** Positions stored by the database from this page. */
  sent: number;
  /** Positions waiting on the phone. */
  waiting: number;
  /** Phone time of the newest fix taken, ms. */
  lastFixMs: number | null;
  stop(): void;
  resume(): void;
}

export interface LocationSharerInput {
  client: Db;
  assignmentId: string;
  /** The assignment is en route or on scene once the liaison's queued steps are sent. */
  active: boolean;
  /** The database already has it en route or on scene (positions are accepted). */
  accepted: boolean;
}

const outboxKey = (assignmentId: string) => `opd-positions:${assignmentId}`;
const stoppedKey = (assignmentId: string) => `opd-positions:${assignmentId}:stopped`;

export function useLocationSharer({ client, assignmentId, active, accepted }: LocationSharerInput): LocationSharer {
  const outboxRef = useRef<PositionOutbox>(EMPTY_OUTBOX);
  const [view, setView] = useState({ sent: 0, waiting: 0, lastFixMs: null as number | null });
  const [state, setState] = useState<SharingState>('off');
  const [stopped, setStopped] = useState(false);
  const [seqReady, setSeqReady] = useState(false);
  const flushing = useRef(false);
  const acceptedRef = useRef(accepted);

  const save = useCallback(
    (next: PositionOutbox, lastFixMs?: number) => {
      outboxRef.current = next;
      try {
        if (next.items.length === 0 && Object.keys(next.lastSeq).length === 0) window.localStorage.removeItem(outboxKey(assignmentId));
        else window.localStorage.setItem(outboxKey(assignmentId), serializeOutbox(next));
      } catch {
        // A full or disabled storage still lets the positions go out while the page stays open.
      }
      setView((v) => ({ sent: next.sent, waiting: next.items.length, lastFixMs: lastFixMs ?? v.lastFixMs }));
    },
    [assignmentId],
  );

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      save(dropStale(outboxRef.current, Date.now()));
      for (;;) {
        const item = nextToSend(outboxRef.current);
        if (!item || !navigator.onLine || !acceptedRef.current) break;
        const result = afterSend(outboxRef.current, item, await reportPosition(client, item));
        save(result.outbox);
        if (result.next === 'wait') break;
      }
    } finally {
      flushing.current = false;
    }
  }, [client, save]);

  // What this phone queued before a reload, and whether the liaison had stopped sharing.
  useEffect(() => {
    outboxRef.current = parseOutbox(window.localStorage.getItem(outboxKey(assignmentId)));
    setStopped(window.localStorage.getItem(stoppedKey(assignmentId)) === '1');
    setView({ sent: 0, waiting: outboxRef.current.items.length, lastFixMs: null });
  }, [assignmentId]);

  // Seq goes on after what the database holds (another device, a cleared storage).
  useEffect(() => {
    if (!active || seqReady) return;
    let live = true;
    readStoredSeq(client, assignmentId)
      .then((stored) => {
        if (live) save(withStoredSeq(outboxRef.current, assignmentId, stored));
      })
      .catch(() => {
        // Offline: the seq this phone kept locally is the best there is; the server refuses a clash.
      })
      .finally(() => {
        if (live) setSeqReady(true);
      });
    return () => {
      live = false;
    };
  }, [active, assignmentId, client, save, seqReady]);

  useEffect(() => {
    acceptedRef.current = accepted;
    if (accepted) void flush();
  }, [accepted, flush]);

  // The assignment ended (or never began): nothing queued for it may leave the phone any more.
  useEffect(() => {
    if (active) return;
    if (outboxRef.current.items.length > 0) save(keepOnly(outboxRef.current, new Set()));
    setState('off');
  }, [active, save]);

  const sharing = active && !stopped && seqReady;
  useEffect(() => {
    if (!sharing) return;
    if (!('geolocation' in navigator)) {
      setState('unavailable');
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setInterval> | undefined;
    setState((s) => (s === 'sharing' ? s : 'asking'));
    const sample = () => {
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          if (!live) return;
          setState('sharing');
          const fix = { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracyM: pos.coords.accuracy, recordedAtMs: pos.timestamp };
          save(addFix(outboxRef.current, assignmentId, fix), fix.recordedAtMs);
          void flush();
        },
        (err) => {
          if (!live) return;
          // Denied stays denied until the liaison allows it in the browser; a timeout is tried again next time.
          if (err.code === err.PERMISSION_DENIED) {
            setState('denied');
            clearInterval(timer);
          }
        },
        { enableHighAccuracy: true, maximumAge: 5000, timeout: 12_000 },
      );
    };
    sample();
    timer = setInterval(sample, POSITION_INTERVAL_MS);
    const goOnline = () => void flush();
    window.addEventListener('online', goOnline);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('online', goOnline);
    };
  }, [assignmentId, flush, save, sharing]);

  const stop = useCallback(() => {
    window.localStorage.setItem(stoppedKey(assignmentId), '1');
    setStopped(true);
    setState('stopped');
    // Stopping means nothing more leaves the phone, including fixes not sent yet.
    save({ ...outboxRef.current, items: [] });
  }, [assignmentId, save]);

  const resume = useCallback(() => {
    window.localStorage.removeItem(stoppedKey(assignmentId));
    setStopped(false);
  }, [assignmentId]);

  return { state: active ? (stopped ? 'stopped' : state) : 'off', sent: view.sent, waiting: view.waiting, lastFixMs: view.lastFixMs, stop, resume };
}
