'use client';
/**
 * Locating the caller without map tiles (issue #17): one field takes a place name (searched in the
 * gazetteer shipped with the app), typed coordinates (decimal or degrees-minutes-seconds) or a
 * location link pasted from WhatsApp. A match fills the coordinates; anything unreadable shows
 * a translated reason and changes nothing.
 */
import { useState, type KeyboardEvent } from 'react';
import { GAZETTEER_QUERY_MAX, searchGazetteer, type Place } from '@/lib/domain/gazetteer';
import type { LatLng } from '@/lib/domain/geo';
import { LOCATION_INPUT_MAX, parseLocationInput, type LocationProblem } from '@/lib/domain/location-input';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';

const INPUT =
  'min-h-10 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-950 focus:border-sky-600 aria-[invalid=true]:border-red-600';

/** Text that is a link or starts with a number is a location to parse, not a place name. */
const looksLikePlaceName = (text: string) => text.trim().length >= 2 && !/^\s*([-+]?\d|geo:|https?:)/i.test(text) && text.length <= GAZETTEER_QUERY_MAX;

export interface LocatePanelProps {
  onLocate: (point: LatLng, place: Place | null) => void;
}

export function LocatePanel({ onLocate }: LocatePanelProps) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<LocationProblem | 'not_found' | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const suggestions = looksLikePlaceName(text) ? searchGazetteer(text, 6) : [];

  function choose(place: Place) {
    setProblem(null);
    setApplied(place.name);
    setText('');
    onLocate({ lat: place.lat, lng: place.lng }, place);
  }

  function apply() {
    const parsed = parseLocationInput(text);
    if (parsed.ok) {
      setProblem(null);
      setApplied(t(`locate.format.${parsed.format}`));
      onLocate(parsed.point, null);
      return;
    }
    if (parsed.problem === 'unreadable' && suggestions.length > 0) return choose(suggestions[0]);
    setApplied(null);
    setProblem(parsed.problem === 'unreadable' ? 'not_found' : parsed.problem);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter here locates; it must not submit the emergency report around it.
    if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    }
  }

  return (
    <div className="flex flex-col gap-1 rounded-md border border-slate-300 bg-slate-50 p-2" data-test="locate-panel">
      <label className="text-sm font-semibold" htmlFor="locate-input">
        {t('locate.label')}
      </label>
      <div className="flex gap-2">
        <input
          id="locate-input"
          className={INPUT}
          data-test="locate-input"
          value={text}
          maxLength={LOCATION_INPUT_MAX}
          placeholder={t('locate.placeholder')}
          aria-invalid={problem !== null}
          aria-describedby="locate-hint"
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
        <Button type="button" variant="secondary" onClick={apply} data-test="locate-apply">
          {t('locate.apply')}
        </Button>
      </div>
      <span id="locate-hint" className="text-xs text-slate-600">
        {t('locate.hint')}
      </span>
      {problem ? (
        <p role="alert" className="text-sm font-semibold text-red-700" data-test="locate-error" data-problem={problem}>
          {t(`locate.problem.${problem}`)}
        </p>
      ) : null}
      {applied && !problem ? (
        <p className="text-sm text-emerald-800" data-test="locate-applied">
          {t('locate.applied', { place: applied })}
        </p>
      ) : null}
      {suggestions.length > 0 ? (
        <ul className="flex flex-col gap-1" data-test="locate-suggestions">
          {suggestions.map((p) => (
            <li key={`${p.kind}:${p.name}`}>
              <button
                type="button"
                className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-left text-sm hover:border-sky-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
                data-test="locate-suggestion"
                data-name={p.name}
                onClick={() => choose(p)}
              >
                <span className="font-semibold">{p.name}</span>
                <span className="text-slate-600">
                  {' '}
                  · {t(`locate.kind.${p.kind}`)} · {p.kelurahan && p.kind !== 'kelurahan' ? `${p.kelurahan}, ` : ''}
                  {p.kecamatan} · {t(`locate.source.${p.source}`)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
