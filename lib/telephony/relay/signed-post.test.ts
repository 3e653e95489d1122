import { describe, expect, it } from 'vitest';
import { checkTelephonySignature } from '../signature';
import { signedPoster } from './signed-post';

describe('signedPoster', () => {
  it('signs each attempt with its own time over the exact body, which the webhook check accepts', async () => {
    const seen: Array<{ url: string; headers: Headers; body: string }> = [];
    const fakeFetch: typeof fetch = async (url, init) => {
      seen.push({ url: String(url), headers: new Headers(init?.headers), body: await new Response(init?.body).text() });
      return new Response('{"ok":true}', { status: 200 });
    };
    let clock = 1_800_000_000_500;
    const send = signedPoster({ url: 'https://dash.example/api/telephony/events', secret: 'the-shared-secret', fetch: fakeFetch, now: () => clock });
    const body = '{"event_id":"e1","caller_number":"Ã¼ \\u0000"}';
    expect(await send(body)).toEqual({ status: 200, text: '{"ok":true}' });
    clock += 3_600_000;
    await send(body);

    expect(seen.map((s) => s.headers.get('x-telephony-timestamp'))).toEqual(['1800000000', '1800003600']);
    for (const s of seen) {
      expect(s.url).toBe('https://dash.example/api/telephony/events');
      expect(s.body).toBe(body);
      expect(s.headers.get('content-type')).toBe('application/json');
      const timestamp = s.headers.get('x-telephony-timestamp');
      const check = { secret: 'the-shared-secret', timestamp, signature: s.headers.get('x-telephony-signature'), rawBody: body, nowSeconds: Number(timestamp) };
      expect(checkTelephonySignature(check)).toBe('ok');
      expect(checkTelephonySignature({ ...check, secret: 'another-secret' })).toBe('mismatch');
    }
  });

  it('lets a network failure through to the outbox, which retries it', async () => {
    const send = signedPoster({ url: 'http://127.0.0.1:9/', secret: 's', fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    await expect(send('{}')).rejects.toThrow('fetch failed');
  });
});
