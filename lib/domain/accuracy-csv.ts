/**
 * Dispatch accuracy and the 15-minute coverage estimate as CSV (issue #18 §5), beside the tables of
 * stats-csv.ts: the same rows the page shows, shares as whole percents, agencies by code and name.
 * The coverage file says in its header that it is an estimate.
 */
import type { Coverage, DispatchAccuracy } from '@/lib/data/dispatch-accuracy';
import type { Translate } from '@/lib/i18n/translate';
import { csvDocument, type CsvDialect } from './csv';

export const ACCURACY_TABLES = ['accuracy', 'coverage'] as const;
export type AccuracyTable = (typeof ACCURACY_TABLES)[number];

export function isAccuracyTable(value: unknown): value is AccuracyTable {
  return typeof value === 'string' && (ACCURACY_TABLES as readonly string[]).includes(value);
}

const percent = (v: number): number => Math.round(v * 100);

export function accuracyCsv(rows: readonly DispatchAccuracy[], dialect: CsvDialect, t: Translate): string {
  const p = (key: Parameters<Translate>[0]) => t('stats.csv.percent', { column: t(key) });
  return csvDocument(
    [
      t('accuracy.col.category'), t('accuracy.col.answered'), t('accuracy.col.right'), t('accuracy.col.unneeded'), t('accuracy.col.missing'),
      p('accuracy.col.right'), p('accuracy.col.unneeded'), p('accuracy.col.missing'),
      t('accuracy.col.topUnneeded'), t('accuracy.csv.times'), t('accuracy.col.topMissing'), t('accuracy.csv.times'),
    ],
    rows.map((r) => [
      t(`dispatch.category.${r.category}`), r.answered, r.right, r.unneeded, r.missing,
      percent(r.rightShare), percent(r.unneededShare), percent(r.missingShare),
      r.topUnneeded ? `${r.topUnneeded.agency.code} ${r.topUnneeded.agency.name}` : null, r.topUnneeded?.times ?? null,
      r.topMissing ? `${r.topMissing.agency.code} ${r.topMissing.agency.name}` : null, r.topMissing?.times ?? null,
    ]),
    dialect,
  );
}

export function coverageCsv(coverage: Coverage, dialect: CsvDialect, t: Translate): string {
  return csvDocument(
    [t('coverage.col.kind'), t('coverage.col.posts'), t('coverage.col.kelurahan'), t('accuracy.csv.kelurahanAll'), t('coverage.col.population'), t('accuracy.csv.populationAll'), t('stats.csv.percent', { column: t('coverage.col.share') }), t('accuracy.csv.estimate')],
    coverage.kinds.map((k) => [
      t(`agencyKind.${k.kind}`), k.posts, k.kelurahan.filter((r) => r.reachable).length, k.kelurahan.length, k.reachablePopulation, k.population, percent(k.share), t('coverage.estimate'),
    ]),
    dialect,
  );
}

/** `stats-accuracy_2026-11-01_2026-11-30.csv`, named as stats-csv.ts names its files. */
export function accuracyCsvName(table: AccuracyTable, range: { from: string; to: string }, dialect: CsvDialect): string {
  return `stats-${table}_${range.from}_${range.to}${dialect === 'excel' ? '_excel' : ''}.csv`;
}
