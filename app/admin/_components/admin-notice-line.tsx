'use client';
/** The outcome of the last admin write: done, refused (translated) or a conflict with another admin. */
import type { ReactNode } from 'react';
import type { AdminNotice } from './use-admin-write';

const TONES: Record<AdminNotice['kind'], string> = {
  ok: 'border-emerald-600 bg-emerald-50 text-emerald-900',
  error: 'border-red-600 bg-red-50 text-red-800',
  conflict: 'border-amber-500 bg-amber-50 text-amber-900',
};

export function AdminNoticeLine({ notice, children }: { notice: AdminNotice | null; children?: ReactNode }) {
  if (!notice) return null;
  return (
    <div
      role={notice.kind === 'ok' ? 'status' : 'alert'}
      className={`flex items-center gap-3 rounded border-l-4 px-3 py-2 text-sm font-medium ${TONES[notice.kind]}`}
      data-test="admin-notice"
      data-kind={notice.kind}
    >
      <span>{notice.message}</span>
      {children}
    </div>
  );
}
