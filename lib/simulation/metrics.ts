/**
 * What a run measured: the latency of every action (one HTTP request or one workflow step as the UI
 * makes it), the errors by message, and the expected refusals (two supervisors on one incident) kept
 * apart from the errors. Percentiles are nearest-rank, on all samples (a 10-minute disaster-day run
 * has a few tens of thousands: sorting them once at the end is cheap).
 */

export interface ActionStats {
  action: string;
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted values; NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export class Metrics {
  private readonly samples = new Map<string, number[]>();
  private readonly errorCounts = new Map<string, number>();
  private readonly conflictCounts = new Map<string, number>();
  private readonly resentCounts = new Map<string, number>();
  /** Failures of requests under way when the run was stopped (Ctrl-C takes the app down too). */
  interrupted = 0;

  record(action: string, ms: number): void {
    let list = this.samples.get(action);
    if (!list) this.samples.set(action, (list = []));
    list.push(ms);
  }

  /** An error: anything but a 2xx webhook answer or a successful RPC, unless it is an expected refusal. */
  error(action: string, message: string): void {
    const key = `${action}: ${message}`;
    this.errorCounts.set(key, (this.errorCounts.get(key) ?? 0) + 1);
  }

  conflict(action: string, code: string): void {
    const key = `${action}: ${code}`;
    this.conflictCounts.set(key, (this.conflictCounts.get(key) ?? 0) + 1);
  }

  /** A request sent again after a refusal that applied nothing or no answer (a PBX's webhook retry). */
  resent(action: string): void {
    this.resentCounts.set(action, (this.resentCounts.get(action) ?? 0) + 1);
  }

  get resentTotal(): number {
    return [...this.resentCounts.values()].reduce((a, b) => a + b, 0);
  }

  resends(): Record<string, number> {
    return Object.fromEntries([...this.resentCounts].sort((a, b) => b[1] - a[1]));
  }

  get errorTotal(): number {
    return [...this.errorCounts.values()].reduce((a, b) => a + b, 0);
  }

  get conflictTotal(): number {
    return [...this.conflictCounts.values()].reduce((a, b) => a + b, 0);
  }

  count(action: string): number {
    return this.samples.get(action)?.length ?? 0;
  }

  errors(): Record<string, number> {
    return Object.fromEntries([...this.errorCounts].sort((a, b) => b[1] - a[1]));
  }

  conflicts(): Record<string, number> {
    return Object.fromEntries([...this.conflictCounts].sort((a, b) => b[1] - a[1]));
  }

  /** p95 of one action so far (for the progress line). */
  p95(action: string): number {
    const list = this.samples.get(action);
    return list ? percentile([...list].sort((a, b) => a - b), 95) : Number.NaN;
  }

  actions(): ActionStats[] {
    return [...this.samples]
      .map(([action, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return { action, count: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99), maxMs: sorted[sorted.length - 1] };
      })
      .sort((a, b) => a.action.localeCompare(b.action));
  }
}
