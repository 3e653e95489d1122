import { describe, expect, it } from 'vitest';
import { mergeMetadata } from './users.ts';

describe('mergeMetadata', () => {
  it('replaces keys, removes keys set to null and leaves the rest, as supabase/auth does', () => {
    const current = { full_name: 'Siti', shift: 'pagi', prefs: { theme: 'dark' } };
    expect(mergeMetadata(current, { shift: null, prefs: { lang: 'id' }, post: 'Cilegon' })).toEqual({
      full_name: 'Siti',
      prefs: { lang: 'id' },
      post: 'Cilegon',
    });
    expect(current.shift).toBe('pagi');
  });
});
