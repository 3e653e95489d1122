import { describe, expect, it } from 'vitest';
import { newCallKey } from './call-key';

describe('newCallKey', () => {
  it('makes version 4 UUIDs the database accepts, different each time', () => {
    const a = newCallKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newCallKey()).not.toBe(a);
    expect(newCallKey((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
