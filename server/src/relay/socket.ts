/**
 * The least the relay needs from a websocket. Fastify's ws sockets fit it,
 * and so does anything a test or another server framework hands over.
 */
export interface SocketLike {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued to send and not yet written to the network (ws's `bufferedAmount`); absent: never backs up. */
  readonly bufferedAmount?: number;
  /** Ends the socket at once, dropping whatever is still queued. */
  terminate?(): void;
  /** Sends a liveness ping (answered by the peer's pong, reported through the handle's `alive`); absent: never pinged. */
  ping?(): void;
}
