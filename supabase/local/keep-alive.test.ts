/**
 * The request that reaches an idle keep-alive connection while the event loop is busy (as PGlite's
 * queue keeps it) is answered, not reset; idle connections are still closed. The loop is held busy
 * with a synchronous wait inside a socket callback, past the server's own idle timer (read from the
 * socket), so the timer is due before the server polls the socket again.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { keepAliveWithoutDrops } from './keep-alive';

const REQUEST = 'POST /rpc HTTP/1.1\r\nhost: stack\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}';
const KEEP_ALIVE_MS = 200;

type Outcome = { kind: 'answered'; statusLine: string } | { kind: 'reset'; code: string } | { kind: 'closed' };

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server that answers every request; `idleTimerMs` resolves with the socket timeout Node armed after the first answer. */
async function startServer(guarded: boolean): Promise<{ port: number; idleTimerMs: Promise<number> }> {
  let armed!: (ms: number) => void;
  const idleTimerMs = new Promise<number>((resolve) => (armed = resolve));
  const s = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.once('finish', () => setImmediate(() => armed(req.socket.timeout ?? 0)));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  if (guarded) keepAliveWithoutDrops(s, KEEP_ALIVE_MS);
  else s.keepAliveTimeout = KEEP_ALIVE_MS;
  server = s;
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { port: (s.address() as AddressInfo).port, idleTimerMs };
}

/** First request answered; the second is written on the same connection and the loop held busy past the idle timer. */
async function secondRequestDuringBusyLoop(port: number, idleTimerMs: Promise<number>): Promise<Outcome> {
  const socket = net.connect(port, '127.0.0.1');
  const timerMs = new Promise<number>((resolve) => void idleTimerMs.then(resolve));
  return new Promise<Outcome>((resolve) => {
    let answers = 0;
    socket.on('error', (err: NodeJS.ErrnoException) => resolve({ kind: 'reset', code: err.code ?? err.message }));
    socket.on('close', () => resolve({ kind: 'closed' }));
    socket.on('data', (chunk: Buffer) => {
      answers++;
      if (answers === 2) {
        resolve({ kind: 'answered', statusLine: chunk.toString('latin1').split('\r\n')[0] });
        socket.destroy();
        return;
      }
      void timerMs.then((ms) => {
        expect(ms).toBeGreaterThan(0);
        // Inside a socket callback: the request goes to the kernel now, the server reads it only
        // at its next poll, and its idle timer becomes due while this thread is busy.
        socket.write(REQUEST);
        const until = performance.now() + ms + 300;
        while (performance.now() < until) {
          // hold the event loop, as a long PGlite turn does
        }
      });
    });
    socket.write(REQUEST);
  });
}

describe('keep-alive under a busy event loop', () => {
  it("Node's own idle close resets the request that arrived meanwhile (the failure of #19)", async () => {
    const { port, idleTimerMs } = await startServer(false);
    const outcome = await secondRequestDuringBusyLoop(port, idleTimerMs);
    expect(outcome.kind).not.toBe('answered');
  });

  it('answers the request that arrived while the loop was busy past the idle timer', async () => {
    const { port, idleTimerMs } = await startServer(true);
    expect(await secondRequestDuringBusyLoop(port, idleTimerMs)).toEqual({ kind: 'answered', statusLine: 'HTTP/1.1 200 OK' });
  });

  it('still closes a connection that stays idle', async () => {
    const { port } = await startServer(true);
    const socket = net.connect(port, '127.0.0.1');
    const ended = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
      socket.on('close', () => resolve(text));
    });
    socket.write(REQUEST);
    expect((await ended).split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
  });
});
