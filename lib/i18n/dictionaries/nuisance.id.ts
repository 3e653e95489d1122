/**
 * Bahasa Indonesia messages of the nuisance-number tools: the block flag of the caller-history panel,
 * the operator's call-back list and the supervisor's "Nomor mengganggu" screen. `satisfies` makes
 * the compiler name any call-back outcome or reason without a message.
 */
import type { Enums } from '@/lib/supabase/database.types';

type PerValueKey = `nuisance.outcome.${Enums<'callback_outcome'>}` | `nuisance.reason.${Enums<'callback_reason'>}`;

export const nuisanceId = {
  'nuisance.flag.title': 'Nomor diblokir sementara (nuisance)',
  'nuisance.flag.detail': '{prank} prank, {ghost} ghost dalam {hours} jam · blokir berlaku sampai {until}. Panggilan tetap dilayani.',
  'nuisance.flag.short': 'Diblokir',

  'nuisance.callbacks.title': 'Panggilan balik',
  'nuisance.callbacks.empty': 'Tidak ada panggilan ghost atau terputus yang perlu ditelepon balik.',
  'nuisance.callbacks.attempts.one': '{count} kali dicoba · terakhir: {outcome}',
  'nuisance.callbacks.attempts.other': '{count} kali dicoba · terakhir: {outcome}',
  'nuisance.callbacks.record': 'Catat hasil',
  'nuisance.callbacks.outcome': 'Hasil panggilan balik',
  'nuisance.callbacks.note': 'Catatan (opsional)',
  'nuisance.callbacks.noteTooLong': 'Catatan paling banyak 500 karakter.',
  'nuisance.callbacks.save': 'Simpan hasil',
  'nuisance.callbacks.saving': 'Menyimpan…',
  'nuisance.callbacks.cancel': 'Batal',
  'nuisance.callbacks.chooseOutcome': 'Pilih hasilnya.',
  'nuisance.callbacks.onCall': 'Selesaikan panggilan aktif dulu untuk membuka panggilan darurat baru.',
  'nuisance.callbacks.saved': 'Hasil panggilan balik tersimpan.',

  'nuisance.outcome.reached_ok': 'Terhubung, tidak ada keadaan darurat',
  'nuisance.outcome.reached_emergency': 'Terhubung, ada keadaan darurat (buka panggilan baru)',
  'nuisance.outcome.no_answer': 'Tidak diangkat',
  'nuisance.outcome.busy': 'Sibuk',
  'nuisance.outcome.wrong_number': 'Nomor salah',
  'nuisance.reason.ghost': 'Ghost',
  'nuisance.reason.abandoned': 'Terputus sebelum dijawab',

  'nuisance.title': 'Nomor mengganggu',
  'nuisance.link': 'Nomor mengganggu',
  'nuisance.proposals.title': 'Usulan blokir',
  'nuisance.proposals.empty': 'Tidak ada usulan blokir.',
  'nuisance.proposals.counts': '{prank} prank, {ghost} ghost dalam {hours} jam (ambang {threshold})',
  'nuisance.proposals.calls': 'Panggilan {first}–{last} WIB',
  'nuisance.proposals.approve': 'Setujui blokir',
  'nuisance.proposals.reject': 'Tolak',
  'nuisance.proposals.approveTitle': 'Setujui blokir sementara',
  'nuisance.proposals.rejectTitle': 'Tolak usulan blokir',
  'nuisance.blocks.title': 'Blokir berlaku',
  'nuisance.blocks.empty': 'Tidak ada nomor yang sedang diblokir.',
  'nuisance.blocks.until': 'Sampai {until}',
  'nuisance.blocks.decidedBy': 'Diputuskan {name}, {at}: {reason}',
  'nuisance.blocks.lift': 'Cabut blokir',
  'nuisance.blocks.liftTitle': 'Cabut blokir lebih awal',
  'nuisance.reasonLabel': 'Alasan',
  'nuisance.reasonRequired': 'Alasan wajib diisi.',
  'nuisance.submitting': 'Menyimpan…',
  'nuisance.cancel': 'Batal',
  'nuisance.unknownUser': 'pengguna tidak dikenal',
  'nuisance.loadError': 'Daftar tidak dapat dimuat.',
} satisfies Record<PerValueKey, string> & Record<`nuisance.${string}`, string>;
