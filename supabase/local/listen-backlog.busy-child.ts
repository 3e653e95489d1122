/**
 * Child process of listen-backlog.test.ts: an HTTP server listening as the stack does, whose only
 * thread is then held busy (as PGlite's queue holds the stack's) until the parent creates a file.
 * Usage: node --import tsx listen-backlog.busy-child.ts <release-file> <backlog|node-default>
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenWithBacklog } from './listen-backlog.ts';

const [releaseFile, mode] = process.argv.slice(2);
if (!releaseFile || (mode !== 'backlog' && mode !== 'node-default')) throw new Error('usage: <release-file> <backlog|node-default>');

const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
if (mode === 'backlog') await listenWithBacklog(server, 0, '127.0.0.1');
else await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
// Pipes to the parent are written synchronously on Linux: the port is out before the thread blocks.
process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
// Busy, as the stack's thread is while PGlite drains its queue; it also ends if the test process
// is gone (this process was handed to another parent), so a crashed test leaves no spinning child.
const parent = process.ppid;
while (!existsSync(releaseFile)) {
  if (process.ppid !== parent) process.exit(1);
}
