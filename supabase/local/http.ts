/**
 * Small HTTP helpers shared by the stack's APIs: bounded body reading, JSON replies, CORS, and the
 * caller's token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? body.msg ?? status));
  }
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, {
    code: 'PGRST413',
    message: `Request body is larger than ${limit} bytes`,
    details: null,
    hint: null,
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** Whether a browser page of `origin` may call the API. No Origin header: not a cross-origin browser call. */
export function originAllowed(origin: string | undefined, allowed: readonly string[] | '*'): boolean {
  return origin === undefined || allowed === '*' || allowed.includes(origin);
}

/**
 * CORS for the configured app origins only. A page of any other origin gets no allow-origin header,
 * so the browser withholds the response (and a preflight fails). Tokens travel in headers, not
 * cookies, so credentials are only granted to a listed origin, never to `*`.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[] | '*'): void {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (allowed === '*') {
    res.setHeader('access-control-allow-origin', '*');
  } else if (origin !== undefined && allowed.includes(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
  } else {
    return;
  }
  res.setHeader(
    'access-control-allow-headers',
    req.headers['access-control-request-headers'] ??
      'authorization, apikey, content-type, prefer, range, accept-profile, content-profile, x-client-info, x-supabase-api-version',
  );
  res.setHeader('access-control-allow-methods', 'GET, POST, PATCH, PUT, DELETE, HEAD, OPTIONS');
  res.setHeader('access-control-expose-headers', 'content-range, x-supabase-api-version, content-location, location');
  res.setHeader('access-control-max-age', '86400');
}

/** Headers every API answer carries: no MIME sniffing of JSON, no referrer, never framed. */
export function applySecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
}

/** The caller's token: the bearer token if any (a user session), else the `apikey` header or query. */
export function callerToken(req: IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization;
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim();
  const apikey = req.headers.apikey;
  if (typeof apikey === 'string' && apikey) return apikey;
  return url.searchParams.get('apikey') ?? undefined;
}
