/**
 * PostgREST's response settings: SQL run by a request (a function, a trigger) may set
 * `response.status` and `response.headers` with `set_config(..., true)`, and the answer takes them.
 */
import { RestError } from './errors.ts';

export interface ResponseOverride {
  status: number | undefined;
  headers: Record<string, string>;
}

/**
 * Both settings and the upsert counter as columns. A read statement (an aggregate over its rows)
 * carries them in its own select list, as PostgREST's does: the list is computed after every row,
 * function call included, was read, so one round trip fewer per request.
 */
export const RESPONSE_SETTINGS_COLUMNS = `nullif(current_setting('response.status', true), '') as status,
  nullif(current_setting('response.headers', true), '') as headers,
  nullif(current_setting('pgrst.inserted', true), '') as inserted`;

/**
 * Reads them after a mutation, in its transaction. A mutation cannot carry them: its AFTER triggers
 * (which may set them) fire only once the whole statement has run.
 */
export const RESPONSE_SETTINGS_SQL = `select ${RESPONSE_SETTINGS_COLUMNS}`;

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
