import { CloseCode, type TokenClaims } from '@bodem/shared';
import { TokenBucket } from './limits.ts';
import type { SocketLike } from './socket.ts';

/**
 * Presence updates a connection may send per second, sustained, and in a
 * burst. The client sends at most 20 a second (cursor and live drag,
 * throttled); presence is a latest-state value, so extra frames are
 * dropped, not fanned out to everyone.
 */
export const PRESENCE_PER_SECOND = 30;
export const PRESENCE_BURST = 60;

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

  constructor(
    private readonly socket: SocketLike,
    readonly claims: TokenClaims,
    private readonly bounds: { sendBufferBytes: number; syncRequestsPerSecond: number; syncRequestBurst: number } = {
      sendBufferBytes: Infinity,
      syncRequestsPerSecond: 1,
      syncRequestBurst: 10,
    },
    private readonly onBackPressure: () => void = () => {},
  ) {
    this.readOnly = claims.role === 'projector';
    this.syncBudget = new TokenBucket(bounds.syncRequestsPerSecond, bounds.syncRequestBurst);
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
