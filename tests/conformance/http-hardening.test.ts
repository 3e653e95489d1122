/**
 * The stack's HTTP edge: CORS only for the configured app origins (never an echo of any Origin with
 * credentials), a websocket from another site's page refused, and hardening headers on every answer.
 * The HTTP layer is the same over both databases, so PGlite alone is used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { configFromEnv, DEMO_ANON_KEY } from '../../supabase/local/config.ts';
import { startStack, type RunningStack } from '../../supabase/local/server.ts';

const APP = 'http://192.168.10.5:3000';

describe('HTTP edge of the stack', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startStack({ ...configFromEnv({}), port: 0, dataDir: 'memory://', databaseUrl: undefined, seedFile: undefined, allowedOrigins: [APP] });
  });
  afterAll(async () => {
    await stack?.close();
  });

  // Anon may not read agencies: the answer (401) still shows how CORS treats the origin.
  const get = (origin?: string) =>
    fetch(`${stack.url}/rest/v1/agencies?select=id&limit=1`, { headers: { apikey: DEMO_ANON_KEY, ...(origin ? { origin } : {}) } });

  it('answers the app origin with CORS and credentials', async () => {
    const res = await get(APP);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives another site no CORS grant, on requests and on preflights', async () => {
    const res = await get('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${stack.url}/rest/v1/calls`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('serves scripts and servers, which send no Origin, as before', async () => {
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    expect((await get()).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sets hardening headers on every answer, errors included', async () => {
    for (const res of [await get(APP), await fetch(`${stack.url}/health`), await fetch(`${stack.url}/nowhere`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  const openSocket = (origin: string) =>
    new Promise<string>((resolve) => {
      const ws = new WebSocket(`${stack.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${DEMO_ANON_KEY}&vsn=1.0.0`, { origin });
      ws.on('open', () => {
        ws.close();
        resolve('open');
      });
      ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      ws.on('error', () => resolve('error'));
    });

  it('refuses a websocket opened by another site, accepts the app', async () => {
    expect(await openSocket('https://evil.example')).toBe('refused 403');
    expect(await openSocket(APP)).toBe('open');
  });
});
