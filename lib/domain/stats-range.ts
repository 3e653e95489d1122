/**
 * The date range of the statistics page: whole WIB days from `from` to `to` inclusive, given as
 * YYYY-MM-DD in the URL, turned into the [start, end) instants the statistics functions take.
 * Default and fallback for anything invalid: the last 30 days up to today (WIB); what was wrong with
 * the range asked for is returned with it, so the page says so instead of silently showing 30 days.
 */
export interface StatsRange {
  from: string;
  to: string;
  /** Start of `from` at 00:00 WIB, ISO. */
  fromIso: string;
  /** Start of the day after `to` at 00:00 WIB, ISO (exclusive end). */
  toIso: string;
  days: number;
}

export const DEFAULT_RANGE_DAYS = 30;
/** The statistics functions refuse longer ranges. */
export const MAX_RANGE_DAYS = 400;

const DAY_MS = 86_400_000;
const WIB_OFFSET_MS = 7 * 3_600_000;

function wibDate(ms: number): string {
  return new Date(ms + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

function startOfWibDay(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00+07:00`);
  // Date.parse rolls 2026-02-30 over; a date that does not round-trip is not a real date.
  return Number.isNaN(ms) || wibDate(ms) !== date ? null : ms;
}

function build(fromMs: number, toMs: number): StatsRange {
  return {
    from: wibDate(fromMs),
    to: wibDate(toMs),
    fromIso: new Date(fromMs).toISOString(),
    toIso: new Date(toMs + DAY_MS).toISOString(),
    days: Math.round((toMs - fromMs) / DAY_MS) + 1,
  };
}

export function defaultStatsRange(nowMs: number): StatsRange {
  const today = startOfWibDay(wibDate(nowMs)) as number;
  return build(today - (DEFAULT_RANGE_DAYS - 1) * DAY_MS, today);
}

/** Why a range from the URL was not shown: a date that is not one, the end before the start, too long. */
export type StatsRangeProblem = 'invalid_date' | 'reversed' | 'too_long';

export interface ParsedStatsRange {
  range: StatsRange;
  /** Null when the range asked for is shown (or none was asked for). */
  problem: StatsRangeProblem | null;
}

export function readStatsRange(from: string | undefined, to: string | undefined, nowMs: number = Date.now()): ParsedStatsRange {
  if (!from && !to) return { range: defaultStatsRange(nowMs), problem: null };
  const f = from ? startOfWibDay(from) : null;
  const t = to ? startOfWibDay(to) : null;
  if (f === null || t === null) return { range: defaultStatsRange(nowMs), problem: 'invalid_date' };
  if (t < f) return { range: defaultStatsRange(nowMs), problem: 'reversed' };
  if ((t - f) / DAY_MS + 1 > MAX_RANGE_DAYS) return { range: defaultStatsRange(nowMs), problem: 'too_long' };
  return { range: build(f, t), problem: null };
}

export function parseStatsRange(from: string | undefined, to: string | undefined, nowMs: number = Date.now()): StatsRange {
  return readStatsRange(from, to, nowMs).range;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A range named in a URL that must be exactly what was asked for (searches, the audit viewer): the
 * default when neither day is given, null when only one is, either is not a real YYYY-MM-DD day, they
 * are reversed or the span is too long — where /stats instead shows the default with a notice.
 */
export function readExactRange(from: string | undefined, to: string | undefined, nowMs: number = Date.now()): StatsRange | null {
  if (!from && !to) return defaultStatsRange(nowMs);
  if (!from || !to || !ISO_DAY.test(from) || !ISO_DAY.test(to)) return null;
  const { range, problem } = readStatsRange(from, to, nowMs);
  return problem === null && range.from === from && range.to === to ? range : null;
}
