/** The request preferences PostgREST reads from the `Prefer` and `Accept` headers. */
import { RestError } from './errors.ts';

export interface Preferences {
  return: 'minimal' | 'representation' | 'headers-only' | undefined;
  count: 'exact' | 'planned' | 'estimated' | undefined;
  resolution: 'merge-duplicates' | 'ignore-duplicates' | undefined;
  missingDefault: boolean;
  rollback: boolean;
}

export function parsePrefer(header: string | string[] | undefined): Preferences {
  const prefs: Preferences = { return: undefined, count: undefined, resolution: undefined, missingDefault: false, rollback: false };
  const text = Array.isArray(header) ? header.join(',') : header ?? '';
  for (const part of text.split(',')) {
    const [key, value] = part.trim().split('=').map((s) => s.trim());
    if (key === 'return' && (value === 'minimal' || value === 'representation' || value === 'headers-only')) prefs.return = value;
    else if (key === 'count' && (value === 'exact' || value === 'planned' || value === 'estimated')) prefs.count = value;
    else if (key === 'resolution' && (value === 'merge-duplicates' || value === 'ignore-duplicates')) prefs.resolution = value;
    else if (key === 'missing') prefs.missingDefault = value === 'default';
    else if (key === 'tx') prefs.rollback = value === 'rollback';
  }
  return prefs;
}

export interface AcceptInfo {
  single: boolean;
  stripNulls: boolean;
}

export function parseAccept(header: string | undefined): AcceptInfo {
  if (!header) return { single: false, stripNulls: false };
  const types = header.split(',').map((t) => t.trim().toLowerCase());
  for (const t of types) {
    const [mime, ...params] = t.split(';').map((s) => s.trim());
    const stripNulls = params.includes('nulls=stripped');
    if (mime === 'application/vnd.pgrst.object+json' || mime === 'application/vnd.pgrst.object') return { single: true, stripNulls };
    if (['application/json', 'application/vnd.pgrst.array+json', '*/*', 'application/*'].includes(mime)) return { single: false, stripNulls };
  }
  throw new RestError(406, 'PGRST107', `None of these media types are available: ${header}`);
}
