/**
 * Places the posts named in data/cilegon.json (fire stations, puskesmas, hospitals, HQs) on the map:
 * each one near the centroid of its kecamatan, spread on a small spiral so posts of one kecamatan do
 * not sit on top of each other, and always on land (east of about 105.95, inside the city bounds).
 */
import type { Enums } from '../../lib/supabase/database.types.ts';

export interface CityData {
  city: { bounds: { south: number; north: number; west: number; east: number } };
  kecamatan: { items: Array<{ name: string; approx_centroid: [number, number]; kelurahan: string[] }> };
  agencies: {
    items: Array<{ code: string; name: string; kind: string; phone?: string; posts?: string[] }>;
    other_hospitals: string[];
    fixed_points: Record<string, [number, number]>;
  };
}

export interface SeedPost {
  agencyCode: string;
  name: string;
  kind: Enums<'post_kind'>;
  lat: number;
  lng: number;
  address: string;
}

/** The sea starts around here on the west side of the city (data/cilegon.json city.note). */
const MIN_LAND_LNG = 105.955;

/** Spellings in the posts list that differ from the kecamatan names. */
const KECAMATAN_ALIASES: Record<string, string> = { 'Pulau Merak': 'Pulomerak', Merak: 'Pulomerak' };

/**
 * Where the posts that the data file describes in words stand. The city government complex (Jl.
 * Jendral Sudirman, Ramanuju) is in Purwakarta; RSKM is Krakatau Medika in Citangkil.
 */
const PLACEMENT: Record<string, { kecamatan: string; address?: string }> = {
  'Mapolres Cilegon': { kecamatan: 'Purwakarta', address: 'Dekat kompleks pemerintahan kota, Jl. Jendral Sudirman' },
  'RS Hermina Cilegon': { kecamatan: 'Jombang' },
  'RSKM Cilegon': { kecamatan: 'Citangkil' },
  'RS Kurnia Cilegon': { kecamatan: 'Cilegon' },
};

const OFFICE_NAMES: Record<string, string> = {
  BPBD: 'Kantor BPBD Kota Cilegon',
  SATPOLPP: 'Markas Satpol PP Kota Cilegon',
  DISHUB: 'Kantor Dinas Perhubungan',
  DINSOS: 'Kantor Dinas Sosial',
};

export function buildPosts(city: CityData): SeedPost[] {
  const centroids = new Map(city.kecamatan.items.map((k) => [k.name, k.approx_centroid]));
  const usedPerKecamatan = new Map<string, number>();
  const bounds = city.city.bounds;

  const place = (kecamatan: string, near?: [number, number]): [number, number] => {
    const base = near ?? centroids.get(kecamatan);
    if (!base) throw new Error(`No centroid for kecamatan ${kecamatan}`);
    const i = usedPerKecamatan.get(kecamatan) ?? 0;
    usedPerKecamatan.set(kecamatan, i + 1);
    // Golden-angle spiral: the n-th post of a kecamatan sits ~0.5–1.5 km from the centroid.
    const angle = (i * 137.508 * Math.PI) / 180;
    const radius = i === 0 ? 0.002 : 0.004 + 0.0015 * i;
    const lat = Math.min(bounds.north - 0.005, Math.max(bounds.south + 0.005, base[0] + radius * Math.sin(angle)));
    const lng = Math.min(bounds.east - 0.005, Math.max(MIN_LAND_LNG, base[1] + radius * Math.cos(angle)));
    return [Number(lat.toFixed(6)), Number(lng.toFixed(6))];
  };
  const kecamatanOf = (word: string) => {
    const name = KECAMATAN_ALIASES[word] ?? word.replace(/\s+\d+$/, '');
    if (!centroids.has(name)) throw new Error(`Unknown kecamatan in posts: ${word}`);
    return name;
  };

  const posts: SeedPost[] = [];
  const add = (agencyCode: string, name: string, kind: SeedPost['kind'], kecamatan: string, address?: string, near?: [number, number]) => {
    const [lat, lng] = place(kecamatan, near);
    posts.push({ agencyCode, name, kind, lat, lng, address: address ?? `Kec. ${kecamatan} (lokasi perkiraan)` });
  };

  for (const agency of city.agencies.items) {
    const listed = agency.posts ?? [];
    if (agency.code === 'DPKP') {
      // "Pos Citangkil (also covers Ciwandan)" → a fire station in Citangkil.
      for (const p of listed) {
        const name = p.replace(/\s*\(.*\)\s*$/, '');
        add(agency.code, name, 'fire_station', kecamatanOf(name.replace(/^Pos\s+/, '')));
      }
    } else if (agency.code === 'PSC119') {
      // "Puskesmas 24 jam: Jombang, Purwakarta, …" → one puskesmas per name.
      for (const p of listed) {
        for (const place24 of p.replace(/^[^:]*:\s*/, '').split(/,\s*/)) {
          add(agency.code, `Puskesmas ${place24}`, 'puskesmas', kecamatanOf(place24));
        }
      }
      for (const hospital of city.agencies.other_hospitals) {
        const where = PLACEMENT[hospital];
        if (!where) throw new Error(`No placement for ${hospital}`);
        add(agency.code, hospital, 'hospital', where.kecamatan);
      }
    } else if (agency.code === 'RSUD') {
      // "RSUD Kota Cilegon, Panggung Rawi, Jombang (204 beds, 2025)"
      for (const p of listed) {
        const [name, kelurahan, kecamatan] = p.replace(/\s*\(.*\)\s*$/, '').split(/,\s*/);
        add(agency.code, name, 'hospital', kecamatanOf(kecamatan), `Kel. ${kelurahan}, Kec. ${kecamatan}`);
      }
    } else if (agency.code === 'POLRES') {
      for (const p of listed) {
        const name = p.split(',')[0];
        const where = PLACEMENT[name];
        if (!where) throw new Error(`No placement for ${name}`);
        add(agency.code, name, 'police_station', where.kecamatan, where.address);
      }
    } else if (agency.code === 'BASARNAS') {
      const port = city.agencies.fixed_points['Pelabuhan Merak'];
      add(agency.code, 'Pos Siaga Basarnas Merak', 'field_post', 'Pulomerak', 'Dekat Pelabuhan Merak', port);
    } else {
      // Agencies without a listed post get their office near the city government complex.
      add(agency.code, OFFICE_NAMES[agency.code] ?? `Kantor ${agency.code}`, 'headquarters', 'Purwakarta');
    }
  }
  return posts;
}
