/**
 * Which incidents the wall should pulse: those that appeared since the wall started watching, for a
 * short while. The first observation only learns what is there (opening the wall must not pulse the
 * whole city). Memory stays bounded for a screen that runs for days: ids that left the open set are
 * forgotten, and so are arrival times once their pulse is over.
 */
export class FreshTracker {
  private known: Set<string> | null = null;
  /** id → local time it was first seen, only while it pulses. */
  private arrivals = new Map<string, number>();
  private last: ReadonlySet<string> = new Set();

  constructor(private readonly pulseMs: number) {}

  /**
   * Records the current open ids at `nowMs` and returns those pulsing now: the same Set object as
   * last time when nothing changed, so a React memo downstream does not redraw the map.
   */
  observe(ids: readonly string[], nowMs: number): ReadonlySet<string> {
    const current = new Set(ids);
    if (this.known === null) {
      this.known = current;
      return this.last;
    }
    for (const id of current) {
      if (!this.known.has(id)) this.arrivals.set(id, nowMs);
    }
    // Replacing the set drops ids that closed, so it never outgrows the open incidents.
    this.known = current;
    const fresh = new Set<string>();
    for (const [id, at] of this.arrivals) {
      if (!current.has(id) || nowMs - at >= this.pulseMs) this.arrivals.delete(id);
      else fresh.add(id);
    }
    if (fresh.size !== this.last.size || [...fresh].some((id) => !this.last.has(id))) this.last = fresh;
    return this.last;
  }

  /** Number of ids held (known + pulsing), for tests and the memory benchmark. */
  size(): number {
    return (this.known?.size ?? 0) + this.arrivals.size;
  }
}
