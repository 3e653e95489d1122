/**
 * Closing idle keep-alive connections without dropping the request that is already on its way.
 *
 * PGlite runs in the stack's thread, and its queue of waiting queries drains in promise callbacks:
 * when many requests wait, one turn of the event loop runs query after query for seconds without
 * reading a socket. Node's keep-alive timer is checked in the timers phase, which comes after that
 * turn and before the next socket poll. A client that reused an idle connection near the end of its
 * keep-alive window (undici keeps it until 2 s before the server's `Keep-Alive: timeout=`) has its
 * request in the kernel's buffer, but Node destroys the socket first: the kernel answers the unread
 * bytes with a reset, and the client gets `fetch failed` (ECONNRESET / "other side closed") for a
 * POST it cannot safely resend. The same long turn also stamps the timer with a stale loop clock, so
 * the window was shorter than it claimed. keep-alive.test.ts shows the reset. It was not what dropped
 * requests in the disaster-day benchmark of issue #19 (that was the full accept queue,
 * listen-backlog.ts), but a longer stall or a busier client would meet it.
 *
 * The close is therefore decided after the next poll (setImmediate runs after it) and in real time:
 * a socket that received bytes meanwhile, or whose last answer is younger than the window, stays open.
 */
import type http from 'node:http';
import type { Socket } from 'node:net';

/** How long an idle keep-alive connection stays open (as behind most load balancers). */
export const KEEP_ALIVE_MS = 65_000;

/** Sets the server's keep-alive window and replaces Node's immediate close of idle sockets. */
export function keepAliveWithoutDrops(server: http.Server, keepAliveMs: number = KEEP_ALIVE_MS): void {
  server.keepAliveTimeout = keepAliveMs;
  // The header timeout must stay above the window, or a slow request would be cut before an idle one.
  server.headersTimeout = keepAliveMs + 5_000;
  const lastAnswerAt = new WeakMap<Socket, number>();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    res.once('finish', () => lastAnswerAt.set(socket, performance.now()));
  });
  // With a listener here Node no longer destroys a timed-out socket itself (http server
  // socketOnTimeout); the stack sets no other socket timeout, so this sees idle keep-alive only.
  server.on('timeout', (socket: Socket) => {
    const bytesBefore = socket.bytesRead;
    setImmediate(() => {
      if (socket.destroyed || socket.bytesRead !== bytesBefore) return;
      const idleMs = performance.now() - (lastAnswerAt.get(socket) ?? 0);
      if (idleMs >= keepAliveMs) {
        socket.destroy();
        return;
      }
      // The timer started on a stale loop clock: wait out the rest of the window in real time.
      socket.setTimeout(Math.ceil(keepAliveMs - idleMs));
    });
  });
}
