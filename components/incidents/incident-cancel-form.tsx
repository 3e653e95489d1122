'use client';
/** Cancel an open incident with a reason (unfinished assignments are withdrawn by the database). */
import { useState } from 'react';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { ReasonForm } from '@/components/ui/reason-form';

// incidents.cancel_reason allows 1000 characters.
const REASON_MAX_LENGTH = 1000;

export interface IncidentCancelFormProps {
  busy: boolean;
  /** Resolves true when the incident was cancelled. */
  onCancel: (reason: string) => Promise<boolean>;
}

export function IncidentCancelForm({ busy, onCancel }: IncidentCancelFormProps) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="dangerOutline" onClick={() => setOpen(true)} data-test="cancel-open">
        {t('dispatch.cancel.open')}
      </Button>
    );
  }
  return (
    <ReasonForm
      label={t('dispatch.cancel.reason')}
      rows={2}
      maxLength={REASON_MAX_LENGTH}
      requiredMessage={t('dispatch.cancel.required')}
      submitLabel={t('dispatch.cancel.submit')}
      cancelLabel={t('dispatch.form.cancel')}
      busy={busy}
      busyLabel={t('dispatch.form.busy')}
      density="desk"
      tone="danger"
      submitVariant="danger"
      test={{ form: 'cancel-form', text: 'cancel-reason', submit: 'cancel-submit' }}
      onSubmit={(reason) => void onCancel(reason).then((ok) => ok && setOpen(false))}
      onCancel={() => setOpen(false)}
    />
  );
}
