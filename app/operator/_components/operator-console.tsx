'use client';
/**
 * The call taker's console: "Panggilan baru" starts and answers a call, one key or click classifies
 * it, an info call ends with its answer note, an emergency becomes a ticket (or joins a nearby open
 * one). The active call's idempotency key and everything typed live in sessionStorage, so a reload,
 * a double click or a dropped connection continues the same call and never makes a second ticket.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { ACTIVE_CALL_STORAGE_KEY, type CallDraft, type EmergencyDraft } from '@/lib/domain/call-draft';
import { newCallKey } from '@/lib/domain/call-key';
import { commandForKey } from '@/lib/domain/console-keys';
import { parseCoordinates } from '@/lib/domain/coordinates';
import { validateEmergency, type EmergencyField } from '@/lib/domain/emergency-validation';
import type { FormProblem } from '@/lib/domain/form-problems';
import { validateInfoNote } from '@/lib/domain/info-note-validation';
import { normalisePhone } from '@/lib/domain/phone';
import { findNearbyIncidents } from '@/lib/domain/nearby';
import type { SlaStage } from '@/lib/domain/sla';
import type { CallType } from '@/lib/domain/workflow';
import { workflowErrorKey } from '@/lib/domain/workflow-errors';
import {
  OperatorActionError,
  classifyAndEnd,
  classifyOnce,
  linkAndEnd,
  readIncidentTicket,
  reportAndEnd,
  startAndAnswerCall,
  type CallRow,
  type CallerFields,
} from '@/lib/data/operator-calls';
import { useT } from '@/lib/i18n/use-t';
import type { TileConfig } from '@/lib/map/tile-config';
import { useLiveOperatorCalls } from '@/lib/realtime/use-live-operator-calls';
import { useLiveOperatorIncidents, type OperatorIncidentRow } from '@/lib/realtime/use-live-operator-incidents';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { CallStageTimers } from '@/components/calls/call-stage-timers';
import { CallerHistoryBadge } from '@/components/calls/caller-history-badge';
import { ClassifyButtons } from '@/components/calls/classify-buttons';
import { ShiftCallsTable } from '@/components/calls/shift-calls-table';
import { useDbNow } from '@/components/calls/use-db-now';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmergencyForm } from './emergency-form';
import { InfoForm } from './info-form';
import { OpenIncidentsList } from './open-incidents-list';
import { useCallDraft } from './use-call-draft';
import { useCallerHistory } from './use-caller-history';
import { useServerClock } from '@/lib/realtime/use-server-clock';

export interface OperatorConsoleProps {
  operatorId: string;
  targets: Readonly<Record<SlaStage, number>>;
  tiles: TileConfig;
}

interface Outcome {
  callType: CallType;
  ticketNo: string | null;
  linked: boolean;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function OperatorConsole({ operatorId, targets, tiles }: OperatorConsoleProps) {
  const { t } = useT();
  const [client] = useState(() => createClient());
  const incidentsLive = useLiveOperatorIncidents(client);
  const callsLive = useLiveOperatorCalls(client, operatorId);
  const clock = useServerClock(client, incidentsLive.status);
  // Coarse clock for the one-hour window of the nearby check; the timers tick on their own.
  const nowMs = useDbNow(clock.offsetMs, 15_000);

  const [callKey, setCallKey] = useState<string | null>(null);
  const [call, setCall] = useState<CallRow | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const { draft, update, discard } = useCallDraft(callKey);
  const caller = useCallerHistory(client, draft?.callerPhone ?? '', call?.id);

  const describe = useCallback(
    (err: unknown): string => {
      if (err instanceof OperatorActionError) {
        if (err.kind === 'workflow' && err.code) return t(workflowErrorKey(err.code));
        if (err.kind === 'network') return t('operator.error.network');
        if (err.kind === 'server') return t('operator.error.server');
      }
      return t('operator.error.other');
    },
    [t],
  );

  /** Runs one step at a time: a second click or key while a step runs is ignored. */
  const run = useCallback(
    async (step: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      setError(null);
      try {
        await step();
      } catch (err) {
        setError(describe(err));
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [describe],
  );

  const finish = useCallback(
    (result: Outcome) => {
      discard();
      window.sessionStorage.removeItem(ACTIVE_CALL_STORAGE_KEY);
      setOutcome(result);
      setCall(null);
      setCallKey(null);
      setShowProblems(false);
    },
    [discard],
  );

  /** Shows a call's current row; one that ended meanwhile (another tab, a supervisor) is wrapped up. */
  const show = useCallback(
    async (row: CallRow) => {
      if (row.ended_at === null) {
        setCall(row);
        return;
      }
      const ticketNo = row.incident_id ? await readIncidentTicket(client, row.incident_id) : null;
      finish({ callType: row.call_type ?? 'ghost', ticketNo, linked: false });
    },
    [client, finish],
  );

  const resume = useCallback(
    (key: string) =>
      run(async () => {
        await show(await startAndAnswerCall(client, key));
      }),
    [client, run, show],
  );

  // A call left open by a reload or a crashed page continues with the same key.
  useEffect(() => {
    const key = window.sessionStorage.getItem(ACTIVE_CALL_STORAGE_KEY);
    if (!key) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCallKey(key);
    void resume(key);
  }, [resume]);

  const newCall = useCallback(() => {
    if (busyRef.current || callKey) return;
    const key = newCallKey();
    window.sessionStorage.setItem(ACTIVE_CALL_STORAGE_KEY, key);
    setOutcome(null);
    setCallKey(key);
    void resume(key);
  }, [callKey, resume]);

  const callerFields = useCallback((): CallerFields | null => {
    const phone = normalisePhone(draft?.callerPhone ?? '');
    if (!phone.ok) {
      setError(t('operator.problem.phone'));
      return null;
    }
    return { callerPhone: phone.value, callerName: draft?.callerName.trim() || null };
  }, [draft, t]);

  const classify = useCallback(
    (callType: CallType) => {
      if (!call) return;
      const fields = callerFields();
      if (!fields) return;
      void run(async () => {
        if (callType === 'ghost' || callType === 'prank') {
          await classifyAndEnd(client, call.id, callType, fields);
          finish({ callType, ticketNo: null, linked: false });
        } else {
          await show(await classifyOnce(client, call.id, callType, fields));
        }
      });
    },
    [call, callerFields, client, finish, run, show],
  );

  const submitInfo = useCallback(() => {
    if (!call || !draft) return;
    const note = validateInfoNote(draft.infoNote);
    if (!note.ok) {
      setShowProblems(true);
      return;
    }
    const fields = callerFields();
    if (!fields) return;
    void run(async () => {
      await classifyAndEnd(client, call.id, 'info', fields, note.value);
      finish({ callType: 'info', ticketNo: null, linked: false });
    });
  }, [call, callerFields, client, draft, finish, run]);

  const submitEmergency = useCallback(() => {
    if (!call || !draft) return;
    const report = validateEmergency(draft.emergency);
    if (!report.ok) {
      setShowProblems(true);
      return;
    }
    const fields = callerFields();
    if (!fields) return;
    void run(async () => {
      const { incident } = await reportAndEnd(client, call.id, report.value, fields);
      finish({ callType: 'emergency', ticketNo: incident.ticket_no, linked: false });
    });
  }, [call, callerFields, client, draft, finish, run]);

  const link = useCallback(
    (incident: OperatorIncidentRow) => {
      if (!call) return;
      const fields = callerFields();
      if (!fields) return;
      void run(async () => {
        const result = await linkAndEnd(client, call.id, incident.id, fields);
        finish({ callType: 'emergency', ticketNo: result.incident.ticket_no, linked: true });
      });
    },
    [call, callerFields, client, finish, run],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.repeat || event.defaultPrevented) return;
      const command = commandForKey({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        inTextField: isTextField(event.target),
      });
      if (!command) return;
      if (command.kind === 'new_call') {
        if (callKey) return;
        event.preventDefault();
        newCall();
      } else if (call) {
        event.preventDefault();
        classify(command.callType);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [call, callKey, classify, newCall]);

  const updateEmergency = (patch: Partial<EmergencyDraft>) =>
    update((d: CallDraft) => ({ ...d, emergency: { ...d.emergency, ...patch } }));

  const emergencyCheck = draft ? validateEmergency(draft.emergency) : null;
  const emergencyProblems: Partial<Record<EmergencyField, FormProblem>> =
    showProblems && emergencyCheck && !emergencyCheck.ok ? emergencyCheck.problems : {};
  const infoCheck = draft ? validateInfoNote(draft.infoNote) : null;
  const infoProblem = showProblems && infoCheck && !infoCheck.ok ? infoCheck.problem : null;
  const point = draft ? parseCoordinates(draft.emergency.coordinates) : null;
  const nearby =
    draft && point && draft.emergency.category
      ? findNearbyIncidents(incidentsLive.rows, { point, category: draft.emergency.category, nowMs })
      : [];

  return (
    <div className="grid flex-1 gap-4 p-4 xl:grid-cols-[minmax(0,1fr)_22rem]" data-test="operator-console">
      <div className="flex min-w-0 flex-col gap-4">
        <div className="flex flex-wrap items-center gap-3">
          <Button
            data-test="new-call"
            aria-keyshortcuts="N"
            disabled={!!callKey || busy}
            onClick={newCall}
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

        {error && (
          <Alert tone="error" data-test="operator-error">
            {error} {t('operator.error.kept')}
          </Alert>
        )}

        {outcome && !callKey && (
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
        )}

        {callKey && !call && (
          <section className="rounded-lg border border-slate-300 bg-white p-4" data-test="call-starting">
            <p className="text-sm">{busy ? t('operator.starting') : t('operator.startFailed')}</p>
            {!busy && (
              <Button className="mt-2" data-test="call-retry" onClick={() => void resume(callKey)}>
                {t('operator.retry')}
              </Button>
            )}
          </section>
        )}

        {call && draft && (
          <section
            className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm"
            data-test="active-call"
            data-call-id={call.id}
            data-type={call.call_type ?? ''}
          >
            <CallStageTimers call={call} offsetMs={clock.offsetMs} targets={targets} />
            <div className="grid gap-3 md:grid-cols-2">
              <label className="flex flex-col gap-1 text-sm font-semibold">
                {t('operator.callerPhone')}
                <input
                  data-test="caller-phone"
                  inputMode="tel"
                  autoComplete="off"
                  className="min-h-10 rounded-md border border-slate-400 px-3 py-2 font-mono text-base"
                  value={draft.callerPhone}
                  onChange={(e) => update((d) => ({ ...d, callerPhone: e.target.value }))}
                />
              </label>
              <label className="flex flex-col gap-1 text-sm font-semibold">
                {t('operator.callerName')}
                <input
                  data-test="caller-name"
                  autoComplete="off"
                  className="min-h-10 rounded-md border border-slate-400 px-3 py-2 text-base"
                  value={draft.callerName}
                  maxLength={120}
                  onChange={(e) => update((d) => ({ ...d, callerName: e.target.value }))}
                />
              </label>
            </div>
            <CallerHistoryBadge history={caller.history} loading={caller.loading} />
            <ClassifyButtons current={call.call_type} disabled={busy} onClassify={classify} />
            {call.call_type === 'info' && (
              <InfoForm
                note={draft.infoNote}
                problem={infoProblem}
                busy={busy}
                onChange={(infoNote) => update((d) => ({ ...d, infoNote }))}
                onSubmit={submitInfo}
              />
            )}
            {call.call_type === 'emergency' && (
              <EmergencyForm
                draft={draft.emergency}
                onChange={updateEmergency}
                problems={emergencyProblems}
                tiles={tiles}
                incidents={incidentsLive.rows}
                nearby={nearby}
                busy={busy}
                onSubmit={submitEmergency}
                onLink={link}
              />
            )}
          </section>
        )}

        {!callKey && !outcome && (
          <p className="rounded-lg border border-dashed border-slate-400 p-6 text-center text-slate-600" data-test="no-call">
            {t('operator.idle')}
          </p>
        )}

        <section className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 className="mb-2 flex items-center gap-2 font-bold">
            {t('operator.shift.title')}
            <ConnectionStatus status={callsLive.status} />
          </h2>
          <ShiftCallsTable calls={callsLive.rows} offsetMs={clock.offsetMs} targets={targets} />
        </section>
      </div>
      <aside className="rounded-lg border border-slate-300 bg-white p-4" data-test="open-incidents-panel">
        <h2 className="mb-2 font-bold">{t('operator.open.title')}</h2>
        <OpenIncidentsList incidents={incidentsLive.rows} />
      </aside>
    </div>
  );
}
