import { describe, expect, it } from 'vitest';
import { resendRefused } from './resend-refused';

function scripted(...answers: Array<{ status: number; retryAfter?: string }>) {
  const seen: Array<{ url: string; body: unknown; method?: string }> = [];
  const f = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(input), body: init?.body, method: init?.method });
    const a = answers[Math.min(seen.length - 1, answers.length - 1)];
    return new Response(JSON.stringify({ n: seen.length }), { status: a.status, headers: a.retryAfter ? { 'retry-after': a.retryAfter } : {} });
  }) as typeof fetch;
  return { f, seen };
}

const noSleep = { sleep: async () => {}, random: () => 0 };

describe('resendRefused', () => {
  it('resends a refused POST with the same body until it is taken, pausing what Retry-After says', async () => {
    const { f, seen } = scripted({ status: 503, retryAfter: '1' }, { status: 503, retryAfter: '2' }, { status: 200 });
    const pauses: number[] = [];
    const resent: string[] = [];
    const send = resendRefused(f, { sleep: async (ms) => void pauses.push(ms), onResend: (u) => resent.push(u), random: () => 0 });
    const res = await send('http://stack/rest/v1/rpc/classify_call', { method: 'POST', body: '{"a":1}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ n: 3 });
    expect(seen.map((s) => s.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(pauses).toEqual([1000, 2000]);
    expect(resent).toHaveLength(2);
  });

  it('stretches each pause by a random share, so a refused burst does not come back at once', async () => {
    const { f } = scripted({ status: 503, retryAfter: '1' }, { status: 200 });
    const pauses: number[] = [];
    await resendRefused(f, { sleep: async (ms) => void pauses.push(ms), random: () => 0.5 })('http://stack/x', { method: 'POST', body: '{}' });
    expect(pauses).toEqual([1500]);
  });

  it('gives the refusal back after maxResends, and caps each pause', async () => {
    const { f, seen } = scripted({ status: 503, retryAfter: '120' });
    const pauses: number[] = [];
    const res = await resendRefused(f, { maxResends: 2, maxPauseMs: 3000, sleep: async (ms) => void pauses.push(ms), random: () => 0 })('http://stack/x', { method: 'POST', body: '{}' });
    expect(res.status).toBe(503);
    expect(seen).toHaveLength(3);
    expect(pauses).toEqual([3000, 3000]);
  });

  it('does not resend a 503 without Retry-After (the database may have been reached), nor other answers', async () => {
    for (const status of [503, 500, 409, 200]) {
      const { f, seen } = scripted({ status });
      const res = await resendRefused(f, noSleep)('http://stack/x', { method: 'POST', body: '{}' });
      expect(res.status).toBe(status);
      expect(seen).toHaveLength(1);
    }
  });

  it('sends a body that cannot be sent twice once', async () => {
    const { f, seen } = scripted({ status: 503, retryAfter: '1' });
    const stream = new ReadableStream({ start: (c) => c.close() });
    const res = await resendRefused(f, noSleep)('http://stack/x', { method: 'POST', body: stream });
    expect(res.status).toBe(503);
    expect(seen).toHaveLength(1);
  });

  it('stops resending once the caller aborted', async () => {
    const { f, seen } = scripted({ status: 503, retryAfter: '1' });
    const abort = new AbortController();
    const send = resendRefused(f, { sleep: async () => abort.abort(), random: () => 0 });
    const res = await send('http://stack/x', { method: 'GET', signal: abort.signal });
    expect(res.status).toBe(503);
    expect(seen).toHaveLength(2);
  });
});
