/**
 * The filter of the caller-data access log (/admin/audit/caller-data, issue #22) as it travels in
 * the URL: an optional user, ticket number and screen, and the keyset cursor `before` =
 * "<ISO time>|<record id>" of the last row of the previous page. A bad value is a clear problem,
 * never silently dropped: the viewer then shows the problem and reads nothing (and logs nothing).
 */
import { z } from 'zod';
import { Constants } from '@/lib/supabase/database.types';
import type { SearchParams } from './audit-query';

export const CALLER_DATA_SCREENS = Constants.public.Enums.caller_data_screen;
export type CallerDataScreenName = (typeof CALLER_DATA_SCREENS)[number];

export interface AccessCursor {
  at: string;
  id: string;
}

export interface AccessQuery {
  userId: string | null;
  ticket: string | null;
  screen: CallerDataScreenName | null;
  before: AccessCursor | null;
}

export type AccessQueryProblem = 'user' | 'ticket' | 'screen' | 'cursor';

export type ParsedAccessQuery = { ok: true; query: AccessQuery } | { ok: false; problem: AccessQueryProblem };

const optional = z
  .string()
  .trim()
  .max(120)
  .optional()
  .transform((v) => (v ? v : null));
const userId = optional.pipe(z.uuid().nullable());
const ticket = optional.pipe(z.string().regex(/^112-\d{8}-\d{4,6}$/i).transform((v) => v.toUpperCase()).nullable());
const screen = optional.pipe(z.enum(CALLER_DATA_SCREENS).nullable());
const cursor = optional.pipe(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:?\d{2})\|[0-9a-f-]{36}$/i)
    .refine((v) => !Number.isNaN(Date.parse(v.slice(0, v.indexOf('|')))) && z.uuid().safeParse(v.slice(v.indexOf('|') + 1)).success)
    .transform((v): AccessCursor => ({ at: v.slice(0, v.indexOf('|')), id: v.slice(v.indexOf('|') + 1) }))
    .nullable(),
);

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseAccessQuery(params: SearchParams): ParsedAccessQuery {
  const u = userId.safeParse(first(params.user));
  if (!u.success) return { ok: false, problem: 'user' };
  const t = ticket.safeParse(first(params.ticket));
  if (!t.success) return { ok: false, problem: 'ticket' };
  const s = screen.safeParse(first(params.screen));
  if (!s.success) return { ok: false, problem: 'screen' };
  const c = cursor.safeParse(first(params.before));
  if (!c.success) return { ok: false, problem: 'cursor' };
  return { ok: true, query: { userId: u.data, ticket: t.data, screen: s.data, before: c.data } };
}

/** The URL parameters of a query (without the cursor unless given), for the paging links. */
export function accessQueryParams(query: AccessQuery, before: AccessCursor | null = null): URLSearchParams {
  const p = new URLSearchParams();
  if (query.userId) p.set('user', query.userId);
  if (query.ticket) p.set('ticket', query.ticket);
  if (query.screen) p.set('screen', query.screen);
  if (before) p.set('before', `${before.at}|${before.id}`);
  return p;
}
