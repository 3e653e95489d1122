/**
 * The stable refusal codes of the workflow functions (supabase/migrations/…_workflow.sql) and their
 * messages in Bahasa Indonesia and English. The database raises SQLSTATE P0001 with the code as the
 * message, so PostgREST answers `{ code: 'P0001', message: '<code>', details, hint }` (HTTP 400).
 * The statistics functions raise their role refusals with 42501 (HTTP 403) and the same codes.
 */
export const WORKFLOW_ERROR_CODES = [
  'not_authenticated',
  'forbidden_role',
  'wrong_agency',
  'not_your_call',
  'call_not_found',
  'incident_not_found',
  'assignment_not_found',
  'agency_not_found',
  'agency_inactive',
  'invalid_state',
  'stale_version',
  'call_not_classified',
  'call_not_emergency',
  'call_not_reported',
  'call_already_linked',
  'agency_already_assigned',
  'agencies_required',
  'open_assignments',
  'reason_required',
  'report_required',
  'summary_required',
  'description_required',
  'location_out_of_area',
  'invalid_kecamatan',
  'audit_immutable',
  // Raised by the statistics functions (…_statistics.sql), which share this scheme.
  'invalid_range',
  'invalid_bucket',
] as const;

export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

export type Locale = 'id' | 'en';

export const WORKFLOW_ERROR_MESSAGES: Record<WorkflowErrorCode, Record<Locale, string>> = {
  not_authenticated: {
    id: 'Sesi Anda tidak memiliki profil pengguna aktif. Silakan masuk kembali.',
    en: 'Your session has no active user profile. Please sign in again.',
  },
  forbidden_role: {
    id: 'Peran Anda tidak diizinkan melakukan tindakan ini.',
    en: 'Your role is not allowed to do this.',
  },
  wrong_agency: {
    id: 'Penugasan ini milik OPD lain.',
    en: 'This assignment belongs to another agency.',
  },
  not_your_call: {
    id: 'Panggilan ini sedang ditangani operator lain.',
    en: 'This call is handled by another operator.',
  },
  call_not_found: { id: 'Panggilan tidak ditemukan.', en: 'The call does not exist.' },
  incident_not_found: { id: 'Insiden tidak ditemukan.', en: 'The incident does not exist.' },
  assignment_not_found: { id: 'Penugasan tidak ditemukan.', en: 'The assignment does not exist.' },
  agency_not_found: { id: 'OPD tidak ditemukan.', en: 'The agency does not exist.' },
  agency_inactive: { id: 'OPD ini tidak aktif.', en: 'The agency is inactive.' },
  invalid_state: {
    id: 'Langkah ini tidak dapat dilakukan pada status saat ini.',
    en: 'This step is not possible in the current state.',
  },
  stale_version: {
    id: 'Data telah diubah oleh pengguna lain. Muat ulang lalu coba lagi.',
    en: 'Someone else changed this meanwhile. Reload and try again.',
  },
  call_not_classified: {
    id: 'Klasifikasikan panggilan sebelum mengakhirinya.',
    en: 'Classify the call before ending it.',
  },
  call_not_emergency: {
    id: 'Hanya panggilan darurat yang dapat dilaporkan sebagai insiden.',
    en: 'Only an emergency call can report or join an incident.',
  },
  call_not_reported: {
    id: 'Panggilan darurat harus dilaporkan atau digabungkan ke insiden sebelum diakhiri.',
    en: 'An emergency call must report or join an incident before it ends.',
  },
  call_already_linked: {
    id: 'Panggilan ini sudah terhubung ke insiden lain.',
    en: 'This call already belongs to another incident.',
  },
  agency_already_assigned: {
    id: 'OPD ini sudah menangani insiden tersebut.',
    en: 'This agency is already handling the incident.',
  },
  agencies_required: { id: 'Pilih minimal satu OPD.', en: 'Choose at least one agency.' },
  open_assignments: {
    id: 'Masih ada OPD yang belum selesai. Konfirmasi untuk tetap menutup tiket.',
    en: 'Some agencies have not finished. Confirm to close the ticket anyway.',
  },
  reason_required: { id: 'Alasan wajib diisi.', en: 'A reason is required.' },
  report_required: { id: 'Laporan penanganan wajib diisi.', en: 'A field report is required.' },
  summary_required: { id: 'Ringkasan penutupan wajib diisi.', en: 'A closing summary is required.' },
  description_required: { id: 'Uraian kejadian wajib diisi.', en: 'Describe the emergency.' },
  location_out_of_area: {
    id: 'Lokasi berada di luar wilayah Kota Cilegon.',
    en: 'The location is outside Kota Cilegon.',
  },
  invalid_kecamatan: { id: 'Kecamatan tidak dikenal.', en: 'Unknown kecamatan.' },
  audit_immutable: {
    id: 'Jejak audit tidak dapat diubah atau dihapus.',
    en: 'The audit trail cannot be changed or deleted.',
  },
  invalid_range: {
    id: 'Rentang waktu tidak valid atau terlalu panjang.',
    en: 'The time range is invalid or too long.',
  },
  invalid_bucket: { id: 'Pengelompokan harus per hari atau per jam.', en: 'Group by day or by hour.' },
};

const CODES: ReadonlySet<string> = new Set(WORKFLOW_ERROR_CODES);

export function isWorkflowErrorCode(value: unknown): value is WorkflowErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/** The refusal code of a PostgREST error (`{ code: 'P0001' | '42501', message }`), or undefined for any other error. */
export function workflowErrorCode(error: { code?: string; message?: string } | null | undefined): WorkflowErrorCode | undefined {
  if (!error || (error.code !== 'P0001' && error.code !== '42501')) return undefined;
  return isWorkflowErrorCode(error.message) ? error.message : undefined;
}

export function workflowErrorMessage(code: WorkflowErrorCode, locale: Locale = 'id'): string {
  return WORKFLOW_ERROR_MESSAGES[code][locale];
}
