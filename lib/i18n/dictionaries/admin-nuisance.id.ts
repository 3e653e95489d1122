/** Messages of the admin's nuisance-number rules screen (/admin/nuisance), Bahasa Indonesia (defines the keys). */
export const adminNuisanceId = {
  'admin.section.nuisance': 'Nomor mengganggu',
  'admin.section.nuisance.description': 'Berapa panggilan ghost/prank dalam berapa jam mengusulkan blokir nomor, dan berapa lama blokir berlaku.',
  'admin.nuisance.title': 'Aturan nomor mengganggu',
  'admin.nuisance.intro':
    'Bila satu nomor mencapai ambang panggilan ghost/prank dalam jendela waktu, supervisor menerima usulan blokir. Aturan baru berlaku untuk usulan dan keputusan berikutnya.',
  'admin.nuisance.current': 'Aturan yang berlaku',
  'admin.nuisance.meaning': '{threshold} panggilan ghost/prank dalam {window} jam → usulan blokir {block} jam',
  'admin.nuisance.lastChanged': 'Terakhir diubah {at} oleh {by}',
  'admin.nuisance.defaults': 'Bawaan produk: 3 panggilan dalam 24 jam, blokir 24 jam.',
  'admin.nuisance.system': 'sistem',
  'admin.nuisance.field.threshold': 'Ambang (panggilan, 2–50)',
  'admin.nuisance.field.windowHours': 'Jendela waktu (jam, 1–720)',
  'admin.nuisance.field.blockHours': 'Lama blokir (jam, 1–720)',
  'admin.nuisance.save': 'Simpan aturan',
  'admin.nuisance.saving': 'Menyimpan…',
  'admin.nuisance.saved': 'Aturan disimpan: {meaning}.',
  'admin.nuisance.unchanged': 'Aturan itu sudah berlaku.',
};
