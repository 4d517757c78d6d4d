import type { TokenClaims } from '@bodem/shared';
import type { SocketLike } from './socket.ts';

/** One websocket of one person in one meeting, as the relay sees it. */
export class Connection {
  /** Projectors may read everything and write nothing. */
  readonly readOnly: boolean;
  /** The awareness client id this connection owns (the first it announced). */
  readonly presence: { clientId: number | null } = { clientId: null };
  closed = false;

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
