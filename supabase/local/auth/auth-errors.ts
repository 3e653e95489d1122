/**
 * Errors of the auth API in supabase/auth's shape. supabase-js (auth-js 2.x) reads the error code from
 * `code` when the response carries `X-Supabase-Api-Version: 2024-01-01` (the stack always sends it) and
 * from `error_code` otherwise, and the text from `msg` then `message`; all four are sent so that any
 * client version sees `error.code` and `error.message` as it would against supabase/auth.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http.ts';

export class AuthError extends Error {
  /** supabase/auth names the code in an `x-sb-error-code` header too, except on weak_password. */
  readonly codeHeader: boolean = true;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra top-level fields, e.g. `weak_password: {reasons}`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export const INVALID_LOGIN = 'Invalid login credentials';

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);
/** supabase/auth's answer when a rate limit refuses a request (its limitHandler). */
export const overRequestRateLimit = () => new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');

export function sendAuthError(res: ServerResponse, err: AuthError): void {
  sendJson(
    res,
    err.status,
    {
      code: err.code,
      error_code: err.code,
      msg: err.message,
      message: err.message,
      ...err.extra,
    },
    err.codeHeader ? { 'x-sb-error-code': err.code } : {},
  );
}
