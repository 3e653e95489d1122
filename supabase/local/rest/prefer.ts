/** The request preferences PostgREST reads from the `Prefer` and `Accept` headers. */
import { RestError } from './errors.ts';

export interface Preferences {
  return: 'minimal' | 'representation' | 'headers-only' | undefined;
  count: 'exact' | 'planned' | 'estimated' | undefined;
  resolution: 'merge-duplicates' | 'ignore-duplicates' | undefined;
  missingDefault: boolean;
  /** `tx=rollback`, honoured as PostgREST's `db-tx-end = commit-allow-override` does. */
  rollback: boolean;
  /** `tx=commit` or `tx=rollback` as given, for Preference-Applied. */
  tx: 'commit' | 'rollback' | undefined;
  handling: 'strict' | 'lenient' | undefined;
  /** `max-affected=N`; enforced only with `handling=strict`, as PostgREST does. */
  maxAffected: number | undefined;
  /** `timezone=`: the time zone timestamps are read and written in for this request. */
  timezone: string | undefined;
  /** Preferences PostgREST does not know (refused with PGRST122 under `handling=strict`). */
  invalid: string[];
}

const KNOWN = new Set([
  'return=minimal', 'return=representation', 'return=headers-only',
  'count=exact', 'count=planned', 'count=estimated',
  'resolution=merge-duplicates', 'resolution=ignore-duplicates',
  'missing=default', 'missing=null',
  'tx=commit', 'tx=rollback',
  'handling=strict', 'handling=lenient',
]);

/**
 * As PostgREST: the header (or several) is split at commas, each preference trimmed and matched
 * whole; for each kind the first one given wins; unknown ones are collected.
 */
export function parsePrefer(header: string | string[] | undefined): Preferences {
  const prefs: Preferences = {
    return: undefined, count: undefined, resolution: undefined, missingDefault: false, rollback: false,
    tx: undefined, handling: undefined, maxAffected: undefined, timezone: undefined, invalid: [],
  };
  const text = Array.isArray(header) ? header.join(',') : header ?? '';
  let missingSeen = false;
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (key === 'max-affected') {
      // PostgREST reads it with `readMaybe`: anything but an integer is simply not a value.
      if (prefs.maxAffected === undefined && /^-?\d{1,18}$/.test(value)) prefs.maxAffected = Number(value);
      continue;
    }
    if (key === 'timezone') {
      prefs.timezone ??= value;
      continue;
    }
    if (!KNOWN.has(part)) {
      prefs.invalid.push(part);
      continue;
    }
    if (key === 'return') prefs.return ??= value as Preferences['return'];
    else if (key === 'count') prefs.count ??= value as Preferences['count'];
    else if (key === 'resolution') prefs.resolution ??= value as Preferences['resolution'];
    else if (key === 'missing' && !missingSeen) {
      missingSeen = true;
      prefs.missingDefault = value === 'default';
    } else if (key === 'tx') prefs.tx ??= value as Preferences['tx'];
    else if (key === 'handling') prefs.handling ??= value as Preferences['handling'];
  }
  prefs.rollback = prefs.tx === 'rollback';
  return prefs;
}

/** Under `handling=strict`, an unknown preference is an error instead of being ignored. */
export function checkStrict(prefs: Preferences): void {
  if (prefs.handling === 'strict' && prefs.invalid.length) {
    throw new RestError(400, 'PGRST122', 'Invalid preferences given with handling=strict', `Invalid preferences: ${prefs.invalid.join(', ')}`);
  }
}

/** Whether `max-affected` applies to this request (PostgREST: only with `handling=strict`). */
export function maxAffectedLimit(prefs: Preferences): number | undefined {
  return prefs.handling === 'strict' ? prefs.maxAffected : undefined;
}

export function maxAffectedError(affected: number): RestError {
  return new RestError(400, 'PGRST124', 'Query result exceeds max-affected preference constraint', `The query affects ${affected} rows`);
}

export type RequestKind = 'read' | 'insert' | 'update' | 'delete' | 'call';

/**
 * The `Preference-Applied` header: the preferences that took effect, in PostgREST's order
 * (resolution and missing only for writes that use them, return only for writes, max-affected
 * only under handling=strict for updates, deletes and calls).
 */
export function preferenceApplied(prefs: Preferences, kind: RequestKind, hasConflictTarget = false): string | undefined {
  const write = kind === 'insert' || kind === 'update' || kind === 'delete';
  const values = [
    kind === 'insert' && hasConflictTarget && prefs.resolution ? `resolution=${prefs.resolution}` : undefined,
    (kind === 'insert' || kind === 'update') && prefs.missingDefault ? 'missing=default' : undefined,
    write && prefs.return ? `return=${prefs.return}` : undefined,
    prefs.count ? `count=${prefs.count}` : undefined,
    prefs.tx ? `tx=${prefs.tx}` : undefined,
    prefs.handling ? `handling=${prefs.handling}` : undefined,
    prefs.timezone !== undefined ? `timezone=${prefs.timezone}` : undefined,
    (kind === 'update' || kind === 'delete' || kind === 'call') && prefs.handling === 'strict' && prefs.maxAffected !== undefined
      ? `max-affected=${prefs.maxAffected}` : undefined,
  ].filter((v): v is string => v !== undefined);
  return values.length ? values.join(', ') : undefined;
}

export interface AcceptInfo {
  single: boolean;
  stripNulls: boolean;
  /** `text/csv`: served for reads of tables and of functions returning rows. */
  csv?: boolean;
}

export function parseAccept(header: string | undefined): AcceptInfo {
  if (!header) return { single: false, stripNulls: false };
  const types = header.split(',').map((t) => t.trim().toLowerCase());
  for (const t of types) {
    const [mime, ...params] = t.split(';').map((s) => s.trim());
    const stripNulls = params.includes('nulls=stripped');
    if (mime === 'application/vnd.pgrst.object+json' || mime === 'application/vnd.pgrst.object') return { single: true, stripNulls };
    if (mime === 'text/csv') return { single: false, stripNulls: false, csv: true };
    if (['application/json', 'application/vnd.pgrst.array+json', '*/*', 'application/*'].includes(mime)) return { single: false, stripNulls };
  }
  throw new RestError(406, 'PGRST107', `None of these media types are available: ${header}`);
}
