/** Messages of the hazard and vital-objects layer (issue #18 §2), Bahasa Indonesia (defines the keys). */
export const hazardId = {
  'hazard.inside': 'di dalam {place}',
  'hazard.near': '{distance} m dari {place}',
  'hazard.place.industrial_chemical': 'kawasan industri kimia',
  'hazard.place.industrial_explosion': 'lokasi industri rawan ledakan',
  'hazard.place.industrial_fire': 'kawasan industri rawan kebakaran',
  'hazard.place.power_plant': 'pembangkit listrik',
  'hazard.place.port': 'pelabuhan',
  'hazard.place.hospital': 'rumah sakit',
  'hazard.place.school': 'sekolah',
  'hazard.place.toll_gate': 'gerbang tol',
  'hazard.place.flood_prone_kelurahan': 'wilayah rawan banjir',
  'hazard.place.tsunami_zone': 'zona genangan tsunami',

  'hazard.lines.label': 'Bahaya dan objek vital di sekitar lokasi',
  'hazard.lines.approximate': 'Posisi objek perkiraan.',

  'hazard.layer.button': 'Lapisan bahaya',
  'hazard.layer.title': 'Bahaya dan objek vital',
  'hazard.layer.note': 'Data perkiraan dari sumber publik (OpenStreetMap, BMKG, BPBD).',
  'hazard.group.industrial': 'Industri dan pembangkit',
  'hazard.group.transport': 'Pelabuhan dan gerbang tol',
  'hazard.group.health_education': 'Rumah sakit dan sekolah',
  'hazard.group.flood': 'Rawan banjir',
  'hazard.group.tsunami': 'Zona tsunami',

  'hazard.runCard.reason': '{code}: {reason}',
};
