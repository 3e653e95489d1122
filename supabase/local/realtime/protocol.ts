/**
 * Phoenix wire formats as supabase/realtime speaks them: serializer 1.0.0 (JSON objects),
 * 2.0.0 (JSON arrays, plus binary user-broadcast frames from and to realtime-js).
 */
export type Vsn = '1.0.0' | '2.0.0';

export interface InboundFrame {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

/** A broadcast as it travels between clients: JSON, or the raw bytes of a binary user payload. */
export interface BroadcastMessage {
  event: string;
  payload: { kind: 'json'; value: unknown } | { kind: 'binary'; bytes: Buffer };
}

export class ProtocolError extends Error {}

const KIND_USER_BROADCAST_PUSH = 3;
const KIND_USER_BROADCAST = 4;

function asRef(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  throw new ProtocolError('ref must be a string');
}

function checkFrame(joinRef: unknown, ref: unknown, topic: unknown, event: unknown, payload: unknown): InboundFrame {
  if (typeof topic !== 'string' || typeof event !== 'string') throw new ProtocolError('topic and event must be strings');
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new ProtocolError('payload must be an object');
  return { joinRef: asRef(joinRef), ref: asRef(ref), topic, event, payload: payload as Record<string, unknown> };
}

export function decodeText(vsn: Vsn, text: string): InboundFrame {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ProtocolError('frame is not JSON');
  }
  if (vsn === '2.0.0') {
    if (!Array.isArray(parsed) || parsed.length < 5) throw new ProtocolError('expected a V2 array');
    const [joinRef, ref, topic, event, payload] = parsed as unknown[];
    return checkFrame(joinRef, ref, topic, event, payload);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ProtocolError('expected a V1 object');
  const m = parsed as Record<string, unknown>;
  return checkFrame(m.join_ref, m.ref, m.topic, m.event, m.payload);
}

/** Binary frames exist only in 2.0.0; realtime-js sends user broadcasts this way. */
export function decodeBinary(buf: Buffer): { frame: InboundFrame; broadcast: BroadcastMessage } {
  if (buf.length < 7 || buf[0] !== KIND_USER_BROADCAST_PUSH) throw new ProtocolError('unsupported binary frame');
  const [joinRefLen, refLen, topicLen, eventLen, metaLen, encoding] = [buf[1], buf[2], buf[3], buf[4], buf[5], buf[6]];
  let offset = 7;
  const take = (n: number) => {
    if (offset + n > buf.length) throw new ProtocolError('truncated binary frame');
    const s = buf.subarray(offset, offset + n).toString('utf8');
    offset += n;
    return s;
  };
  const joinRef = take(joinRefLen);
  const ref = take(refLen);
  const topic = take(topicLen);
  const event = take(eventLen);
  take(metaLen);
  const body = buf.subarray(offset);
  let payload: BroadcastMessage['payload'];
  if (encoding === 1) {
    try {
      payload = { kind: 'json', value: JSON.parse(body.toString('utf8')) };
    } catch {
      throw new ProtocolError('broadcast payload is not JSON');
    }
  } else {
    payload = { kind: 'binary', bytes: Buffer.from(body) };
  }
  return {
    frame: { joinRef: joinRef || null, ref: ref || null, topic, event: 'broadcast', payload: { type: 'broadcast', event } },
    broadcast: { event, payload },
  };
}

export function encodeText(vsn: Vsn, joinRef: string | null, ref: string | null, topic: string, event: string, payload: unknown): string {
  if (vsn === '2.0.0') return JSON.stringify([joinRef, ref, topic, event, payload]);
  return JSON.stringify({ topic, event, payload, ref, join_ref: joinRef });
}

/** Same as encodeText, around a payload already serialised (fan-out encodes a change once). */
export function encodeTextRaw(vsn: Vsn, topic: string, event: string, payloadJson: string): string {
  if (vsn === '2.0.0') return `[null,null,${JSON.stringify(topic)},${JSON.stringify(event)},${payloadJson}]`;
  return `{"topic":${JSON.stringify(topic)},"event":${JSON.stringify(event)},"payload":${payloadJson},"ref":null,"join_ref":null}`;
}

/** A broadcast for one receiver, or undefined when its serializer cannot carry it (binary to 1.0.0). */
export function encodeBroadcast(vsn: Vsn, topic: string, msg: BroadcastMessage): string | Buffer | undefined {
  if (vsn === '1.0.0' || msg.payload.kind === 'json') {
    if (msg.payload.kind === 'binary') return undefined;
    if (vsn === '1.0.0') return encodeText(vsn, null, null, topic, 'broadcast', { type: 'broadcast', event: msg.event, payload: msg.payload.value });
    return encodeUserBroadcast(topic, msg.event, 1, Buffer.from(JSON.stringify(msg.payload.value ?? {}), 'utf8'));
  }
  return encodeUserBroadcast(topic, msg.event, 0, msg.payload.bytes);
}

function encodeUserBroadcast(topic: string, event: string, encoding: 0 | 1, body: Buffer): Buffer {
  const t = Buffer.from(topic, 'utf8');
  const e = Buffer.from(event, 'utf8');
  if (t.length > 255 || e.length > 255) throw new ProtocolError('topic or event longer than 255 bytes');
  const header = Buffer.from([KIND_USER_BROADCAST, t.length, e.length, 0, encoding]);
  return Buffer.concat([header, t, e, body]);
}
