'use client';
/**
 * The outcome of a supervisor's action in the incident drawer, shown where they acted: beside the
 * list they assigned from, under the close or cancel form, by the assignments they followed up. A
 * supervisor who scrolled down to cancel must see "changed by another user" there, not at the top
 * of a drawer scrolled out of view; it is brought into view when it appears.
 */
import { useEffect, useRef } from 'react';

/** Where in the drawer an action was taken. */
export type DrawerPlace = 'assign' | 'assignments' | 'finish';

export interface DrawerNotice {
  kind: 'conflict' | 'error' | 'ok';
  message: string;
  at: DrawerPlace;
}

const TONE: Record<DrawerNotice['kind'], string> = {
  conflict: 'border-amber-500 bg-amber-50 text-amber-900',
  error: 'border-red-500 bg-red-50 text-red-900',
  ok: 'border-emerald-400 bg-emerald-50 text-emerald-900',
};

const TEST: Record<DrawerNotice['kind'], string> = { conflict: 'conflict-message', error: 'action-error', ok: 'action-ok' };

export function DrawerNoticeLine({ notice, place }: { notice: DrawerNotice | null; place: DrawerPlace }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const shown = notice !== null && notice.at === place;
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [shown, notice]);
  if (!shown) return null;
  return (
    <p
      ref={ref}
      role={notice.kind === 'ok' ? 'status' : 'alert'}
      className={`mt-2 rounded border px-2 py-1 text-sm ${TONE[notice.kind]}`}
      data-test={TEST[notice.kind]}
      data-place={place}
    >
      {notice.message}
    </p>
  );
}
