/**
 * The audit trail viewer's filter as it travels in the URL (issue #13): whole WIB days `from`–`to`
 * (as the statistics page), an optional ticket number, user and kind, and the keyset cursor
 * `after` = "<ISO time>|<event key>" of the last row of the previous page. A bad value is a clear
 * problem, never silently dropped: the viewer then shows the problem and no rows.
 */
import { z } from 'zod';
import { readExactRange, type StatsRange } from './stats-range';

export interface AuditCursor {
  at: string;
  key: string;
}

export interface AuditQuery {
  range: StatsRange;
  ticket: string | null;
  userId: string | null;
  kind: string | null;
  after: AuditCursor | null;
}

export type AuditQueryProblem = 'range' | 'ticket' | 'user' | 'kind' | 'cursor';

export type ParsedAuditQuery = { ok: true; query: AuditQuery } | { ok: false; problem: AuditQueryProblem };

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null));
const ticket = optional.pipe(z.string().regex(/^112-\d{8}-\d{4,}$/i).transform((v) => v.toUpperCase()).nullable());
const userId = optional.pipe(z.uuid().nullable());
const kind = optional.pipe(z.string().regex(/^[a-z][a-z_.]{1,80}$/).nullable());
const cursor = optional.pipe(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:?\d{2})\|[ia]:\d{19}$/)
    .transform((v): AuditCursor => {
      const [at, key] = v.split('|');
      return { at, key };
    })
    .nullable(),
);

/** The first value of a search parameter (Next gives string | string[] | undefined). */
export type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseAuditQuery(params: SearchParams, nowMs: number = Date.now()): ParsedAuditQuery {
  const range = readExactRange(first(params.from), first(params.to), nowMs);
  if (!range) return { ok: false, problem: 'range' };
  const t = ticket.safeParse(first(params.ticket));
  if (!t.success) return { ok: false, problem: 'ticket' };
  const u = userId.safeParse(first(params.user));
  if (!u.success) return { ok: false, problem: 'user' };
  const k = kind.safeParse(first(params.kind));
  if (!k.success) return { ok: false, problem: 'kind' };
  const c = cursor.safeParse(first(params.after));
  if (!c.success) return { ok: false, problem: 'cursor' };
  return { ok: true, query: { range, ticket: t.data, userId: u.data, kind: k.data, after: c.data } };
}

/** The URL parameters of a query (without the cursor unless given), for links and the CSV export. */
export function auditQueryParams(query: AuditQuery, after: AuditCursor | null = null): URLSearchParams {
  const p = new URLSearchParams({ from: query.range.from, to: query.range.to });
  if (query.ticket) p.set('ticket', query.ticket);
  if (query.userId) p.set('user', query.userId);
  if (query.kind) p.set('kind', query.kind);
  if (after) p.set('after', `${after.at}|${after.key}`);
  return p;
}
