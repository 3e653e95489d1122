/**
 * Refusals of the workflow functions (one key per code of lib/domain/workflow-errors.ts) and the
 * failures of a write that never got a workflow answer, Bahasa Indonesia; errors.en.ts has the same keys.
 */
import type { WorkflowErrorCode } from '@/lib/domain/workflow-errors';

export const errorsId = {
  'workflow.not_authenticated': 'Sesi Anda tidak memiliki profil pengguna aktif. Silakan masuk kembali.',
  'workflow.forbidden_role': 'Peran Anda tidak diizinkan melakukan tindakan ini.',
  'workflow.wrong_agency': 'Penugasan ini milik OPD lain.',
  'workflow.not_your_call': 'Panggilan ini sedang ditangani operator lain.',
  'workflow.call_not_found': 'Panggilan tidak ditemukan.',
  'workflow.incident_not_found': 'Insiden tidak ditemukan.',
  'workflow.assignment_not_found': 'Penugasan tidak ditemukan.',
  'workflow.agency_not_found': 'OPD tidak ditemukan.',
  'workflow.agency_inactive': 'OPD ini tidak aktif.',
  'workflow.invalid_state': 'Langkah ini tidak dapat dilakukan pada status saat ini.',
  'workflow.stale_version': 'Data telah diubah oleh pengguna lain. Muat ulang lalu coba lagi.',
  'workflow.call_not_classified': 'Klasifikasikan panggilan sebelum mengakhirinya.',
  'workflow.call_not_emergency': 'Hanya panggilan darurat yang dapat dilaporkan sebagai insiden.',
  'workflow.call_not_reported': 'Panggilan darurat harus dilaporkan atau digabungkan ke insiden sebelum diakhiri.',
  'workflow.call_already_linked': 'Panggilan ini sudah terhubung ke insiden lain.',
  'workflow.agency_already_assigned': 'OPD ini sudah menangani insiden tersebut.',
  'workflow.agencies_required': 'Pilih minimal satu OPD.',
  'workflow.open_assignments': 'Masih ada OPD yang belum selesai. Konfirmasi untuk tetap menutup tiket.',
  'workflow.reason_required': 'Alasan wajib diisi.',
  'workflow.report_required': 'Laporan penanganan wajib diisi.',
  'workflow.summary_required': 'Ringkasan penutupan wajib diisi.',
  'workflow.description_required': 'Uraian kejadian wajib diisi.',
  'workflow.location_out_of_area': 'Lokasi berada di luar wilayah Kota Cilegon.',
  'workflow.invalid_kecamatan': 'Kecamatan tidak dikenal.',
  'workflow.count_invalid': 'Jumlah korban harus bilangan bulat 0–9999.',
  'workflow.audit_immutable': 'Jejak audit tidak dapat diubah atau dihapus.',
  'workflow.invalid_range': 'Rentang waktu tidak valid atau terlalu panjang.',
  'workflow.invalid_bucket': 'Pengelompokan harus per hari atau per jam.',
  'workflow.invalid_sla_target': 'Target SLA harus bilangan bulat antara 1 detik dan 24 jam untuk tahap yang dikenal.',

  'write.noAnswer': 'Server tidak menjawab. Periksa koneksi lalu coba lagi.',
  'write.serverError': 'Server gagal memproses permintaan ({status}). Coba lagi.',
  'write.unexpected': 'Permintaan ditolak: {detail}',
} satisfies Record<`workflow.${WorkflowErrorCode}` | `write.${string}`, string>;
