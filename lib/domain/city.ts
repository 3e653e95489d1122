/**
 * Geography of Kota Cilegon used across the app (source: shared/data/cilegon.json of the project,
 * copied into this repository as data/cilegon.json for the seed). The city bounds include sea to
 * the west and north; demo points stay on land east of about 105.95.
 */
export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export const CITY_BOUNDS: Bounds = { south: -6.0686, west: 105.9014, north: -5.8733, east: 106.0864 };

export const CITY_CENTER: [number, number] = [-6.002685, 106.011202];

/** A wider box for the offline coastline, so a map panned a little past the city is not blank. */
export const BASEMAP_BOUNDS: Bounds = { south: -6.3, west: 105.7, north: -5.7, east: 106.35 };

export const KECAMATAN = [
  'Pulomerak',
  'Grogol',
  'Purwakarta',
  'Jombang',
  'Cilegon',
  'Cibeber',
  'Citangkil',
  'Ciwandan',
] as const;

export type Kecamatan = (typeof KECAMATAN)[number];
