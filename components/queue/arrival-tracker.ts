/**
 * Remembers which reports this screen has already announced, so each new one beeps once. The first
 * observation only learns what is already there: opening the page must not ring for old reports.
 */
export class ArrivalTracker {
  private known: Set<string> | null = null;
  private announced: ReadonlySet<string> = new Set();
  private readonly listeners = new Set<() => void>();

  /** Returns the ids that are new since the last observation. */
  observe(ids: readonly string[]): string[] {
    if (this.known === null) {
      this.known = new Set(ids);
      return [];
    }
    const fresh = ids.filter((id) => !this.known!.has(id));
    for (const id of fresh) this.known.add(id);
    if (fresh.length) {
      this.announced = new Set([...this.announced, ...fresh]);
      for (const l of [...this.listeners]) l();
    }
    return fresh;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every id announced so far; a new Set only when it changes (a stable snapshot for React). */
  getAnnounced = (): ReadonlySet<string> => this.announced;
}
