/** Messages of the shift handover (serah terima, issue #18 §4), Bahasa Indonesia (defines the keys). */
export const handoverId = {
  'handover.title': 'Serah terima shift',
  'handover.link': 'Serah terima',
  'handover.linkPending': 'Serah terima menunggu diterima: {count}',
  'handover.shift': 'Shift {from}–{to} WIB',
  'handover.changeIn': 'Pergantian shift pukul {at} WIB, {left} lagi',
  'handover.loadError': 'Serah terima tidak dapat dimuat; mencoba lagi.',
  'handover.scheduleError': 'Jadwal shift tidak dapat dibaca; memakai jadwal standar 07.00/15.00/23.00 WIB.',
  'handover.unknownUser': 'Pengguna tidak dikenal',

  'handover.situation.title': 'Kondisi saat ini',
  'handover.situation.openIncidents': 'Insiden terbuka',
  'handover.situation.waiting': 'Menunggu diterima OPD',
  'handover.situation.blocked': 'Nomor diblokir',
  'handover.situation.none': 'Tidak ada.',
  'handover.situation.more': '+{count} lainnya',
  'handover.situation.waitingItem': '{ticket} · {agency}',

  'handover.mine.title': 'Catatan untuk shift berikutnya',
  'handover.mine.hint':
    'Tulis yang harus diketahui shift berikutnya: insiden yang masih berjalan, janji OPD, nomor yang diblokir, gangguan peralatan.',
  'handover.mine.label': 'Catatan serah terima',
  'handover.mine.save': 'Simpan catatan',
  'handover.mine.update': 'Perbarui catatan',
  'handover.mine.saving': 'Menyimpan…',
  'handover.mine.saved': 'Tersimpan pukul {at} WIB; menunggu diterima supervisor shift berikutnya.',
  'handover.mine.acknowledged': 'Diterima oleh {name} pukul {at} WIB.',
  'handover.mine.required': 'Tulis catatan serah terima.',
  'handover.mine.tooLong': 'Catatan paling banyak {max} karakter.',
  'handover.counts': 'Saat ditulis: {open} insiden terbuka · {waiting} menunggu diterima OPD · {blocked} nomor diblokir',

  'handover.pending.title': 'Serah terima untuk diterima',
  'handover.pending.empty': 'Tidak ada serah terima yang menunggu.',
  'handover.pending.from': 'Dari {name} · pergantian {change} · ditulis {written} WIB',
  'handover.ack.label': 'Catatan penerimaan (opsional)',
  'handover.ack.submit': 'Terima serah terima',
  'handover.ack.saving': 'Menerima…',
  'handover.ack.tooLong': 'Catatan penerimaan paling banyak {max} karakter.',

  'handover.history.title': 'Serah terima yang sudah diterima',
  'handover.history.empty': 'Belum ada serah terima yang diterima dalam tiga hari terakhir.',
  'handover.history.item': '{from} → {to} · diterima {at}',
};
