/**
 * How many connections the kernel may hold for the stack while its one thread is busy.
 *
 * A connection is accepted by the event loop, and PGlite runs in that loop: under load a turn of the
 * loop drains PGlite's queue for seconds without accepting. Node listens with a backlog of 511, and
 * once that many connections wait, Linux drops every further SYN without an answer; the client
 * retries the SYN after 1, 3, 7 s, and undici (Node's fetch, used by supabase-js on the server, the
 * simulator and Next.js) gives up after its 10 s connect timeout with `fetch failed`
 * (UND_ERR_CONNECT_TIMEOUT). At 5 calls/s with 300 screens the stack's queue held 513 connections and
 * 600 more were retrying their SYN (issue #19, bench/README.md "Knee on a quiet machine — PGlite").
 * A connection in the backlog has its handshake done: its request is read and answered when the loop
 * comes round, late but answered. Linux caps the value at net.core.somaxconn (4096 by default).
 */
import type { Server } from 'node:net';

export const LISTEN_BACKLOG = 4096;

/** `server.listen` with the stack's backlog; resolves once listening, rejects on a listen error. */
export function listenWithBacklog(server: Server, port: number, host: string, backlog: number = LISTEN_BACKLOG): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog }, resolve);
  });
}
