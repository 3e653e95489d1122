/**
 * PostgREST-shaped errors: `{code, message, details, hint}` with the HTTP status PostgREST derives
 * from a SQLSTATE, plus the PGRST codes of requests refused before they reach the database.
 */
import { isConnectionLost } from '../db/database.ts';

/** `details` is text, except PGRST201's list of the candidate relationships (as PostgREST sends it). */
export type RestErrorDetails = string | null | Array<Record<string, string>>;

export interface RestErrorBody {
  code: string;
  message: string;
  details: RestErrorDetails;
  hint: string | null;
}

export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: RestErrorDetails = null,
    readonly hint: string | null = null,
    /** Extra response headers (from `RAISE SQLSTATE 'PGRST'`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RestError';
  }

  get body(): RestErrorBody {
    return { code: this.code, message: this.message, details: this.details, hint: this.hint };
  }
}

/** A malformed query string (PostgREST's PGRST100). */
export function parseError(message: string, details: string | null = null): RestError {
  return new RestError(400, 'PGRST100', message, details);
}

export function tableNotFound(name: string): RestError {
  return new RestError(404, 'PGRST205', `Could not find the table 'public.${name}' in the schema cache`);
}

export function columnNotFound(table: string, column: string): RestError {
  // PostgREST passes Postgres' own 42703 through for unknown columns in select and filters.
  return new RestError(400, '42703', `column ${table}.${column} does not exist`);
}

/** A cast to a type the catalog does not know: Postgres' own error, which PostgREST passes through. */
export function unknownType(name: string): RestError {
  return new RestError(400, '42704', `type "${name}" does not exist`);
}

export function payloadColumnNotFound(table: string, column: string): RestError {
  return new RestError(400, 'PGRST204', `Could not find the '${column}' column of '${table}' in the schema cache`);
}

interface PgLikeError {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  hint?: unknown;
}

function isPgError(err: unknown): err is PgLikeError & { code: string } {
  return typeof err === 'object' && err !== null && typeof (err as PgLikeError).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((err as PgLikeError).code as string);
}

/** HTTP status for a SQLSTATE, as PostgREST maps it; `authed` is false for the anon role. */
export function statusForSqlState(code: string, authed: boolean, message = ''): number {
  if (code === '23503' || code === '23505') return 409;
  if (code === '42501') return authed ? 403 : 401;
  if (code === '42P01') return 404;
  if (code === '42883') return /^function .* does not exist/.test(message) ? 404 : 400;
  if (code === '42P17') return 500;
  if (code === 'P0001') return 400;
  if (code === '25006') return 405;
  if (code === '53400' || code === '57P01') return code === '57P01' ? 503 : 500;
  if (code.startsWith('PT')) {
    const n = Number(code.slice(2));
    return Number.isInteger(n) && n >= 100 && n <= 599 ? n : 500;
  }
  const cls = code.slice(0, 2);
  if (cls === '08' || cls === '53') return 503;
  if (cls === '0L' || cls === '0P' || cls === '28') return 403;
  if (['09', '25', '2D', '38', '39', '3B', '40', '54', '55', '57', '58', 'F0', 'HV', 'P0', 'XX'].includes(cls)) return 500;
  return 400;
}

function jsonObject(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function raiseParseError(details: string, hint: string): RestError {
  return new RestError(500, 'PGRST121', `Could not parse JSON in the "RAISE SQLSTATE 'PGRST'" error`, details, hint);
}

const MESSAGE_HINT = "MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'.";
const DETAIL_HINT = "DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'.";

/**
 * PostgREST's custom errors: `RAISE SQLSTATE 'PGRST' USING MESSAGE = '{"code", "message",
 * "details", "hint"}', DETAIL = '{"status", "headers"}'` answers with that status, body and headers.
 */
function raisedPgrst(err: PgLikeError): RestError {
  const msg = jsonObject(err.message);
  if (!msg || typeof msg.code !== 'string' || typeof msg.message !== 'string') {
    return raiseParseError(`Invalid JSON value for MESSAGE: '${String(err.message)}'`, MESSAGE_HINT);
  }
  if (typeof err.detail !== 'string') return raiseParseError('DETAIL is missing in the RAISE statement', DETAIL_HINT);
  const det = jsonObject(err.detail);
  const status = det?.status;
  const headers = det?.headers;
  const headersOk = typeof headers === 'object' && headers !== null && !Array.isArray(headers) &&
    Object.values(headers).every((v) => typeof v === 'string');
  if (!det || typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599 || !headersOk) {
    return raiseParseError(`Invalid JSON value for DETAIL: '${err.detail}'`, DETAIL_HINT);
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? null : JSON.stringify(v));
  // Header names and values go out as written; Node refuses invalid ones when writing the response.
  return new RestError(status, msg.code, msg.message, text(msg.details), text(msg.hint), headers as Record<string, string>);
}

/**
 * PostgREST's answer while the database is unreachable: 503 PGRST000. Clients take a 5xx as "try
 * again" (lib/domain/write-failure.ts, the offline queue); the transaction was rolled back or never
 * began, except for a COMMIT whose answer was lost, which the workflow functions' expected version
 * and the telephony event id make harmless to resend.
 */
export function databaseUnavailable(): RestError {
  return new RestError(503, 'PGRST000', 'Could not connect with the database', null, 'The database is restarting or unreachable; retry the request.');
}

/** Turns anything thrown while serving a request into a PostgREST error. */
export function toRestError(err: unknown, authed: boolean): RestError {
  if (err instanceof RestError) return err;
  if (isConnectionLost(err)) return databaseUnavailable();
  if (typeof err === 'object' && err !== null && (err as PgLikeError).code === 'PGRST') return raisedPgrst(err as PgLikeError);
  if (isPgError(err)) {
    const message = typeof err.message === 'string' ? err.message : 'Database error';
    return new RestError(
      statusForSqlState(err.code, authed, message),
      err.code,
      message,
      typeof err.detail === 'string' ? err.detail : null,
      typeof err.hint === 'string' ? err.hint : null,
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new RestError(500, 'PGRST000', message);
}
