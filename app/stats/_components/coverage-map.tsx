/**
 * One agency kind's 15-minute coverage drawn without map tiles: the city's coastline (the offline
 * basemap of public/basemap), each kelurahan at its approximate centre as a filled dot (reached) or
 * a hollow ring with a cross (not reached) — told apart by shape, not only colour — and the posts.
 */
import land from '@/public/basemap/cilegon-land.geo.json';
import { CITY_BOUNDS } from '@/lib/domain/city';
import type { CoveragePost, KindCoverage } from '@/lib/domain/coverage';

const PAD = 0.012;
const BOX = { south: CITY_BOUNDS.south - PAD, north: CITY_BOUNDS.north + PAD, west: CITY_BOUNDS.west - PAD, east: CITY_BOUNDS.east + PAD };
const WIDTH = 240;
// Degrees of longitude shrink by cos(latitude); at 6° S almost nothing, but kept so the city is not stretched.
const LNG_SCALE = Math.cos((((BOX.south + BOX.north) / 2) * Math.PI) / 180);
const HEIGHT = Math.round((WIDTH * (BOX.north - BOX.south)) / ((BOX.east - BOX.west) * LNG_SCALE));

const x = (lng: number) => ((lng - BOX.west) / (BOX.east - BOX.west)) * WIDTH;
const y = (lat: number) => ((BOX.north - lat) / (BOX.north - BOX.south)) * HEIGHT;

function landPath(): string {
  return land.features
    .flatMap((f) => f.geometry.coordinates)
    .flatMap((polygon) => polygon.map((ring) => 'M' + ring.map(([lng, lat]) => `${x(lng).toFixed(1)},${y(lat).toFixed(1)}`).join('L') + 'Z'))
    .join('');
}
const LAND = landPath();

export function CoverageMap<Kind extends string>({ coverage, posts, label }: { coverage: KindCoverage<Kind>; posts: readonly CoveragePost<Kind>[]; label: string }) {
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full rounded border border-slate-300 bg-sky-100" role="img" aria-label={label} data-test="coverage-map" data-kind={coverage.kind}>
      <path d={LAND} fill="#f1f5f9" stroke="#64748b" strokeWidth={0.8} />
      {coverage.kelurahan.map((k) => {
        const cx = x(k.lng);
        const cy = y(k.lat);
        return k.reachable ? (
          <circle key={k.kelurahan} cx={cx} cy={cy} r={5} fill="#15803d" stroke="#14532d" strokeWidth={0.8} data-test="coverage-kelurahan" data-reachable="true">
            <title>{k.kelurahan}</title>
          </circle>
        ) : (
          <g key={k.kelurahan} data-test="coverage-kelurahan" data-reachable="false">
            <title>{k.kelurahan}</title>
            <circle cx={cx} cy={cy} r={4.5} fill="#ffffff" stroke="#b91c1c" strokeWidth={1.6} />
            <path d={`M${cx - 2.4},${cy - 2.4}L${cx + 2.4},${cy + 2.4}M${cx + 2.4},${cy - 2.4}L${cx - 2.4},${cy + 2.4}`} stroke="#b91c1c" strokeWidth={1.4} />
          </g>
        );
      })}
      {posts
        .filter((p) => p.kind === coverage.kind)
        .map((p, i) => (
          <rect key={i} x={x(p.lng) - 3.5} y={y(p.lat) - 3.5} width={7} height={7} fill="#1e293b" stroke="#ffffff" strokeWidth={1} transform={`rotate(45 ${x(p.lng)} ${y(p.lat)})`} data-test="coverage-post" />
        ))}
    </svg>
  );
}
