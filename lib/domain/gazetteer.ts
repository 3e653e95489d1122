/**
 * Places of Kota Cilegon an operator can name to locate a caller without map tiles (issue #17):
 * kecamatan and kelurahan centroids and landmarks callers give as their whereabouts (ports, toll
 * gates, hospitals, markets, schools, factories, the square). Shipped in the repository so the
 * search works offline. Every entry says where its point comes from:
 *   - `city_data`: data/cilegon.json (the kecamatan centroids, marked approximate there; Pelabuhan Merak);
 *   - `approximate`: placed by hand from public maps, to within a few hundred metres — good enough to
 *     centre the map and start asking the caller, never a substitute for a pin they confirm.
 * Every point lies in the service area (gazetteer.test.ts checks each against lib/domain/geo.ts).
 */
import { KECAMATAN, type Kecamatan } from './city';
import type { LatLng } from './geo';
import { KELURAHAN } from './kelurahan';

export type PlaceKind =
  | 'kecamatan'
  | 'kelurahan'
  | 'port'
  | 'toll_gate'
  | 'hospital'
  | 'market'
  | 'school'
  | 'factory'
  | 'public_place'
  | 'station';

export type PlaceSource = 'city_data' | 'approximate';

export interface Place extends LatLng {
  name: string;
  kind: PlaceKind;
  kecamatan: Kecamatan;
  /** The kelurahan the place is in, when known. */
  kelurahan: string | null;
  /** Other names callers use ("KS" for Krakatau Steel). */
  aliases: readonly string[];
  source: PlaceSource;
}

/** data/cilegon.json kecamatan.items[].approx_centroid. */
const KECAMATAN_CENTROIDS: Readonly<Record<Kecamatan, readonly [number, number]>> = {
  Pulomerak: [-5.925, 106.015],
  Grogol: [-5.975, 106.0],
  Purwakarta: [-5.985, 106.03],
  Jombang: [-6.005, 106.05],
  Cilegon: [-6.02, 106.055],
  Cibeber: [-6.035, 106.075],
  Citangkil: [-6.03, 106.01],
  Ciwandan: [-6.05, 105.975],
};

/** Approximate kelurahan centres, placed by hand around their kecamatan's. */
const KELURAHAN_CENTROIDS: Readonly<Record<string, readonly [number, number]>> = {
  'Lebak Gede': [-5.915, 106.005],
  Mekarsari: [-5.94, 106.002],
  Suralaya: [-5.897, 106.03],
  Tamansari: [-5.933, 106.022],
  Gerem: [-5.955, 106.0],
  Grogol: [-5.975, 106.007],
  Kotasari: [-5.985, 106.0],
  'Rawa Arum': [-5.965, 105.99],
  Kebondalem: [-5.995, 106.035],
  Kotabumi: [-5.996, 106.041],
  Pabean: [-5.985, 106.024],
  Purwakarta: [-5.98, 106.03],
  Ramanuju: [-6.001, 106.046],
  'Tegal Bunder': [-5.975, 106.036],
  'Gedong Dalem': [-6.005, 106.056],
  'Jombang Wetan': [-6.01, 106.051],
  Masigit: [-6.016, 106.055],
  'Panggung Rawi': [-6.004, 106.061],
  Sukmajaya: [-6.012, 106.045],
  Bagendung: [-6.031, 106.05],
  Bendungan: [-6.024, 106.06],
  Ciwaduk: [-6.02, 106.066],
  Ciwedus: [-6.015, 106.061],
  Ketileng: [-6.03, 106.061],
  Bulakan: [-6.041, 106.071],
  Cibeber: [-6.035, 106.076],
  Cikerai: [-6.046, 106.081],
  Kalitimbang: [-6.029, 106.081],
  Karangasem: [-6.04, 106.065],
  Kedaleman: [-6.026, 106.074],
  Citangkil: [-6.025, 106.02],
  Deringo: [-6.036, 106.03],
  Kebonsari: [-6.02, 106.01],
  'Lebak Denok': [-6.035, 106.015],
  Samangraya: [-6.03, 106.0],
  Tamanbaru: [-6.041, 106.01],
  Warnasari: [-6.02, 105.995],
  'Banjar Negara': [-6.045, 105.97],
  Gunungsugih: [-6.056, 105.975],
  Kepuh: [-6.07, 105.98],
  Kubangsari: [-6.045, 105.985],
  Randakari: [-6.06, 105.99],
  'Tegal Ratu': [-6.05, 105.965],
};

type Landmark = Omit<Place, 'aliases' | 'kelurahan' | 'source'> & Partial<Pick<Place, 'aliases' | 'kelurahan' | 'source'>>;

const LANDMARKS: readonly Landmark[] = [
  { name: 'Pelabuhan Merak', kind: 'port', kecamatan: 'Pulomerak', lat: -5.930833, lng: 105.995278, aliases: ['Pelabuhan Penyeberangan Merak', 'Dermaga Merak', 'Merak ferry'], source: 'city_data' },
  { name: 'Pelabuhan Ciwandan', kind: 'port', kecamatan: 'Ciwandan', lat: -6.047, lng: 105.962 },
  { name: 'Pelabuhan Cigading', kind: 'port', kecamatan: 'Citangkil', lat: -6.018, lng: 105.965, aliases: ['Krakatau Bandar Samudera'] },
  { name: 'Terminal Terpadu Merak', kind: 'station', kecamatan: 'Pulomerak', lat: -5.929, lng: 106.001, aliases: ['Terminal Merak'] },
  { name: 'Stasiun Merak', kind: 'station', kecamatan: 'Pulomerak', lat: -5.93, lng: 105.998 },
  { name: 'Stasiun Cilegon', kind: 'station', kecamatan: 'Jombang', lat: -6.019, lng: 106.058 },
  { name: 'Stasiun Krenceng', kind: 'station', kecamatan: 'Citangkil', lat: -6.042, lng: 106.033 },
  { name: 'Gerbang Tol Merak', kind: 'toll_gate', kecamatan: 'Pulomerak', lat: -5.935, lng: 106.006, aliases: ['GT Merak', 'Tol Merak'] },
  { name: 'Gerbang Tol Cilegon Barat', kind: 'toll_gate', kecamatan: 'Purwakarta', lat: -5.998, lng: 106.03, aliases: ['GT Cilegon Barat', 'Tol Cilegon Barat', 'Exit Cilegon Barat'] },
  { name: 'Gerbang Tol Cilegon Timur', kind: 'toll_gate', kecamatan: 'Cibeber', lat: -6.031, lng: 106.079, aliases: ['GT Cilegon Timur', 'Tol Cilegon Timur', 'Exit Cilegon Timur'] },
  { name: 'RSUD Kota Cilegon', kind: 'hospital', kecamatan: 'Jombang', kelurahan: 'Panggung Rawi', lat: -6.004, lng: 106.058, aliases: ['RSUD Cilegon', 'Rumah Sakit Umum Daerah'] },
  { name: 'RS Krakatau Medika', kind: 'hospital', kecamatan: 'Citangkil', lat: -6.008, lng: 106.018, aliases: ['RSKM', 'RSKM Cilegon'] },
  { name: 'RS Hermina Cilegon', kind: 'hospital', kecamatan: 'Jombang', lat: -6.001, lng: 106.051 },
  { name: 'RS Kurnia Cilegon', kind: 'hospital', kecamatan: 'Cilegon', lat: -6.026, lng: 106.062 },
  { name: 'Pasar Kranggot', kind: 'market', kecamatan: 'Jombang', kelurahan: 'Sukmajaya', lat: -6.0125, lng: 106.047, aliases: ['Pasar Baru Kranggot'] },
  { name: 'Pasar Merak', kind: 'market', kecamatan: 'Pulomerak', lat: -5.929, lng: 106.005 },
  { name: 'Alun-alun Cilegon', kind: 'public_place', kecamatan: 'Jombang', lat: -6.0175, lng: 106.054, aliases: ['Alun Alun', 'Masjid Agung Nurul Ikhlas'] },
  { name: 'Kantor Wali Kota Cilegon', kind: 'public_place', kecamatan: 'Purwakarta', kelurahan: 'Ramanuju', lat: -6.001, lng: 106.042, aliases: ['Pemkot Cilegon', 'Kompleks pemerintahan'] },
  { name: 'Universitas Sultan Ageng Tirtayasa (Fakultas Teknik)', kind: 'school', kecamatan: 'Purwakarta', lat: -5.999, lng: 106.036, aliases: ['Untirta Cilegon', 'Kampus Untirta'] },
  { name: 'SMA Negeri 1 Cilegon', kind: 'school', kecamatan: 'Jombang', lat: -6.0145, lng: 106.0515, aliases: ['SMAN 1 Cilegon'] },
  { name: 'PT Krakatau Steel', kind: 'factory', kecamatan: 'Citangkil', lat: -6.02, lng: 106.005, aliases: ['Krakatau Steel', 'KS', 'Pabrik baja'] },
  { name: 'Krakatau POSCO', kind: 'factory', kecamatan: 'Ciwandan', lat: -6.04, lng: 105.975, aliases: ['POSCO'] },
  { name: 'Chandra Asri Petrochemical', kind: 'factory', kecamatan: 'Ciwandan', kelurahan: 'Gunungsugih', lat: -6.055, lng: 105.972, aliases: ['Chandra Asri'] },
  { name: 'Asahimas Chemical', kind: 'factory', kecamatan: 'Ciwandan', lat: -6.063, lng: 105.968, aliases: ['ASC', 'Asahimas'] },
  { name: 'Dover Chemical', kind: 'factory', kecamatan: 'Grogol', kelurahan: 'Gerem', lat: -5.958, lng: 106.0 },
  { name: 'Mitsubishi Chemical Indonesia', kind: 'factory', kecamatan: 'Grogol', kelurahan: 'Gerem', lat: -5.961, lng: 105.995 },
  { name: 'Indorama', kind: 'factory', kecamatan: 'Ciwandan', kelurahan: 'Kepuh', lat: -6.071, lng: 105.981 },
  { name: 'PLTU Suralaya', kind: 'factory', kecamatan: 'Pulomerak', kelurahan: 'Suralaya', lat: -5.893, lng: 106.029, aliases: ['Pembangkit listrik Suralaya'] },
];

export const GAZETTEER: readonly Place[] = [
  ...KECAMATAN.map((k): Place => ({
    name: k,
    kind: 'kecamatan',
    kecamatan: k,
    kelurahan: null,
    lat: KECAMATAN_CENTROIDS[k][0],
    lng: KECAMATAN_CENTROIDS[k][1],
    aliases: [`Kecamatan ${k}`, `Kec. ${k}`],
    source: 'city_data',
  })),
  ...KECAMATAN.flatMap((k) =>
    KELURAHAN[k].map((kel): Place => {
      const point = KELURAHAN_CENTROIDS[kel];
      if (!point) throw new Error(`gazetteer: no centre for kelurahan ${kel}`);
      return { name: kel, kind: 'kelurahan', kecamatan: k, kelurahan: kel, lat: point[0], lng: point[1], aliases: [`Kelurahan ${kel}`, `Kel. ${kel}`], source: 'approximate' };
    }),
  ),
  ...LANDMARKS.map((l): Place => ({ aliases: [], kelurahan: null, source: 'approximate', ...l })),
];

/** Where to centre the map for a kecamatan, or a kelurahan of it. */
export function centreOf(kecamatan: Kecamatan, kelurahan?: string): LatLng {
  const found =
    (kelurahan && GAZETTEER.find((p) => p.kind === 'kelurahan' && p.kecamatan === kecamatan && p.name === kelurahan)) ||
    GAZETTEER.find((p) => p.kind === 'kecamatan' && p.kecamatan === kecamatan);
  if (!found) throw new Error(`gazetteer: no kecamatan ${kecamatan}`);
  return { lat: found.lat, lng: found.lng };
}

/** Lower case, no accents, punctuation as spaces: "Alun-alun" and "alun alun" compare equal. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const GAZETTEER_QUERY_MAX = 100;

/**
 * Places whose name or alias contains every word of the query at a word start, best first: a name
 * that starts with the query, then names before aliases, landmarks before areas (a caller naming
 * "Merak" more often stands at the port than in the middle of the kecamatan), then by name.
 */
export function searchGazetteer(query: string, limit = 8): Place[] {
  const words = fold(query.slice(0, GAZETTEER_QUERY_MAX)).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const scored: { place: Place; score: number }[] = [];
  for (const place of GAZETTEER) {
    const name = fold(place.name);
    const names = [name, ...place.aliases.map(fold)];
    const hit = names.findIndex((n) => words.every((w) => ` ${n}`.includes(` ${w}`)));
    if (hit < 0) continue;
    const area = place.kind === 'kecamatan' || place.kind === 'kelurahan';
    const score = (name.startsWith(words.join(' ')) ? 0 : 4) + (hit === 0 ? 0 : 2) + (area ? 1 : 0);
    scored.push({ place, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.place.name.localeCompare(b.place.name))
    .slice(0, limit)
    .map((s) => s.place);
}
