'use client';
/**
 * The liaison phone's side of unit location (issue #18 §3). While the liaison's own assignment is
 * en route or on scene — and only then — it takes a browser geolocation fix every ~15 s (the
 * browser asks the liaison's consent the first time), queues it in localStorage with its seq and
 * sends the queue in order whenever the phone is online and the database already has the assignment
 * en route or on scene (a "Berangkat" still in the step outbox holds the positions back). The
 * liaison may stop it (the layout's LocationSharingProvider keeps that choice per assignment). When
 * the assignment ends, sampling stops and whatever is still queued is discarded: nothing is sent
 * outside an active assignment. One hook per assignment, mounted once by the provider: never two
 * watchers for the same unit.
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

export interface LocationSharerView {
  state: SharingState;
  /** Positions stored by the database from this page. */
  sent: number;
  /** Positions waiting on the phone. */
  waiting: number;
  /** Phone time of the newest fix taken, ms. */
  lastFixMs: number | null;
}

export interface LocationSharerInput {
  client: Db;
  assignmentId: string;
  /** The assignment is en route or on scene once the liaison's queued steps are sent. */
  active: boolean;
  /** The database already has it en route or on scene (positions are accepted). */
  accepted: boolean;
  /** The liaison stopped sharing for it ("Hentikan"). */
  stopped: boolean;
}

const outboxKey = (assignmentId: string) => `opd-positions:${assignmentId}`;

/** What the browser said to the last fix request. */
type FixState = 'none' | 'got' | 'denied';

/** Read once per mounted assignment (the component is keyed by it and rendered in the browser only). */
function readStored(assignmentId: string): PositionOutbox {
  try {
    return parseOutbox(window.localStorage.getItem(outboxKey(assignmentId)));
  } catch {
    return EMPTY_OUTBOX;
  }
}

/** Removes what the phone kept for an assignment that is over: nothing of it may be sent later. */
export function forgetPositions(assignmentId: string): void {
  try {
    window.localStorage.removeItem(outboxKey(assignmentId));
  } catch {
    // No storage: nothing was kept.
  }
}

export function useLocationSharer({ client, assignmentId, active, accepted, stopped }: LocationSharerInput): LocationSharerView {
  const [initial] = useState(() => readStored(assignmentId));
  const outboxRef = useRef<PositionOutbox>(initial);
  const [view, setView] = useState({ sent: 0, waiting: initial.items.length, lastFixMs: null as number | null });
  const [fixState, setFixState] = useState<FixState>('none');
  const [seqReady, setSeqReady] = useState(false);
  const flushing = useRef(false);
  const acceptedRef = useRef(accepted);
  const geolocation = 'geolocation' in navigator;

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
    if (!active && outboxRef.current.items.length > 0) save(keepOnly(outboxRef.current, new Set()));
  }, [active, save]);

  const sharing = active && !stopped && seqReady && geolocation && fixState !== 'denied';
  useEffect(() => {
    if (!sharing) return;
    let live = true;
    const sample = () => {
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          if (!live) return;
          setFixState('got');
          const fix = { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracyM: pos.coords.accuracy, recordedAtMs: pos.timestamp };
          save(addFix(outboxRef.current, assignmentId, fix), fix.recordedAtMs);
          void flush();
        },
        (err) => {
          // Denied stays denied until the liaison allows it in the browser; a timeout is tried again next time.
          if (live && err.code === err.PERMISSION_DENIED) setFixState('denied');
        },
        { enableHighAccuracy: true, maximumAge: 5000, timeout: 12_000 },
      );
    };
    sample();
    const timer = setInterval(sample, POSITION_INTERVAL_MS);
    const goOnline = () => void flush();
    window.addEventListener('online', goOnline);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('online', goOnline);
    };
  }, [assignmentId, flush, save, sharing]);

  // Stopping means nothing more leaves the phone, including fixes not sent yet; sharing again asks afresh.
  useEffect(() => {
    if (stopped) {
      if (outboxRef.current.items.length > 0) save({ ...outboxRef.current, items: [] });
      setFixState('none');
    }
  }, [save, stopped]);

  const state: SharingState = !active
    ? 'off'
    : stopped
      ? 'stopped'
      : !geolocation
        ? 'unavailable'
        : fixState === 'denied'
          ? 'denied'
          : fixState === 'got'
            ? 'sharing'
            : 'asking';
  return { state, sent: view.sent, waiting: view.waiting, lastFixMs: view.lastFixMs };
}
