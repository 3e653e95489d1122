/** The shift a moment belongs to: the operator's "my calls this shift" list starts at its change. */

/** Two 12-hour shifts a day, changing at 07:00 and 19:00 WIB (UTC+7, no daylight saving). */
export const SHIFT_CHANGE_HOURS_WIB = [7, 19] as const;
const WIB_OFFSET_MS = 7 * 3600_000;

/** Start of the shift that contains `nowMs` (epoch ms). */
export function shiftStart(nowMs: number): number {
  const wib = nowMs + WIB_OFFSET_MS;
  const dayStart = Math.floor(wib / 86_400_000) * 86_400_000;
  const hour = (wib - dayStart) / 3600_000;
  const [morning, evening] = SHIFT_CHANGE_HOURS_WIB;
  let startWib: number;
  if (hour >= evening) startWib = dayStart + evening * 3600_000;
  else if (hour >= morning) startWib = dayStart + morning * 3600_000;
  else startWib = dayStart - 86_400_000 + evening * 3600_000;
  return startWib - WIB_OFFSET_MS;
}
