/**
 * PostgREST's response settings: SQL run by a request (a function, a trigger) may set
 * `response.status` and `response.headers` with `set_config(..., true)`, and the answer takes them.
 */
import { RestError } from './errors.ts';

export interface ResponseOverride {
  status: number | undefined;
  headers: Record<string, string>;
}

/** Reads both settings, and the upsert counter, after the request's statement, in its transaction. */
export const RESPONSE_SETTINGS_SQL = `select nullif(current_setting('response.status', true), '') as status,
  nullif(current_setting('response.headers', true), '') as headers,
  nullif(current_setting('pgrst.inserted', true), '') as inserted`;

export interface ResponseSettingsRow {
  status: string | null;
  headers: string | null;
  inserted: string | null;
}

function headersError(): RestError {
  return new RestError(500, 'PGRST111', 'response.headers guc must be a JSON array composed of objects with a single key and a string value');
}

/** Validated as PostgREST does (PGRST111, PGRST112); header names must also be valid HTTP tokens. */
export function responseOverride(row: ResponseSettingsRow | undefined): ResponseOverride {
  const out: ResponseOverride = { status: undefined, headers: {} };
  if (!row) return out;
  if (row.status !== null) {
    const n = Number(row.status);
    if (!/^\d{3}$/.test(row.status.trim()) || n < 100 || n > 599) {
      throw new RestError(500, 'PGRST112', 'response.status guc must be a valid status code');
    }
    out.status = n;
  }
  if (row.headers !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.headers);
    } catch {
      throw headersError();
    }
    if (!Array.isArray(parsed)) throw headersError();
    for (const item of parsed) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw headersError();
      const entries = Object.entries(item as Record<string, unknown>);
      if (entries.length !== 1) throw headersError();
      const [name, value] = entries[0];
      // Node would throw on these when writing the head; refuse them as a malformed setting.
      if (typeof value !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n\0]/.test(value)) throw headersError();
      out.headers[name.toLowerCase()] = value;
    }
  }
  return out;
}
