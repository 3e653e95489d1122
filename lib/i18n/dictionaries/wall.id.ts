/** Messages of the wall display, Bahasa Indonesia (defines the keys). */
export const wallId = {
  'wall.title': 'Command Center 112 Kota Cilegon',
  'wall.clockError': 'Jam server tidak dapat dibaca; timer memakai jam komputer ini.',
  'wall.stale': 'Data mungkin belum terbaru — menyambung ulang…',

  'wall.board.calls': 'Panggilan berlangsung',
  'wall.board.awaiting_dispatch': 'Menunggu diteruskan',
  'wall.board.awaiting_ack': 'Menunggu respons OPD',
  'wall.board.on_scene': 'Menuju & di lokasi',
  'wall.board.empty': 'Tidak ada',
  'wall.board.more': '+{count} lainnya',

  'wall.callStage.ringing': 'Berdering',
  'wall.callStage.answered': 'Dijawab',
  'wall.callStage.classified': 'Pencatatan',

  'wall.timer.answer': 'menjawab',
  'wall.timer.classify': 'klasifikasi',
  'wall.timer.close_call': 'menutup',
  'wall.timer.dispatch': 'diteruskan',
  'wall.timer.acknowledge': 'respons',
  'wall.timer.on_scene': 'tiba',
  'wall.timer.handling': 'penanganan',
  'wall.timer.closing': 'penutupan',

  'wall.counters.title': 'Hari ini',
  'wall.counters.calls': 'Panggilan',
  'wall.counters.emergencies': 'Darurat',
  'wall.counters.sla': 'Sesuai SLA',
  'wall.counters.none': '—',

  'wall.chart.title': 'Sesuai target per tahap (hari ini)',
  'wall.stage.answer': 'Jawab',
  'wall.stage.classify': 'Klasifikasi',
  'wall.stage.close_call': 'Tutup',
  'wall.stage.call_total': 'Total',
  'wall.stage.dispatch': 'Dispatch',
  'wall.stage.acknowledge': 'Respons',
  'wall.stage.on_scene': 'Tiba',

  'wall.map.cluster': '{count} insiden',
  'wall.map.label': 'Peta insiden terbuka',

  // ui (#12): counts in real plural forms (Bahasa Indonesia has one form); call types are callType.*.
  'wall.openIncidents.one': '{count} insiden terbuka',
  'wall.openIncidents.other': '{count} insiden terbuka',

  // telephony (#16): calls waiting at the PBX, without caller data.
  'wall.waiting.count': 'Panggilan menunggu',
  'wall.waiting.longest': 'Tunggu terlama',
  'wall.waiting.abandoned': 'Ditinggal hari ini',
};
