/**
 * The "find an incident" form as it travels in the URL (issue #17): whole WIB days `from`–`to` (as
 * the statistics page), free text (ticket, address, place, description), the caller's number,
 * category, kecamatan, agency, status group, and the keyset cursor `before` = "<ISO time>|<id>" of
 * the last row of the previous page. The bounds are public.search_incidents' own; a bad value is a
 * clear problem, never silently dropped: the page then shows the problem and no rows.
 */
import { z } from 'zod';
import { Constants, type Enums } from '../supabase/database.types';
import { KECAMATAN, type Kecamatan } from './city';
import { CALLER_PHONE_PATTERN } from './phone';
import { readExactRange, type StatsRange } from './stats-range';
import { OPEN_INCIDENT_STATUSES, type IncidentStatus } from './workflow';
import type { SearchParams } from './audit-query';

export const SEARCH_TEXT_MIN = 3;
export const SEARCH_TEXT_MAX = 100;
/** Rows a page shows; the function allows up to 100, one more is read to know of a next page. */
export const SEARCH_PAGE_SIZE = 25;

/** "open" is every status still being handled; the others are the incident statuses themselves. */
export const STATUS_FILTERS = ['open', ...Constants.public.Enums.incident_status] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface SearchCursor {
  at: string;
  id: string;
}

export interface IncidentSearchQuery {
  range: StatsRange;
  text: string | null;
  phone: string | null;
  category: Enums<'incident_category'> | null;
  kecamatan: Kecamatan | null;
  agencyId: string | null;
  status: StatusFilter | null;
  before: SearchCursor | null;
}

export type SearchProblem = 'range' | 'text' | 'phone' | 'category' | 'kecamatan' | 'agency' | 'status' | 'cursor';

export type ParsedSearchQuery = { ok: true; query: IncidentSearchQuery } | { ok: false; problem: SearchProblem };

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null));
const text = optional.pipe(z.string().min(SEARCH_TEXT_MIN).max(SEARCH_TEXT_MAX).nullable());
const phone = optional.pipe(z.string().regex(CALLER_PHONE_PATTERN).nullable());
const category = optional.pipe(z.enum(Constants.public.Enums.incident_category).nullable());
const kecamatan = optional.pipe(z.enum(KECAMATAN).nullable());
const agencyId = optional.pipe(z.uuid().nullable());
const status = optional.pipe(z.enum(STATUS_FILTERS).nullable());
const cursor = optional.pipe(
  z
    .string()
    .max(80)
    .regex(/^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:?\d{2})\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
    .transform((v): SearchCursor => {
      const [at, id] = v.split('|');
      return { at, id };
    })
    .nullable(),
);

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseSearchQuery(params: SearchParams, nowMs: number = Date.now()): ParsedSearchQuery {
  const range = readExactRange(first(params.from), first(params.to), nowMs);
  if (!range) return { ok: false, problem: 'range' };
  const t = text.safeParse(first(params.q));
  if (!t.success) return { ok: false, problem: 'text' };
  const p = phone.safeParse(first(params.phone));
  if (!p.success) return { ok: false, problem: 'phone' };
  const c = category.safeParse(first(params.category));
  if (!c.success) return { ok: false, problem: 'category' };
  const k = kecamatan.safeParse(first(params.kecamatan));
  if (!k.success) return { ok: false, problem: 'kecamatan' };
  const a = agencyId.safeParse(first(params.agency));
  if (!a.success) return { ok: false, problem: 'agency' };
  const s = status.safeParse(first(params.status));
  if (!s.success) return { ok: false, problem: 'status' };
  const b = cursor.safeParse(first(params.before));
  if (!b.success) return { ok: false, problem: 'cursor' };
  return {
    ok: true,
    query: { range, text: t.data, phone: p.data, category: c.data, kecamatan: k.data, agencyId: a.data, status: s.data, before: b.data },
  };
}

/** The statuses a status filter stands for; null is every status. */
export function statusesOf(filter: StatusFilter | null): IncidentStatus[] | null {
  if (filter === null) return null;
  return filter === 'open' ? [...OPEN_INCIDENT_STATUSES] : [filter];
}

/** The URL parameters of a query (without the cursor unless given), for the page links. */
export function searchQueryParams(query: IncidentSearchQuery, before: SearchCursor | null = null): URLSearchParams {
  const p = new URLSearchParams({ from: query.range.from, to: query.range.to });
  if (query.text) p.set('q', query.text);
  if (query.phone) p.set('phone', query.phone);
  if (query.category) p.set('category', query.category);
  if (query.kecamatan) p.set('kecamatan', query.kecamatan);
  if (query.agencyId) p.set('agency', query.agencyId);
  if (query.status) p.set('status', query.status);
  if (before) p.set('before', `${before.at}|${before.id}`);
  return p;
}
