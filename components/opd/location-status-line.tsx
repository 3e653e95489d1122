'use client';
/**
 * The compact line on every /opd page while this phone shares (or was stopped from sharing) a unit's
 * location: one row per assignment, with "Hentikan" or "Bagikan lokasi". Fits a 360 px phone.
 */
import { MapPin, MapPinOff } from 'lucide-react';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { useLocationSharing } from './location-sharing-provider';

export function LocationStatusLine() {
  const { t } = useT();
  const { units, stop, resume } = useLocationSharing();
  const shown = [...units.values()].filter((u) => u.state !== 'off');
  if (shown.length === 0) return null;
  return (
    <ul className="mx-auto flex w-full max-w-xl flex-col gap-1 px-3 pt-2" data-test="location-status-line" aria-label={t('opd.location.lineLabel')}>
      {shown.map((u) => {
        const on = u.state === 'sharing' || u.state === 'asking';
        return (
          <li
            key={u.assignmentId}
            className={`flex min-w-0 items-center gap-2 rounded-md border px-2 py-1 text-sm ${on ? 'border-emerald-500 bg-emerald-50 text-emerald-950' : 'border-amber-400 bg-amber-50 text-amber-950'}`}
            data-test="location-line"
            data-assignment-id={u.assignmentId}
            data-state={u.state}
            data-sent={u.sent}
            role="status"
          >
            {on ? <MapPin className="h-4 w-4 shrink-0" aria-hidden="true" focusable={false} /> : <MapPinOff className="h-4 w-4 shrink-0" aria-hidden="true" focusable={false} />}
            {/* Two short lines rather than one truncated: the ticket says which unit it is. */}
            <span className="min-w-0 flex-1 leading-tight">
              <span className="block font-semibold">{t(`opd.location.short.${u.state}`)}</span>
              <span className="block text-xs">
                {u.ticketNo && <span className="font-mono">{u.ticketNo}</span>}
                {on && <span className="tabular-nums"> · {t('opd.location.sentShort', { sent: u.sent })}</span>}
              </span>
            </span>
            {on ? (
              <Button variant="secondary" size="md" className="shrink-0" onClick={() => stop(u.assignmentId)} data-test="location-line-stop">
                {t('opd.location.stopShort')}
              </Button>
            ) : (
              u.state === 'stopped' && (
                <Button variant="primary" size="md" className="shrink-0" onClick={() => resume(u.assignmentId)} data-test="location-line-resume">
                  {t('opd.location.resume')}
                </Button>
              )
            )}
          </li>
        );
      })}
    </ul>
  );
}
