import { describe, expect, it } from 'vitest';
import { Outbox, type OutboxLog, type WebhookAnswer } from './outbox';

/** A webhook that answers from a script, one answer per call of send, and records what it got. */
function scripted(answers: Array<WebhookAnswer | Error>) {
  const sent: string[] = [];
  const send = async (body: string) => {
    sent.push(body);
    const next = answers.shift() ?? { status: 200, text: '{}' };
    if (next instanceof Error) throw next;
    return next;
  };
  return { sent, send };
}

function outbox(send: (body: string) => Promise<WebhookAnswer>, extra: Partial<ConstructorParameters<typeof Outbox>[0]> = {}) {
  const logs: OutboxLog[] = [];
  const sleeps: number[] = [];
  let clock = 0;
  const box = new Outbox({
    send,
    log: (entry) => logs.push(entry),
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 1,
    ...extra,
  });
  return { box, logs, sleeps };
}

const ev = (eventId: string, callId = 'c1') => ({ eventId, callId, body: `{"event_id":"${eventId}"}` });

describe('Outbox', () => {
  it('retries 5xx answers and network failures with the same body and doubling pauses, then stops at the first 2xx', async () => {
    const hook = scripted([{ status: 503, text: '' }, new Error('ECONNREFUSED'), { status: 502, text: '' }, { status: 200, text: '{}' }]);
    const { box, logs, sleeps } = outbox(hook.send);
    expect(box.offer(ev('e1'))).toBe('queued');
    await box.drain();
    expect(hook.sent).toEqual(Array(4).fill('{"event_id":"e1"}'));
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(logs.at(-1)).toEqual({ msg: 'delivered', eventId: 'e1', callId: 'c1', status: 200, attempts: 4 });
    expect(box.pending).toBe(0);
  });

  it('caps the pause and spreads it with jitter', async () => {
    const hook = scripted(Array.from({ length: 8 }, () => ({ status: 500, text: '' })));
    const { box, sleeps } = outbox(hook.send, { random: () => 0, maxRetryMs: 4000 });
    box.offer(ev('e1'));
    await box.drain();
    expect(sleeps).toEqual([250, 500, 1000, 2000, 2000, 2000, 2000, 2000]);
  });

  it('does not retry a 4xx answer: the request itself is wrong', async () => {
    for (const status of [400, 401, 409, 413]) {
      const hook = scripted([{ status, text: '{"error":"x"}' }]);
      const { box, logs } = outbox(hook.send);
      box.offer(ev('e1'));
      await box.drain();
      expect(hook.sent).toHaveLength(1);
      expect(logs).toEqual([{ msg: 'refused', eventId: 'e1', callId: 'c1', status, answer: '{"error":"x"}' }]);
    }
  });

  it('gives up after the configured time and goes on with the next event of the call', async () => {
    const hook = scripted(Array.from({ length: 50 }, () => new Error('down')));
    const { box, logs } = outbox(hook.send, { giveUpAfterMs: 10_000 });
    box.offer(ev('e1'));
    await box.drain();
    expect(logs.at(-1)).toMatchObject({ msg: 'gave_up', eventId: 'e1', reason: 'down' });
    // 500 + 1000 + 2000 + 4000 + 8000 ms passed before the attempt that found the time was up.
    expect(hook.sent).toHaveLength(6);
  });

  it('drops an event id it has already queued or sent', async () => {
    const hook = scripted([]);
    const { box } = outbox(hook.send);
    expect(box.offer(ev('e1'))).toBe('queued');
    expect(box.offer(ev('e1'))).toBe('duplicate');
    await box.drain();
    expect(box.offer(ev('e1'))).toBe('duplicate');
    expect(hook.sent).toHaveLength(1);
  });

  it('forgets the oldest ids past its memory bound', async () => {
    const hook = scripted([]);
    const { box } = outbox(hook.send, { rememberIds: 2 });
    box.offer(ev('e1'));
    box.offer(ev('e2'));
    box.offer(ev('e3'));
    await box.drain();
    expect(box.offer(ev('e3'))).toBe('duplicate');
    expect(box.offer(ev('e1'))).toBe('queued');
  });

  it('keeps the order within a call while one event is retried, and does not hold back other calls', async () => {
    const order: string[] = [];
    let failFirst = 2;
    const send = async (body: string) => {
      order.push(body);
      if (body.includes('ring-1') && failFirst-- > 0) return { status: 503, text: '' };
      return { status: 200, text: '{}' };
    };
    const gates: Array<() => void> = [];
    const { box } = outbox(send, { sleep: () => new Promise<void>((resolve) => gates.push(resolve)) });
    box.offer(ev('ring-1', 'call-1'));
    box.offer(ev('answer-1', 'call-1'));
    box.offer(ev('ring-2', 'call-2'));
    const done = box.drain();
    // Let the retry pauses pass one by one.
    while (order.filter((b) => b.includes('ring-1')).length < 3) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gates.shift()?.();
    }
    await done;
    expect(order.indexOf('{"event_id":"ring-2"}')).toBe(1);
    expect(order.filter((b) => b.includes('-1'))).toEqual([
      '{"event_id":"ring-1"}',
      '{"event_id":"ring-1"}',
      '{"event_id":"ring-1"}',
      '{"event_id":"answer-1"}',
    ]);
  });

  it('refuses new events when the queue is full', async () => {
    let release: () => void = () => undefined;
    const send = () => new Promise<WebhookAnswer>((resolve) => (release = () => resolve({ status: 200, text: '' })));
    const { box } = outbox(send, { maxPending: 2 });
    expect(box.offer(ev('e1', 'a'))).toBe('queued');
    expect(box.offer(ev('e2', 'a'))).toBe('queued');
    expect(box.offer(ev('e3', 'b'))).toBe('full');
    expect(box.pending).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await box.drain();
    expect(box.pending).toBe(0);
    expect(box.offer(ev('e3', 'b'))).toBe('queued');
  });
});
