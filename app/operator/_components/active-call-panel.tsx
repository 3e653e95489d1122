'use client';
/**
 * The call on the line: its stage timers, the caller's number and name with the number's history,
 * the four classifications, and the form of the chosen type (info answer or emergency report, with
 * the open incidents nearby that a repeat caller may be joined to).
 */
import type { CallDraft, DraftPatch } from '@/lib/domain/call-draft';
import { CALLER_NAME_MAX } from '@/lib/domain/caller-validation';
import { parseCoordinates } from '@/lib/domain/coordinates';
import { validateEmergency } from '@/lib/domain/emergency-validation';
import { validateInfoNote } from '@/lib/domain/info-note-validation';
import { findNearbyIncidents } from '@/lib/domain/nearby';
import type { SlaStage } from '@/lib/domain/sla';
import type { CallType } from '@/lib/domain/workflow';
import type { Db } from '@/lib/data/db';
import type { CallRow } from '@/lib/data/operator-calls';
import { useT } from '@/lib/i18n/use-t';
import type { TileConfig } from '@/lib/map/tile-config';
import type { OperatorIncidentRow } from '@/lib/realtime/use-live-operator-incidents';
import { CallStageTimers } from '@/components/calls/call-stage-timers';
import { CallerHistoryBadge } from '@/components/calls/caller-history-badge';
import { ClassifyButtons } from '@/components/calls/classify-buttons';
import { useServerNow } from '@/lib/realtime/use-server-clock';
import { EmergencyForm } from './emergency-form';
import { InfoForm } from './info-form';
import { useCallerHistory } from './use-caller-history';

export interface ActiveCallPanelProps {
  client: Db;
  call: CallRow;
  draft: CallDraft;
  busy: boolean;
  showProblems: boolean;
  targets: Readonly<Record<SlaStage, number>>;
  tiles: TileConfig;
  incidents: readonly OperatorIncidentRow[];
  onEdit: (patch: DraftPatch) => void;
  onClassify: (callType: CallType) => void;
  onSubmitInfo: () => void;
  onSubmitEmergency: () => void;
  onLink: (incident: OperatorIncidentRow) => void;
}

const FIELD = 'min-h-10 rounded-md border border-slate-400 px-3 py-2 text-base';

export function ActiveCallPanel(props: ActiveCallPanelProps) {
  const { client, call, draft, busy, showProblems, targets, tiles, incidents, onEdit } = props;
  const { t } = useT();
  const caller = useCallerHistory(client, draft.callerPhone, call.id);
  // Coarse clock for the one-hour window of the nearby check; the timers tick on their own.
  const nowMs = useServerNow(15_000);

  const emergencyCheck = validateEmergency(draft.emergency);
  const infoCheck = validateInfoNote(draft.infoNote);
  const point = parseCoordinates(draft.emergency.coordinates);
  const category = draft.emergency.category;
  const nearby = point && category ? findNearbyIncidents(incidents, { point, category, nowMs }) : [];

  return (
    <section
      className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm"
      data-test="active-call"
      data-call-id={call.id}
      data-type={call.call_type ?? ''}
    >
      <CallStageTimers call={call} targets={targets} />
      <div className="grid gap-3 md:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('operator.callerPhone')}
          <input
            data-test="caller-phone"
            inputMode="tel"
            autoComplete="off"
            className={`${FIELD} font-mono`}
            value={draft.callerPhone}
            onChange={(e) => onEdit({ callerPhone: e.target.value })}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('operator.callerName')}
          <input
            data-test="caller-name"
            autoComplete="off"
            className={FIELD}
            value={draft.callerName}
            maxLength={CALLER_NAME_MAX}
            onChange={(e) => onEdit({ callerName: e.target.value })}
          />
        </label>
      </div>
      <CallerHistoryBadge history={caller.history} block={caller.block} loading={caller.loading} />
      <ClassifyButtons current={call.call_type} disabled={busy} onClassify={props.onClassify} />
      {call.call_type === 'info' && (
        <InfoForm
          note={draft.infoNote}
          problem={showProblems && !infoCheck.ok ? infoCheck.problem : null}
          busy={busy}
          onChange={(infoNote) => onEdit({ infoNote })}
          onSubmit={props.onSubmitInfo}
        />
      )}
      {call.call_type === 'emergency' && (
        <EmergencyForm
          draft={draft.emergency}
          onChange={(emergency) => onEdit({ emergency })}
          problems={showProblems && !emergencyCheck.ok ? emergencyCheck.problems : {}}
          tiles={tiles}
          incidents={incidents}
          nearby={nearby}
          busy={busy}
          onSubmit={props.onSubmitEmergency}
          onLink={props.onLink}
        />
      )}
    </section>
  );
}
