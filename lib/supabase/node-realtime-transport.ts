/**
 * The websocket that supabase-js's realtime client gets on the server (the admin, server and proxy
 * clients). Node 20 has no global WebSocket, and supabase-js builds its realtime client as soon as a
 * client is made, so a transport is needed even where nothing subscribes. `ws` does the work; this
 * class gives it the face realtime-js declares for a transport (`WebSocketLike`, the browser's
 * WebSocket): ws calls its handlers with ws's own event objects, so each is passed on as the DOM
 * event realtime-js is typed for. Node 20 has global `Event` and `MessageEvent`, not `CloseEvent`.
 */
import WebSocket from 'ws';
import type { WebSocketLike } from '@supabase/supabase-js';

type Handler<E extends Event> = ((this: unknown, ev: E) => unknown) | null;

const BINARY_TYPES: readonly string[] = ['nodebuffer', 'arraybuffer', 'fragments'] satisfies WebSocket['binaryType'][];

function isBinaryType(value: string): value is WebSocket['binaryType'] {
  return BINARY_TYPES.includes(value);
}

export class NodeRealtimeTransport extends EventTarget implements WebSocketLike {
  readonly CONNECTING = WebSocket.CONNECTING;
  readonly OPEN = WebSocket.OPEN;
  readonly CLOSING = WebSocket.CLOSING;
  readonly CLOSED = WebSocket.CLOSED;
  onopen: Handler<Event> = null;
  onmessage: Handler<MessageEvent> = null;
  onclose: Handler<CloseEvent> = null;
  onerror: Handler<Event> = null;
  /** Protected so that a test can cut the connection as a network failure would (`terminate()`). */
  protected readonly socket: WebSocket;

  constructor(address: string | URL, protocols?: string | string[]) {
    super();
    this.socket = new WebSocket(address, protocols);
    this.socket.onopen = () => this.deliver(new Event('open'), this.onopen);
    this.socket.onmessage = (e) => this.deliver(new MessageEvent('message', { data: e.data }), this.onmessage);
    this.socket.onclose = (e) =>
      this.deliver(Object.assign(new Event('close'), { code: e.code, reason: e.reason, wasClean: e.wasClean }), this.onclose);
    this.socket.onerror = (e) => this.deliver(Object.assign(new Event('error'), { error: e.error, message: e.message }), this.onerror);
  }

  private deliver<E extends Event>(event: E, handler: Handler<E>) {
    handler?.call(this, event);
    this.dispatchEvent(event);
  }

  get readyState(): number {
    return this.socket.readyState;
  }

  get url(): string {
    return this.socket.url;
  }

  get protocol(): string {
    return this.socket.protocol;
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  get extensions(): string {
    return this.socket.extensions;
  }

  get binaryType(): string {
    return this.socket.binaryType;
  }

  /** realtime-js asks for `arraybuffer`; a browser-only `blob` has no ws equivalent and is refused. */
  set binaryType(value: string) {
    if (!isBinaryType(value)) throw new TypeError(`binaryType "${value}" is not supported by ws`);
    this.socket.binaryType = value;
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    this.socket.send(data);
  }
}
