'use client';
/**
 * The call taker's console: "Panggilan baru" starts and answers a call, one key or click classifies
 * it, an info call ends with its answer note, an emergency becomes a ticket (or joins a nearby open
 * one); beside it the open incidents and the call-back list. With a telephony feed, a free console
 * shows the calls ringing at the PBX, and a call answered at this operator's extension opens here by
 * itself. The call itself is use-operator-call.ts; this is the screen around it.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { parseCoordinates } from '@/lib/domain/coordinates';
import { majorIncidentAt } from '@/lib/domain/major-incident';
import { useLiveMajorIncidents } from '@/lib/realtime/use-live-major-incidents';
import { createClient } from '@/lib/supabase/client';
import { activeCall, activeDraft, canRetryStart, canStartCall, isOnCall } from '@/lib/domain/call-session';
import { answeredCallToOpen, isConsoleFree } from '@/lib/domain/console-availability';
import { formatTime } from '@/lib/i18n/format';
import type { SlaStage } from '@/lib/domain/sla';
import { useT } from '@/lib/i18n/use-t';
import type { TileConfig } from '@/lib/map/tile-config';
import { useLiveOperatorCalls } from '@/lib/realtime/use-live-operator-calls';
import { useLiveOperatorIncidents } from '@/lib/realtime/use-live-operator-incidents';
import { useLiveRingingCalls } from '@/lib/realtime/use-live-ringing-calls';
import { useServerClock } from '@/lib/realtime/use-server-clock';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { ShiftCallsTable } from '@/components/calls/shift-calls-table';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ActiveCallPanel } from './active-call-panel';
import { CallOutcomeNotice } from './call-outcome-notice';
import { CallbackList } from './callback-list';
import { MajorOffer } from './major-offer';
import { consoleFailureMessage } from './console-failure';
import { OpenIncidentsList } from './open-incidents-list';
import { RingingCallsPanel } from './ringing-calls-panel';
import { useConsoleShortcuts } from './use-console-shortcuts';
import { useOperatorCall } from './use-operator-call';

export interface OperatorConsoleProps {
  operatorId: string;
  targets: Readonly<Record<SlaStage, number>>;
  /** The center's shift start hours (WIB), for "my calls this shift". */
  shiftHours: readonly number[];
  tiles: TileConfig;
}

export function OperatorConsole({ operatorId, targets, shiftHours, tiles }: OperatorConsoleProps) {
  const { t } = useT();
  const [client] = useState(() => createClient());
  const incidentsLive = useLiveOperatorIncidents(client);
  const callsLive = useLiveOperatorCalls(client, operatorId);
  const clock = useServerClock(client, incidentsLive.status);
  const operator = useOperatorCall(client);
  const { session } = operator;
  const { phase } = session;
  const call = activeCall(session);
  const draft = activeDraft(session);
  const ringing = useLiveRingingCalls(client);
  const free = isConsoleFree(session, callsLive.rows, clock.nowMs);

  // A call inside an active major incident's area is offered for its ticket: the network's location
  // first, else the one the operator entered. Declining holds for this call and this major incident.
  const majors = useLiveMajorIncidents(client);
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const networkPoint = call && call.caller_lat !== null && call.caller_lng !== null ? { lat: call.caller_lat, lng: call.caller_lng } : null;
  const point = networkPoint ?? (draft ? parseCoordinates(draft.emergency.coordinates) : null);
  const inArea = call && call.incident_id === null ? majorIncidentAt(majors.rows, point) : null;
  const offered = inArea && call && !declined.has(`${call.id}:${inArea.id}`) ? inArea : null;
  const offeredTicket = offered ? incidentsLive.rows.find((i) => i.id === offered.incident_id)?.ticket_no ?? '—' : '';
  const linkMajor = offered ? () => operator.link({ id: offered.incident_id, ticket_no: offeredTicket }) : null;

  // The PBX answered a call at this operator's extension: it becomes the console's call as soon as
  // the console is free (at once, or when the call on screen is finished).
  const answered = answeredCallToOpen(session, callsLive.rows, clock.nowMs);
  const openAnswered = useEffectEvent(() => {
    if (answered) operator.continueCall(answered.idempotency_key, answered.caller_phone ?? '');
  });
  const answeredKey = answered?.idempotency_key ?? null;
  useEffect(() => {
    if (answeredKey) openAnswered();
  }, [answeredKey]);

  useConsoleShortcuts({
    newCall: isOnCall(session) ? null : operator.newCall,
    classify: call ? operator.classify : null,
    linkMajor: session.busy ? null : linkMajor,
  });

  return (
    <div className="grid flex-1 gap-4 p-4 xl:grid-cols-[minmax(0,1fr)_22rem]" data-test="operator-console">
      <div className="flex min-w-0 flex-col gap-4">
        <div className="flex flex-wrap items-center gap-3">
          <Button
            data-test="new-call"
            aria-keyshortcuts="N"
            disabled={!canStartCall(session)}
            onClick={operator.newCall}
            className="min-h-14 px-6 text-lg"
          >
            {t('operator.newCall')}
            <kbd className="rounded bg-black/25 px-1.5 text-xs">N</kbd>
          </Button>
          <ConnectionStatus status={incidentsLive.status} />
          {clock.error && (
            <span className="text-xs text-amber-800" data-test="clock-unverified">
              {t('operator.clockUnverified')}
            </span>
          )}
          <span className="ml-auto text-xs text-slate-600">{t('operator.keysHint')}</span>
        </div>

        {session.failure && (
          <Alert tone="error" data-test="operator-error">
            {consoleFailureMessage(session.failure, t)} {t('operator.error.kept')}
          </Alert>
        )}

        {phase.stage === 'ended' && <CallOutcomeNotice outcome={phase.outcome} />}

        {phase.stage === 'started' && (
          <section className="rounded-lg border border-slate-300 bg-white p-4" data-test="call-starting">
            <p className="text-sm">{canRetryStart(session) ? t('operator.startFailed') : t('operator.starting')}</p>
            {canRetryStart(session) && (
              <Button className="mt-2" data-test="call-retry" onClick={operator.retryStart}>
                {t('operator.retry')}
              </Button>
            )}
          </section>
        )}

        {free && <RingingCallsPanel client={client} ringing={ringing} nowMs={clock.nowMs} />}

        {call?.source === 'telephony' && call.answered_at && (
          <p className="text-sm text-slate-700" data-test="call-from-pbx">
            {t('operator.fromPbx', { time: formatTime(call.answered_at, { seconds: true }) })}
          </p>
        )}

        {call && offered && linkMajor && (
          <MajorOffer
            major={offered}
            ticketNo={offeredTicket}
            from={networkPoint ? 'call' : 'draft'}
            busy={session.busy}
            onLink={linkMajor}
            onDecline={() => setDeclined((d) => new Set(d).add(`${call.id}:${offered.id}`))}
          />
        )}

        {call && draft && (
          <ActiveCallPanel
            client={client}
            call={call}
            draft={draft}
            busy={session.busy}
            showProblems={session.showProblems}
            targets={targets}
            tiles={tiles}
            incidents={incidentsLive.rows}
            onEdit={operator.editDraft}
            onClassify={operator.classify}
            onSubmitInfo={operator.submitInfo}
            onSubmitEmergency={operator.submitEmergency}
            onLink={operator.link}
          />
        )}

        {phase.stage === 'idle' && (
          <p className="rounded-lg border border-dashed border-slate-400 p-6 text-center text-slate-600" data-test="no-call">
            {t('operator.idle')}
          </p>
        )}

        <section className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 className="mb-2 flex items-center gap-2 font-bold">
            {t('operator.shift.title')}
            <ConnectionStatus status={callsLive.status} />
          </h2>
          <ShiftCallsTable calls={callsLive.rows} targets={targets} shiftHours={shiftHours} />
        </section>
      </div>
      <div className="flex flex-col gap-4">
        <aside className="rounded-lg border border-slate-300 bg-white p-4" data-test="open-incidents-panel">
          <h2 className="mb-2 font-bold">{t('operator.open.title')}</h2>
          <OpenIncidentsList incidents={incidentsLive.rows} />
        </aside>
        <aside className="rounded-lg border border-slate-300 bg-white p-4">
          <CallbackList client={client} canStartCall={canStartCall(session)} onEmergency={operator.continueCall} />
        </aside>
      </div>
    </div>
  );
}
