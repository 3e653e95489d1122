'use client';
/**
 * The emergency report: category, priority, description, address, kecamatan and kelurahan, and the
 * location from a map click, typed coordinates, a pasted location link or a place of the gazetteer
 * (LocatePanel); choosing a kecamatan or kelurahan centres the map on it. Before a new ticket is made, open incidents of the
 * same category nearby are listed with the choice to join the call to one of them instead.
 */
import { useState, type FormEvent } from 'react';
import { Constants } from '@/lib/supabase/database.types';
import type { EmergencyDraft } from '@/lib/domain/call-draft';
import { KECAMATAN, type Kecamatan } from '@/lib/domain/city';
import { formatCoordinates, parseCoordinates } from '@/lib/domain/coordinates';
import { EMERGENCY_LIMITS, type EmergencyField } from '@/lib/domain/emergency-validation';
import { problemKey, type FormProblem } from '@/lib/domain/form-problems';
import { centreOf, type Place } from '@/lib/domain/gazetteer';
import type { LatLng } from '@/lib/domain/geo';
import { KELURAHAN, isKelurahanOf } from '@/lib/domain/kelurahan';
import type { WithDistance } from '@/lib/domain/nearby';
import { useT } from '@/lib/i18n/use-t';
import type { TileConfig } from '@/lib/map/tile-config';
import type { OperatorIncidentRow } from '@/lib/realtime/use-live-operator-incidents';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { LazyLocationMap } from './lazy-location-map';
import { HazardLines } from '@/components/incidents/hazard-lines';
import { LocatePanel } from './locate-panel';
import type { MapFocus } from './location-map';
import { NearbyIncidents } from './nearby-incidents';

const INPUT =
  'min-h-10 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-950 focus:border-sky-600 aria-[invalid=true]:border-red-600';

export interface EmergencyFormProps {
  draft: EmergencyDraft;
  onChange: (patch: Partial<EmergencyDraft>) => void;
  problems: Partial<Record<EmergencyField, FormProblem>>;
  tiles: TileConfig;
  incidents: readonly OperatorIncidentRow[];
  nearby: readonly WithDistance<OperatorIncidentRow>[];
  busy: boolean;
  onSubmit: () => void;
  onLink: (incident: OperatorIncidentRow) => void;
}

export function EmergencyForm({ draft, onChange, problems, tiles, incidents, nearby, busy, onSubmit, onLink }: EmergencyFormProps) {
  const { t } = useT();
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const centre = (p: LatLng, zoom: number) => setFocus((f) => ({ point: p, zoom, seq: (f?.seq ?? 0) + 1 }));
  const point = parseCoordinates(draft.coordinates);
  const nearbyIds = new Set(nearby.map((n) => n.id));
  const problem = (field: EmergencyField) => {
    const found = problems[field];
    return found ? (
      <p className="text-sm font-semibold text-red-700" data-test={`problem-${field}`}>
        {t(problemKey(found))}
      </p>
    ) : null;
  };

  function locate(p: LatLng, place: Place | null) {
    const patch: Partial<EmergencyDraft> = { coordinates: formatCoordinates(p) };
    if (place) {
      patch.kecamatan = place.kecamatan;
      patch.kelurahan = place.kelurahan ?? (isKelurahanOf(place.kecamatan, draft.kelurahan) ? draft.kelurahan : '');
      // A landmark is where the caller is; an area name says too little to be an address.
      if (!draft.address.trim() && place.kind !== 'kecamatan' && place.kind !== 'kelurahan') patch.address = place.name;
    }
    onChange(patch);
    centre(p, 16);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form className="grid gap-4 lg:grid-cols-2" onSubmit={submit} data-test="emergency-form" noValidate>
      <div className="flex flex-col gap-3">
        <div className="grid grid-cols-2 gap-3">
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t('operator.form.category')}
            <select
              autoFocus
              className={INPUT}
              data-test="emergency-category"
              value={draft.category}
              aria-invalid={!!problems.category}
              onChange={(e) => onChange({ category: e.target.value as EmergencyDraft['category'] })}
            >
              <option value="">{t('operator.form.choose')}</option>
              {Constants.public.Enums.incident_category.map((c) => (
                <option key={c} value={c}>
                  {t(`operator.category.${c}`)}
                </option>
              ))}
            </select>
            {problem('category')}
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t('operator.form.priority')}
            <select
              className={INPUT}
              data-test="emergency-priority"
              value={draft.priority}
              onChange={(e) => onChange({ priority: e.target.value as EmergencyDraft['priority'] })}
            >
              {Constants.public.Enums.incident_priority.map((p) => (
                <option key={p} value={p}>
                  {t(`operator.priority.${p}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <TextAreaField
          id="emergency-description"
          label={t('operator.form.description')}
          rows={4}
          data-test="emergency-description"
          value={draft.description}
          maxLength={EMERGENCY_LIMITS.description}
          error={problems.description ? t(problemKey(problems.description)) : undefined}
          errorTest="problem-description"
          onChange={(e) => onChange({ description: e.target.value })}
        />
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('operator.form.address')}
          <input
            className={INPUT}
            data-test="emergency-address"
            value={draft.address}
            maxLength={EMERGENCY_LIMITS.address}
            aria-invalid={!!problems.address}
            onChange={(e) => onChange({ address: e.target.value })}
          />
          {problem('address')}
        </label>
        <div className="grid grid-cols-2 gap-3">
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t('operator.form.kecamatan')}
            <select
              className={INPUT}
              data-test="emergency-kecamatan"
              value={draft.kecamatan}
              onChange={(e) => {
                const kecamatan = e.target.value as Kecamatan | '';
                const keepKelurahan = kecamatan && isKelurahanOf(kecamatan, draft.kelurahan);
                onChange({ kecamatan, kelurahan: keepKelurahan ? draft.kelurahan : '' });
                if (kecamatan) centre(centreOf(kecamatan), 14);
              }}
            >
              <option value="">{t('operator.form.unknown')}</option>
              {KECAMATAN.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t('operator.form.kelurahan')}
            <select
              className={INPUT}
              data-test="emergency-kelurahan"
              value={draft.kelurahan}
              disabled={!draft.kecamatan}
              aria-invalid={!!problems.kelurahan}
              onChange={(e) => {
                onChange({ kelurahan: e.target.value });
                if (draft.kecamatan && e.target.value) centre(centreOf(draft.kecamatan, e.target.value), 15);
              }}
            >
              <option value="">{t('operator.form.unknown')}</option>
              {draft.kecamatan &&
                KELURAHAN[draft.kecamatan].map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
            </select>
            {problem('kelurahan')}
          </label>
        </div>
        <LocatePanel onLocate={locate} />
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('operator.form.coordinates')}
          <input
            className={`${INPUT} font-mono`}
            data-test="emergency-coordinates"
            value={draft.coordinates}
            placeholder="-6.00268, 106.01120"
            aria-invalid={!!problems.coordinates}
            onChange={(e) => onChange({ coordinates: e.target.value })}
          />
          <span className="text-xs font-normal text-slate-600">{t('operator.form.coordinatesHint')}</span>
          {problem('coordinates')}
        </label>
      </div>
      <div className="flex flex-col gap-3">
        <LazyLocationMap
          tiles={tiles}
          point={point}
          focus={focus}
          incidents={incidents}
          nearbyIds={nearbyIds}
          onPick={(p: LatLng) => onChange({ coordinates: formatCoordinates(p) })}
        />
        {point && <HazardLines lat={point.lat} lng={point.lng} />}
        <NearbyIncidents nearby={nearby} located={!!point && !!draft.category} busy={busy} onLink={onLink} />
        <Button type="submit" disabled={busy} data-test="emergency-submit" className="min-h-14 bg-red-700 text-lg hover:bg-red-800">
          {busy ? t('operator.form.submitting') : nearby.length > 0 ? t('operator.form.submitNewAnyway') : t('operator.form.submit')}
        </Button>
      </div>
    </form>
  );
}
