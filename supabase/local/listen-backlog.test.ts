/**
 * While the stack's thread is busy, new connections wait in the kernel's accept queue. With Node's
 * default backlog (511) the 512th and later get no handshake at all (their SYN is dropped, and
 * undici's fetch fails after its 10 s connect timeout); with the stack's backlog every one of them
 * connects during the stall and is answered after it. The server runs in a child process whose
 * thread is held busy until this test releases it, so nothing here depends on timing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';

/** More than Node's default backlog lets wait, fewer than the stack's. */
const CLIENTS = 1000;
const somaxconn = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));

let child: ChildProcess | undefined;
let dir: string | undefined;
const sockets: net.Socket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
  child?.kill('SIGKILL');
  child = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function startBusyServer(releaseFile: string, mode: 'backlog' | 'node-default'): Promise<number> {
  const script = path.join(import.meta.dirname, 'listen-backlog.busy-child.ts');
  const proc = spawn(process.execPath, ['--import', 'tsx', script, releaseFile, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  child = proc;
  return new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    proc.once('exit', (code) => reject(new Error(`busy server exited with ${code}`)));
  });
}

/** Connects every client; resolves once all of them have a connection (the handshake is the kernel's). */
function connectAll(port: number): Promise<net.Socket[]> {
  return new Promise<net.Socket[]>((resolve, reject) => {
    let connected = 0;
    for (let i = 0; i < CLIENTS; i++) {
      const s = net.connect(port, '127.0.0.1');
      sockets.push(s);
      s.once('error', reject);
      s.once('connect', () => {
        connected++;
        if (connected === CLIENTS) resolve([...sockets]);
      });
    }
  });
}

function answer(socket: net.Socket): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (text.includes('\r\n\r\n')) resolve(text.split('\r\n')[0]);
    });
    socket.once('error', reject);
    socket.write('GET /health HTTP/1.1\r\nhost: stack\r\nconnection: close\r\n\r\n');
  });
}

it.runIf(somaxconn >= CLIENTS)(
  `${CLIENTS} connections made while the stack's thread is busy all connect, and are answered after it`,
  async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'listen-backlog-'));
    const release = path.join(dir, 'release');
    const port = await startBusyServer(release, 'backlog');
    const connected = await connectAll(port);
    expect(connected).toHaveLength(CLIENTS);
    writeFileSync(release, '');
    const statusLines = await Promise.all(connected.map(answer));
    expect(new Set(statusLines)).toEqual(new Set(['HTTP/1.1 200 OK']));
  },
  120_000,
);
