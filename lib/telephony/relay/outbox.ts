/**
 * The signing relay's outbox: the events Kamailio handed over, on their way to the dashboard's
 * webhook. Events of one call go out one after another in the order they came (a retrying
 * "ringing" holds back that call's "answered", never another call's); a 5xx answer or a network
 * failure is retried with growing pauses and the same body, so the webhook's event-id idempotency
 * makes a retry after a lost answer harmless. An event id already seen is not queued again (SIP
 * retransmissions reach the relay more than once). Memory only: what is queued when the process
 * stops is lost, and the log says how many.
 */
import { retryPauseMs } from '../retry-pause';

export interface OutboxEvent {
  eventId: string;
  callId: string;
  /** The exact bytes to sign and send. */
  body: string;
}

/** What the webhook answered, or that it could not be reached (the sender throws). */
export interface WebhookAnswer {
  status: number;
  text: string;
}

export type OutboxLog =
  | { msg: 'delivered'; eventId: string; callId: string; status: number; attempts: number }
  | { msg: 'refused'; eventId: string; callId: string; status: number; answer: string }
  | { msg: 'retrying'; eventId: string; callId: string; attempt: number; reason: string; delayMs: number }
  | { msg: 'gave_up'; eventId: string; callId: string; attempts: number; reason: string };

export interface OutboxOptions {
  send: (body: string) => Promise<WebhookAnswer>;
  log: (entry: OutboxLog) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** 0..1; spreads the retries of many calls after an outage. */
  random?: () => number;
  /** Queued events over this are refused (Kamailio logs the refusal). */
  maxPending?: number;
  /** How many event ids are remembered to drop repeats. */
  rememberIds?: number;
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** The webhook refuses events 24 h old; trying longer is pointless. */
  giveUpAfterMs?: number;
}

export type OfferResult = 'queued' | 'duplicate' | 'full';

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Outbox {
  private readonly byCall = new Map<string, OutboxEvent[]>();
  private readonly workers = new Set<Promise<void>>();
  private readonly seen = new Set<string>();
  private pendingCount = 0;
  private readonly opts: Required<OutboxOptions>;

  constructor(options: OutboxOptions) {
    this.opts = {
      now: Date.now,
      sleep: sleepFor,
      random: Math.random,
      maxPending: 5_000,
      rememberIds: 20_000,
      firstRetryMs: 500,
      maxRetryMs: 30_000,
      giveUpAfterMs: 23 * 60 * 60 * 1000,
      ...options,
    };
  }

  get pending(): number {
    return this.pendingCount;
  }

  offer(event: OutboxEvent): OfferResult {
    if (this.seen.has(event.eventId)) return 'duplicate';
    if (this.pendingCount >= this.opts.maxPending) return 'full';
    this.remember(event.eventId);
    this.pendingCount += 1;
    const queue = this.byCall.get(event.callId);
    if (queue) {
      queue.push(event);
      return 'queued';
    }
    this.byCall.set(event.callId, [event]);
    const worker = this.runCall(event.callId).finally(() => this.workers.delete(worker));
    this.workers.add(worker);
    return 'queued';
  }

  /** Resolves when everything queued so far has been delivered, refused or given up. */
  async drain(): Promise<void> {
    while (this.workers.size) await Promise.all([...this.workers]);
  }

  private remember(eventId: string): void {
    this.seen.add(eventId);
    // A Set iterates in insertion order: the first entry is the oldest id.
    if (this.seen.size <= this.opts.rememberIds) return;
    for (const oldest of this.seen) {
      this.seen.delete(oldest);
      break;
    }
  }

  private async runCall(callId: string): Promise<void> {
    const queue = this.byCall.get(callId);
    if (!queue) return;
    while (queue.length) {
      await this.deliver(queue[0]);
      queue.shift();
      this.pendingCount -= 1;
    }
    this.byCall.delete(callId);
  }

  private async deliver(event: OutboxEvent): Promise<void> {
    const { eventId, callId } = event;
    const started = this.opts.now();
    for (let attempt = 1; ; attempt += 1) {
      let reason: string;
      try {
        const answer = await this.opts.send(event.body);
        if (answer.status >= 200 && answer.status < 300) {
          this.opts.log({ msg: 'delivered', eventId, callId, status: answer.status, attempts: attempt });
          return;
        }
        if (answer.status < 500) {
          // 400/401/409/413: the request itself is wrong (docs/telephony.md); sending it again cannot help.
          this.opts.log({ msg: 'refused', eventId, callId, status: answer.status, answer: answer.text.slice(0, 300) });
          return;
        }
        reason = `HTTP ${answer.status}`;
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
      if (this.opts.now() - started >= this.opts.giveUpAfterMs) {
        this.opts.log({ msg: 'gave_up', eventId, callId, attempts: attempt, reason });
        return;
      }
      const delayMs = retryPauseMs(attempt, this.opts.random, this.opts.firstRetryMs, this.opts.maxRetryMs);
      this.opts.log({ msg: 'retrying', eventId, callId, attempt, reason, delayMs });
      await this.opts.sleep(delayMs);
    }
  }
}
