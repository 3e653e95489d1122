'use client';
/**
 * One proposal (approve or reject, each with a reason) and one block in force (expiry, who decided,
 * lift early with a reason). A refusal — above all another supervisor deciding first — is shown and
 * the live list brings the fresh state.
 */
import { useState } from 'react';
import { NUISANCE_TEXT_MAX } from '@/lib/domain/nuisance';
import type { WriteResult } from '@/lib/domain/write-failure';
import type { Db } from '@/lib/data/db';
import { decideNumberBlock, liftNumberBlock, type NumberBlock } from '@/lib/data/nuisance';
import { writeFailureMessage } from '@/lib/data/write-result';
import { formatDateTime, formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import type { NumberBlockRow } from '@/lib/realtime/use-live-number-blocks';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ReasonForm } from '@/components/ui/reason-form';

type Step = 'approve' | 'reject' | 'lift';

function useBlockStep(): {
  step: Step | null;
  busy: boolean;
  problem: string | null;
  open: (step: Step | null) => void;
  run: (write: () => Promise<WriteResult<NumberBlock>>) => Promise<void>;
} {
  const { t } = useT();
  const [step, setStep] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return {
    step,
    busy,
    problem,
    open: (next) => {
      setProblem(null);
      setStep(next);
    },
    run: async (write) => {
      setBusy(true);
      const result = await write();
      setBusy(false);
      if (result.ok) setStep(null);
      else setProblem(writeFailureMessage(result.failure, t));
    },
  };
}

export function ProposalCard({ client, block }: { client: Db; block: NumberBlockRow }) {
  const { t } = useT();
  const s = useBlockStep();
  const approve = s.step === 'approve';
  return (
    <article className="rounded-lg border border-amber-400 bg-amber-50 p-3" data-test="nuisance-proposal" data-phone={block.phone} data-block-id={block.id}>
      <p className="font-mono text-lg font-bold">{block.phone}</p>
      <p className="text-sm" data-test="proposal-counts">
        {t('nuisance.proposals.counts', { prank: block.prank_calls, ghost: block.ghost_calls, hours: block.window_hours, threshold: block.threshold })}
      </p>
      <p className="text-xs text-slate-700">
        {t('nuisance.proposals.calls', { first: formatTime(block.first_call_at), last: formatTime(block.last_call_at) })}
      </p>
      {s.problem && (
        <Alert tone="error" data-test="proposal-problem">
          {s.problem}
        </Alert>
      )}
      {s.step ? (
        <ReasonForm
          title={approve ? t('nuisance.proposals.approveTitle') : t('nuisance.proposals.rejectTitle')}
          label={t('nuisance.reasonLabel')}
          maxLength={NUISANCE_TEXT_MAX}
          rows={2}
          requiredMessage={t('nuisance.reasonRequired')}
          submitLabel={approve ? t('nuisance.proposals.approve') : t('nuisance.proposals.reject')}
          cancelLabel={t('nuisance.cancel')}
          busy={s.busy}
          busyLabel={t('nuisance.submitting')}
          density="desk"
          tone={approve ? 'danger' : 'plain'}
          submitVariant={approve ? 'danger' : 'primary'}
          test={{ form: 'proposal-form', text: 'proposal-reason', submit: 'proposal-submit', problem: 'proposal-reason-problem' }}
          onSubmit={(reason) => void s.run(() => decideNumberBlock(client, block, approve, reason))}
          onCancel={() => s.open(null)}
        />
      ) : (
        <div className="mt-2 flex gap-2">
          <Button size="sm" variant="danger" onClick={() => s.open('approve')} data-test="proposal-approve">
            {t('nuisance.proposals.approve')}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => s.open('reject')} data-test="proposal-reject">
            {t('nuisance.proposals.reject')}
          </Button>
        </div>
      )}
    </article>
  );
}

export function BlockCard({ client, block }: { client: Db; block: NumberBlockRow }) {
  const { t, lang } = useT();
  const s = useBlockStep();
  return (
    <article
      className="rounded-lg border border-red-400 bg-red-50 p-3"
      data-test="nuisance-block"
      data-phone={block.phone}
      data-block-id={block.id}
      data-expires-at={block.expires_at ?? ''}
    >
      <p className="font-mono text-lg font-bold">{block.phone}</p>
      {block.expires_at && (
        <p className="text-sm font-semibold" data-test="block-until">
          {t('nuisance.blocks.until', { until: formatDateTime(block.expires_at, lang) })}
        </p>
      )}
      {block.decided_at && (
        <p className="text-xs text-slate-700" data-test="block-decided">
          {t('nuisance.blocks.decidedBy', {
            name: block.decider?.full_name ?? t('nuisance.unknownUser'),
            at: formatDateTime(block.decided_at, lang),
            reason: block.decision_reason ?? '',
          })}
        </p>
      )}
      {s.problem && <Alert tone="error">{s.problem}</Alert>}
      {s.step === 'lift' ? (
        <ReasonForm
          title={t('nuisance.blocks.liftTitle')}
          label={t('nuisance.reasonLabel')}
          maxLength={NUISANCE_TEXT_MAX}
          rows={2}
          requiredMessage={t('nuisance.reasonRequired')}
          submitLabel={t('nuisance.blocks.lift')}
          cancelLabel={t('nuisance.cancel')}
          busy={s.busy}
          busyLabel={t('nuisance.submitting')}
          density="desk"
          test={{ form: 'lift-form', text: 'lift-reason', submit: 'lift-submit' }}
          onSubmit={(reason) => void s.run(() => liftNumberBlock(client, block, reason))}
          onCancel={() => s.open(null)}
        />
      ) : (
        <Button size="sm" variant="secondary" className="mt-2" onClick={() => s.open('lift')} data-test="block-lift">
          {t('nuisance.blocks.lift')}
        </Button>
      )}
    </article>
  );
}
