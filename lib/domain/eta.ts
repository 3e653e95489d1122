/**
 * Travel-time estimate from an agency post to an incident, for ranking posts when dispatching.
 * Without a routing engine we take the straight-line distance, stretch it by a road factor and
 * drive it at an urban speed:
 *
 *   ROAD_FACTOR = 1.4 — ratio of road distance to straight-line distance typical of city grids
 *     (published detour indices for urban road networks cluster around 1.3–1.5).
 *   URBAN_SPEED_KMH = 30 — average speed of an emergency vehicle through Cilegon's mixed traffic
 *     (the Jl. Raya Merak / Jl. Sudirman corridor and the industrial zone), deliberately modest.
 *
 * The estimate orders posts exactly like the distance does; it is shown so the supervisor can judge
 * minutes, not to promise an arrival time.
 */
import { distanceMetres, type LatLng } from './geo';

export const ROAD_FACTOR = 1.4;
export const URBAN_SPEED_KMH = 30;

/** Estimated seconds to drive a straight-line distance (metres). */
export function etaSeconds(straightLineMetres: number): number {
  if (!(straightLineMetres >= 0)) throw new RangeError(`distance must be ≥ 0, got ${straightLineMetres}`);
  const metresPerSecond = (URBAN_SPEED_KMH * 1000) / 3600;
  return (straightLineMetres * ROAD_FACTOR) / metresPerSecond;
}

export interface RankedPost<Post> {
  post: Post;
  distanceMetres: number;
  etaSeconds: number;
}

/** Posts nearest first, with distance and estimate; ties keep a stable order by name. */
export function rankPostsByEta<Post extends LatLng & { name: string }>(
  target: LatLng,
  posts: readonly Post[],
): RankedPost<Post>[] {
  return posts
    .map((post) => {
      const d = distanceMetres(target, post);
      return { post, distanceMetres: d, etaSeconds: etaSeconds(d) };
    })
    .sort((a, b) => a.distanceMetres - b.distanceMetres || a.post.name.localeCompare(b.post.name));
}

/** Whole minutes for display, at least 1 so a post next door does not read "0 min". */
export function etaMinutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}
