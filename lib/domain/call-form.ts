/**
 * Rules of the operator's call form, without React or I/O: the keys that classify a call, the draft
 * kept per call so nothing typed is lost, validation of the emergency report before it reaches the
 * workflow functions, reading typed coordinates, the caller's nuisance history, and the shift window.
 */
import type { CallType } from './workflow';
import { KECAMATAN, type Kecamatan } from './city';

export const INCIDENT_CATEGORIES = [
  'fire',
  'medical',
  'traffic_accident',
  'crime',
  'flood',
  'disaster',
  'industrial_accident',
  'rescue',
  'public_order',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentPriority = (typeof INCIDENT_PRIORITIES)[number];

/** The area the database accepts for an incident (incidents.lat/lng checks): Cilegon with a margin. */
export const REPORT_AREA = { south: -6.12, north: -5.82, west: 105.85, east: 106.14 } as const;

/**
 * One key per classification, shown on its button. Letters follow the Indonesian labels
 * (Darurat, Ghost, Prank, Informasi). No digits on purpose: a phone number typed before clicking
 * into its field would otherwise classify (and end) the call.
 */
export const CLASSIFY_KEYS: Readonly<Record<CallType, readonly string[]>> = {
  ghost: ['g'],
  prank: ['p'],
  info: ['i'],
  emergency: ['d'],
};
export const NEW_CALL_KEYS: readonly string[] = ['n'];

export interface KeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** True when the key was typed into a text field, select or text area. */
  inTextField: boolean;
}

export type ConsoleCommand = { kind: 'new_call' } | { kind: 'classify'; callType: CallType };

/**
 * What a key press means on the console. Plain keys act only outside text fields (so typing a name
 * never classifies a call); Alt+key acts everywhere. Ctrl/Meta combinations are left to the browser.
 */
export function commandForKey(input: KeyInput): ConsoleCommand | null {
  if (input.ctrlKey || input.metaKey) return null;
  if (input.inTextField && !input.altKey) return null;
  const key = input.key.toLowerCase();
  if (NEW_CALL_KEYS.includes(key)) return { kind: 'new_call' };
  for (const [callType, keys] of Object.entries(CLASSIFY_KEYS) as Array<[CallType, readonly string[]]>) {
    if (keys.includes(key)) return { kind: 'classify', callType };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// draft
// ---------------------------------------------------------------------------------------------

export interface EmergencyDraft {
  category: IncidentCategory | '';
  priority: IncidentPriority;
  description: string;
  address: string;
  kecamatan: Kecamatan | '';
  kelurahan: string;
  /** Exactly what the operator typed or the map click wrote, e.g. "-6.01234, 106.04567". */
  coordinates: string;
}

export interface CallDraft {
  /** Idempotency key of the call: one draft per call. */
  key: string;
  callerPhone: string;
  callerName: string;
  infoNote: string;
  emergency: EmergencyDraft;
}

export function emptyDraft(key: string): CallDraft {
  return {
    key,
    callerPhone: '',
    callerName: '',
    infoNote: '',
    emergency: {
      category: '',
      priority: 'medium',
      description: '',
      address: '',
      kecamatan: '',
      kelurahan: '',
      coordinates: '',
    },
  };
}

export const ACTIVE_CALL_STORAGE_KEY = 'operator:active-call';

export function draftStorageKey(callKey: string): string {
  return `operator:draft:${callKey}`;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T | ''): T | '' {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * Reads a stored draft back. Anything unreadable (another version of the app, hand-edited storage)
 * falls back field by field to empty values rather than failing: the typed text matters most.
 */
export function parseDraft(callKey: string, stored: string | null): CallDraft {
  const draft = emptyDraft(callKey);
  if (!stored) return draft;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return draft;
  }
  if (typeof raw !== 'object' || raw === null) return draft;
  const r = raw as Record<string, unknown>;
  const e = (typeof r.emergency === 'object' && r.emergency !== null ? r.emergency : {}) as Record<string, unknown>;
  return {
    key: callKey,
    callerPhone: str(r.callerPhone),
    callerName: str(r.callerName),
    infoNote: str(r.infoNote),
    emergency: {
      category: oneOf(e.category, INCIDENT_CATEGORIES, ''),
      priority: (oneOf(e.priority, INCIDENT_PRIORITIES, 'medium') || 'medium') as IncidentPriority,
      description: str(e.description),
      address: str(e.address),
      kecamatan: oneOf(e.kecamatan, KECAMATAN, ''),
      kelurahan: str(e.kelurahan),
      coordinates: str(e.coordinates),
    },
  };
}

/**
 * A random (v4) UUID for the call's idempotency key. crypto.randomUUID exists only in secure
 * contexts, and consoles on other PCs may open the app over plain http on the local network;
 * getRandomValues works everywhere.
 */
export function newCallKey(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// coordinates
// ---------------------------------------------------------------------------------------------

export interface LatLng {
  lat: number;
  lng: number;
}

/** Six decimals is about 10 cm: more precision than a caller ever gives. */
export function formatCoordinates(point: LatLng): string {
  return `${point.lat.toFixed(6)}, ${point.lng.toFixed(6)}`;
}

/**
 * Reads "lat, lng" as typed or pasted from a map app: comma, semicolon or spaces between, decimal
 * points. A pair in the wrong order (lng, lat) around Cilegon is recognised and swapped, because
 * some apps copy it that way. Returns null when the text is not a pair of numbers.
 */
export function parseCoordinates(text: string): LatLng | null {
  const parts = text
    .trim()
    .split(/\s*[,;]\s*|\s+/)
    .filter((p) => p.length > 0);
  if (parts.length !== 2) return null;
  if (!parts.every((p) => /^[-+]?\d+(\.\d+)?$/.test(p))) return null;
  const [a, b] = parts.map(Number);
  // A first value beyond ±90 cannot be a latitude: the pair was copied as lng, lat.
  if (Math.abs(a) > 90) return Math.abs(a) <= 180 && Math.abs(b) <= 90 ? { lat: b, lng: a } : null;
  if (Math.abs(b) > 180) return null;
  return { lat: a, lng: b };
}

export function inReportArea(point: LatLng): boolean {
  return (
    point.lat >= REPORT_AREA.south &&
    point.lat <= REPORT_AREA.north &&
    point.lng >= REPORT_AREA.west &&
    point.lng <= REPORT_AREA.east
  );
}

// ---------------------------------------------------------------------------------------------
// validation
// ---------------------------------------------------------------------------------------------

export type EmergencyField = 'category' | 'description' | 'coordinates' | 'kelurahan' | 'address';
export type EmergencyProblem = 'required' | 'invalid' | 'out_of_area' | 'too_long' | 'wrong_kecamatan';

export interface ValidEmergency {
  category: IncidentCategory;
  priority: IncidentPriority;
  description: string;
  address: string | null;
  kecamatan: Kecamatan | null;
  kelurahan: string | null;
  lat: number;
  lng: number;
}

export type EmergencyValidation =
  | { ok: true; value: ValidEmergency }
  | { ok: false; problems: Partial<Record<EmergencyField, EmergencyProblem>> };

/** Kelurahan per kecamatan (data/cilegon.json: 8 kecamatan, 43 kelurahan). */
export const KELURAHAN: Readonly<Record<Kecamatan, readonly string[]>> = {
  Pulomerak: ['Lebak Gede', 'Mekarsari', 'Suralaya', 'Tamansari'],
  Grogol: ['Gerem', 'Grogol', 'Kotasari', 'Rawa Arum'],
  Purwakarta: ['Kebondalem', 'Kotabumi', 'Pabean', 'Purwakarta', 'Ramanuju', 'Tegal Bunder'],
  Jombang: ['Gedong Dalem', 'Jombang Wetan', 'Masigit', 'Panggung Rawi', 'Sukmajaya'],
  Cilegon: ['Bagendung', 'Bendungan', 'Ciwaduk', 'Ciwedus', 'Ketileng'],
  Cibeber: ['Bulakan', 'Cibeber', 'Cikerai', 'Kalitimbang', 'Karangasem', 'Kedaleman'],
  Citangkil: ['Citangkil', 'Deringo', 'Kebonsari', 'Lebak Denok', 'Samangraya', 'Tamanbaru', 'Warnasari'],
  Ciwandan: ['Banjar Negara', 'Gunungsugih', 'Kepuh', 'Kubangsari', 'Randakari', 'Tegal Ratu'],
};

/**
 * Checks an emergency draft with the same limits the database applies (incidents checks and
 * report_incident), so the operator hears about a problem before the round trip. The database
 * still decides; its refusal is shown the same way.
 */
export function validateEmergency(draft: EmergencyDraft): EmergencyValidation {
  const problems: Partial<Record<EmergencyField, EmergencyProblem>> = {};
  if (!draft.category) problems.category = 'required';
  const description = draft.description.trim();
  if (!description) problems.description = 'required';
  else if (description.length > 2000) problems.description = 'too_long';
  const address = draft.address.trim();
  if (address.length > 300) problems.address = 'too_long';
  const kelurahan = draft.kelurahan.trim();
  if (kelurahan.length > 80) problems.kelurahan = 'too_long';
  else if (kelurahan && draft.kecamatan && !KELURAHAN[draft.kecamatan].includes(kelurahan)) {
    problems.kelurahan = 'wrong_kecamatan';
  }
  let point: LatLng | null = null;
  if (!draft.coordinates.trim()) problems.coordinates = 'required';
  else {
    point = parseCoordinates(draft.coordinates);
    if (!point) problems.coordinates = 'invalid';
    else if (!inReportArea(point)) problems.coordinates = 'out_of_area';
  }
  if (Object.keys(problems).length > 0 || !point || !draft.category) return { ok: false, problems };
  return {
    ok: true,
    value: {
      category: draft.category,
      priority: draft.priority,
      description,
      address: address || null,
      kecamatan: draft.kecamatan || null,
      kelurahan: kelurahan || null,
      lat: point.lat,
      lng: point.lng,
    },
  };
}

/** An info call ends with the answer given; the database keeps at most 2000 characters of notes. */
export function validateInfoNote(note: string): { ok: true; value: string } | { ok: false; problem: 'required' | 'too_long' } {
  const value = note.trim();
  if (!value) return { ok: false, problem: 'required' };
  if (value.length > 2000) return { ok: false, problem: 'too_long' };
  return { ok: true, value };
}

/** The caller_phone check of the calls table: digits with an optional +, spaces, dashes, brackets. */
export function normalisePhone(text: string): { ok: true; value: string | null } | { ok: false } {
  const value = text.trim();
  if (!value) return { ok: true, value: null };
  return /^\+?[0-9][0-9 ()-]{1,31}$/.test(value) ? { ok: true, value } : { ok: false };
}

// ---------------------------------------------------------------------------------------------
// caller history
// ---------------------------------------------------------------------------------------------

export interface CallerHistoryRow {
  call_type: CallType;
  calls: number;
}

export interface CallerHistory {
  total: number;
  prank: number;
  ghost: number;
  info: number;
  emergency: number;
  /** Prank and ghost calls together reach NUISANCE_THRESHOLD. */
  nuisance: boolean;
}

/** Two nuisance calls in 30 days: a number a second call taker should be warned about. */
export const NUISANCE_THRESHOLD = 2;

export function summariseCallerHistory(rows: readonly CallerHistoryRow[]): CallerHistory {
  const count = (type: CallType) => rows.filter((r) => r.call_type === type).reduce((sum, r) => sum + Number(r.calls), 0);
  const prank = count('prank');
  const ghost = count('ghost');
  const info = count('info');
  const emergency = count('emergency');
  return { total: prank + ghost + info + emergency, prank, ghost, info, emergency, nuisance: prank + ghost >= NUISANCE_THRESHOLD };
}

// ---------------------------------------------------------------------------------------------
// shift
// ---------------------------------------------------------------------------------------------

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
