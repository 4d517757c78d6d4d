import type { TokenClaims } from '@bodem/shared';
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

  constructor(
    private readonly socket: SocketLike,
    readonly claims: TokenClaims,
  ) {
    this.readOnly = claims.role === 'projector';
  }

  send(data: Uint8Array): void {
    if (this.closed) return;
    try {
      this.socket.send(data);
    } catch {
      this.close(1011, 'send failed');
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
