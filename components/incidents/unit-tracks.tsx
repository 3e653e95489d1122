/**
 * The positions the units' phones reported, in the incident's record (issue #18 §3): per agency how
 * many, the first and the last, and the tracks on a map. Rendered only for readers RLS gives
 * positions to (supervisors, leadership, the unit's own agency).
 */
import type { AssignmentPosition } from '@/lib/data/assignment-positions';
import type { Agency } from '@/lib/data/dispatch';
import type { TileConfig } from '@/lib/map/tile-config';
import type { Language } from '@/lib/i18n/languages';
import type { Translate } from '@/lib/i18n/translate';
import { formatDateTime } from '@/lib/i18n/format';
import { pluralKey } from '@/lib/i18n/plural';
import { LazyUnitTrackMap } from './lazy-unit-track-map';

export interface UnitTracksProps {
  incident: { lat: number; lng: number; status: string; category: string };
  assignments: ReadonlyArray<{ id: string; agency_id: string }>;
  positions: readonly AssignmentPosition[];
  agencies: ReadonlyMap<string, Agency>;
  tiles: TileConfig;
  t: Translate;
  lang: Language;
}

export function UnitTracks({ incident, assignments, positions, agencies, tiles, t, lang }: UnitTracksProps) {
  const rows = assignments.flatMap((a) => {
    const own = positions.filter((p) => p.assignment_id === a.id);
    if (own.length === 0) return [];
    const agency = agencies.get(a.agency_id);
    return [{ assignment: a, agency, points: own, first: own[0], last: own[own.length - 1] }];
  });
  if (rows.length === 0) return null;
  return (
    <section className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3" data-test="record-tracks">
      <h2 className="font-semibold">{t('find.detail.tracks')}</h2>
      <ul className="flex flex-col gap-1 text-sm">
        {rows.map((r) => (
          <li key={r.assignment.id} data-test="record-track" data-assignment-id={r.assignment.id} data-count={r.points.length}>
            <span className="font-semibold">{r.agency?.name ?? '—'}</span> ·{' '}
            {t(pluralKey('find.detail.trackLine', r.points.length, lang), {
              count: r.points.length,
              first: formatDateTime(r.first.recorded_at, lang),
              last: formatDateTime(r.last.recorded_at, lang),
            })}
          </li>
        ))}
      </ul>
      <LazyUnitTrackMap
        incident={incident}
        tiles={tiles}
        tracks={rows.map((r) => ({
          assignmentId: r.assignment.id,
          label: r.agency?.code ?? '—',
          color: r.agency?.color ?? '#0f172a',
          points: r.points.map((p) => ({ lat: p.lat, lng: p.lng })),
        }))}
      />
    </section>
  );
}
