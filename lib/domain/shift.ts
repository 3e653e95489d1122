/**
 * The center's shifts by its schedule (`shift_settings.start_hours`: the WIB hours at which a shift
 * starts; a shift lasts until the next one starts). Mirrors private.shift_bounds in SQL, which the
 * handover functions use; tests/conformance/shift-sql.test.ts holds the two equal. WIB is UTC+7 with
 * no daylight saving, so plain arithmetic on epoch milliseconds is exact.
 */

/** The migration's default: three 8-hour shifts starting 07:00, 15:00 and 23:00 WIB. */
export const DEFAULT_SHIFT_START_HOURS: readonly number[] = [7, 15, 23];

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const WIB_OFFSET_MS = 7 * HOUR_MS;

export interface ShiftBounds {
  /** Epoch ms of the shift's start (inclusive) and end (exclusive: the next shift change). */
  startMs: number;
  endMs: number;
}

/** The shift that contains `nowMs`: [start, end). `startHours` increasing, 0–23, at least one. */
export function shiftBounds(nowMs: number, startHours: readonly number[] = DEFAULT_SHIFT_START_HOURS): ShiftBounds {
  const hours = startHours.length ? startHours : DEFAULT_SHIFT_START_HOURS;
  const wibMidnight = Math.floor((nowMs + WIB_OFFSET_MS) / DAY_MS) * DAY_MS - WIB_OFFSET_MS;
  // Every shift change of yesterday, today and tomorrow, in order.
  const changes = [-1, 0, 1].flatMap((day) => hours.map((h) => wibMidnight + day * DAY_MS + h * HOUR_MS));
  const next = changes.findIndex((c) => c > nowMs);
  return { startMs: changes[next - 1], endMs: changes[next] };
}

/** Start of the shift that contains `nowMs` (the operator's "my calls this shift" list starts there). */
export function shiftStart(nowMs: number, startHours?: readonly number[]): number {
  return shiftBounds(nowMs, startHours).startMs;
}

/** The database's rule (private.valid_shift_hours): 1–6 increasing hours 0–23, every shift ≥ 4 h. */
export function isValidShiftSchedule(hours: readonly number[]): boolean {
  if (hours.length < 1 || hours.length > 6) return false;
  if (!hours.every((h) => Number.isInteger(h) && h >= 0 && h <= 23)) return false;
  return hours.every((h, i) => (i + 1 < hours.length ? hours[i + 1] : hours[0] + 24) - h >= 4);
}

/** The admin's text ("7, 15, 23" or "07.00 15.00 23.00") as start hours, or null when it is not a valid schedule. */
export function parseShiftSchedule(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const hours: number[] = [];
  for (const part of parts) {
    const m = /^(\d{1,2})(?:[.:]00)?$/.exec(part);
    if (!m) return null;
    hours.push(Number(m[1]));
  }
  return isValidShiftSchedule(hours) ? hours : null;
}

/** Each shift's length in hours, in schedule order (the last one across midnight). */
export function shiftLengths(hours: readonly number[]): number[] {
  return hours.map((h, i) => (i + 1 < hours.length ? hours[i + 1] : hours[0] + 24) - h);
}
