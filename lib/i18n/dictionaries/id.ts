/**
 * Bahasa Indonesia, the default language. This dictionary defines the message keys: every other
 * language must provide exactly the same keys (see en.ts). `{name}` marks a value filled in by t().
 */
import { dispatchId } from './dispatch.id';
import { wallId } from './wall.id';
import { statsId } from './stats.id';
import { operatorId } from './operator.id';
import { opdId } from './opd.id';
import { errorsId } from './errors.id';
import { adminConfigId } from './admin-config.id';
import { nuisanceId } from './nuisance.id';
import { adminId } from './admin.id';
import { adminSlaId } from './admin-sla.id';
import { adminNuisanceId } from './admin-nuisance.id';
import { majorId } from './major.id';
import { handoverId } from './handover.id';
import { adminShiftsId } from './admin-shifts.id';
import { officialId } from './official.id';
import { findId } from './find.id';
import { reportId } from './report.id';
import { dataProtectionId } from './data-protection.id';
import { hazardId } from './hazard.id';
import { accuracyId } from './accuracy.id';
export const id = {
  'app.name': 'Command Center 112 Kota Cilegon',
  'app.tagline': 'Layanan Kegawatdaruratan 112',

  'lang.label': 'Bahasa',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'role.operator': 'Operator',
  'role.supervisor': 'Supervisor',
  'role.opd': 'OPD',
  'role.leadership': 'Pimpinan',
  'role.admin': 'Administrator',

  'area.operator': 'Penerimaan Panggilan',
  'area.dispatch': 'Dispatch',
  'area.opd': 'Penugasan OPD',
  'area.wall': 'Layar Dinding',
  'area.stats': 'Statistik',
  'area.admin': 'Administrasi',

  'login.title': 'Masuk',
  'login.subtitle': 'Masuk dengan akun Command Center Anda.',
  'login.email': 'Email',
  'login.password': 'Kata sandi',
  'login.submit': 'Masuk',
  'login.submitting': 'Sedang masuk…',
  'login.error.invalid': 'Email atau kata sandi salah.',
  'login.error.missing': 'Isi email dan kata sandi.',
  'login.error.unavailable': 'Layanan masuk tidak dapat dihubungi. Coba lagi sebentar lagi.',
  'login.error.demoOff': 'Mode demo tidak aktif.',
  'login.error.rateLimited': 'Terlalu banyak percobaan masuk yang gagal. Tunggu beberapa menit lalu coba lagi.',
  'login.demo.title': 'Akun demo',
  'login.demo.hint': 'Mode demo: klik satu akun untuk masuk.',

  'header.signOut': 'Keluar',
  'serverAway.title': 'Server aplikasi tidak menjawab',
  'serverAway.body': 'Mungkin sedang dimulai ulang. Data langsung di layar ini tetap berjalan; coba lagi sebentar lagi.',
  'serverAway.retry': 'Coba lagi',
  'header.signedInAs': 'Masuk sebagai {name}',

  'page.underConstruction': 'Halaman ini sedang dibangun.',
  'page.openWall': 'Buka layar dinding',

  'account.noProfile.title': 'Akun belum siap',
  'account.noProfile.body': 'Akun {email} belum memiliki profil. Hubungi administrator sistem.',
  'account.inactive.title': 'Akun dinonaktifkan',
  'account.inactive.body': 'Akun {email} sedang tidak aktif. Hubungi administrator sistem.',

  'forbidden.title': 'Akses ditolak (403)',
  'forbidden.body': 'Peran Anda tidak berhak membuka halaman ini.',
  'forbidden.home': 'Kembali ke halaman utama',

  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.home': 'Kembali ke halaman utama',

  ...dispatchId,
  ...wallId,
  ...statsId,
  ...operatorId,
  ...opdId,
  ...errorsId,
  ...adminConfigId,
  ...nuisanceId,
  ...adminId,
  ...adminSlaId,
  ...adminNuisanceId,
  ...majorId,
  ...handoverId,
  ...adminShiftsId,
  ...officialId,
  ...findId,
  ...reportId,
  ...dataProtectionId,
  ...hazardId,
  ...accuracyId,

  // ui (#12): words several screens share — the live connection badge and the call types.
  'connection.idle': 'Belum terhubung',
  'connection.connecting': 'Menghubungkan…',
  'connection.syncing': 'Menyinkronkan data…',
  'connection.live': 'Langsung',
  'connection.reconnecting': 'Koneksi terputus, menyambung ulang…',
  'connection.error': 'Gangguan koneksi',
  'connection.closed': 'Terputus',

  'callType.emergency': 'Darurat',
  'callType.ghost': 'Ghost',
  'callType.prank': 'Prank',
  'callType.info': 'Informasi',
};

export type Dictionary = typeof id;
export type MessageKey = keyof Dictionary;
