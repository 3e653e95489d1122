'use client';
/**
 * Close the ticket with a summary. With agencies still unfinished it asks for an explicit
 * confirmation first; the database records that the close was forced.
 */
import { useState } from 'react';
import { pluralKey } from '@/lib/i18n/plural';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { ReasonForm } from '@/components/ui/reason-form';

// incidents.close_summary allows 4000 characters.
const SUMMARY_MAX_LENGTH = 4000;

export interface IncidentCloseFormProps {
  unfinished: number;
  busy: boolean;
  /** Resolves true when the ticket was closed. */
  onClose: (summary: string, force: boolean) => Promise<boolean>;
}

export function IncidentCloseForm({ unfinished, busy, onClose }: IncidentCloseFormProps) {
  const { t, lang } = useT();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="success" onClick={() => setOpen(true)} data-test="close-open">
        {t('dispatch.close.open')}
      </Button>
    );
  }
  const confirm =
    unfinished > 0
      ? { message: t(pluralKey('dispatch.close.unfinished', unfinished, lang), { count: unfinished }), confirmLabel: t('dispatch.close.confirm') }
      : null;
  return (
    <ReasonForm
      label={t('dispatch.close.summary')}
      maxLength={SUMMARY_MAX_LENGTH}
      requiredMessage={t('dispatch.close.required')}
      submitLabel={t('dispatch.close.submit')}
      cancelLabel={t('dispatch.form.cancel')}
      busy={busy}
      busyLabel={t('dispatch.form.busy')}
      density="desk"
      tone="success"
      submitVariant="success"
      confirm={confirm}
      test={{ form: 'close-form', text: 'close-summary', submit: 'close-submit', confirm: 'close-confirm', confirmSubmit: 'close-confirm-force' }}
      onSubmit={(summary, confirmed) => void onClose(summary, confirmed).then((ok) => ok && setOpen(false))}
      onCancel={() => setOpen(false)}
    />
  );
}
