/**
 * Brute-force protection of the password grant: a token bucket per client address and one per
 * account. An attempt takes a token from both before any bcrypt work; a right password gives both
 * back, so only failures use up the allowance and a shift of operators signing in from one address
 * never runs it down. Taking before verifying (not counting after) means a thousand guesses sent at
 * once cannot all slip in while the first ones are being checked.
 */
import type { RateLimit } from './auth-settings.ts';

/** Keys remembered per bucket set; about 100 bytes each, so a few MB at most. */
export const MAX_TRACKED_KEYS = 10_000;
/** Longer keys are cut: no address or stored email is this long, and memory stays bounded per key. */
const MAX_KEY_LENGTH = 320;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Buckets of `limit` tokens refilling at limit/window. A full bucket is not stored (it is the same as
 * a key never seen), so only keys with recent failures take memory; past `maxKeys` the key updated
 * longest ago is forgotten, which at worst gives that key its full allowance back early.
 */
export class TokenBuckets {
  // A Map iterates in insertion order: re-inserting on every update keeps the stalest key first.
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rate: RateLimit,
    private readonly now: () => number,
    private readonly maxKeys = MAX_TRACKED_KEYS,
  ) {}

  get enabled(): boolean {
    return this.rate.limit > 0;
  }

  get size(): number {
    return this.buckets.size;
  }

  private current(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.rate.limit;
    const refilled = ((this.now() - bucket.at) * this.rate.limit) / this.rate.windowMs;
    return Math.min(this.rate.limit, bucket.tokens + Math.max(0, refilled));
  }

  private store(key: string, tokens: number): void {
    this.buckets.delete(key);
    if (tokens >= this.rate.limit) return;
    if (this.buckets.size >= this.maxKeys) {
      const stalest = this.buckets.keys().next();
      if (!stalest.done) this.buckets.delete(stalest.value);
    }
    this.buckets.set(key, { tokens, at: this.now() });
  }

  /** Whether `key` has an attempt left now. */
  hasToken(key: string): boolean {
    return !this.enabled || this.current(key.slice(0, MAX_KEY_LENGTH)) >= 1;
  }

  take(key: string): void {
    if (!this.enabled) return;
    const k = key.slice(0, MAX_KEY_LENGTH);
    this.store(k, this.current(k) - 1);
  }

  give(key: string): void {
    if (!this.enabled) return;
    const k = key.slice(0, MAX_KEY_LENGTH);
    this.store(k, this.current(k) + 1);
  }
}

export interface SignInAttempt {
  /** The password was right: the attempt does not count against the address or the account. */
  passwordAccepted(): void;
}

export class SignInThrottle {
  private readonly byAddress: TokenBuckets;
  private readonly byAccount: TokenBuckets;

  constructor(
    limits: { perAddress: RateLimit; perAccount: RateLimit },
    now: () => number = Date.now,
    maxKeys = MAX_TRACKED_KEYS,
  ) {
    this.byAddress = new TokenBuckets(limits.perAddress, now, maxKeys);
    this.byAccount = new TokenBuckets(limits.perAccount, now, maxKeys);
  }

  /**
   * Takes one attempt for this address and account, or `undefined` when either has none left; a
   * refused attempt takes nothing, so hammering a closed door does not keep it closed longer.
   */
  attempt(address: string, account: string): SignInAttempt | undefined {
    const accountKey = account.trim().toLowerCase();
    if (!this.byAddress.hasToken(address) || !this.byAccount.hasToken(accountKey)) return undefined;
    this.byAddress.take(address);
    this.byAccount.take(accountKey);
    let settled = false;
    return {
      passwordAccepted: () => {
        if (settled) return;
        settled = true;
        this.byAddress.give(address);
        this.byAccount.give(accountKey);
      },
    };
  }

  /** Keys held in memory, for tests of the bound. */
  get trackedKeys(): { addresses: number; accounts: number } {
    return { addresses: this.byAddress.size, accounts: this.byAccount.size };
  }
}
