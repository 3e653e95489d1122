/**
 * The bound on requests in flight: past it a request is answered 503 + Retry-After at once, its
 * handler never runs; a slot comes back when a response ends and when a client goes away first.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdmission, parseMaxRequestsInFlight, DEFAULT_MAX_REQUESTS_IN_FLIGHT, type Admission } from './admission';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server whose admitted requests wait until the test answers them; counts the handler's runs. */
async function startHeldServer(admission: Admission) {
  const held: http.ServerResponse[] = [];
  let handled = 0;
  const waiters: Array<() => void> = [];
  const s = http.createServer((req, res) => {
    req.resume();
    if (!admission.admit(res)) return;
    handled++;
    held.push(res);
    waiters.splice(0).forEach((w) => w());
  });
  server = s;
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/rest/v1/rpc/step`;
  const untilHeld = async (n: number) => {
    while (held.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { url, held, handled: () => handled, untilHeld };
}

const post = (url: string, signal?: AbortSignal) => fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }, signal });

describe('admission', () => {
  it('refuses the request past the bound with 503, Retry-After and SQLSTATE 53300, without running its handler', async () => {
    const admission = createAdmission(2);
    const srv = await startHeldServer(admission);
    const first = post(srv.url);
    const second = post(srv.url);
    await srv.untilHeld(2);

    const refused = await post(srv.url);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    const body = (await refused.json()) as { code: string; message: string };
    expect(body.code).toBe('53300');
    expect(body.message).toMatch(/Nothing of this request was applied/);
    expect(srv.handled()).toBe(2);
    expect(admission.inFlight).toBe(2);
    expect(admission.refused).toBe(1);

    for (const res of srv.held) res.writeHead(200).end('{}');
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    // Both slots are free again: the next two are admitted.
    const third = post(srv.url);
    const fourth = post(srv.url);
    await srv.untilHeld(4);
    expect(admission.inFlight).toBe(2);
    for (const res of srv.held.slice(2)) res.writeHead(200).end('{}');
    expect((await third).status).toBe(200);
    expect((await fourth).status).toBe(200);
  });

  it('gives the slot of a client that went away back', async () => {
    const admission = createAdmission(1);
    const srv = await startHeldServer(admission);
    const abort = new AbortController();
    const gone = post(srv.url, abort.signal).catch((err: unknown) => err);
    await srv.untilHeld(1);
    expect(admission.inFlight).toBe(1);
    abort.abort();
    await gone;
    while (admission.inFlight > 0) await new Promise((r) => setTimeout(r, 5));

    const next = post(srv.url);
    await srv.untilHeld(2);
    srv.held[1].writeHead(200).end('{}');
    expect((await next).status).toBe(200);
    expect(admission.refused).toBe(0);
  });

  it('reads STACK_MAX_REQUESTS_IN_FLIGHT strictly', () => {
    expect(parseMaxRequestsInFlight(undefined)).toBe(DEFAULT_MAX_REQUESTS_IN_FLIGHT);
    expect(parseMaxRequestsInFlight(' ')).toBe(DEFAULT_MAX_REQUESTS_IN_FLIGHT);
    expect(parseMaxRequestsInFlight('64')).toBe(64);
    for (const bad of ['0', '-1', '1.5', 'many', '1e9']) expect(() => parseMaxRequestsInFlight(bad)).toThrow(/STACK_MAX_REQUESTS_IN_FLIGHT/);
    expect(() => createAdmission(0)).toThrow();
  });
});
