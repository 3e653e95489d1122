/**
 * The incident categories of the monthly report as Permenkominfo 10/2016 (layanan nomor panggilan
 * darurat 112) names them, and the one mapping from our incident categories to them. The mapping is
 * a Record over every incident category, so a new category does not compile until it is placed.
 * Kerusuhan (riot) has no category of its own in the call-taking form yet: it stays at zero, and the
 * report says what it counts.
 */
import type { Enums } from '@/lib/supabase/database.types';

export const REPORT_CATEGORIES = ['kebakaran', 'kerusuhan', 'kecelakaan', 'bencana_alam', 'kesehatan', 'gangguan_keamanan', 'lainnya'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_CATEGORY_OF: Readonly<Record<Enums<'incident_category'>, ReportCategory>> = {
  fire: 'kebakaran',
  traffic_accident: 'kecelakaan',
  industrial_accident: 'kecelakaan',
  flood: 'bencana_alam',
  disaster: 'bencana_alam',
  medical: 'kesehatan',
  crime: 'gangguan_keamanan',
  public_order: 'gangguan_keamanan',
  rescue: 'lainnya',
  other: 'lainnya',
};

/** Incident counts per report category, every category present (zero when nothing maps to it). */
export function countByReportCategory(rows: ReadonlyArray<{ category: Enums<'incident_category'>; incidents: number }>): Record<ReportCategory, number> {
  const counts = Object.fromEntries(REPORT_CATEGORIES.map((c) => [c, 0])) as Record<ReportCategory, number>;
  for (const row of rows) counts[REPORT_CATEGORY_OF[row.category]] += row.incidents;
  return counts;
}
