/**
 * The relay's parts together over real HTTP: Kamailio's unsigned post in, a signed post out to a
 * webhook that fails twice (503, then a dropped connection) before it takes the event. The event
 * reaches it with the same bytes every time, each attempt correctly signed, and a repeat from
 * Kamailio after delivery is not forwarded again.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTelephonySignature } from '../signature';
import { Outbox, type OutboxLog } from './outbox';
import { listenRelay, RELAY_PATH } from './relay-server';
import { signedPoster } from './signed-post';

const secret = 'integration-webhook-secret';
const token = 'integration-relay-token';
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

async function listening(server: http.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('signing relay, end to end over HTTP', () => {
  it('retries a failing webhook with the same signed bytes and forwards each event id once', async () => {
    const received: Array<{ body: string; check: string }> = [];
    let attempts = 0;
    const webhookPort = await listening(
      http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c));
        req.on('end', () => {
          attempts += 1;
          if (attempts === 2) return void req.socket.destroy();
          const header = (name: string) => {
            const value = req.headers[name];
            return typeof value === 'string' ? value : null;
          };
          const check = checkTelephonySignature({
            secret,
            timestamp: header('x-telephony-timestamp'),
            signature: header('x-telephony-signature'),
            rawBody: body,
            nowSeconds: Math.floor(Date.now() / 1000),
          });
          received.push({ body, check });
          res.writeHead(attempts === 1 ? 503 : 200, { 'content-type': 'application/json' });
          res.end('{}');
        });
      }),
    );

    const logs: OutboxLog[] = [];
    const outbox = new Outbox({
      send: signedPoster({ url: `http://127.0.0.1:${webhookPort}/api/telephony/events`, secret }),
      log: (entry) => logs.push(entry),
      firstRetryMs: 10,
      random: () => 1,
    });
    const relay = await listenRelay({ port: 0, token, outbox });
    servers.push(relay);
    const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}${RELAY_PATH}`;

    const body = JSON.stringify({ event_id: 'sip-x-ringing', type: 'ringing', call_id: 'sip-x', at: new Date().toISOString(), caller_number: '081234567890' });
    const post = () => fetch(relayUrl, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });

    expect((await post()).status).toBe(202);
    await outbox.drain();
    expect((await post()).status).toBe(200);
    await outbox.drain();

    expect(attempts).toBe(3);
    expect(received).toEqual([
      { body, check: 'ok' },
      { body, check: 'ok' },
    ]);
    expect(logs.map((l) => l.msg)).toEqual(['retrying', 'retrying', 'delivered']);
  });
});
