/**
 * The simulated PBX resends an event after a 5xx or no answer, as docs/telephony.md says a PBX does,
 * with the same event id and a fresh signature; a 4xx is the answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTelephonySignature } from '../../telephony/signature';
import type { TelephonyEventBody } from '../../telephony/event-schema';
import { deliverTelephonyEvent, PBX_ATTEMPTS } from './webhook';

const SECRET = 'pbx-test-secret';
const EVENT: TelephonyEventBody = { type: 'ringing', event_id: 'sim-1-ringing', call_id: 'sim-1', at: '2026-12-07T10:00:00.000Z', caller_number: '081200000001' };

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function webhook(statuses: number[]) {
  const bodies: Array<{ raw: string; signed: boolean }> = [];
  const s = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const check = checkTelephonySignature({
        secret: SECRET,
        timestamp: String(req.headers['x-telephony-timestamp']),
        signature: String(req.headers['x-telephony-signature']),
        rawBody: raw,
        nowSeconds: Math.floor(Date.now() / 1000),
      });
      bodies.push({ raw, signed: check === 'ok' });
      const status = statuses[Math.min(bodies.length - 1, statuses.length - 1)];
      res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"call_id":"c1"}' : '{"error":"x"}');
    });
  });
  server = s;
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, bodies };
}

const instant = { sleep: async () => true, random: () => 0 };

describe('deliverTelephonyEvent', () => {
  it('resends after 503s until the webhook takes the event: same body, signed each time', async () => {
    const hook = await webhook([503, 503, 200]);
    let resent = 0;
    const answer = await deliverTelephonyEvent(hook.url, SECRET, EVENT, { signal: new AbortController().signal, onResend: () => resent++, ...instant });
    expect(answer).toEqual({ status: 200, body: { call_id: 'c1' } });
    expect(resent).toBe(2);
    expect(hook.bodies).toHaveLength(3);
    expect(new Set(hook.bodies.map((b) => b.raw)).size).toBe(1);
    expect(hook.bodies.every((b) => b.signed)).toBe(true);
  });

  it('takes a 4xx as the answer, and gives the last 5xx back after PBX_ATTEMPTS', async () => {
    const refused = await webhook([409]);
    expect((await deliverTelephonyEvent(refused.url, SECRET, EVENT, { signal: new AbortController().signal, onResend: () => {}, ...instant })).status).toBe(409);
    expect(refused.bodies).toHaveLength(1);
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const down = await webhook([502]);
    expect((await deliverTelephonyEvent(down.url, SECRET, EVENT, { signal: new AbortController().signal, onResend: () => {}, ...instant })).status).toBe(502);
    expect(down.bodies).toHaveLength(PBX_ATTEMPTS);
  });

  it('throws the network failure when nobody answers, and stops when the run stops', async () => {
    const stop = new AbortController();
    let tries = 0;
    const noServer = 'http://127.0.0.1:9';
    await expect(deliverTelephonyEvent(noServer, SECRET, EVENT, { signal: new AbortController().signal, onResend: () => tries++, ...instant })).rejects.toThrow(/fetch failed/);
    expect(tries).toBe(PBX_ATTEMPTS - 1);
    stop.abort();
    tries = 0;
    await expect(deliverTelephonyEvent(noServer, SECRET, EVENT, { signal: stop.signal, onResend: () => tries++, ...instant })).rejects.toThrow();
    expect(tries).toBe(0);
  });
});
