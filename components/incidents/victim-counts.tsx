'use client';
/**
 * The victim counts an agency gave with its field report, on one line under the report text, for
 * the supervisor's and the liaison's screens (the printed report tabulates them instead).
 */
import { COUNT_KEYS, countsOf, type CountColumns } from '@/lib/domain/opd-inbox';
import { useT } from '@/lib/i18n/use-t';

export function VictimCounts({ row, className }: { row: CountColumns; className?: string }) {
  const { t } = useT();
  const counts = countsOf(row);
  if (!counts) return null;
  return (
    <p className={className} data-test="victim-counts">
      <span className="font-semibold">{t('opd.report.counts')}:</span>{' '}
      {COUNT_KEYS.flatMap((key) => (counts[key] === null ? [] : [`${t(`opd.report.${key}`)}: ${counts[key]}`])).join(' · ')}
    </p>
  );
}
