/** Messages of major-incident mode (issue #18 §1: dispatch, operator console, wall, monthly report), Bahasa Indonesia (defines the keys). */
export const majorId = {
  'dispatch.event.major_declared': 'Dinyatakan kejadian besar',
  'dispatch.event.major_changed': 'Kejadian besar diubah',
  'dispatch.event.major_ended': 'Kejadian besar diakhiri',
  'dispatch.event.majorEndedBy.incident_closed': 'karena tiket ditutup',
  'dispatch.event.majorEndedBy.incident_cancelled': 'karena tiket dibatalkan',

  'major.template.chemical_explosion': 'Ledakan pabrik kimia',
  'major.template.tsunami_warning': 'Peringatan tsunami',
  'major.template.flood': 'Banjir',
  'major.template.large_fire': 'Kebakaran besar',
  'major.template.other': 'Lainnya',

  'stats.major.title': 'Kejadian besar',
  'stats.major.none': 'Tidak ada kejadian besar pada periode ini.',
  'stats.major.col.title': 'Kejadian',
  'stats.major.col.ticket': 'Tiket',
  'stats.major.col.declared': 'Dinyatakan (WIB)',
  'stats.major.col.ended': 'Berakhir (WIB)',
  'stats.major.col.calls': 'Panggilan',
  'stats.major.col.peak': 'Puncak/menit',
  'stats.major.col.agencies': 'Instansi',
  'stats.major.col.casualties': 'Korban (MD/LB/LR/Evak.)',
  'stats.major.ongoing': 'masih berlangsung',
  'stats.major.summary': '{count} kejadian besar, {calls} panggilan tergabung (dihitung sekali per kejadian).',

};
