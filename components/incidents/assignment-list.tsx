'use client';
/**
 * The agencies on an incident with their status and stage times, field reports and decline
 * reasons; an assignment not acknowledged within its target is flagged and the supervisor records
 * the follow-up (phone, radio) here.
 */
import { useState } from 'react';
import { TriangleAlert } from 'lucide-react';
import type { Agency, Assignment } from '@/lib/data/dispatch';
import { escalationState } from '@/lib/domain/dispatch-board';
import { formatDuration, formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { VictimCounts } from './victim-counts';

export interface AssignmentListProps {
  assignments: readonly Assignment[];
  agencies: ReadonlyMap<string, Agency>;
  nowMs: number;
  acknowledgeTargetSeconds: number;
  busy: boolean;
  /** Resolves true when the follow-up was recorded. */
  onFollowUp?: (assignmentId: string, note: string) => Promise<boolean>;
}

export function AssignmentList({ assignments, agencies, nowMs, acknowledgeTargetSeconds, busy, onFollowUp }: AssignmentListProps) {
  const { t } = useT();
  if (assignments.length === 0) return <p className="text-sm text-slate-500">{t('dispatch.assignments.none')}</p>;
  return (
    <ul className="flex flex-col gap-1" data-test="assignment-list">
      {assignments.map((a) => {
        const agency = agencies.get(a.agency_id);
        const esc = escalationState(a, nowMs, acknowledgeTargetSeconds);
        return (
          <li
            key={a.id}
            className={`rounded border px-2 py-1 text-sm ${esc.overdue ? 'border-red-400 bg-red-50' : 'border-slate-200 bg-white'}`}
            data-test="assignment"
            data-agency-code={agency?.code}
            data-status={a.status}
            data-overdue={esc.overdue ? 'true' : 'false'}
          >
            <div className="flex items-center justify-between gap-2">
              <span className="flex items-center gap-1 font-semibold">
                <span className="h-2.5 w-2.5 rounded-sm" style={{ background: agency?.color ?? '#64748b' }} aria-hidden="true" />
                {agency?.code} <span className="font-normal text-slate-600">{agency?.name}</span>
              </span>
              <span className="rounded bg-slate-100 px-1 text-xs" data-test="assignment-status">
                {t(`dispatch.assignment.${a.status}`)}
              </span>
            </div>
            <div className="text-xs tabular-nums text-slate-600">
              {[a.assigned_at, a.acknowledged_at, a.en_route_at, a.on_scene_at, a.completed_at]
                .filter((x): x is string => x !== null)
                .map((x) => formatTime(x))
                .join(' → ')}
            </div>
            {a.report && (
              <p className="mt-1 text-xs">
                <span className="font-semibold">{t('dispatch.assignments.report')}:</span> {a.report}
              </p>
            )}
            <VictimCounts row={a} className="mt-1 text-xs" />
            {a.decline_reason && (
              <p className="mt-1 text-xs">
                <span className="font-semibold">{t('dispatch.assignments.declineReason')}:</span> {a.decline_reason}
              </p>
            )}
            {esc.overdue && (
              <div className="mt-1 text-xs text-red-800" data-test="assignment-overdue">
                <TriangleAlert className="mr-1 inline-block h-3.5 w-3.5 align-[-2px]" aria-hidden="true" focusable={false} />
                {t('dispatch.assignments.overdue', { time: formatDuration(esc.waitingSeconds), target: formatDuration(acknowledgeTargetSeconds) })}
                {esc.followUps > 0 && <span data-test="assignment-followups"> · {t('dispatch.assignments.followUps', { count: esc.followUps })}</span>}
              </div>
            )}
            {a.status === 'assigned' && onFollowUp && (esc.overdue || a.escalation_count > 0) && (
              <FollowUpForm busy={busy} onSave={(note) => onFollowUp(a.id, note)} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function FollowUpForm({ busy, onSave }: { busy: boolean; onSave: (note: string) => Promise<boolean> }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  if (!open) {
    return (
      <Button variant="dangerOutline" size="sm" className="mt-1" onClick={() => setOpen(true)} data-test="follow-up-open">
        {t('dispatch.assignments.followUp')}
      </Button>
    );
  }
  return (
    <form
      className="mt-1 flex gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(note).then((ok) => {
          if (ok) {
            setOpen(false);
            setNote('');
          }
        });
      }}
    >
      <label className="sr-only" htmlFor="follow-up-note">
        {t('dispatch.assignments.followUpNote')}
      </label>
      <input
        id="follow-up-note"
        className="min-w-0 flex-1 rounded border border-slate-300 px-1 text-xs"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('dispatch.assignments.followUpPlaceholder')}
        data-test="follow-up-note"
        required
      />
      <Button type="submit" variant="danger" size="sm" disabled={busy} data-test="follow-up-save">
        {t('dispatch.assignments.followUpSave')}
      </Button>
    </form>
  );
}
