/** Messages of the wall display, Bahasa Indonesia (defines the keys). */
export const wallId = {
  'wall.title': 'Command Center 112 Kota Cilegon',
  'wall.clockError': 'Jam server tidak dapat dibaca; timer memakai jam komputer ini.',
  'wall.stale': 'Data mungkin belum terbaru — menyambung ulang…',

  'wall.board.calls': 'Panggilan berlangsung',
  'wall.board.awaiting_dispatch': 'Menunggu diteruskan',
  'wall.board.awaiting_ack': 'Menunggu respons OPD',
  'wall.board.on_scene': 'Menuju & di lokasi',
  'wall.board.awaiting_close': 'Menunggu ditutup',
  'wall.board.empty': 'Tidak ada',
  'wall.board.more': '+{count} lainnya',

  'wall.callStage.ringing': 'Berdering',
  'wall.callStage.answered': 'Dijawab',
  'wall.callStage.classified': 'Pencatatan',
  'wall.callStage.recorded': 'Penyelesaian',

  'wall.timer.answer': 'menjawab',
  'wall.timer.classify': 'panggilan masuk',
  'wall.timer.record': 'data laporan',
  'wall.timer.close_call': 'penyelesaian',
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
  'wall.answer.title': 'Waktu jawab',
  'wall.answer.within': '≤ {seconds} dtk',
  'wall.answer.calls.one': '{count} panggilan telepon · target 90 %',
  'wall.answer.calls.other': '{count} panggilan telepon · target 90 %',
  'wall.answer.noFeed': 'belum ada panggilan melalui telepon',

  'wall.chart.title': 'Sesuai target per tahap (hari ini)',
  'wall.stage.answer': 'Waktu jawab',
  'wall.stage.classify': 'Panggilan masuk',
  'wall.stage.record': 'Data laporan',
  'wall.stage.close_call': 'Penyelesaian',
  'wall.stage.call_total': 'Total',
  'wall.stage.dispatch': 'Dispatch',
  'wall.stage.acknowledge': 'Respons',
  'wall.stage.on_scene': 'Tiba',
  // The wall's four columns of stage shares need one short word each (at most 7 letters) at 1080p (18 px type).
  'wall.stageShort.answer': 'Jawab',
  'wall.stageShort.classify': 'Masuk',
  'wall.stageShort.record': 'Data',
  'wall.stageShort.close_call': 'Selesai',
  'wall.stageShort.call_total': 'Total',
  'wall.stageShort.dispatch': 'Kirim',
  'wall.stageShort.acknowledge': 'Terima',
  'wall.stageShort.on_scene': 'Tiba',

  'wall.map.cluster.one': '{count} insiden',
  'wall.map.cluster.other': '{count} insiden',
  'wall.unit.enRoute': '{agency} · ETA ±{minutes} mnt',
  'wall.unit.onScene': '{agency} · di lokasi',
  'wall.map.label': 'Peta insiden terbuka',

  // ui (#12): counts in real plural forms (Bahasa Indonesia has one form); call types are callType.*.
  'wall.openIncidents.one': '{count} insiden terbuka',
  'wall.openIncidents.other': '{count} insiden terbuka',

  // telephony (#16): calls waiting at the PBX, without caller data.
  'wall.waiting.count': 'Panggilan menunggu',
  'wall.waiting.longest': 'Tunggu terlama',
  'wall.waiting.abandoned': 'Ditinggal hari ini',
};
