'use client';
/** Declining an assignment needs a reason the supervisor reads before choosing another agency. */
import { useT } from '@/lib/i18n/use-t';
import { ReasonForm } from '@/components/ui/reason-form';

// assignments.decline_reason allows 1000 characters.
const REASON_MAX_LENGTH = 1000;

export function DeclineForm({ onSubmit, onCancel }: { onSubmit: (reason: string) => void; onCancel: () => void }) {
  const { t } = useT();
  return (
    <ReasonForm
      title={t('opd.decline.title')}
      label={t('opd.decline.reason')}
      placeholder={t('opd.decline.placeholder')}
      maxLength={REASON_MAX_LENGTH}
      requiredMessage={t('opd.decline.required')}
      submitLabel={t('opd.decline.submit')}
      cancelLabel={t('opd.report.cancel')}
      submitVariant="neutral"
      test={{ form: 'decline-form', text: 'decline-reason', submit: 'decline-submit' }}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}
