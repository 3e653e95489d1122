import { describe, expect, it } from 'vitest';
import { ArrivalTracker } from './arrival-tracker';

describe('ArrivalTracker', () => {
  it('learns the first snapshot silently and then reports each new id once', () => {
    const t = new ArrivalTracker();
    let notified = 0;
    t.subscribe(() => notified++);
    expect(t.observe(['a', 'b'])).toEqual([]);
    expect(t.observe(['a', 'b', 'c'])).toEqual(['c']);
    expect(t.observe(['c', 'a'])).toEqual([]);
    expect(t.observe(['d', 'e'])).toEqual(['d', 'e']);
    expect([...t.getAnnounced()]).toEqual(['c', 'd', 'e']);
    expect(notified).toBe(2);
  });
});
