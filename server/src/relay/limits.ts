import { MAX_AGREEMENT_FIELD_LENGTH, MAX_FIELD_LENGTH, MAX_FRAME_BYTES, MAX_NOTE_LENGTH, MAX_ROLE_DESCRIPTION_LENGTH } from '@bodem/shared';

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
  /**
   * Bytes one meeting's document may hold. Past it, participants' updates
   * are taken back (the facilitator can still write, and delete).
   */
  meetingBytes: number;
  /** Largest update a participant may send (a frame may be larger; it is taken back whole). */
  participantUpdateBytes: number;
  /** Longest text (a note, a field, an agreement's part) and string value a participant may write, in UTF-16 units. */
  maxTextLength: number;
  /** Most items (notes, role cards, strokes, agreements) one board may hold when a participant adds one. */
  itemsPerBoard: number;
  /**
   * Bytes waiting in one connection's outgoing buffer (a tablet that does
   * not read) past which the relay ends the connection rather than queue
   * more. One answer always fits, however large.
   */
  sendBufferBytes: number;
  /** Sync requests (sync step 1) a connection may send per second, sustained, and in a burst. */
  syncRequestsPerSecond: number;
  syncRequestBurst: number;
  /** Open sockets one participant (token sub) may hold in a meeting: a tablet, a reloaded tab, a phone. */
  socketsPerParticipant: number;
  /** The relay pings every socket this often and ends one that did not answer the previous ping. */
  pingIntervalMs: number;
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
  // Seven times the 544 KB of a realistic four-hour, 30-person meeting (bench:doc).
  meetingBytes: 4 * 1024 * 1024,
  // A long offline session's catch-up is tens of KB; a typed key is tens of bytes.
  participantUpdateBytes: 1024 * 1024,
  // The longest any text of the schema is kept (a note); clients cut on read.
  maxTextLength: MAX_NOTE_LENGTH,
  // A board of 30 people holds a few hundred notes at most.
  itemsPerBoard: 1000,
  sendBufferBytes: 8 * 1024 * 1024,
  // An honest client asks once per connection, and again when the relay asks it to.
  syncRequestsPerSecond: 0.2,
  syncRequestBurst: 10,
  socketsPerParticipant: 5,
  pingIntervalMs: 5000,
};

/** The bounds a room applies to participants' updates. */
export type RoomLimits = Pick<
  Limits,
  'meetingBytes' | 'participantUpdateBytes' | 'maxTextLength' | 'itemsPerBoard' | 'sendBufferBytes' | 'syncRequestsPerSecond' | 'syncRequestBurst'
>;

/** Checks a partial set of limits and fills in the defaults. */
export const resolveLimits = (given: Partial<Limits> = {}): Limits => {
  const limits = { ...DEFAULT_LIMITS, ...given };
  // Unset, the largest participant update follows a smaller frame or meeting bound.
  if (given.participantUpdateBytes === undefined) {
    limits.participantUpdateBytes = Math.min(DEFAULT_LIMITS.participantUpdateBytes, limits.maxPayload, limits.meetingBytes);
  }
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`limit ${key} must be a positive number, got ${String(value)}`);
  }
  if (limits.maxPayload > 64 * 1024 * 1024) throw new Error('limit maxPayload must stay far below ws’s 100 MiB default (at most 64 MiB)');
  if (limits.participantUpdateBytes > limits.maxPayload) throw new Error('limit participantUpdateBytes must not exceed maxPayload');
  if (limits.participantUpdateBytes > limits.meetingBytes) throw new Error('limit participantUpdateBytes must not exceed meetingBytes');
  const longest = Math.max(MAX_NOTE_LENGTH, MAX_AGREEMENT_FIELD_LENGTH, MAX_FIELD_LENGTH, MAX_ROLE_DESCRIPTION_LENGTH);
  if (limits.maxTextLength < longest) throw new Error(`limit maxTextLength must be at least ${longest}, the longest text the schema keeps`);
  if (limits.syncRequestBurst < 2) throw new Error('limit syncRequestBurst must be at least 2 (a connection asks once, and again when asked to)');
  if (limits.pingIntervalMs < 100) throw new Error('limit pingIntervalMs must be at least 100 ms');
  for (const key of ['meetingBytes', 'participantUpdateBytes', 'maxTextLength', 'itemsPerBoard', 'sendBufferBytes', 'socketsPerParticipant'] as const) {
    if (!Number.isInteger(limits[key])) throw new Error(`limit ${key} must be a whole number`);
  }
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
