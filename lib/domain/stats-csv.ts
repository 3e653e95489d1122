/**
 * The tables of /stats as CSV: one file per table, the same rows and columns the page shows, with
 * durations as whole seconds and shares as whole percents (as the page rounds them) so a spreadsheet
 * can compute with them. Column headers in the reader's language. Aggregates only: no caller data.
 */
import type { StatsReport } from '@/lib/data/stats';
import type { Translate } from '@/lib/i18n/translate';
import type { MessageKey } from '@/lib/i18n/dictionaries/id';
import { Constants } from '@/lib/supabase/database.types';
import { csvDocument, type CsvDialect, type CsvValue } from './csv';

export const STATS_TABLES = ['daily', 'sla', 'categories', 'kecamatan', 'agencies', 'operators'] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

export function isStatsTable(value: unknown): value is StatsTable {
  return typeof value === 'string' && (STATS_TABLES as readonly string[]).includes(value);
}

const CALL_TYPES_IN_ORDER = Constants.public.Enums.call_type;

interface Table {
  header: string[];
  rows: CsvValue[][];
}

const seconds = (v: number | null): number | null => (v === null ? null : Math.round(v));
const percent = (v: number | null): number | null => (v === null ? null : Math.round(v * 100));

function build(report: StatsReport, table: StatsTable, t: Translate): Table {
  const s = (key: MessageKey) => t('stats.csv.seconds', { column: t(key) });
  const p = (key: MessageKey) => t('stats.csv.percent', { column: t(key) });
  switch (table) {
    case 'daily':
      return {
        header: [t('stats.csv.day'), ...CALL_TYPES_IN_ORDER.map((type) => t(`callType.${type}`))],
        rows: report.daily.map((d) => [d.day.slice(0, 10), ...CALL_TYPES_IN_ORDER.map((type) => d.counts[type])]),
      };
    case 'sla':
      return {
        header: [t('stats.col.stage'), s('stats.col.target'), t('stats.col.samples'), p('stats.col.within'), s('stats.col.p50'), s('stats.col.p90')],
        rows: report.sla.map((r) => [t(`wall.stage.${r.stage}`), r.targetSeconds, r.samples, percent(r.withinShare), seconds(r.p50), seconds(r.p90)]),
      };
    case 'categories':
      return {
        header: [t('stats.csv.category'), t('stats.col.incidents'), t('stats.col.open'), t('stats.csv.closed'), t('stats.csv.cancelled')],
        rows: report.categories.map((c) => [t(`dispatch.category.${c.category}`), c.incidents, c.open, c.closed, c.cancelled]),
      };
    case 'kecamatan':
      return {
        header: [t('stats.col.kecamatan'), t('stats.col.incidents'), s('stats.col.sceneP50'), p('stats.col.sceneShare')],
        rows: report.kecamatan.map((k) => [k.kecamatan ?? t('stats.kecamatan.unknown'), k.incidents, seconds(k.p50OnScene), percent(k.onSceneShare)]),
      };
    case 'agencies':
      return {
        header: [
          t('stats.csv.code'), t('stats.csv.name'), t('stats.col.assignments'), t('stats.csv.acknowledged'), t('stats.col.declined'), t('stats.csv.completed'),
          s('stats.csv.ackP50'), s('stats.csv.ackP90'), p('stats.col.ackShare'),
          s('stats.col.sceneP50'), s('stats.csv.sceneP90'), p('stats.col.sceneShare'),
        ],
        rows: report.agencies.map((a) => [
          a.code, a.name, a.assignments, a.acknowledged, a.declined, a.completed,
          seconds(a.p50Ack), seconds(a.p90Ack), percent(a.ackShare), seconds(a.p50OnScene), seconds(a.p90OnScene), percent(a.onSceneShare),
        ]),
      };
    case 'operators':
      return {
        header: [
          t('stats.col.operator'), t('stats.col.calls'), t('stats.col.emergencies'), t('stats.col.nuisance'),
          s('stats.col.answer'), s('stats.col.classify'), s('stats.col.record'), s('stats.col.close'), s('stats.col.total'), p('stats.col.totalShare'),
        ],
        rows: report.operators.map((o) => [
          o.name, o.calls, o.emergencies, o.nuisance,
          seconds(o.p50Answer), seconds(o.p50Classify), seconds(o.p50Record), seconds(o.p50Close), seconds(o.p50Total), percent(o.totalShare),
        ]),
      };
  }
}

export function statsCsv(report: StatsReport, table: StatsTable, dialect: CsvDialect, t: Translate): string {
  const { header, rows } = build(report, table, t);
  return csvDocument(header, rows, dialect);
}

/** `stats-agencies_2026-11-01_2026-11-30.csv`, the Excel dialect marked as such. */
export function statsCsvName(table: StatsTable, range: { from: string; to: string }, dialect: CsvDialect): string {
  return `stats-${table}_${range.from}_${range.to}${dialect === 'excel' ? '_excel' : ''}.csv`;
}
