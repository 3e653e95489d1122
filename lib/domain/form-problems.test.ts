import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstProblem, optionalText, problemKey, problemsByField, requiredText } from './form-problems';

describe('requiredText', () => {
  const schema = requiredText(5);
  it('trims and accepts up to the limit', () => {
    expect(schema.parse('  abcde  ')).toBe('abcde');
  });
  it('refuses blank text as required and longer text as too long', () => {
    expect(firstProblem(schema.safeParse('   ').error!.issues)).toBe('required');
    expect(firstProblem(schema.safeParse('abcdef').error!.issues)).toBe('too_long');
  });
});

describe('optionalText', () => {
  it('turns blank into null and refuses past the limit with the given problem', () => {
    expect(optionalText(3).parse('  ')).toBeNull();
    expect(optionalText(3).parse(' abc ')).toBe('abc');
    expect(firstProblem(optionalText(3).safeParse('abcd').error!.issues)).toBe('too_long');
    expect(firstProblem(optionalText(3, 'caller_name').safeParse('abcd').error!.issues)).toBe('caller_name');
  });
});

describe('problemsByField', () => {
  const schema = z.object({ a: requiredText(2), b: requiredText(2), c: z.number() });
  it('keeps the first problem per named field and calls zod\'s own issues invalid', () => {
    const issues = schema.safeParse({ a: '', b: 'xyz', c: 'not a number' }).error!.issues;
    expect(problemsByField(issues, ['a', 'b', 'c'])).toEqual({ a: 'required', b: 'too_long', c: 'invalid' });
    expect(problemsByField(issues, ['a'])).toEqual({ a: 'required' });
  });
});

describe('problemKey', () => {
  it('names the dictionary message', () => {
    expect(problemKey('out_of_area')).toBe('operator.problem.out_of_area');
  });
});
