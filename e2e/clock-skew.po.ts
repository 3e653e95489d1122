/**
 * Reading the timers a screen shows, for the browser-clock fault (issue #19): the seconds a
 * `m:ss` / `h:mm:ss` timer reads, and the WIB seconds of the day a wall clock reads, each compared
 * with what the server clock (this test runner's clock, the same machine) implies.
 */
import type { Locator } from '@playwright/test';

const DURATION = /(?:(\d+):)?(\d+):(\d\d)(?!\d)/;
const CLOCK = /(\d\d):(\d\d):(\d\d)/;
const WIB_OFFSET_S = 7 * 3600;

/** Seconds of the first duration in the element's text, or NaN when there is none. */
export async function shownSeconds(locator: Locator): Promise<number> {
  const m = DURATION.exec((await locator.textContent()) ?? '');
  if (!m) return Number.NaN;
  return (m[1] ? Number(m[1]) * 3600 : 0) + Number(m[2]) * 60 + Number(m[3]);
}

/** Seconds the shown duration differs from the seconds elapsed since `sinceMs` on the server's clock. */
export async function durationError(locator: Locator, sinceMs: number): Promise<number> {
  return (await shownSeconds(locator)) - (Date.now() - sinceMs) / 1000;
}

/** Seconds a HH:MM:SS (WIB) text differs from the time of day at `actualMs`, folded into ±12 h. */
export function clockTextError(text: string, actualMs: number): number {
  const m = CLOCK.exec(text);
  if (!m) return Number.NaN;
  const shown = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  const actual = (actualMs / 1000 + WIB_OFFSET_S) % 86_400;
  return ((shown - actual + 86_400 * 1.5) % 86_400) - 43_200;
}

/** Seconds the shown wall clock differs from the server's time now. */
export async function wallClockError(locator: Locator): Promise<number> {
  return clockTextError((await locator.textContent()) ?? '', Date.now());
}

export interface FirstPaint {
  text: string;
  /** The browser's Date.now() when it was painted (its own, moved clock). */
  atMs: number;
}

/**
 * Init script: keeps the first text the wall clock shows and the browser's time then, so a test can
 * tell whether the very first paint (before any measurement of the database clock) was right.
 */
export function recordFirstWallClock(): void {
  const w = window as unknown as { __firstWallClock?: FirstPaint };
  const seen = new MutationObserver(() => {
    const el = document.querySelector('[data-test="wall-clock"]');
    if (!el || w.__firstWallClock) return;
    w.__firstWallClock = { text: el.textContent ?? '', atMs: Date.now() };
    seen.disconnect();
  });
  seen.observe(document, { childList: true, subtree: true, characterData: true });
}
