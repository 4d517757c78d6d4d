import { CloseCode, type TokenClaims } from '@bodem/shared';
import { TokenBucket, type Limits } from './limits.ts';
import type { SocketLike } from './socket.ts';

/**
 * Presence updates a connection may send per second, sustained, and in a
 * burst. The client sends at most 20 a second (cursor and live drag,
 * throttled); presence is a latest-state value, so extra frames are
 * dropped, not fanned out to everyone.
 */
export const PRESENCE_PER_SECOND = 30;
export const PRESENCE_BURST = 60;

/** What bounds one connection (limits.ts). */
export type ConnectionBounds = Pick<
  Limits,
  'sendBufferBytes' | 'syncRequestsPerSecond' | 'syncRequestBurst' | 'messagesPerSecond' | 'messageBurst' | 'bytesPerSecond' | 'maxPayload'
>;

const UNBOUNDED: ConnectionBounds = {
  sendBufferBytes: Infinity,
  syncRequestsPerSecond: 1,
  syncRequestBurst: 10,
  // Finite: a token bucket at Infinity per second computes 0 × Infinity.
  messagesPerSecond: 1e12,
  messageBurst: 1e12,
  bytesPerSecond: 1e12,
  maxPayload: 1e12,
};

/** One websocket of one person in one meeting, as the relay sees it. */
export class Connection {
  /** Projectors may read everything and write nothing. */
  readonly readOnly: boolean;
  /** The awareness client id this connection owns (the first it announced). */
  readonly presence: { clientId: number | null } = { clientId: null };
  readonly presenceBudget = new TokenBucket(PRESENCE_PER_SECOND, PRESENCE_BURST);
  closed = false;
  /** Asked to sync again once already after writing under another's client id. */
  clientIdResynced = false;
  /** Sync requests (each answered with up to the whole meeting). */
  readonly syncBudget: TokenBucket;
  /** Frames and bytes the socket may send (a flood costs its sender, not the meeting). */
  private readonly frameBudget: TokenBucket;
  private readonly byteBudget: TokenBucket;
  /** Sent something or answered a ping since the last ping. */
  answered = true;

  constructor(
    private readonly socket: SocketLike,
    readonly claims: TokenClaims,
    private readonly bounds: ConnectionBounds = UNBOUNDED,
    private readonly onBackPressure: () => void = () => {},
    /** A socket to its owner's personal room (relay.ts), not to the meeting's. */
    readonly personal = false,
  ) {
    this.readOnly = claims.role === 'projector';
    this.syncBudget = new TokenBucket(bounds.syncRequestsPerSecond, bounds.syncRequestBurst);
    this.frameBudget = new TokenBucket(bounds.messagesPerSecond, bounds.messageBurst);
    // One largest frame always fits.
    this.byteBudget = new TokenBucket(bounds.bytesPerSecond, Math.max(bounds.maxPayload, 2 * bounds.bytesPerSecond));
  }

  /**
   * Whether a frame of `bytes` may go on to the room: binary, and within the
   * connection's rate. Otherwise the socket is closed and the frame dropped.
   * Dropping a frame and going on would break the sender's chain of updates;
   * closing makes it back off and send everything again on reconnect.
   */
  admit(frame: Uint8Array | string, log: (event: string) => void): frame is Uint8Array {
    if (this.closed) return false;
    this.answered = true;
    if (typeof frame === 'string') {
      this.close(CloseCode.badRequest, 'binary frames only');
      return false;
    }
    if (!this.frameBudget.take(1) || !this.byteBudget.take(frame.byteLength)) {
      log('rate-limited');
      this.close(CloseCode.tryAgainLater, 'too many messages');
      return false;
    }
    return true;
  }

  /**
   * Liveness, once per ping interval: a socket that did not answer the
   * previous ping (nor send anything since) is ended, so a tablet whose
   * Wi-Fi dropped leaves presence within two intervals instead of lingering
   * until TCP gives up.
   */
  checkAlive(): void {
    if (this.closed) return;
    if (!this.answered) return this.terminate(CloseCode.goingAway, 'no answer to ping');
    this.answered = false;
    try {
      this.socket.ping?.();
    } catch {
      // closing already
    }
  }

  /**
   * Sends a frame, unless the socket's outgoing buffer already holds more
   * than the bound: a tablet that does not read would make the relay hold
   * every answer (a few bytes of sync request buy the whole meeting). Such a
   * connection is ended at once (its buffer freed); an honest tablet on a
   * bad network reconnects and syncs again. One frame always goes out on an
   * empty buffer, however large.
   */
  send(data: Uint8Array): void {
    if (this.closed) return;
    const queued = this.socket.bufferedAmount ?? 0;
    if (queued > 0 && queued + data.length > this.bounds.sendBufferBytes) {
      this.onBackPressure();
      this.terminate(CloseCode.tryAgainLater, 'not reading');
      return;
    }
    try {
      this.socket.send(data);
    } catch {
      this.close(1011, 'send failed');
    }
  }

  /** Ends the socket without flushing what is queued (a close frame would wait behind it). */
  terminate(code: number, reason: string): void {
    if (this.closed) return;
    if (!this.socket.terminate) return this.close(code, reason);
    this.closed = true;
    try {
      this.socket.terminate();
    } catch {
      // already gone
    }
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.socket.close(code, reason);
    } catch {
      // already gone
    }
  }
}
