/** Messages of the hazard and vital-objects layer (issue #18 §2), English. */
import type { hazardId } from './hazard.id';

export const hazardEn = {
  'hazard.inside': 'inside the {place}',
  'hazard.near': '{distance} m from the {place}',
  'hazard.place.industrial_chemical': 'chemical industry zone',
  'hazard.place.industrial_explosion': 'explosion-prone industrial site',
  'hazard.place.industrial_fire': 'fire-prone industrial zone',
  'hazard.place.power_plant': 'power plant',
  'hazard.place.port': 'port',
  'hazard.place.hospital': 'hospital',
  'hazard.place.school': 'school',
  'hazard.place.toll_gate': 'toll gate',
  'hazard.place.flood_prone_kelurahan': 'flood-prone area',
  'hazard.place.tsunami_zone': 'tsunami inundation zone',

  'hazard.lines.label': 'Hazards and vital objects near the location',
  'hazard.lines.approximate': 'Object positions are approximate.',

  'hazard.layer.button': 'Hazard layer',
  'hazard.layer.title': 'Hazards and vital objects',
  'hazard.layer.note': 'Approximate data from public sources (OpenStreetMap, BMKG, BPBD).',
  'hazard.group.industrial': 'Industry and power plants',
  'hazard.group.transport': 'Ports and toll gates',
  'hazard.group.health_education': 'Hospitals and schools',
  'hazard.group.flood': 'Flood-prone',
  'hazard.group.tsunami': 'Tsunami zone',

  'hazard.runCard.reason': '{code}: {reason}',
} satisfies Record<keyof typeof hazardId, string>;
