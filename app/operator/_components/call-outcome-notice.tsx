'use client';
/** How the last call ended: its ticket number (new or joined), or the type it was closed as. */
import type { CallOutcome } from '@/lib/domain/call-session';
import { useT } from '@/lib/i18n/use-t';
import { Alert } from '@/components/ui/alert';

export function CallOutcomeNotice({ outcome }: { outcome: CallOutcome }) {
  const { t } = useT();
  return (
    <Alert tone="info" data-test="call-outcome" data-type={outcome.callType}>
      {outcome.ticketNo ? (
        <>
          {t(outcome.linked ? 'operator.outcome.linked' : 'operator.outcome.ticket')}{' '}
          <strong className="font-mono text-lg" data-test="ticket-number">
            {outcome.ticketNo}
          </strong>
        </>
      ) : (
        t('operator.outcome.ended', { type: t(`operator.type.${outcome.callType}`) })
      )}
    </Alert>
  );
}
