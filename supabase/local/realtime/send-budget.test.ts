import { describe, expect, it } from 'vitest';
import { byteLimit, createSendBudget, type SendBudgetOptions } from './send-budget.ts';

/** Sockets as the budget sees them: bytes held, and whether they were closed. */
function fakeSockets(held: number[]) {
  const sockets = held.map((bytes, id) => ({ id, bytes, closed: false }));
  const open = () => sockets.filter((s) => !s.closed);
  return { sockets, open };
}

function budgetOver(held: number[], opts: SendBudgetOptions) {
  const f = fakeSockets(held);
  const budget = createSendBudget(
    opts,
    f.open,
    (s) => (s.closed ? 0 : s.bytes),
    (s) => {
      s.closed = true;
    },
  );
  return { ...f, budget };
}

describe('send budget', () => {
  it('closes a socket holding more than its own limit, and only that one', () => {
    const { sockets, budget } = budgetOver([10, 200, 30], { perSocketBytes: 100, totalBytes: 10_000 });
    expect(sockets.map((s) => budget.admit(s))).toEqual([true, false, true]);
    expect(sockets.map((s) => s.closed)).toEqual([false, true, false]);
    expect(budget.stats().socketClosures).toBe(1);
  });

  it('past the total, closes the slowest sockets first until under the low-water mark', () => {
    const { sockets, budget } = budgetOver([300, 100, 500, 50, 400], {
      perSocketBytes: 1_000,
      totalBytes: 1_000,
      lowWaterBytes: 600,
      checkStepBytes: 1,
    });
    // The 1,350 bytes held were sent through the budget; closing 500 leaves 850, closing 400 leaves 450 <= 600.
    budget.sent(1_350);
    expect(sockets.filter((s) => s.closed).map((s) => s.id)).toEqual([2, 4]);
    expect(budget.stats()).toMatchObject({ totalClosures: 2, measuredBytes: 450, measurements: 1 });
  });

  it('closes nothing while the total stays within the budget', () => {
    const { sockets, budget } = budgetOver([300, 300, 300], { perSocketBytes: 1_000, totalBytes: 1_000, checkStepBytes: 1 });
    for (let i = 0; i < 5; i++) budget.sent(500);
    expect(sockets.some((s) => s.closed)).toBe(false);
    expect(budget.stats().measuredBytes).toBe(900);
  });

  it('measures only when the estimate passes the budget, at most once per step', () => {
    const { budget } = budgetOver([0, 0], { perSocketBytes: 1_000, totalBytes: 1_000, checkStepBytes: 100 });
    for (let i = 0; i < 10; i++) budget.sent(99);
    expect(budget.stats().measurements).toBe(0);
    budget.sent(200);
    expect(budget.stats().measurements).toBe(1);
    // Just measured (the sockets wrote everything): the next measurement waits for the estimate.
    budget.sent(50);
    expect(budget.stats().measurements).toBe(1);
  });

  it('grows with every socket added: many sockets under their own limit still meet the total', () => {
    const held = Array.from({ length: 5_000 }, () => 90);
    const { sockets, budget } = budgetOver(held, { perSocketBytes: 100, totalBytes: 100_000, checkStepBytes: 1 });
    expect(sockets.every((s) => budget.admit(s))).toBe(true);
    budget.sent(450_000);
    const closed = sockets.filter((s) => s.closed).length;
    // 450,000 held, low water 75,000: 4,167 sockets of 90 bytes have to go.
    expect(closed).toBe(4_167);
    expect(budget.stats().measuredBytes).toBeLessThanOrEqual(75_000);
  });

  it('reads byte limits from the environment strictly', () => {
    expect(byteLimit(undefined, 7, 'X')).toBe(7);
    expect(byteLimit('', 7, 'X')).toBe(7);
    expect(byteLimit('1048576', 7, 'X')).toBe(1_048_576);
    for (const bad of ['0', '-5', '1.5', 'lots', '1e400']) expect(() => byteLimit(bad, 7, 'X'), bad).toThrow(/positive number of bytes/);
  });
});
