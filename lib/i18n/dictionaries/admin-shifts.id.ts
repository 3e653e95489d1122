/** Messages of the admin's shift schedule (/admin/shifts, issue #18 §4), Bahasa Indonesia (defines the keys). */
export const adminShiftsId = {
  'admin.section.shifts': 'Jadwal shift',
  'admin.section.shifts.description': 'Jam mulai tiap shift (WIB); serah terima supervisor dan daftar panggilan operator mengikutinya.',
  'admin.shifts.title': 'Jadwal shift',
  'admin.shifts.intro': 'Shift berlangsung dari jam mulainya sampai shift berikutnya mulai. Perubahan berlaku untuk serah terima berikutnya.',
  'admin.shifts.current': 'Jadwal yang berlaku',
  'admin.shifts.item': '{from}–{to} WIB ({hours} jam)',
  'admin.shifts.lastChanged': 'Terakhir diubah {at}',
  'admin.shifts.field': 'Jam mulai shift (WIB), dipisah koma',
  'admin.shifts.hint': 'Contoh: 7, 15, 23 untuk tiga shift 8 jam; 7, 19 untuk dua shift 12 jam.',
  'admin.shifts.save': 'Simpan jadwal',
  'admin.shifts.saving': 'Menyimpan…',
  'admin.shifts.saved': 'Jadwal disimpan: {schedule}.',
  'admin.shifts.unchanged': 'Jadwal tidak berubah.',
};
