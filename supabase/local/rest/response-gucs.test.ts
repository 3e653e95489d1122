import { describe, expect, it } from 'vitest';
import { RestError } from './errors.ts';
import { responseOverride } from './response-gucs.ts';

const row = (status: string | null, headers: string | null) => ({ status, headers, inserted: null });

describe('response.status and response.headers', () => {
  it('reads a status and single-key header objects', () => {
    expect(responseOverride(row('202', '[{"X-Queue": "dispatch"}, {"Cache-Control": "no-store"}]'))).toEqual({
      status: 202,
      headers: { 'x-queue': 'dispatch', 'cache-control': 'no-store' },
    });
    expect(responseOverride(row(null, null))).toEqual({ status: undefined, headers: {} });
  });

  it('refuses malformed settings as PostgREST does (PGRST112, PGRST111)', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return err instanceof RestError ? err.code : 'other';
      }
      return 'none';
    };
    expect(code(() => responseOverride(row('abc', null)))).toBe('PGRST112');
    expect(code(() => responseOverride(row('700', null)))).toBe('PGRST112');
    expect(code(() => responseOverride(row(null, '{"a": "b"}')))).toBe('PGRST111');
    expect(code(() => responseOverride(row(null, '[{"a": "b", "c": "d"}]')))).toBe('PGRST111');
    expect(code(() => responseOverride(row(null, '[{"a": 1}]')))).toBe('PGRST111');
    expect(code(() => responseOverride(row(null, '[{"bad name": "x"}]')))).toBe('PGRST111');
    expect(code(() => responseOverride(row(null, '[{"x": "a\\r\\nb"}]')))).toBe('PGRST111');
  });
});
