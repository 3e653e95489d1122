/**
 * Coverage (issue #18 §5): for each kind of agency, the share of the city's population living in a
 * kelurahan whose nearest post of that kind is estimated within 15 minutes — the same straight line
 * × road factor at urban speed as the dispatch ETA (eta.ts). An estimate, never a travel time.
 *
 * Population: data/cilegon.json has only the city's total (2020 census, 434 896) — neither kecamatan
 * nor kelurahan figures — so every one of the 43 kelurahan is given an even share of it (the
 * remainder of the division spread one person at a time, so the parts add up to the total). The
 * share "of the population" is therefore, for now, the share of kelurahan; real figures per kelurahan
 * replace KELURAHAN_AREAS' population without changing anything else. A kelurahan is placed at its
 * approximate centre (gazetteer.ts) and counts as reached when that centre is.
 */
import { KECAMATAN, type Kecamatan } from './city';
import { etaSeconds } from './eta';
import { centreOf } from './gazetteer';
import { distanceMetres, type LatLng } from './geo';
import { KELURAHAN } from './kelurahan';

/** The coverage target: reached within 15 minutes. */
export const COVERAGE_TARGET_SECONDS = 15 * 60;

/** data/cilegon.json city.population_2020. */
export const CITY_POPULATION_2020 = 434_896;

export interface KelurahanArea extends LatLng {
  kecamatan: Kecamatan;
  kelurahan: string;
  population: number;
}

/** The city total split evenly over n parts that add up to it exactly. */
export function splitEvenly(total: number, parts: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a whole number ≥ 0, got ${total}`);
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`parts must be a whole number ≥ 1, got ${parts}`);
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

function buildAreas(): KelurahanArea[] {
  const names = KECAMATAN.flatMap((kecamatan) => KELURAHAN[kecamatan].map((kelurahan) => ({ kecamatan, kelurahan })));
  const shares = splitEvenly(CITY_POPULATION_2020, names.length);
  return names.map((n, i) => ({ ...n, ...centreOf(n.kecamatan, n.kelurahan), population: shares[i] }));
}

/** The 43 kelurahan with their approximate centre and (evenly split) population. */
export const KELURAHAN_AREAS: readonly KelurahanArea[] = buildAreas();

export interface CoveragePost<Kind extends string> extends LatLng {
  kind: Kind;
}

export interface KelurahanReach {
  kecamatan: Kecamatan;
  kelurahan: string;
  lat: number;
  lng: number;
  population: number;
  /** Estimated seconds from the nearest post of the kind; null when the kind has no post. */
  etaSeconds: number | null;
  reachable: boolean;
}

export interface KindCoverage<Kind extends string> {
  kind: Kind;
  posts: number;
  population: number;
  reachablePopulation: number;
  /** reachablePopulation / population, 0–1 (0 for no population). */
  share: number;
  kelurahan: KelurahanReach[];
}

/**
 * Coverage of each kind that has at least one post, in the order kinds first appear among the posts.
 * A kelurahan exactly at the target counts as reached.
 */
export function coverageByKind<Kind extends string>(
  areas: readonly KelurahanArea[],
  posts: readonly CoveragePost<Kind>[],
  targetSeconds: number = COVERAGE_TARGET_SECONDS,
): KindCoverage<Kind>[] {
  if (!(targetSeconds > 0)) throw new RangeError(`target must be > 0 s, got ${targetSeconds}`);
  const kinds = [...new Set(posts.map((p) => p.kind))];
  return kinds.map((kind) => {
    const ofKind = posts.filter((p) => p.kind === kind);
    const kelurahan = areas.map((area): KelurahanReach => {
      const nearest = Math.min(...ofKind.map((p) => distanceMetres(area, p)));
      const eta = etaSeconds(nearest);
      return { kecamatan: area.kecamatan, kelurahan: area.kelurahan, lat: area.lat, lng: area.lng, population: area.population, etaSeconds: eta, reachable: eta <= targetSeconds };
    });
    const population = kelurahan.reduce((s, k) => s + k.population, 0);
    const reachablePopulation = kelurahan.reduce((s, k) => s + (k.reachable ? k.population : 0), 0);
    return { kind, posts: ofKind.length, population, reachablePopulation, share: population > 0 ? reachablePopulation / population : 0, kelurahan };
  });
}
