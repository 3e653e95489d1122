import { describe, expect, it } from 'vitest';
import { decodeBinary, decodeText, encodeBroadcast, encodeText, ProtocolError } from './protocol.ts';

/** A user broadcast push exactly as realtime-js 2.x builds it. */
function userBroadcastPush(joinRef: string, ref: string, topic: string, event: string, json: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(json));
  const head = [3, joinRef.length, ref.length, topic.length, event.length, 0, 1];
  return Buffer.concat([Buffer.from(head), Buffer.from(joinRef + ref + topic + event, 'latin1'), body]);
}

describe('phoenix serializers', () => {
  it('reads 2.0.0 arrays and 1.0.0 objects', () => {
    expect(decodeText('2.0.0', '["1","2","realtime:a","phx_join",{"x":1}]')).toEqual({
      joinRef: '1',
      ref: '2',
      topic: 'realtime:a',
      event: 'phx_join',
      payload: { x: 1 },
    });
    expect(decodeText('1.0.0', '{"topic":"phoenix","event":"heartbeat","payload":{},"ref":"7"}')).toMatchObject({
      ref: '7',
      joinRef: null,
      topic: 'phoenix',
    });
    for (const bad of ['nope', '[1,2,3]', '{"topic":1}', '[null,null,"t","e",[]]']) {
      expect(() => decodeText('2.0.0', bad)).toThrow(ProtocolError);
    }
    expect(() => decodeText('1.0.0', '[null,null,"t","e",{}]')).toThrow(ProtocolError);
  });

  it('writes replies in each serializer shape', () => {
    expect(JSON.parse(encodeText('2.0.0', '1', '2', 't', 'phx_reply', { status: 'ok' }))).toEqual(['1', '2', 't', 'phx_reply', { status: 'ok' }]);
    expect(JSON.parse(encodeText('1.0.0', '1', '2', 't', 'phx_reply', {}))).toEqual({ topic: 't', event: 'phx_reply', payload: {}, ref: '2', join_ref: '1' });
  });

  it('decodes binary user broadcasts and re-encodes them for each receiver', () => {
    const { frame, broadcast } = decodeBinary(userBroadcastPush('3', '4', 'realtime:room', 'cursor', { x: 1 }));
    expect(frame).toMatchObject({ joinRef: '3', ref: '4', topic: 'realtime:room', event: 'broadcast' });
    expect(broadcast).toEqual({ event: 'cursor', payload: { kind: 'json', value: { x: 1 } } });
    const v2 = encodeBroadcast('2.0.0', 'realtime:room', broadcast) as Buffer;
    expect([...v2.subarray(0, 5)]).toEqual([4, 13, 6, 0, 1]);
    expect(JSON.parse(v2.subarray(5 + 13 + 6).toString())).toEqual({ x: 1 });
    expect(JSON.parse(encodeBroadcast('1.0.0', 'realtime:room', broadcast) as string).payload).toEqual({
      type: 'broadcast',
      event: 'cursor',
      payload: { x: 1 },
    });
    const binary = { event: 'raw', payload: { kind: 'binary' as const, bytes: Buffer.from([1, 2]) } };
    expect(encodeBroadcast('1.0.0', 't', binary)).toBeUndefined();
    expect(() => decodeBinary(Buffer.from([3, 9, 9, 9, 9, 0, 1]))).toThrow(ProtocolError);
  });
});
