import { describe, expect, it } from 'vitest';
import { commandForKey, type KeyInput } from './console-keys';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  inTextField: false,
  ...extra,
});

describe('commandForKey', () => {
  it('classifies with one key outside text fields, in either case', () => {
    expect(commandForKey(key('p'))).toEqual({ kind: 'classify', callType: 'prank' });
    expect(commandForKey(key('G'))).toEqual({ kind: 'classify', callType: 'ghost' });
    expect(commandForKey(key('i'))).toEqual({ kind: 'classify', callType: 'info' });
    expect(commandForKey(key('d'))).toEqual({ kind: 'classify', callType: 'emergency' });
    expect(commandForKey(key('n'))).toEqual({ kind: 'new_call' });
    expect(commandForKey(key('L'))).toEqual({ kind: 'link_major' });
    expect(commandForKey(key('x'))).toBeNull();
    // Digits are a phone number typed before focusing its field, never a command.
    for (const digit of '0123456789') expect(commandForKey(key(digit))).toBeNull();
  });

  it('never fires while typing, unless Alt is held; leaves Ctrl/Meta shortcuts alone', () => {
    expect(commandForKey(key('p', { inTextField: true }))).toBeNull();
    expect(commandForKey(key('p', { inTextField: true, altKey: true }))).toEqual({ kind: 'classify', callType: 'prank' });
    expect(commandForKey(key('l', { inTextField: true }))).toBeNull();
    expect(commandForKey(key('l', { inTextField: true, altKey: true }))).toEqual({ kind: 'link_major' });
    expect(commandForKey(key('p', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('n', { metaKey: true }))).toBeNull();
  });
});
