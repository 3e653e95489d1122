/**
 * A caller's location as the operator pastes or types it (issue #17), read offline: decimal
 * coordinates ("-6.0, 106.05", through lib/domain/coordinates.ts), degrees-minutes-seconds
 * ("6°01'S 106°03'E", also the Indonesian LS/LU/BT/BB), a `geo:` URI, a Google Maps link
 * (".../@-6.01,106.05,17z", "?q=-6.01,106.05", "?query=", "?ll=", ".../place/-6.01,106.05"), or an
 * OpenStreetMap link ("?mlat=&mlon=", "#map=17/-6.01/106.05") — also inside the text of a WhatsApp
 * message. Short links (maps.app.goo.gl, goo.gl/maps) only redirect to the place: without the
 * internet they cannot be opened, which is a problem of its own so the screen can say so.
 */
import { parseCoordinates } from './coordinates';
import { isInServiceArea, type LatLng } from './geo';

/** A WhatsApp message with a link is a few hundred characters; anything longer is not a location. */
export const LOCATION_INPUT_MAX = 2000;

export type LocationProblem = 'empty' | 'too_long' | 'short_link' | 'link_without_point' | 'unreadable' | 'out_of_area';

export type LocationFormat = 'decimal' | 'dms' | 'geo_uri' | 'google_maps' | 'openstreetmap';

export type ParsedLocation = { ok: true; point: LatLng; format: LocationFormat } | { ok: false; problem: LocationProblem };

const SHORT_LINK_HOSTS = ['maps.app.goo.gl', 'goo.gl', 'g.co', 'bit.ly', 's.id'];
const NUMBER = String.raw`[-+]?\d{1,3}(?:\.\d+)?`;
const PAIR = new RegExp(String.raw`(${NUMBER})\s*,\s*(${NUMBER})`);

function pairIn(text: string): LatLng | null {
  const m = PAIR.exec(text);
  return m ? checkRange(Number(m[1]), Number(m[2])) : null;
}

function checkRange(lat: number, lng: number): LatLng | null {
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** geo:-6.01,106.05 · geo:-6.01,106.05,12;u=35 · geo:0,0?q=-6.01,106.05(Label) */
function fromGeoUri(uri: string): LatLng | null {
  const m = /^geo:([^?;]*)(?:;[^?]*)?(?:\?(.*))?$/i.exec(uri);
  if (!m) return null;
  const query = new URLSearchParams(m[2] ?? '').get('q');
  const fromQuery = query ? pairIn(query) : null;
  const direct = pairIn(decode(m[1]));
  // geo:0,0?q=… is the "search for" form: the point is in q.
  if (fromQuery && (!direct || (direct.lat === 0 && direct.lng === 0))) return fromQuery;
  return direct;
}

function fromGoogleMaps(url: URL): LatLng | null {
  const at = /@(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)/.exec(url.pathname);
  if (at) return checkRange(Number(at[1]), Number(at[2]));
  for (const key of ['q', 'query', 'll', 'center', 'destination', 'daddr', 'sll']) {
    const value = url.searchParams.get(key);
    const point = value ? pairIn(value.replace(/^loc:/i, '')) : null;
    if (point) return point;
  }
  const inPath = /\/(?:place|search|dir)\/(?:[^/]*\/)*?([-+]?\d{1,3}(?:\.\d+)?),\s*\+?([-+]?\d{1,3}(?:\.\d+)?)/.exec(decode(url.pathname));
  return inPath ? checkRange(Number(inPath[1]), Number(inPath[2])) : null;
}

function fromOpenStreetMap(url: URL): LatLng | null {
  const mlat = url.searchParams.get('mlat');
  const mlon = url.searchParams.get('mlon');
  if (mlat && mlon) return checkRange(Number(mlat), Number(mlon));
  const hash = /map=\d+\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)/.exec(url.hash);
  return hash ? checkRange(Number(hash[1]), Number(hash[2])) : null;
}

type LinkResult = { point: LatLng; format: LocationFormat } | LocationProblem;

function fromLink(link: string): LinkResult {
  if (/^geo:/i.test(link)) {
    const point = fromGeoUri(link);
    return point ? { point, format: 'geo_uri' } : 'link_without_point';
  }
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'unreadable';
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (SHORT_LINK_HOSTS.includes(host)) return 'short_link';
  if (/(^|\.)google\.[a-z.]+$/.test(host) || host === 'maps.google.com') {
    const point = fromGoogleMaps(url);
    return point ? { point, format: 'google_maps' } : 'link_without_point';
  }
  if (host.endsWith('openstreetmap.org') || host === 'osm.org') {
    const point = fromOpenStreetMap(url);
    return point ? { point, format: 'openstreetmap' } : 'link_without_point';
  }
  return 'link_without_point';
}

const HEMISPHERE = String.raw`(LS|LU|BT|BB|[NSEW])`;
const DMS_BODY = String.raw`([-+]?\d{1,3}(?:[.,]\d+)?)\s*[°º˚]\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*['′’]\s*)?(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:"|″|”|'')\s*)?`;
/** The hemisphere goes either before every number ("S 6° 1'") or after it ("6°01'S"), never mixed. */
const DMS_PREFIXED = new RegExp(String.raw`${HEMISPHERE}\s*${DMS_BODY}`, 'giu');
const DMS_SUFFIXED = new RegExp(String.raw`${DMS_BODY}${HEMISPHERE}?`, 'giu');

const toNumber = (text: string | undefined) => (text === undefined ? 0 : Number(text.replace(',', '.')));

/** 6°01'S 106°03'E · S 6° 1' 30" E 106° 3' 15" · 6°01'30"LS 106°03'15"BT · -6°1', 106°3' */
function fromDms(text: string): LatLng | null {
  const prefixed = /^\s*(LS|LU|BT|BB|[NSEW])\s*\d/i.test(text);
  const pattern = prefixed ? DMS_PREFIXED : DMS_SUFFIXED;
  const parts = [...text.matchAll(pattern)];
  if (parts.length !== 2) return null;
  const values: { value: number; axis: 'lat' | 'lng' | null }[] = [];
  for (const m of parts) {
    const [deg, min, sec, hemisphereText] = prefixed ? [m[2], m[3], m[4], m[1]] : [m[1], m[2], m[3], m[4]];
    const minutes = toNumber(min);
    const seconds = toNumber(sec);
    if (minutes >= 60 || seconds >= 60) return null;
    const degrees = toNumber(deg);
    let value = Math.abs(degrees) + minutes / 60 + seconds / 3600;
    const hemisphere = hemisphereText?.toUpperCase();
    if (degrees < 0 || hemisphere === 'S' || hemisphere === 'LS' || hemisphere === 'W' || hemisphere === 'BB') value = -value;
    if (hemisphere && degrees < 0) return null;
    const axis = !hemisphere ? null : ['N', 'S', 'LU', 'LS'].includes(hemisphere) ? 'lat' : 'lng';
    values.push({ value, axis });
  }
  // What is left between and around the two parts may only be separators.
  if (text.replace(pattern, '').replace(/[\s,;/]+/g, '') !== '') return null;
  const [a, b] = values;
  if (a.axis && a.axis === b.axis) return null;
  const latFirst = a.axis !== 'lng' && b.axis !== 'lat';
  return latFirst ? checkRange(a.value, b.value) : checkRange(b.value, a.value);
}

function located(point: LatLng | null, format: LocationFormat): ParsedLocation {
  if (!point) return { ok: false, problem: 'unreadable' };
  const rounded = { lat: Number(point.lat.toFixed(6)), lng: Number(point.lng.toFixed(6)) };
  return isInServiceArea(rounded) ? { ok: true, point: rounded, format } : { ok: false, problem: 'out_of_area' };
}

export function parseLocationInput(input: string): ParsedLocation {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.length > LOCATION_INPUT_MAX) return { ok: false, problem: 'too_long' };
  const link = /(geo:[^\s]+|https?:\/\/[^\s<>"]+)/i.exec(text)?.[1];
  if (link) {
    const result = fromLink(link.replace(/[).,;!?]+$/, ''));
    return typeof result === 'string' ? { ok: false, problem: result } : located(result.point, result.format);
  }
  const decimal = parseCoordinates(text);
  if (decimal) return located(decimal, 'decimal');
  return located(fromDms(text), 'dms');
}
