/** Links that open the phone's navigation to the scene: geo: first, https maps as the fallback. */
import { Navigation } from 'lucide-react';
import { geoUri, googleMapsUrl, osmUrl } from '@/lib/domain/opd-inbox';
import type { Translate } from '@/lib/i18n/translate';
import { buttonClasses } from '@/components/ui/button';

export function NavigationLinks({ lat, lng, label, t }: { lat: number; lng: number; label: string; t: Translate }) {
  const link = buttonClasses({ variant: 'secondary', size: 'lg' });
  return (
    <div className="flex flex-wrap gap-2" data-test="navigation-links">
      <a href={geoUri(lat, lng, label)} className={buttonClasses({ variant: 'primary', size: 'lg' })} data-test="nav-geo">
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
