/**
 * What the handover screen shows of the handovers it follows: the signed-in supervisor's own note
 * for the coming shift change, the notes of others waiting for an incoming supervisor, and the
 * recent acknowledged ones. Limits are the database's (…_shift_handover.sql).
 */

export const HANDOVER_NOTE_MAX = 4000;
export const ACKNOWLEDGEMENT_NOTE_MAX = 1000;

/** How far back the screen follows handovers: from 00:00 WIB two days ago (stable for a whole day). */
export function handoverWindowStart(nowMs: number): string {
  const WIB_OFFSET_MS = 7 * 3600_000;
  const DAY_MS = 86_400_000;
  const wibMidnight = Math.floor((nowMs + WIB_OFFSET_MS) / DAY_MS) * DAY_MS - WIB_OFFSET_MS;
  return new Date(wibMidnight - 2 * DAY_MS).toISOString();
}

export interface HandoverLike {
  outgoing_id: string;
  change_at: string;
  acknowledged_at: string | null;
}

export interface HandoverGroups<H extends HandoverLike> {
  /** My note for the change that ends the current shift, if written. */
  mine: H | null;
  /** Written by others and not acknowledged yet: what an incoming supervisor must read. */
  toAcknowledge: H[];
  /** Acknowledged, newest first. */
  acknowledged: H[];
}

/** `rows` newest first; `changeAtMs` is the end of the current shift. */
export function groupHandovers<H extends HandoverLike>(rows: readonly H[], meId: string, changeAtMs: number): HandoverGroups<H> {
  return {
    mine: rows.find((h) => h.outgoing_id === meId && Date.parse(h.change_at) === changeAtMs) ?? null,
    toAcknowledge: rows.filter((h) => h.acknowledged_at === null && h.outgoing_id !== meId),
    acknowledged: rows.filter((h) => h.acknowledged_at !== null),
  };
}
