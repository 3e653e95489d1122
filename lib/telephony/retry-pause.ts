/**
 * The pause before attempt `attempt + 1` of a webhook event that got a 5xx or no answer: doubling
 * from `firstMs` up to `maxMs`, each drawn from its upper half so that the retries of many calls
 * after an outage do not all arrive in the same instant. Shared by the signing relay's outbox and
 * the simulator's PBX, which must behave as docs/telephony.md says a PBX does.
 */
export function retryPauseMs(attempt: number, random: () => number, firstMs: number, maxMs: number): number {
  const base = Math.min(maxMs, firstMs * 2 ** (attempt - 1));
  return Math.round(base * (0.5 + random() / 2));
}
