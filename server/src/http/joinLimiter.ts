import { TokenBucket } from '../relay/limits.ts';

/**
 * Limits wrong join codes per meeting (and for the code-only route, across
 * all meetings), never per IP: a venue's tablets share one address, and an
 * attacker has many. While a key's allowance is used up every attempt is
 * refused, right codes too, or guessing would just go on; the allowance
 * comes back steadily, so people wait a minute at most.
 */
export class JoinLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly failuresPerMinute: number,
    /** Keys kept at most; the oldest go first (unknown meeting ids must not fill memory). */
    private readonly maxKeys = 10_000,
  ) {}

  /** Whether an attempt on `key` may be checked now. */
  allows(key: string, weight = 1): boolean {
    return this.bucket(key, weight).has(1);
  }

  /** Records a wrong code on `key`. */
  failed(key: string, weight = 1): void {
    this.bucket(key, weight).take(1);
  }

  private bucket(key: string, weight: number): TokenBucket {
    let b = this.buckets.get(key);
    if (b) {
      // Most recently used last, so the first key is the one to drop.
      this.buckets.delete(key);
    } else {
      const perMinute = this.failuresPerMinute * weight;
      b = new TokenBucket(perMinute / 60, perMinute);
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.buckets.set(key, b);
    return b;
  }
}
