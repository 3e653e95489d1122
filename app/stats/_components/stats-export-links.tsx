/** Download links for every table of /stats (CSV and Excel-ready) for the shown range, and the monthly report. */
import { STATS_TABLES, type StatsTable } from '@/lib/domain/stats-csv';
import { ACCURACY_TABLES, type AccuracyTable } from '@/lib/domain/accuracy-csv';
import type { StatsRange } from '@/lib/domain/stats-range';
import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { StatsSection } from './stats-section';

function href(table: StatsTable | AccuracyTable, range: StatsRange, format: 'csv' | 'excel'): string {
  return `/api/stats/export?${new URLSearchParams({ table, from: range.from, to: range.to, format })}`;
}

export async function StatsExportLinks({ range, operators }: { range: StatsRange; operators: boolean }) {
  const { t } = await getT();
  const tables = [...STATS_TABLES.filter((table) => operators || table !== 'operators'), ...ACCURACY_TABLES];
  return (
    <StatsSection title={t('stats.export.title')} test="stats-export">
      <p className="mb-2 text-sm text-slate-600">{t('stats.export.hint')}</p>
      <p className="mb-2 text-sm">
        <Link href={`/reports/monthly?month=${range.to.slice(0, 7)}`} className="font-semibold text-brand-700 underline" data-test="open-monthly-report">
          {t('report.monthly.open')}
        </Link>
      </p>
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {tables.map((table) => (
          <li key={table} className="flex items-center gap-2" data-test="stats-export-table" data-table={table}>
            <span className="font-medium">{t(`stats.export.table.${table}`)}</span>
            <a className="text-brand-700 underline" href={href(table, range, 'csv')} download data-test="stats-export-csv">
              {t('stats.export.csv')}
            </a>
            <a className="text-brand-700 underline" href={href(table, range, 'excel')} download data-test="stats-export-excel">
              {t('stats.export.excel')}
            </a>
          </li>
        ))}
      </ul>
    </StatsSection>
  );
}
