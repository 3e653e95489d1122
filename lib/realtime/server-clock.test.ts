import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getServerClock,
  measureWith,
  resetServerClockForTests,
  seedServerClock,
  serverClockNowMs,
  serverNowWith,
  subscribeServerClock,
} from './server-clock';

const PC_NOW = Date.parse('2026-12-04T10:00:00Z');
const TEN_MIN = 10 * 60 * 1000;
/** The database's answer when this PC's clock is ten minutes fast. */
const dbNowIso = () => new Date(Date.now() - TEN_MIN).toISOString();

describe('the tab\'s database clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(PC_NOW);
    resetServerClockForTests();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the PC\'s clock only while nothing at all is known', () => {
    expect(getServerClock()).toEqual({ offsetMs: 0, source: 'none', measuredAtMs: null });
    expect(serverClockNowMs()).toBe(PC_NOW);
  });

  it('takes a provisional offset from the page\'s render time, which a measurement then replaces for good', async () => {
    seedServerClock(PC_NOW - TEN_MIN + 300);
    expect(getServerClock()).toMatchObject({ source: 'provisional', offsetMs: -TEN_MIN + 300 });
    await measureWith(async () => dbNowIso());
    expect(getServerClock()).toEqual({ source: 'measured', offsetMs: -TEN_MIN, measuredAtMs: PC_NOW - TEN_MIN });
    seedServerClock(PC_NOW + 5000);
    expect(getServerClock().offsetMs).toBe(-TEN_MIN);
    expect(serverClockNowMs()).toBe(PC_NOW - TEN_MIN);
  });

  it('ignores a render time that is not a number', () => {
    seedServerClock(Number.NaN);
    expect(getServerClock().source).toBe('none');
  });

  it('counts the answer as of the middle of the round trip', async () => {
    await measureWith(async () => {
      const iso = dbNowIso();
      vi.advanceTimersByTime(400);
      return iso;
    });
    expect(getServerClock().offsetMs).toBe(-TEN_MIN - 200);
  });

  it('shares one request between screens that measure at once, and tells every listener', async () => {
    const readNow = vi.fn(async () => dbNowIso());
    const heard = vi.fn();
    subscribeServerClock(heard);
    await Promise.all([measureWith(readNow), measureWith(readNow), serverNowWith(readNow)]);
    expect(readNow).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledTimes(1);
    await measureWith(readNow);
    expect(readNow).toHaveBeenCalledTimes(2);
  });

  it('keeps the first measurement\'s time and follows a corrected offset', async () => {
    await measureWith(async () => dbNowIso());
    vi.advanceTimersByTime(60_000);
    await measureWith(async () => new Date(Date.now() - TEN_MIN + 2000).toISOString());
    expect(getServerClock()).toEqual({ source: 'measured', offsetMs: -TEN_MIN + 2000, measuredAtMs: PC_NOW - TEN_MIN });
  });

  it('gives a query bound on the database clock, measuring first when it has only a provisional offset', async () => {
    seedServerClock(PC_NOW);
    const readNow = vi.fn(async () => dbNowIso());
    expect(await serverNowWith(readNow)).toBe(PC_NOW - TEN_MIN);
    expect(await serverNowWith(readNow)).toBe(PC_NOW - TEN_MIN);
    expect(readNow).toHaveBeenCalledTimes(1);
  });

  it('keeps what it knew when a measurement fails, and measures again next time', async () => {
    seedServerClock(PC_NOW - TEN_MIN);
    await expect(measureWith(async () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(getServerClock()).toMatchObject({ source: 'provisional', offsetMs: -TEN_MIN });
    await measureWith(async () => dbNowIso());
    expect(getServerClock().source).toBe('measured');
  });
});
