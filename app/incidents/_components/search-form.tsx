/**
 * The search form of /incidents: a plain GET form, so a search is a URL (bookmarkable, back button)
 * and works before any script has loaded. Fields wrap into one column on a phone.
 */
import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { Constants } from '@/lib/supabase/database.types';
import { KECAMATAN } from '@/lib/domain/city';
import type { SearchParams } from '@/lib/domain/audit-query';
import { SEARCH_TEXT_MAX, STATUS_FILTERS } from '@/lib/domain/incident-search-query';
import type { StatsRange } from '@/lib/domain/stats-range';
import { buttonClasses } from '@/components/ui/button';

const INPUT = 'min-h-10 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal';
const LABEL = 'flex min-w-0 flex-col gap-1 text-sm font-semibold';

export interface SearchFormProps {
  params: SearchParams;
  range: StatsRange | null;
  agencies: { id: string; name: string }[];
  withPhone: boolean;
}

export async function SearchForm({ params, range, agencies, withPhone }: SearchFormProps) {
  const { t } = await getT();
  const value = (name: string) => {
    const v = params[name];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  return (
    <form method="get" action="/incidents" className="grid grid-cols-1 gap-3 rounded-lg border border-slate-300 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4" data-test="find-form">
      <label className={`${LABEL} sm:col-span-2`}>
        {t('find.text')}
        <input name="q" type="search" defaultValue={value('q')} maxLength={SEARCH_TEXT_MAX} placeholder={t('find.textPlaceholder')} className={INPUT} data-test="find-text" />
      </label>
      {withPhone ? (
        <label className={LABEL}>
          {t('find.phone')}
          <input name="phone" type="tel" inputMode="tel" defaultValue={value('phone')} maxLength={32} placeholder="0812 3456 7890" className={INPUT} data-test="find-phone" />
        </label>
      ) : null}
      <label className={LABEL}>
        {t('find.status')}
        <select name="status" defaultValue={value('status')} className={INPUT} data-test="find-status">
          <option value="">{t('find.all')}</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s === 'open' ? t('find.statusOpen') : t(`dispatch.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        {t('find.from')}
        <input type="date" name="from" defaultValue={range?.from ?? value('from')} className={INPUT} data-test="find-from" />
      </label>
      <label className={LABEL}>
        {t('find.to')}
        <input type="date" name="to" defaultValue={range?.to ?? value('to')} className={INPUT} data-test="find-to" />
      </label>
      <label className={LABEL}>
        {t('find.category')}
        <select name="category" defaultValue={value('category')} className={INPUT} data-test="find-category">
          <option value="">{t('find.all')}</option>
          {Constants.public.Enums.incident_category.map((c) => (
            <option key={c} value={c}>
              {t(`dispatch.category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        {t('find.kecamatan')}
        <select name="kecamatan" defaultValue={value('kecamatan')} className={INPUT} data-test="find-kecamatan">
          <option value="">{t('find.all')}</option>
          {KECAMATAN.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        {t('find.agency')}
        <select name="agency" defaultValue={value('agency')} className={INPUT} data-test="find-agency">
          <option value="">{t('find.all')}</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-1">
        <button type="submit" className={buttonClasses({ className: 'w-full sm:w-auto' })} data-test="find-submit">
          {t('find.submit')}
        </button>
        <Link href="/incidents" className={buttonClasses({ variant: 'secondary', className: 'w-full sm:w-auto' })}>
          {t('find.reset')}
        </Link>
      </div>
      <p className="text-xs font-normal text-slate-600 sm:col-span-2 lg:col-span-4">{t('find.hint')}</p>
    </form>
  );
}
