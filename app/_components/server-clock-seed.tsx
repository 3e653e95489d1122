'use client';
/**
 * Hands the time this page was rendered on the server to the tab's database-clock estimate, before
 * any screen below it renders a timer: until the first measurement, timers then count from the
 * server's time instead of the PC's (a PC minutes off would otherwise show wrong ages at first paint).
 */
import { seedServerClock } from '@/lib/realtime/server-clock';

export function ServerClockSeed({ renderedAtMs }: { renderedAtMs: number }) {
  // During render, not in an effect: the screens below read the estimate in their first render.
  // It only ever sets a provisional offset once, so rendering again changes nothing.
  if (typeof window !== 'undefined') seedServerClock(renderedAtMs);
  return null;
}
