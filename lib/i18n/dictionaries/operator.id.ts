/**
 * Bahasa Indonesia messages of the operator console (app/operator, components/calls). `satisfies`
 * makes the compiler name any category, priority, status, call type or form problem without one.
 */
import type { FormProblem } from '@/lib/domain/form-problems';
import type { Enums } from '@/lib/supabase/database.types';

type PerValueKey =
  | `operator.category.${Enums<'incident_category'>}`
  | `operator.priority.${Enums<'incident_priority'>}`
  | `operator.status.${Enums<'incident_status'>}`
  | `operator.type.${Enums<'call_type'>}`
  | `operator.problem.${FormProblem}`;

export const operatorId = {
  'operator.newCall': 'Panggilan baru',
  'operator.idle': 'Tidak ada panggilan aktif. Tekan "Panggilan baru" (N) saat telepon 112 diangkat.',
  'operator.starting': 'Membuka panggilan…',
  'operator.startFailed': 'Panggilan belum tercatat.',
  'operator.retry': 'Coba lagi',
  'operator.keysHint': 'Tombol: N panggilan baru · G ghost · P prank · I info · D darurat (Alt+tombol saat mengetik)',
  'operator.clockUnverified': 'Jam server belum terukur; timer memakai jam komputer ini.',
  'operator.callerPhone': 'Nomor penelepon',
  'operator.callerName': 'Nama penelepon',

  'operator.stage.answer': 'Waktu jawab',
  'operator.stage.classify': 'Panggilan masuk',
  'operator.stage.record': 'Data laporan',
  'operator.stage.close_call': 'Penyelesaian',
  'operator.stage.call_total': 'Total',

  'operator.classify.label': 'Jenis panggilan',
  'operator.type.ghost': 'Ghost',
  'operator.type.prank': 'Prank',
  'operator.type.info': 'Informasi',
  'operator.type.emergency': 'Darurat',
  'operator.type.none': 'Belum diklasifikasi',

  'operator.history.loading': 'Memeriksa riwayat nomor…',
  'operator.history.none': 'Nomor ini tidak menelepon dalam 30 hari terakhir.',
  'operator.history.nuisance': 'Nomor pengganggu berulang!',
  'operator.history.counts': '30 hari terakhir: {prank} prank, {ghost} ghost, {info} informasi, {emergency} darurat.',

  'operator.info.note': 'Jawaban yang diberikan',
  'operator.info.submit': 'Selesai',

  'operator.form.category': 'Kategori',
  'operator.form.choose': '— pilih —',
  'operator.form.priority': 'Prioritas',
  'operator.form.description': 'Uraian kejadian',
  'operator.form.address': 'Alamat',
  'operator.form.kecamatan': 'Kecamatan',
  'operator.form.kelurahan': 'Kelurahan',
  'operator.form.unknown': '— tidak diketahui —',
  'operator.form.coordinates': 'Koordinat (lintang, bujur)',
  'operator.form.coordinatesHint': 'Klik peta atau ketik, mis. -6.00268, 106.01120',
  'operator.form.submit': 'Laporkan ke supervisor',
  'operator.form.submitNewAnyway': 'Tetap buat tiket baru',
  'operator.form.submitting': 'Mengirim…',

  'operator.problem.required': 'Wajib diisi.',
  'operator.problem.invalid': 'Format tidak dikenali; tulis lintang, bujur.',
  'operator.problem.out_of_area': 'Lokasi berada di luar wilayah Kota Cilegon.',
  'operator.problem.too_long': 'Terlalu panjang.',
  'operator.problem.wrong_kecamatan': 'Kelurahan ini tidak berada di kecamatan yang dipilih.',
  'operator.problem.phone': 'Nomor penelepon tidak valid: hanya angka, spasi, tanda hubung, kurung dan + di depan.',
  'operator.problem.caller_name': 'Nama penelepon terlalu panjang: paling banyak 120 karakter.',

  'operator.nearby.pending': 'Pilih kategori dan lokasi untuk memeriksa insiden terbuka di sekitar.',
  'operator.nearby.none': 'Tidak ada insiden terbuka sejenis dalam 500 m pada 1 jam terakhir.',
  'operator.nearby.title.one': '{count} insiden terbuka sejenis dalam 500 m (1 jam terakhir): mungkin penelepon berulang.',
  'operator.nearby.title.other': '{count} insiden terbuka sejenis dalam 500 m (1 jam terakhir): mungkin penelepon berulang.',
  'operator.nearby.detail': '{distance} m · dilaporkan {time} WIB',
  'operator.nearby.link': 'Gabungkan ke tiket ini',

  'operator.outcome.ticket': 'Laporan diteruskan ke supervisor. Nomor tiket:',
  'operator.outcome.linked': 'Panggilan digabungkan ke tiket',
  'operator.outcome.ended': 'Panggilan {type} selesai.',

  'operator.error.network': 'Koneksi ke server terputus sebelum ada jawaban.',
  'operator.error.server': 'Server sedang bermasalah.',
  'operator.error.other': 'Permintaan tidak dapat diproses.',
  'operator.error.kept': 'Isian Anda tetap tersimpan; coba lagi.',

  'operator.shift.title': 'Panggilan saya pada shift ini',
  'operator.shift.empty': 'Belum ada panggilan pada shift ini.',
  'operator.shift.time': 'Masuk (WIB)',
  'operator.shift.type': 'Jenis',
  'operator.shift.caller': 'Penelepon',
  'operator.shift.ticket': 'Tiket',

  'operator.open.title': 'Insiden terbuka',
  'operator.open.empty': 'Tidak ada insiden terbuka.',

  'operator.category.fire': 'Kebakaran',
  'operator.category.medical': 'Medis',
  'operator.category.traffic_accident': 'Kecelakaan lalu lintas',
  'operator.category.crime': 'Kriminalitas',
  'operator.category.flood': 'Banjir',
  'operator.category.disaster': 'Bencana',
  'operator.category.industrial_accident': 'Kecelakaan industri',
  'operator.category.rescue': 'Penyelamatan',
  'operator.category.public_order': 'Ketertiban umum',
  'operator.category.other': 'Lainnya',

  'operator.priority.low': 'Rendah',
  'operator.priority.medium': 'Sedang',
  'operator.priority.high': 'Tinggi',
  'operator.priority.critical': 'Kritis',

  'operator.status.reported': 'Dilaporkan',
  'operator.status.dispatched': 'Diteruskan ke OPD',
  'operator.status.acknowledged': 'Diterima OPD',
  'operator.status.on_scene': 'Di lokasi',
  'operator.status.resolved': 'Selesai ditangani',
  'operator.status.closed': 'Ditutup',
  'operator.status.cancelled': 'Dibatalkan',

  // telephony (#16): calls ringing at the PBX, and the call the PBX gave this console.
  'operator.ringing.title': 'Panggilan masuk berdering',
  'operator.ringing.hint': 'Angkat telepon di meja Anda; panggilan terbuka di sini dengan nomornya.',
  'operator.ringing.waited': 'menunggu {wait}',
  'operator.ringing.withheld': 'Nomor tidak ditampilkan',
  'operator.ringing.loadError': 'Panggilan berdering tidak dapat dimuat: {message}',
  'operator.fromPbx': 'Dijawab di ekstensi Anda pada {time} WIB',
} satisfies Record<PerValueKey, string> & Record<`operator.${string}`, string>;
