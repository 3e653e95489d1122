'use client';
/**
 * The supervisor's major-incident desk (issue #18 §1): the live active major incidents and the one
 * form open at a time — declare on the selected ticket, change, or end — with the area being drawn on
 * the map. Every write is one RPC with the version the supervisor saw; a `stale_version` refusal says
 * so and reloads the live rows, the draft stays.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Db } from '@/lib/data/db';
import { changeMajorIncident, declareMajorIncident, endMajorIncident, type MajorIncident, type MajorTemplate } from '@/lib/data/major-incidents';
import { writeFailureMessage } from '@/lib/data/write-result';
import { circleArea, isValidArea, polygonArea, readArea, type AreaPolygon } from '@/lib/domain/area';
import type { LatLng } from '@/lib/domain/geo';
import { majorFormProblems, type MajorFormProblem } from '@/lib/domain/major-incident';
import { isRefusal, type WriteResult } from '@/lib/domain/write-failure';
import { useT } from '@/lib/i18n/use-t';
import { useLiveMajorIncidents } from '@/lib/realtime/use-live-major-incidents';
import type { LiveRows } from '@/lib/realtime/use-live-rows';

export type AreaShape = 'circle' | 'polygon';

export interface MajorDraft {
  mode: 'declare' | 'change';
  /** The major incident being changed. */
  major: Pick<MajorIncident, 'id' | 'version'> | null;
  incidentId: string;
  title: string;
  template: MajorTemplate;
  script: string;
  shape: AreaShape;
  radiusM: number;
  centre: LatLng | null;
  corners: readonly LatLng[];
}

export interface MajorNotice {
  kind: 'ok' | 'error' | 'conflict';
  message: string;
}

export interface MajorDesk {
  live: LiveRows<MajorIncident>;
  draft: MajorDraft | null;
  /** The draft's area when it is a valid one. */
  area: AreaPolygon | null;
  problems: readonly MajorFormProblem[];
  showProblems: boolean;
  ending: MajorIncident | null;
  busy: boolean;
  notice: MajorNotice | null;
  startDeclare: (incident: { id: string; lat: number; lng: number }) => void;
  startChange: (major: MajorIncident) => void;
  startEnd: (major: MajorIncident) => void;
  edit: (patch: Partial<Omit<MajorDraft, 'mode' | 'major' | 'incidentId'>>) => void;
  /** A click on the map: the circle's centre, or the polygon's next corner. */
  mapClick: (point: LatLng) => void;
  cancel: () => void;
  submit: () => Promise<void>;
  end: (reason: string) => Promise<void>;
}

const DEFAULT_RADIUS_M = 1000;

function draftArea(d: MajorDraft | null): AreaPolygon | null {
  if (!d) return null;
  if (d.shape === 'polygon') return polygonArea(d.corners);
  if (!d.centre) return null;
  const circle = circleArea(d.centre, d.radiusM);
  return isValidArea(circle) ? circle : null;
}

/** The stored ring as corners (without the repeated first position), to edit it as a polygon. */
function cornersOf(area: unknown): LatLng[] {
  const ring = readArea(area)?.coordinates[0] ?? [];
  return ring.slice(0, -1).map(([lng, lat]) => ({ lat, lng }));
}

export function useMajorDesk(client: Db): MajorDesk {
  const { t } = useT();
  const live = useLiveMajorIncidents(client);
  const [draft, setDraft] = useState<MajorDraft | null>(null);
  const [ending, setEnding] = useState<MajorIncident | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<MajorNotice | null>(null);

  const area = useMemo(() => draftArea(draft), [draft]);
  const problems = useMemo(() => (draft ? majorFormProblems({ title: draft.title, script: draft.script, area }) : []), [draft, area]);

  const open = (next: MajorDraft | null, end: MajorIncident | null) => {
    setDraft(next);
    setEnding(end);
    setShowProblems(false);
    setNotice(null);
  };

  const startDeclare = (incident: { id: string; lat: number; lng: number }) =>
    open(
      {
        mode: 'declare',
        major: null,
        incidentId: incident.id,
        title: '',
        template: 'chemical_explosion',
        script: '',
        shape: 'circle',
        radiusM: DEFAULT_RADIUS_M,
        centre: { lat: incident.lat, lng: incident.lng },
        corners: [],
      },
      null,
    );

  const startChange = (major: MajorIncident) =>
    open(
      {
        mode: 'change',
        major: { id: major.id, version: major.version },
        incidentId: major.incident_id,
        title: major.title,
        template: major.template,
        script: major.script,
        shape: 'polygon',
        radiusM: DEFAULT_RADIUS_M,
        centre: null,
        corners: cornersOf(major.area),
      },
      null,
    );

  const startEnd = (major: MajorIncident) => open(null, major);
  const cancel = () => open(null, null);

  const edit = useCallback((patch: Partial<Omit<MajorDraft, 'mode' | 'major' | 'incidentId'>>) => setDraft((d) => (d ? { ...d, ...patch } : d)), []);

  const mapClick = useCallback(
    (point: LatLng) =>
      setDraft((d) => {
        if (!d) return d;
        return d.shape === 'circle' ? { ...d, centre: point } : { ...d, corners: [...d.corners, point] };
      }),
    [],
  );

  async function write<T>(action: () => Promise<WriteResult<T>>): Promise<boolean> {
    setBusy(true);
    setNotice(null);
    try {
      const result = await action();
      if (result.ok) {
        setNotice({ kind: 'ok', message: t('major.desk.done') });
        return true;
      }
      if (isRefusal(result.failure, 'stale_version')) {
        setNotice({ kind: 'conflict', message: t('dispatch.drawer.conflict') });
        await live.refresh();
      } else {
        setNotice({ kind: 'error', message: writeFailureMessage(result.failure, t) });
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    if (!draft || busy) return;
    if (problems.length > 0 || !area) {
      setShowProblems(true);
      return;
    }
    const fields = { title: draft.title.trim(), script: draft.script.trim(), area };
    const { major } = draft;
    const ok = major
      ? await write(() => changeMajorIncident(client, major, fields))
      : await write(() => declareMajorIncident(client, { incidentId: draft.incidentId, template: draft.template, ...fields }));
    if (ok) setDraft(null);
  }

  async function end(reason: string) {
    if (!ending || busy) return;
    if (await write(() => endMajorIncident(client, ending, reason))) setEnding(null);
  }

  return { live, draft, area, problems, showProblems, ending, busy, notice, startDeclare, startChange, startEnd, edit, mapClick, cancel, submit, end };
}
