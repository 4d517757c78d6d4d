import { MAX_FRAME_BYTES } from '@bodem/shared';

/**
 * The relay's limits. Per connection and per meeting, never per IP: a whole
 * venue's tablets share one address.
 */
export interface Limits {
  /** Largest websocket frame, in bytes (ws closes with 1009 above it). */
  maxPayload: number;
  /** Messages a connection may send per second, sustained. */
  messagesPerSecond: number;
  /** Messages a connection may send in one burst (a reconnect's catch-up, a fast typist). */
  messageBurst: number;
  /** Bytes a connection may send per second, sustained. */
  bytesPerSecond: number;
  /** Open connections one meeting may have (tablets, projector, facilitator tabs). */
  connectionsPerMeeting: number;
  /** Wrong join codes a meeting tolerates per minute before it refuses every attempt for a while. */
  joinFailuresPerMinute: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxPayload: MAX_FRAME_BYTES,
  // A typist sends an update per key and presence 20 times a second; a
  // reconnect sends a handful. Ten times that is still a tablet.
  messagesPerSecond: 200,
  messageBurst: 1000,
  bytesPerSecond: 4 * 1024 * 1024,
  connectionsPerMeeting: 200,
  joinFailuresPerMinute: 20,
};

/** Checks a partial set of limits and fills in the defaults. */
export const resolveLimits = (given: Partial<Limits> = {}): Limits => {
  const limits = { ...DEFAULT_LIMITS, ...given };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`limit ${key} must be a positive number, got ${String(value)}`);
  }
  if (limits.maxPayload > 64 * 1024 * 1024) throw new Error('limit maxPayload must stay far below ws’s 100 MiB default (at most 64 MiB)');
  return limits;
};

/** A token bucket: `take` says whether `cost` fits now. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(cost = 1): boolean {
    if (!this.has(cost)) return false;
    this.tokens -= cost;
    return true;
  }

  /** Whether `cost` fits now, without taking it. */
  has(cost = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    return this.tokens >= cost;
  }
}
