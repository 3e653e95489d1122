import { describe, expect, it } from 'vitest';
import { RestError, statusForSqlState, toRestError } from './errors.ts';
import { parseAccept, parsePrefer } from './prefer.ts';

describe('statusForSqlState', () => {
  it('maps SQLSTATEs as PostgREST does', () => {
    expect(statusForSqlState('42501', false)).toBe(401);
    expect(statusForSqlState('42501', true)).toBe(403);
    expect(statusForSqlState('23505', true)).toBe(409);
    expect(statusForSqlState('23503', true)).toBe(409);
    expect(statusForSqlState('23502', true)).toBe(400);
    expect(statusForSqlState('P0001', true)).toBe(400);
    expect(statusForSqlState('22P02', true)).toBe(400);
    expect(statusForSqlState('42P01', true)).toBe(404);
    expect(statusForSqlState('42883', true, 'function foo(integer) does not exist')).toBe(404);
    expect(statusForSqlState('42883', true, 'operator does not exist: text = integer')).toBe(400);
    expect(statusForSqlState('PT402', true)).toBe(402);
    expect(statusForSqlState('PTabc', true)).toBe(500);
    expect(statusForSqlState('08006', true)).toBe(503);
    expect(statusForSqlState('XX000', true)).toBe(500);
  });

  it('turns driver errors into PostgREST bodies', () => {
    const err = Object.assign(new Error('duplicate key'), { code: '23505', detail: 'Key (name)=(a) exists.' });
    expect(toRestError(err, true).body).toEqual({ code: '23505', message: 'duplicate key', details: 'Key (name)=(a) exists.', hint: null });
    expect(toRestError(new Error('boom'), true).status).toBe(500);
    const own = new RestError(406, 'PGRST116', 'x');
    expect(toRestError(own, false)).toBe(own);
  });
});

describe('Prefer and Accept', () => {
  it('reads several preferences from one header', () => {
    expect(parsePrefer('count=exact, return=representation,resolution=merge-duplicates, missing=default')).toEqual({
      return: 'representation',
      count: 'exact',
      resolution: 'merge-duplicates',
      missingDefault: true,
      rollback: false,
      tx: undefined,
      handling: undefined,
      maxAffected: undefined,
      timezone: undefined,
      invalid: [],
    });
    // As PostgREST: the first of a kind wins, unknown ones are collected, max-affected is numeric.
    const strict = parsePrefer(['handling=strict, max-affected=5', 'count=planned, count=exact, tx=rollback, frob']);
    expect(strict).toMatchObject({ handling: 'strict', maxAffected: 5, count: 'planned', rollback: true, invalid: ['frob'] });
    expect(parsePrefer('missing=null, missing=default').missingDefault).toBe(false);
    expect(parsePrefer(undefined).return).toBeUndefined();
  });

  it('recognises the single-object media type and refuses unknown ones', () => {
    expect(parseAccept('application/vnd.pgrst.object+json').single).toBe(true);
    expect(parseAccept('application/vnd.pgrst.array+json;nulls=stripped')).toEqual({ single: false, stripNulls: true });
    expect(parseAccept('*/*').single).toBe(false);
    expect(parseAccept('text/csv')).toEqual({ single: false, stripNulls: false, csv: true });
    expect(() => parseAccept('text/html')).toThrow(RestError);
  });
});
