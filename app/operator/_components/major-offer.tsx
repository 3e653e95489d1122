'use client';
/**
 * The call's location lies inside an active major incident's area: the console offers linking the
 * call to that incident's one ticket with one key (L, Alt+L in a text field) and shows the
 * supervisor's short script for the situation; the operator may decline and record the call as usual.
 */
import { Siren } from 'lucide-react';
import type { MajorIncident } from '@/lib/data/major-incidents';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';

export interface MajorOfferProps {
  major: MajorIncident;
  ticketNo: string;
  /** Where the location came from: the network (AML) or what the operator entered. */
  from: 'call' | 'draft';
  busy: boolean;
  onLink: () => void;
  onDecline: () => void;
}

export function MajorOffer({ major, ticketNo, from, busy, onLink, onDecline }: MajorOfferProps) {
  const { t } = useT();
  return (
    <section
      className="flex flex-col gap-3 rounded-lg border-2 border-red-600 bg-red-50 p-4"
      data-test="major-offer"
      data-major-id={major.id}
      data-incident-id={major.incident_id}
      aria-live="assertive"
    >
      <div className="flex items-start gap-3">
        <Siren className="mt-1 h-6 w-6 shrink-0 text-red-700" aria-hidden="true" focusable={false} />
        <div className="min-w-0">
          <p className="text-sm font-semibold text-red-800">
            {t('major.offer.title')} · {t(`major.offer.where.${from}`)}
          </p>
          <h2 className="text-xl font-bold text-red-950" data-test="major-offer-title">
            {major.title}
          </h2>
        </div>
      </div>
      <div className="rounded-md border border-red-200 bg-white p-3">
        <h3 className="mb-1 text-xs font-bold uppercase tracking-wide text-slate-600">{t('major.offer.script')}</h3>
        <p className="whitespace-pre-line text-base text-slate-950" data-test="major-offer-script">
          {major.script}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="danger" className="min-h-12 px-5 text-base" aria-keyshortcuts="L Alt+L" disabled={busy} onClick={onLink} data-test="major-offer-link">
          {t('major.offer.link', { ticket: ticketNo })}
          <kbd className="rounded bg-black/25 px-1.5 text-xs">L</kbd>
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onDecline} data-test="major-offer-decline">
          {t('major.offer.decline')}
        </Button>
        <span className="text-xs text-slate-600">{t('major.offer.keyHint')}</span>
      </div>
    </section>
  );
}
