import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { fetchWithCause } from './fetch-with-cause';

it("names undici's cause of a lost request in the message", async () => {
  // A server that cuts every connection without answering.
  const server = http.createServer((req) => req.socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await expect(fetchWithCause(url, { method: 'POST', body: '{}' })).rejects.toThrow(/^fetch failed \((UND_ERR_SOCKET|ECONNRESET)\)$/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

it('passes answers through, errors and all', async () => {
  const server = http.createServer((_req, res) => res.writeHead(503, { 'retry-after': '1' }).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetchWithCause(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(res.status).toBe(503);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
