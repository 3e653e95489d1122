/**
 * Pure rules of the OPD liaison's screen: which assignments are new, open or finished and in what
 * order; navigation links to the scene; which categories ask for victim counts, and how those counts
 * map to the assignment's columns and to complete_assignment's parameters.
 */
import { UNFINISHED_ASSIGNMENT_STATUSES, type AssignmentStatus } from './workflow';

export const OPEN_ASSIGNMENT_STATUSES = UNFINISHED_ASSIGNMENT_STATUSES;

export interface InboxItem {
  id: string;
  status: AssignmentStatus;
  assigned_at: string;
  incident: { priority: string } | null;
}

const PRIORITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

export function isOpenAssignment(status: AssignmentStatus): boolean {
  return OPEN_ASSIGNMENT_STATUSES.includes(status);
}

/**
 * Inbox order: unacknowledged first (the liaison must answer them), then the rest being handled;
 * inside a group the most urgent priority first, then the oldest assignment (it has waited longest).
 */
export function compareInbox(a: InboxItem, b: InboxItem): number {
  const ga = a.status === 'assigned' ? 0 : 1;
  const gb = b.status === 'assigned' ? 0 : 1;
  if (ga !== gb) return ga - gb;
  const pa = PRIORITY_RANK[a.incident?.priority ?? 'medium'] ?? 2;
  const pb = PRIORITY_RANK[b.incident?.priority ?? 'medium'] ?? 2;
  if (pa !== pb) return pa - pb;
  return Date.parse(a.assigned_at) - Date.parse(b.assigned_at);
}

/** Splits the agency's assignments into the open inbox and the most recently finished ones. */
export function splitInbox<T extends InboxItem & { completed_at: string | null; declined_at: string | null }>(
  rows: readonly T[],
  finishedLimit = 10,
): { open: T[]; finished: T[] } {
  const open = rows.filter((r) => isOpenAssignment(r.status)).sort(compareInbox);
  const finished = rows
    .filter((r) => r.status === 'completed' || r.status === 'declined')
    .sort((a, b) => finishedAt(b) - finishedAt(a))
    .slice(0, finishedLimit);
  return { open, finished };
}

function finishedAt(r: { completed_at: string | null; declined_at: string | null; assigned_at: string }): number {
  return Date.parse(r.completed_at ?? r.declined_at ?? r.assigned_at);
}

/** Ids of assignments waiting for acknowledgement: the ones that ring when they first appear. */
export function unacknowledgedIds(rows: readonly InboxItem[]): string[] {
  return rows.filter((r) => r.status === 'assigned').map((r) => r.id);
}

// ------------------------------------------------------------------------------------------------
// navigation
// ------------------------------------------------------------------------------------------------
function coordinate(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a coordinate: ${n}`);
  return n.toFixed(6).replace(/\.?0+$/, '');
}

/**
 * `geo:` URI (RFC 5870 with the Android `q=` query) that opens the phone's own maps app with a pin.
 * Brackets and commas in the label would end the query early, so they are left out.
 */
export function geoUri(lat: number, lng: number, label: string): string {
  const ll = `${coordinate(lat)},${coordinate(lng)}`;
  const clean = label.replace(/[()\n\r]/g, ' ').replace(/\s+/g, ' ').trim();
  return `geo:${ll}?q=${ll}(${encodeURIComponent(clean)})`;
}

/** Directions in Google Maps over https: works on phones without a `geo:` handler. */
export function googleMapsUrl(lat: number, lng: number): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${coordinate(lat)},${coordinate(lng)}`;
}

/** OpenStreetMap with a marker, for devices without Google services. */
export function osmUrl(lat: number, lng: number): string {
  const la = coordinate(lat);
  const ln = coordinate(lng);
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${ln}#map=17/${la}/${ln}`;
}

/** `tel:` link; keeps digits and a leading plus only (spaces and dashes are fine to show, not to dial). */
export function telUri(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  if (digits.length < 3) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

// ------------------------------------------------------------------------------------------------
// field report
// ------------------------------------------------------------------------------------------------
/** Counts the report asks for. */
export type CountKey = 'dead' | 'seriouslyInjured' | 'lightlyInjured' | 'evacuated';
export const COUNT_KEYS: readonly CountKey[] = ['dead', 'seriouslyInjured', 'lightlyInjured', 'evacuated'];

/** Categories with people hurt or moved: the report must say how many (0 is an answer). */
const CATEGORIES_WITH_VICTIMS: ReadonlySet<string> = new Set([
  'fire',
  'medical',
  'traffic_accident',
  'disaster',
  'flood',
  'industrial_accident',
  'rescue',
]);

export function categoryNeedsCounts(category: string): boolean {
  return CATEGORIES_WITH_VICTIMS.has(category);
}

export type Counts = Record<CountKey, number>;

/** An assignment's count columns (migration 20261202000200_casualty_counts.sql); null = not reported. */
export interface CountColumns {
  dead_count: number | null;
  seriously_injured_count: number | null;
  lightly_injured_count: number | null;
  evacuated_count: number | null;
}

export const COUNT_MAX = 9999;

export type ReportProblem = 'report_required' | 'counts_required' | 'count_invalid' | 'report_too_long';

export const REPORT_MAX_LENGTH = 4000;

/** Parses a count field: a whole number from 0 to 9999, or null when empty or not such a number. */
export function parseCount(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * Checks the liaison's report: the text and, where the category needs them, every count. The counts
 * travel as data of their own (complete_assignment's count parameters), never inside the text.
 */
export function composeReport(
  text: string,
  category: string,
  countFields: Partial<Record<CountKey, string>>,
): { ok: true; report: string; counts: Counts | null } | { ok: false; problem: ReportProblem } {
  const report = text.trim();
  if (!report) return { ok: false, problem: 'report_required' };
  let counts: Counts | null = null;
  if (categoryNeedsCounts(category)) {
    const parsed = {} as Counts;
    for (const key of COUNT_KEYS) {
      const raw = countFields[key] ?? '';
      if (raw.trim() === '') return { ok: false, problem: 'counts_required' };
      const n = parseCount(raw);
      if (n === null) return { ok: false, problem: 'count_invalid' };
      parsed[key] = n;
    }
    counts = parsed;
  }
  if (report.length > REPORT_MAX_LENGTH) return { ok: false, problem: 'report_too_long' };
  return { ok: true, report, counts };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= COUNT_MAX;
}

/** A complete, valid set of counts (e.g. read back from a stored offline queue). */
export function isCounts(value: unknown): value is Counts {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return COUNT_KEYS.every((k) => isCount(v[k]));
}

/** complete_assignment's count parameters; none when the report has no counts (they default to null). */
export function countArgs(counts: Counts | null | undefined): Partial<Record<`p_${keyof CountColumns}`, number>> {
  if (!counts) return {};
  return {
    p_dead_count: counts.dead,
    p_seriously_injured_count: counts.seriouslyInjured,
    p_lightly_injured_count: counts.lightlyInjured,
    p_evacuated_count: counts.evacuated,
  };
}

/** The counts an assignment reports, or null when it reports none (a count not given stays null). */
export function countsOf(row: CountColumns): Record<CountKey, number | null> | null {
  const counts = {
    dead: row.dead_count,
    seriouslyInjured: row.seriously_injured_count,
    lightlyInjured: row.lightly_injured_count,
    evacuated: row.evacuated_count,
  };
  return COUNT_KEYS.some((k) => counts[k] !== null) ? counts : null;
}

/**
 * The assignment as the liaison should see it: the live row, unless a step's own answer already
 * carried a newer version than the change feed has delivered yet (no flicker back to the old step).
 */
export function latestState<S extends { status: AssignmentStatus; version: number }>(
  row: S,
  applied: { status: AssignmentStatus; version: number } | undefined,
): { status: AssignmentStatus; version: number } {
  return applied && applied.version > row.version ? applied : { status: row.status, version: row.version };
}
