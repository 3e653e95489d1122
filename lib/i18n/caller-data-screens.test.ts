import { describe, expect, it } from 'vitest';
import { CALLER_DATA_SCREENS } from '@/lib/domain/caller-access-query';
import { CALLER_DATA_SCREEN_LABELS, callerDataScreenKey } from './caller-data-screens';
import { en } from './dictionaries/en';
import { id } from './dictionaries/id';

describe('caller-data screen labels', () => {
  it('give every screen of the enum words in both languages, none a raw value', () => {
    expect(Object.keys(CALLER_DATA_SCREEN_LABELS).sort()).toEqual([...CALLER_DATA_SCREENS].sort());
    for (const screen of CALLER_DATA_SCREENS) {
      const key = CALLER_DATA_SCREEN_LABELS[screen];
      expect(id[key], screen).not.toMatch(/_/);
      expect(en[key], screen).not.toMatch(/_/);
    }
  });

  it('read a value of untyped JSON, and nothing for an unknown one', () => {
    expect(callerDataScreenKey('data_subject_export')).toBe('access.screen.data_subject_export');
    expect(callerDataScreenKey('toString')).toBeNull();
    expect(callerDataScreenKey('')).toBeNull();
  });
});
