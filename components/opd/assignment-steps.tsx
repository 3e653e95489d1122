'use client';
/**
 * The liaison's next steps on its assignment — accept, leave, arrive, complete with a report, or
 * decline with a reason — offered from the state the assignment will have once the outbox is sent,
 * so the liaison can carry on while the phone is offline. The database stamps each step.
 */
import { useState } from 'react';
import type { Assignment } from '@/lib/data/opd';
import { effectiveAssignment } from '@/lib/domain/offline-queue';
import { latestState, type Counts } from '@/lib/domain/opd-inbox';
import { allowedAssignmentActions, type AssignmentAction, type IncidentStatus } from '@/lib/domain/workflow';
import { useT } from '@/lib/i18n/use-t';
import { Button, type ButtonStyle } from '@/components/ui/button';
import type { DispatchFeedback } from '@/lib/domain/dispatch-feedback';
import { CompleteForm } from './complete-form';
import type { FeedbackAgency } from './dispatch-feedback-fields';
import { DeclineForm } from './decline-form';
import { QueueNotice } from './queue-notice';
import { useOpdQueue } from './opd-queue-provider';

// Touch sizes only (lg, xl): these are tapped on a phone in the field.
const STEP_STYLE: Record<AssignmentAction, ButtonStyle> = {
  acknowledge_assignment: { variant: 'primary', size: 'xl' },
  mark_en_route: { variant: 'warning', size: 'lg' },
  mark_on_scene: { variant: 'accent', size: 'lg' },
  complete_assignment: { variant: 'success', size: 'lg' },
  decline_assignment: { variant: 'secondary', size: 'lg' },
};

const STEP_LABEL: Record<AssignmentAction, 'opd.ack.button' | 'opd.step.en_route' | 'opd.step.on_scene' | 'opd.step.complete' | 'opd.step.decline'> = {
  acknowledge_assignment: 'opd.ack.button',
  mark_en_route: 'opd.step.en_route',
  mark_on_scene: 'opd.step.on_scene',
  complete_assignment: 'opd.step.complete',
  decline_assignment: 'opd.step.decline',
};

export interface AssignmentStepsProps {
  assignment: Assignment;
  incidentStatus: IncidentStatus;
  category: string;
  /** Agencies the completion may name as missing. */
  missingCandidates?: readonly FeedbackAgency[];
}

export function AssignmentSteps({ assignment, incidentStatus, category, missingCandidates = [] }: AssignmentStepsProps) {
  const { t } = useT();
  const { queue, applied, submit, dismiss } = useOpdQueue();
  const [form, setForm] = useState<'complete' | 'decline' | null>(null);
  const state = latestState(assignment, applied.get(assignment.id));
  const effective = effectiveAssignment(queue, { id: assignment.id, ...state });
  const actions = allowedAssignmentActions('opd', { status: effective.status, incidentStatus, ownAgency: true });
  const mine = queue.filter((i) => i.assignmentId === assignment.id);

  function take(action: AssignmentAction, text?: string, counts?: Counts | null, feedback?: DispatchFeedback | null) {
    submit({ assignmentId: assignment.id, action, expectedVersion: effective.version, text, counts: counts ?? undefined, feedback: feedback ?? undefined });
    setForm(null);
  }

  return (
    <div className="flex flex-col gap-2" data-test="assignment-steps" data-effective-status={effective.status}>
      <QueueNotice items={mine} onDismiss={dismiss} />
      {form === 'complete' && (
        <CompleteForm
          category={category}
          candidates={missingCandidates}
          onSubmit={(r, counts, feedback) => take('complete_assignment', r, counts, feedback)}
          onCancel={() => setForm(null)}
        />
      )}
      {form === 'decline' && <DeclineForm onSubmit={(r) => take('decline_assignment', r)} onCancel={() => setForm(null)} />}
      {form === null && actions.length > 0 && (
        <div className="flex flex-col gap-2">
          {actions.map((action) => (
            <Button
              key={action}
              {...STEP_STYLE[action]}
              className="w-full"
              data-test={`step-${action}`}
              onClick={() => {
                if (action === 'complete_assignment') setForm('complete');
                else if (action === 'decline_assignment') setForm('decline');
                else take(action);
              }}
            >
              {t(STEP_LABEL[action])}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
