/**
 * The one estimate of the database clock in this browser tab: the offset of public.server_now() from
 * the PC's own clock, measured with one round trip and shared by every screen, timer and query of
 * the tab. A wall PC or a phone whose clock is minutes off must still show the right ages, SLA
 * colours and countdowns, and must ask the database for "the last 24 hours" of the database, not of
 * the PC. Until the first measurement the page's render time (stamped by the server that rendered
 * it) gives a provisional offset, so even the first paint is not the PC's clock.
 */
import type { Db } from '@/lib/data/db';
import { readServerNow } from '@/lib/data/server-clock';
import { clockOffsetMs } from '@/lib/domain/clock-offset';

export interface ServerClockState {
  /** Database clock minus this PC's clock; 0 while nothing is known. */
  offsetMs: number;
  /** 'measured' from the database, 'provisional' from the page's render time, or 'none'. */
  source: 'measured' | 'provisional' | 'none';
  /** Database time of the first measurement, or null before it. */
  measuredAtMs: number | null;
}

let state: ServerClockState = { offsetMs: 0, source: 'none', measuredAtMs: null };
let inFlight: Promise<ServerClockState> | null = null;
const listeners = new Set<() => void>();

function set(next: ServerClockState) {
  state = next;
  for (const listener of [...listeners]) listener();
}

export function subscribeServerClock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getServerClock(): ServerClockState {
  return state;
}

/** The database clock now, as best known (synchronous; for event handlers and form defaults). */
export function serverClockNowMs(): number {
  return Date.now() + state.offsetMs;
}

/**
 * A provisional offset from the time the server rendered the page (the Next.js server and the
 * database keep the same time, both on NTP); never replaces a measurement. The error is the time
 * from render to this call, well under the seconds a timer shows.
 */
export function seedServerClock(renderedAtMs: number): void {
  if (state.source !== 'none' || !Number.isFinite(renderedAtMs)) return;
  set({ offsetMs: renderedAtMs - Date.now(), source: 'provisional', measuredAtMs: null });
}

/** Measures the offset again (on load and after every reconnect); concurrent callers share one request. */
export function measureServerClock(client: Db): Promise<ServerClockState> {
  return measureWith(() => readServerNow(client));
}

/** measureServerClock with any reader of the database clock (an ISO timestamp). */
export function measureWith(readNow: () => Promise<string>): Promise<ServerClockState> {
  inFlight ??= (async () => {
    const sent = Date.now();
    const iso = await readNow();
    const offsetMs = clockOffsetMs(sent, iso, Date.now());
    set({ offsetMs, source: 'measured', measuredAtMs: state.measuredAtMs ?? Date.parse(iso) });
    return state;
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/**
 * The database clock now, measured first if this tab has no measurement yet: what a query bound
 * ("received in the last 24 hours") is computed from.
 */
export function serverNowMs(client: Db): Promise<number> {
  return serverNowWith(() => readServerNow(client));
}

export async function serverNowWith(readNow: () => Promise<string>): Promise<number> {
  if (state.source !== 'measured') await measureWith(readNow);
  return serverClockNowMs();
}

/** Forgets everything (tests only: each test starts as a fresh tab). */
export function resetServerClockForTests(): void {
  inFlight = null;
  state = { offsetMs: 0, source: 'none', measuredAtMs: null };
  listeners.clear();
}
