import type { MeetingStore } from '../storage/store.ts';

/**
 * Limits wrong join codes, never per address (a venue's tablets share one;
 * an attacker has many). Two kinds of bucket, kept by the store, so every
 * relay of a cluster counts in the same row (PostgreSQL) and nothing is
 * ever evicted:
 *
 * - one per stored meeting, for its own route (`/api/meetings/:id/join`,
 *   the QR code's link, which carries the 128-bit meeting id). A wrong code
 *   for an id that is not a meeting is not counted anywhere: nobody guesses
 *   128 bits, and a flood of made-up ids creates no bucket (the eviction
 *   trick of the old in-memory LRU map is gone with the map).
 * - one for the code-only route (`/api/join`, a typed code), shared by all
 *   meetings, since a guess there is a guess at every meeting at once.
 *
 * While a bucket is empty every attempt on it is refused, right codes too,
 * or guessing would just go on. A jammed bucket holds up its own route
 * only: jamming meeting A's route leaves meeting B's alone, and jamming the
 * code-only route leaves every meeting's QR link working.
 */
export class JoinLimiter {
  constructor(
    private readonly store: MeetingStore,
    private readonly failuresPerMinute: number,
    /** The code-only route's allowance, as a multiple of one meeting's. */
    private readonly codeOnlyWeight = 5,
    private readonly now: () => number = Date.now,
  ) {}

  private perMinute(key: string): number {
    return key === CODE_ONLY ? this.failuresPerMinute * this.codeOnlyWeight : this.failuresPerMinute;
  }

  /** Whether an attempt on `key` may be checked now. */
  allows(key: string): Promise<boolean> {
    return this.store.takeAllowance(key, this.perMinute(key), 0, this.now());
  }

  /** Records a wrong code on `key`. */
  async failed(key: string): Promise<void> {
    await this.store.takeAllowance(key, this.perMinute(key), 1, this.now());
  }
}

/** The code-only route's bucket. */
export const CODE_ONLY = 'route:code-only';
/** A meeting's own route's bucket (the store forgets it with the meeting). */
export const meetingKey = (id: string): string => `meeting:${id}`;
