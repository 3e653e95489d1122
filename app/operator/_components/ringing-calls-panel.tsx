'use client';
/**
 * The calls ringing at the PBX, shown on a free console (issue #16 §2): the caller's number, how long
 * they have waited (database clock) and the number's nuisance history, longest wait first. The
 * operator picks up at the desk phone; the PBX's answer then opens the call on their console.
 */
import { Phone } from 'lucide-react';
import type { Db } from '@/lib/data/db';
import { formatWait, waitingCalls } from '@/lib/domain/ringing-calls';
import { useT } from '@/lib/i18n/use-t';
import type { LiveRows } from '@/lib/realtime/use-live-rows';
import type { RingingCall } from '@/lib/realtime/use-live-ringing-calls';
import { CallerHistoryBadge } from '@/components/calls/caller-history-badge';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { useCallerHistory } from './use-caller-history';

export interface RingingCallsPanelProps {
  client: Db;
  ringing: LiveRows<RingingCall>;
  /** Database clock estimate, ticking. */
  nowMs: number;
}

function RingingCallItem({ client, call, nowMs }: { client: Db; call: RingingCall; nowMs: number }) {
  const { t } = useT();
  const caller = useCallerHistory(client, call.caller_phone ?? '', call.id);
  return (
    <li className="flex flex-col gap-1 rounded-md border border-amber-300 bg-white p-3" data-test="ringing-call" data-call-id={call.id}>
      <div className="flex flex-wrap items-baseline gap-3">
        <Phone className="h-4 w-4 self-center text-amber-700" aria-hidden="true" focusable={false} />
        <span className="text-lg font-bold tabular-nums" data-test="ringing-phone">
          {call.caller_phone ?? t('operator.ringing.withheld')}
        </span>
        <span className="ml-auto text-sm font-semibold tabular-nums text-amber-900" data-test="ringing-wait">
          {t('operator.ringing.waited', { wait: formatWait(call.received_at, nowMs) })}
        </span>
      </div>
      <CallerHistoryBadge history={caller.history} loading={caller.loading} />
    </li>
  );
}

export function RingingCallsPanel({ client, ringing, nowMs }: RingingCallsPanelProps) {
  const { t } = useT();
  const calls = waitingCalls(ringing.rows, nowMs);
  if (ringing.status === 'error' && ringing.error) {
    return (
      <p className="text-sm text-red-700" role="alert" data-test="ringing-error">
        {t('operator.ringing.loadError', { message: ringing.error.message })}
      </p>
    );
  }
  if (calls.length === 0) return null;
  return (
    <section
      className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4"
      data-test="ringing-calls"
      data-count={calls.length}
      aria-live="polite"
    >
      <h2 className="mb-1 flex items-center gap-2 font-bold text-amber-950">
        {t('operator.ringing.title')}
        <span className="rounded-full bg-amber-600 px-2 text-sm text-white" data-test="ringing-count">
          {calls.length}
        </span>
        <ConnectionStatus status={ringing.status} />
      </h2>
      <p className="mb-2 text-sm text-amber-900">{t('operator.ringing.hint')}</p>
      <ul className="flex flex-col gap-2">
        {calls.map((call) => (
          <RingingCallItem key={call.id} client={client} call={call} nowMs={nowMs} />
        ))}
      </ul>
    </section>
  );
}
