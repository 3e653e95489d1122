import { describe, expect, it } from 'vitest';
import { eachOnce } from './value-lists';

type Light = 'red' | 'amber' | 'green';
const lights = eachOnce<Light>();

describe('eachOnce', () => {
  it('returns a complete list unchanged, in its own order', () => {
    expect(lights(['green', 'amber', 'red'])).toEqual(['green', 'amber', 'red']);
    const stop = ['red'] as const;
    expect(lights([...stop, 'amber', 'green'])).toEqual(['red', 'amber', 'green']);
  });

  // The type checker is what tests these (npx tsc --noEmit covers test files): each expected-error
  // directive below fails the build if its line ever compiles.
  it('does not compile for a missing, repeated, foreign or untyped list', () => {
    // @ts-expect-error 'green' is missing
    expect(lights(['red', 'amber'])).toHaveLength(2);
    // @ts-expect-error 'red' is listed twice
    expect(lights(['red', 'amber', 'green', 'red'])).toHaveLength(4);
    // @ts-expect-error 'blue' is not a Light
    expect(lights(['red', 'amber', 'green', 'blue'])).toHaveLength(4);
    const wide: readonly Light[] = ['red'];
    // @ts-expect-error a plain array says nothing about which values it holds
    expect(lights(wide)).toHaveLength(1);
  });
});
