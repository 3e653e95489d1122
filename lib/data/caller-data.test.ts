import { describe, expect, it } from 'vitest';
import { CALLER_DATA_MAX_CALLS, callerDataBatches } from './caller-data';

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `call-${from + i}`);

describe('callerDataBatches', () => {
  it('asks nothing for no calls', () => {
    expect(callerDataBatches([])).toEqual([]);
  });

  it('asks once per call, however often a call is listed', () => {
    expect(callerDataBatches(['a', 'b', 'a', 'b', 'c'])).toEqual([['a', 'b', 'c']]);
  });

  it('keeps each request within the database bound', () => {
    const batches = callerDataBatches(ids(2 * CALLER_DATA_MAX_CALLS + 1));
    expect(batches.map((b) => b.length)).toEqual([CALLER_DATA_MAX_CALLS, CALLER_DATA_MAX_CALLS, 1]);
    expect(batches.flat()).toEqual(ids(2 * CALLER_DATA_MAX_CALLS + 1));
  });

  it('fills a request exactly at the bound', () => {
    expect(callerDataBatches(ids(CALLER_DATA_MAX_CALLS))).toHaveLength(1);
  });
});
