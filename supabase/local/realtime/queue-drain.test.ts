import { describe, expect, it } from 'vitest';
import { createQueueDrain } from './queue-drain';

/** A queue of `n` rows taken `batch` at a time, counting the takes. */
function fakeQueue(n: number, batch: number) {
  let left = n;
  const state = { takes: 0, concurrent: 0, maxConcurrent: 0 };
  const drainOnce = async () => {
    state.takes++;
    state.concurrent++;
    state.maxConcurrent = Math.max(state.maxConcurrent, state.concurrent);
    await new Promise((r) => setTimeout(r, 1));
    const took = Math.min(batch, left);
    left -= took;
    state.concurrent--;
    return took;
  };
  return { drainOnce, state, add: (k: number) => (left += k), left: () => left };
}

describe('createQueueDrain', () => {
  it('takes full batches until a short one', async () => {
    const q = fakeQueue(1050, 500);
    const loop = createQueueDrain({ drainOnce: q.drainOnce, batchSize: 500, onError: () => undefined });
    await loop.drain();
    expect(q.left()).toBe(0);
    expect(q.state.takes).toBe(3);
  });

  it('runs one drain at a time, and a request during it makes it go round again', async () => {
    const q = fakeQueue(10, 500);
    const loop = createQueueDrain({ drainOnce: q.drainOnce, batchSize: 500, onError: () => undefined });
    const first = loop.drain();
    q.add(5);
    const second = loop.drain();
    const third = loop.drain();
    await Promise.all([first, second, third]);
    expect(q.state.maxConcurrent).toBe(1);
    expect(q.left()).toBe(0);
    expect(q.state.takes).toBe(2);
  });

  it('reports errors while running and none once stopped; a stopped loop drains nothing', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const loop = createQueueDrain({
      drainOnce: async () => {
        if (fail) throw new Error('database gone');
        return 0;
      },
      batchSize: 10,
      onError: (e) => errors.push(e),
    });
    await loop.drain();
    expect(errors).toHaveLength(1);
    await loop.stop();
    expect(loop.stopped).toBe(true);
    await loop.drain();
    fail = false;
    expect(errors).toHaveLength(1);
  });

  it('with a minimum interval, gathers a trickle of requests after a short take into one take', async () => {
    const q = fakeQueue(1, 500);
    const loop = createQueueDrain({ drainOnce: q.drainOnce, batchSize: 500, minIntervalMs: 1_000, onError: () => undefined });
    await loop.drain();
    expect(q.state.takes).toBe(1);
    const requests: Array<Promise<void>> = [];
    for (let k = 0; k < 10; k++) {
      q.add(1);
      requests.push(loop.drain());
      await new Promise((r) => setTimeout(r, 10));
    }
    await Promise.all(requests);
    expect(q.left()).toBe(0);
    expect(q.state.takes).toBe(2);
  });

  it('never waits before the first take after a quiet spell, nor between full batches', async () => {
    const q = fakeQueue(1_200, 500);
    const loop = createQueueDrain({ drainOnce: q.drainOnce, batchSize: 500, minIntervalMs: 60_000, onError: () => undefined });
    // A wait of a minute would time the test out: the backlog (500, 500, 200) is taken at once.
    await loop.drain();
    expect(q.left()).toBe(0);
    expect(q.state.takes).toBe(3);
    await loop.stop();
  });
});
