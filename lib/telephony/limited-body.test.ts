import { describe, expect, it } from 'vitest';
import { readLimitedBody } from './limited-body';

function streamed(parts: string[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });
  return new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readLimitedBody', () => {
  it('reads a body within the limit', async () => {
    expect(await readLimitedBody(new Request('http://x/', { method: 'POST', body: 'hello' }), 5)).toEqual({ ok: true, text: 'hello' });
  });
  it('refuses a declared length over the limit without reading', async () => {
    const request = new Request('http://x/', { method: 'POST', body: 'x', headers: { 'content-length': '999999' } });
    expect(await readLimitedBody(request, 16)).toEqual({ ok: false });
  });
  it('stops a body without declared length as soon as it passes the limit', async () => {
    expect(await readLimitedBody(streamed(['12345', '67890', 'x']), 10)).toEqual({ ok: false });
    expect(await readLimitedBody(streamed(['12345', '67890']), 10)).toEqual({ ok: true, text: '1234567890' });
  });
});
