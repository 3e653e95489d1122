/**
 * The signing relay's HTTP side: Kamailio cannot compute an HMAC (Debian's kamailio has no crypto
 * module in the packages we install), so it posts each event unsigned to this loopback endpoint,
 * which checks it, queues it and answers at once; the outbox signs and forwards it. Only this
 * machine and only with the shared local token may post: the relay signs whatever it accepts, so
 * it must not become a way for anyone else to speak for the PBX.
 *
 * Answers: 202 queued, 200 a repeat (already queued or sent), 400 not a valid event (the same
 * checks as the webhook, so a broken Kamailio config shows up in Kamailio's log at once), 401 no or
 * wrong token, 403 not from loopback, 404/405 wrong path or method, 413 over 16 KiB, 503 queue full.
 */
import { timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { MAX_EVENT_BYTES, parseTelephonyEvent } from '../event-schema';
import { readLimitedNodeBody } from '../limited-body';
import type { Outbox } from './outbox';

export const RELAY_PATH = '/events';

export interface RelayHandlerOptions {
  token: string;
  outbox: Pick<Outbox, 'offer'>;
  now?: () => number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>, close = false): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}

export function relayHandler({ token, outbox, now = Date.now }: RelayHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return reply(res, 403, { error: 'loopback_only' }, true);
    if (new URL(req.url ?? '/', 'http://relay').pathname !== RELAY_PATH) return reply(res, 404, { error: 'not_found' });
    if (req.method !== 'POST') return reply(res, 405, { error: 'method_not_allowed' });
    if (!tokenMatches(req.headers.authorization, token)) return reply(res, 401, { error: 'invalid_token' }, true);

    const body = await readLimitedNodeBody(req, MAX_EVENT_BYTES);
    if (!body.ok) {
      reply(res, 413, { error: 'body_too_large', limit_bytes: MAX_EVENT_BYTES }, true);
      // The rest of the refused body is not read: close the connection once the answer is out.
      res.once('finish', () => req.destroy());
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return reply(res, 400, { error: 'invalid_json' });
    }
    const parsed = parseTelephonyEvent(json, now());
    if (!parsed.ok) return reply(res, 400, { error: 'invalid_field', field: parsed.field, message: parsed.message });

    const { eventId, callId } = parsed.event;
    const offered = outbox.offer({ eventId, callId, body: body.text });
    if (offered === 'full') return reply(res, 503, { error: 'queue_full' });
    return reply(res, offered === 'queued' ? 202 : 200, { event_id: eventId, status: offered });
  };
}

/** The relay's server, always on loopback: there is no option to listen anywhere else. */
export function listenRelay(options: RelayHandlerOptions & { port: number }): Promise<http.Server> {
  const handle = relayHandler(options);
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      // The request broke off while its body was read: nothing was queued.
      if (!res.headersSent) reply(res, 400, { error: 'aborted' }, true);
      req.destroy();
    });
  });
  // Kamailio waits for this answer in a SIP worker: a slow client must not hold a socket for long.
  server.requestTimeout = 5_000;
  server.headersTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
