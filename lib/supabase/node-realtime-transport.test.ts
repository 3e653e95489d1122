/** The server clients' realtime transport against a ws server on the loopback interface. */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { NodeRealtimeTransport } from './node-realtime-transport';

let server: WebSocketServer | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(): Promise<{ url: string; connection: Promise<ServerSocket> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server = wss;
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const connection = new Promise<ServerSocket>((resolve) => wss.once('connection', resolve));
  const address = wss.address();
  if (!address || typeof address === 'string') throw new Error(`unexpected address ${String(address)}`);
  return { url: `ws://127.0.0.1:${address.port}/socket`, connection };
}

function next(socket: NodeRealtimeTransport, type: string): Promise<Event> {
  return new Promise((resolve) => socket.addEventListener(type, resolve, { once: true }));
}

describe('NodeRealtimeTransport', () => {
  it('opens, carries text and binary frames both ways, and hands on the close code as a DOM event', async () => {
    const { url, connection } = await listen();
    const socket = new NodeRealtimeTransport(url, ['phoenix']);
    socket.binaryType = 'arraybuffer';
    const seen: string[] = [];
    socket.onopen = (e) => seen.push(`open:${e.type}`);
    const opened = next(socket, 'open');
    const peer = await connection;
    await opened;
    expect(seen).toEqual(['open:open']);
    expect(socket.readyState).toBe(socket.OPEN);
    expect(socket.protocol).toBe('phoenix');

    const received = new Promise<string>((resolve) => peer.once('message', (data) => resolve(String(data))));
    socket.send('["1","1","realtime:x","phx_join",{}]');
    expect(await received).toBe('["1","1","realtime:x","phx_join",{}]');

    const messages: unknown[] = [];
    socket.onmessage = (e) => messages.push(e.data);
    const text = next(socket, 'message');
    peer.send('hello');
    expect(await text).toBeInstanceOf(MessageEvent);
    const binary = next(socket, 'message');
    peer.send(Uint8Array.from([1, 2, 3]));
    await binary;
    const [first, second] = messages;
    expect(first).toBe('hello');
    if (!(second instanceof ArrayBuffer)) throw new Error(`binary frame arrived as ${typeof second}`);
    expect([...new Uint8Array(second)]).toEqual([1, 2, 3]);

    const closed = new Promise<CloseEvent>((resolve) => {
      socket.onclose = resolve;
    });
    const listened = next(socket, 'close');
    peer.close(4001, 'token expired');
    const event = await closed;
    expect([event.type, event.code, event.reason, event.wasClean]).toEqual(['close', 4001, 'token expired', true]);
    expect(await listened).toBe(event);
    expect(socket.readyState).toBe(socket.CLOSED);
  });

  it('refuses a binary type ws does not have', async () => {
    const { url, connection } = await listen();
    const socket = new NodeRealtimeTransport(url);
    expect(() => {
      socket.binaryType = 'blob';
    }).toThrow(TypeError);
    await connection;
    socket.close();
  });
});
