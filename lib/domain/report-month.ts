/**
 * The month of the monthly report: `YYYY-MM` from the URL, as the WIB days of that month in the
 * statistics range the functions take. Anything else (or a month in the future) is this month (WIB).
 */
import { parseStatsRange, type StatsRange } from './stats-range';

const WIB_OFFSET_MS = 7 * 3_600_000;

export interface ReportMonth {
  month: string;
  range: StatsRange;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function parseReportMonth(value: string | undefined, nowMs: number = Date.now()): ReportMonth {
  const current = new Date(nowMs + WIB_OFFSET_MS).toISOString().slice(0, 7);
  const match = value !== undefined && /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  const month = match && value <= current && Number(match[1]) >= 2000 ? value : current;
  const [year, m] = month.split('-').map(Number);
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { month, range: parseStatsRange(`${month}-01`, `${month}-${pad(lastDay)}`, nowMs) };
}
