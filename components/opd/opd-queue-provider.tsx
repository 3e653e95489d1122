'use client';
/**
 * The liaison's outbox, shared by the inbox and the incident pages of /opd (it sits in the area's
 * layout, so it survives navigation between them). Steps are stored in localStorage before they are
 * sent, sent one at a time, and re-sent after a lost answer (lib/data/opd-outbox.ts);
 * lib/domain/offline-queue.ts decides every outcome so a step applies once and a retry of an applied
 * step is not shown as an error.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createClient } from '@/lib/supabase/client';
import type { Db } from '@/lib/data/db';
import { flushOutbox } from '@/lib/data/opd-outbox';
import { writeFailureMessage } from '@/lib/data/write-result';
import { type WriteFailure } from '@/lib/domain/write-failure';
import { dismiss as dismissItem, enqueue, type AssignmentState, type NewQueueItem, type QueueItem } from '@/lib/domain/offline-queue';
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import { useT } from '@/lib/i18n/use-t';
import { createQueueStore } from './opd-queue-store';

export interface OpdQueue {
  /** The browser's Supabase client, made on first use: it reads the page, so never during server rendering. */
  getClient(): Db;
  queue: readonly QueueItem[];
  online: boolean;
  /** Assignment states the functions returned, newer than the live rows until their change arrives. */
  applied: ReadonlyMap<string, AssignmentState>;
  submit(step: Omit<NewQueueItem, 'id' | 'createdAtMs'>): void;
  dismiss(id: string): void;
  /** Steps stored on this device could not be read back (kept for support); shown until dismissed. */
  unreadable: boolean;
  dismissUnreadable(): void;
}

const OpdQueueContext = createContext<OpdQueue | null>(null);

const EMPTY: readonly QueueItem[] = [];
const serverQueue = () => EMPTY;
const serverUnreadable = () => false;
const browserStorage = () => window.localStorage;

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** While steps wait, try again this often even without an `online` event (a captive or dead network). */
const RETRY_MS = 4000;

export function OpdQueueProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const { t } = useT();
  const clientRef = useRef<Db | null>(null);
  const getClient = useCallback(() => (clientRef.current ??= createClient()), []);
  const [store] = useState(() => createQueueStore(browserStorage, userId));
  const queue = useSyncExternalStore(store.subscribe, store.get, serverQueue);
  const unreadable = useSyncExternalStore(store.subscribe, store.unreadable, serverUnreadable);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const [applied, setApplied] = useState<ReadonlyMap<string, AssignmentState>>(new Map());
  const flushing = useRef(false);
  const update = store.set;

  const remember = useCallback((assignmentId: string, state: AssignmentState | null) => {
    if (!state) return;
    setApplied((prev) => {
      const old = prev.get(assignmentId);
      if (old && old.version >= state.version) return prev;
      return new Map(prev).set(assignmentId, state);
    });
  }, []);

  const describe = useCallback((failure: WriteFailure) => writeFailureMessage(failure, t), [t]);

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      await flushOutbox({
        client: getClient(),
        get: store.get,
        set: update,
        online: () => navigator.onLine,
        describe,
        messages: () => ({
          stale: t(workflowErrorKey('stale_version')),
          invalid: t(workflowErrorKey('invalid_state')),
          notFound: t(workflowErrorKey('assignment_not_found')),
        }),
        remember,
      });
    } finally {
      flushing.current = false;
    }
  }, [describe, getClient, remember, store, t, update]);

  useEffect(() => {
    // Steps stored by an earlier page, or before a reload while offline, go out now.
    void flush();
    const goOnline = () => void flush();
    window.addEventListener('online', goOnline);
    const timer = setInterval(() => {
      if (store.get().some((i) => i.state !== 'failed')) void flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', goOnline);
      clearInterval(timer);
    };
  }, [flush, store]);

  const submit = useCallback(
    (step: Omit<NewQueueItem, 'id' | 'createdAtMs'>) => {
      update(enqueue(store.get(), { ...step, id: newStepId(), createdAtMs: Date.now() }));
      void flush();
    },
    [flush, store, update],
  );

  const dismiss = useCallback((id: string) => update(dismissItem(store.get(), id)), [store, update]);

  const value = useMemo<OpdQueue>(
    () => ({ getClient, queue, online, applied, submit, dismiss, unreadable, dismissUnreadable: store.dismissUnreadable }),
    [getClient, queue, online, applied, submit, dismiss, unreadable, store],
  );
  return <OpdQueueContext.Provider value={value}>{children}</OpdQueueContext.Provider>;
}

/**
 * crypto.randomUUID exists only in secure contexts; a phone opening the center's server over plain
 * http on the local network has getRandomValues only.
 */
function newStepId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function useOpdQueue(): OpdQueue {
  const value = useContext(OpdQueueContext);
  if (!value) throw new Error('useOpdQueue must be used inside OpdQueueProvider (app/opd/layout.tsx)');
  return value;
}
