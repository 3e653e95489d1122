import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EVENT_BYTES } from '../event-schema';
import type { OfferResult, OutboxEvent } from './outbox';
import { listenRelay, RELAY_PATH } from './relay-server';

const token = 'local-token-0123456789';
const now = Date.parse('2026-12-02T03:00:00Z');
let server: http.Server;
let offered: OutboxEvent[];
let answer: OfferResult;

beforeEach(async () => {
  offered = [];
  answer = 'queued';
  server = await listenRelay({
    port: 0,
    token,
    now: () => now,
    outbox: {
      offer: (event) => {
        offered.push(event);
        return answer;
      },
    },
  });
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

function post(body: string, { auth = `Bearer ${token}`, path = RELAY_PATH, method = 'POST', localAddress }: { auth?: string; path?: string; method?: string; localAddress?: string } = {}) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, localAddress, headers: { authorization: auth, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const event = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ event_id: 'sip-abc-ringing', type: 'ringing', call_id: 'sip-abc', at: '2026-12-02T02:59:59.120Z', caller_number: '081234567890', trunk: 'kamailio', ...extra });

describe('signing relay endpoint', () => {
  it('queues a valid event with the exact bytes it received and answers 202', async () => {
    const body = event();
    const res = await post(body);
    expect(res).toEqual({ status: 202, json: { event_id: 'sip-abc-ringing', status: 'queued' } });
    expect(offered).toEqual([{ eventId: 'sip-abc-ringing', callId: 'sip-abc', body }]);
  });

  it('answers a repeat with 200 and a full queue with 503', async () => {
    answer = 'duplicate';
    expect((await post(event())).status).toBe(200);
    answer = 'full';
    expect(await post(event())).toMatchObject({ status: 503, json: { error: 'queue_full' } });
  });

  it('refuses a missing or wrong token, another path or method, and queues nothing', async () => {
    expect((await post(event(), { auth: '' })).status).toBe(401);
    expect((await post(event(), { auth: `Bearer ${token}x` })).status).toBe(401);
    expect((await post(event(), { auth: token })).status).toBe(401);
    expect((await post(event(), { path: '/other' })).status).toBe(404);
    expect((await post('', { method: 'GET' })).status).toBe(405);
    expect(offered).toEqual([]);
  });

  it('refuses a client that is not 127.0.0.1', async () => {
    // 127.0.0.2 is on the loopback interface too, but not the address the relay trusts.
    expect(await post(event(), { localAddress: '127.0.0.2' })).toMatchObject({ status: 403, json: { error: 'loopback_only' } });
    expect(offered).toEqual([]);
  });

  it('refuses a body over 16 KiB, and takes one just under it', async () => {
    const padding = (size: number) => event({ trunk: 'k', location: { lat: -6, lng: 106, accuracy_m: 1 } }).replace('"trunk":"k"', `"trunk":"k"${' '.repeat(size)}`);
    const base = Buffer.byteLength(padding(0));
    expect((await post(padding(MAX_EVENT_BYTES - base))).status).toBe(202);
    expect(await post(padding(MAX_EVENT_BYTES - base + 1))).toMatchObject({ status: 413, json: { error: 'body_too_large' } });
    expect(offered).toHaveLength(1);
  });

  it('refuses what the webhook would refuse, naming the field', async () => {
    expect(await post('{"event_id":')).toMatchObject({ status: 400, json: { error: 'invalid_json' } });
    expect(await post(event({ type: 'hold' }))).toMatchObject({ status: 400, json: { error: 'invalid_field', field: 'type' } });
    expect(await post(event({ type: 'ended' }))).toMatchObject({ status: 400, json: { field: 'ended_by' } });
    expect(await post(event({ at: '2026-12-02T03:05:00Z' }))).toMatchObject({ status: 400, json: { field: 'at' } });
    expect(offered).toEqual([]);
  });
});
