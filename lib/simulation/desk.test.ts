import { describe, expect, it } from 'vitest';
import { Desk } from './desk';

describe('Desk', () => {
  it('gives work to free people first come, and queued work to whoever is free next', () => {
    const desk = new Desk<string, number>(['ani', 'budi']);
    expect(desk.offer(1)).toBe('ani');
    expect(desk.offer(2)).toBe('budi');
    expect(desk.offer(3)).toBeNull();
    expect(desk.offer(4)).toBeNull();
    expect(desk.waitingCount).toBe(2);
    expect(desk.release('budi')).toBe(3);
    expect(desk.withdraw(4)).toBe(true);
    expect(desk.withdraw(4)).toBe(false);
    expect(desk.release('ani')).toBeNull();
    expect(desk.freeCount).toBe(1);
    expect(desk.takeFree()).toBe('ani');
    expect(desk.takeFree()).toBeNull();
  });
});
