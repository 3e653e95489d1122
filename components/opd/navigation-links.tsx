/** Links that open the phone's navigation to the scene: geo: first, https maps as the fallback. */
import { Navigation } from 'lucide-react';
import { geoUri, googleMapsUrl, osmUrl } from '@/lib/domain/opd-inbox';
import type { Translate } from '@/lib/i18n/translate';

export function NavigationLinks({ lat, lng, label, t }: { lat: number; lng: number; label: string; t: Translate }) {
  const base = 'inline-flex min-h-10 items-center gap-2 rounded-md border px-3 text-sm font-semibold';
  const link = `${base} border-slate-300 bg-white`;
  return (
    <div className="flex flex-wrap gap-2" data-test="navigation-links">
      <a href={geoUri(lat, lng, label)} className={`${base} border-brand-600 bg-brand-600 text-white`} data-test="nav-geo">
        <Navigation className="h-4 w-4" aria-hidden="true" focusable={false} />
        {t('opd.detail.navigate')}
      </a>
      <a href={googleMapsUrl(lat, lng)} target="_blank" rel="noopener noreferrer" className={link} data-test="nav-google">
        {t('opd.detail.googleMaps')}
      </a>
      <a href={osmUrl(lat, lng)} target="_blank" rel="noopener noreferrer" className={link} data-test="nav-osm">
        {t('opd.detail.osm')}
      </a>
    </div>
  );
}
