/**
 * What kind of call the simulated center receives, from published figures of other Indonesian 112
 * centers (data/cilegon.json `call_mix`; Cilegon publishes none). Semarang 2025 gives emergency, info
 * and prank+ghost; Jakarta 2024 splits prank from dropped (ghost) calls, and that ratio splits
 * Semarang's prank+ghost. Bandung 2024's top incident categories weight the emergencies.
 * Shares the data do not give are the simulator's assumptions and are marked as such.
 */
import city from '../../data/cilegon.json';
import type { Enums } from '../supabase/database.types';
import type { CallType } from '../domain/workflow';

export type IncidentCategory = Enums<'incident_category'>;
export type IncidentPriority = Enums<'incident_priority'>;

const { semarang_2025: semarang, jakarta_2024: jakarta, bandung_2024: bandung } = city.call_mix;

const prankOfNuisance = jakarta.prank / (jakarta.prank + jakarta.dropped);

/** Relative frequency of each call type (Semarang 2025, prank/ghost split as Jakarta 2024). */
export const CALL_TYPE_WEIGHTS: Readonly<Record<CallType, number>> = {
  emergency: semarang.emergency,
  info: semarang.info,
  prank: semarang.prank_and_ghost * prankOfNuisance,
  ghost: semarang.prank_and_ghost * (1 - prankOfNuisance),
};

const top = bandung.top_categories;

/**
 * Incident categories: Bandung 2024's five largest (traffic, fire, health, disaster, animals →
 * rescue). ASSUMPTION: Cilegon's industrial zone, floods and the rest get small weights of their own
 * so every category (and every agency kind) is exercised; the data name the hazards, not their counts.
 */
export const CATEGORY_WEIGHTS: Readonly<Record<IncidentCategory, number>> = {
  traffic_accident: top['kecelakaan lalu lintas'],
  fire: top.kebakaran,
  medical: top.kesehatan,
  disaster: top.bencana,
  rescue: top.hewan,
  flood: 60,
  industrial_accident: 40,
  crime: 40,
  public_order: 30,
  other: 20,
};

/** ASSUMPTION: how urgent reports of each category usually are. */
export const PRIORITY_WEIGHTS: Readonly<Record<IncidentCategory, Readonly<Record<IncidentPriority, number>>>> = {
  traffic_accident: { low: 1, medium: 4, high: 4, critical: 1 },
  fire: { low: 0, medium: 2, high: 5, critical: 3 },
  medical: { low: 1, medium: 4, high: 4, critical: 1 },
  disaster: { low: 0, medium: 2, high: 5, critical: 3 },
  rescue: { low: 1, medium: 5, high: 3, critical: 1 },
  flood: { low: 1, medium: 5, high: 3, critical: 1 },
  industrial_accident: { low: 0, medium: 2, high: 4, critical: 4 },
  crime: { low: 1, medium: 5, high: 3, critical: 1 },
  public_order: { low: 4, medium: 5, high: 1, critical: 0 },
  other: { low: 5, medium: 4, high: 1, critical: 0 },
};

/**
 * ASSUMPTIONS (no published figure): the share of callers who hang up while it still rings, and the
 * share of emergency callers who call about an incident someone already reported (the operator
 * links them instead of opening a second ticket).
 */
export const ABANDON_SHARE = 0.05;
export const REPEAT_CALLER_SHARE = 0.2;

/** Short descriptions an operator types, per category, in Bahasa Indonesia as on the console. */
export const DESCRIPTIONS: Readonly<Record<IncidentCategory, readonly string[]>> = {
  traffic_accident: ['Tabrakan motor dan mobil, satu korban luka', 'Truk terguling di jalan raya', 'Kecelakaan beruntun tiga kendaraan'],
  fire: ['Rumah terbakar, asap tebal', 'Kebakaran gudang', 'Api di warung, penghuni sudah keluar'],
  medical: ['Warga pingsan di pinggir jalan', 'Ibu hamil perlu dibawa ke rumah sakit', 'Orang tua sesak napas'],
  disaster: ['Pohon tumbang menimpa rumah', 'Tanah longsor di belakang permukiman', 'Atap sekolah ambruk'],
  rescue: ['Ular masuk rumah warga', 'Anak terjebak di sumur', 'Kucing terjebak di atap tinggi'],
  flood: ['Banjir setinggi lutut masuk rumah', 'Jalan tergenang, motor mogok', 'Air sungai meluap ke permukiman'],
  industrial_accident: ['Kebocoran gas di area pabrik', 'Pekerja terjatuh dari ketinggian', 'Ledakan kecil di gudang kimia'],
  crime: ['Pencurian motor, pelaku kabur', 'Perkelahian antarwarga', 'Penjambretan di dekat pasar'],
  public_order: ['Keributan di pasar malam', 'Parkir liar menutup jalan', 'PKL memblokir trotoar'],
  other: ['Kabel listrik menjuntai ke jalan', 'Hewan ternak lepas di jalan raya', 'Lubang besar di jalan'],
};

/** The answer an operator writes for an information call (the console requires a note). */
export const INFO_NOTES: readonly string[] = [
  'Menanyakan nomor telepon puskesmas terdekat; sudah diberikan.',
  'Menanyakan jadwal layanan SIM keliling; diarahkan ke Polres.',
  'Menanyakan cara lapor kehilangan KTP; diarahkan ke kelurahan.',
  'Menanyakan kondisi lalu lintas tol Merak; diberi informasi terbaru.',
];
