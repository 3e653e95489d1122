/**
 * The hazard and vital-objects layer of Kota Cilegon (issue #18 §2): what a feature of
 * data/cilegon-hazards.geo.json is, the zod schema that file must satisfy, and how kinds group into
 * the layer toggles. The data is written by hand from public sources (named per feature) and every
 * position is approximate: it orients a dispatcher, it does not measure.
 */
import { z } from 'zod';
import { CITY_BOUNDS } from './city';
import type { LatLng } from './geo';

export const HAZARD_KINDS = [
  'industrial_chemical',
  'industrial_explosion',
  'industrial_fire',
  'power_plant',
  'port',
  'hospital',
  'school',
  'toll_gate',
  'flood_prone_kelurahan',
  'tsunami_zone',
] as const;
export type HazardKind = (typeof HAZARD_KINDS)[number];

/** What can go wrong at a feature; vital objects without their own hazard (a school) have none. */
export const HAZARD_TYPES = ['chemical', 'explosion', 'fire', 'flood', 'tsunami'] as const;
export type HazardType = (typeof HAZARD_TYPES)[number];

/** The layer toggles: one per group, so a dispatcher hides schools without hiding the chemical zone. */
export const HAZARD_GROUPS = ['industrial', 'transport', 'health_education', 'flood', 'tsunami'] as const;
export type HazardGroup = (typeof HAZARD_GROUPS)[number];

export const GROUP_OF_KIND: Readonly<Record<HazardKind, HazardGroup>> = {
  industrial_chemical: 'industrial',
  industrial_explosion: 'industrial',
  industrial_fire: 'industrial',
  power_plant: 'industrial',
  port: 'transport',
  toll_gate: 'transport',
  hospital: 'health_education',
  school: 'health_education',
  flood_prone_kelurahan: 'flood',
  tsunami_zone: 'tsunami',
};

const inCity = (lng: number, lat: number) =>
  lat >= CITY_BOUNDS.south && lat <= CITY_BOUNDS.north && lng >= CITY_BOUNDS.west && lng <= CITY_BOUNDS.east;

/** A GeoJSON position [lng, lat] inside Kota Cilegon's bounds (data/cilegon.json). */
const position = z
  .tuple([z.number().finite(), z.number().finite()])
  .refine(([lng, lat]) => inCity(lng, lat), { message: 'position outside Kota Cilegon' });

/** A closed ring of at least four positions (GeoJSON: first equals last). */
const ring = z
  .array(position)
  .min(4)
  .max(200)
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], { message: 'ring not closed' });

const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(10) }),
]);

const properties = z.object({
  name: z.string().trim().min(3).max(120),
  /** The short text drawn on the map. */
  label: z.string().trim().min(2).max(40),
  kind: z.enum(HAZARD_KINDS),
  hazard: z.enum(HAZARD_TYPES).optional(),
  source: z.string().trim().min(5).max(300),
  approximate: z.literal(true),
  note: z.string().max(300).optional(),
  /** Where an area's label goes when the middle of its corners is not inside it (a long coastal band). */
  label_at: position.optional(),
});

export const hazardFeatureSchema = z.object({ type: z.literal('Feature'), properties, geometry });
export const hazardCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  name: z.string().optional(),
  description: z.string().optional(),
  features: z.array(hazardFeatureSchema).min(1).max(500),
});

export type HazardFeature = z.infer<typeof hazardFeatureSchema>;
export type HazardCollection = z.infer<typeof hazardCollectionSchema>;

/** One feature in the form the geometry code uses: rings as lat/lng points, without the closing repeat. */
export interface Hazard {
  id: string;
  name: string;
  label: string;
  kind: HazardKind;
  hazard: HazardType | null;
  source: string;
  /** A point feature (a hospital) or the outer ring of an area (holes are not used in this data). */
  shape: { type: 'point'; at: LatLng } | { type: 'area'; ring: readonly LatLng[] };
  /** Where the map puts the icon and label. */
  anchor: LatLng;
}

const toLatLng = ([lng, lat]: readonly [number, number]): LatLng => ({ lat, lng });

/** The middle of the ring's corners: inside for the compact outlines of this data. */
function middle(ring: readonly LatLng[]): LatLng {
  const sum = ring.reduce((s, p) => ({ lat: s.lat + p.lat, lng: s.lng + p.lng }), { lat: 0, lng: 0 });
  return { lat: sum.lat / ring.length, lng: sum.lng / ring.length };
}

/** Parses the shipped collection (throws with zod's message when the file is wrong). */
export function parseHazards(json: unknown): Hazard[] {
  const fc = hazardCollectionSchema.parse(json);
  return fc.features.map((f, i) => {
    const base = { id: `hazard-${i}`, name: f.properties.name, label: f.properties.label, kind: f.properties.kind, hazard: f.properties.hazard ?? null, source: f.properties.source };
    if (f.geometry.type === 'Point') {
      const at = toLatLng(f.geometry.coordinates);
      return { ...base, shape: { type: 'point', at }, anchor: at };
    }
    const ring = f.geometry.coordinates[0].slice(0, -1).map(toLatLng);
    return { ...base, shape: { type: 'area', ring }, anchor: f.properties.label_at ? toLatLng(f.properties.label_at) : middle(ring) };
  });
}
