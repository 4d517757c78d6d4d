import { YJS_PATH } from '@bodem/shared';
import type { FastifyInstance } from 'fastify';
import type { Relay } from '../relay/relay.ts';

/**
 * The adapter between Fastify's websockets and the relay core: it hands the
 * relay the socket and what the request asked for, and passes frames and
 * events on. Everything decided about a socket (who may connect, how much
 * it may send, whether it is still there) is the relay's (relay/relay.ts).
 */
export const registerWebsocket = (app: FastifyInstance, deps: { relay: Relay }): void => {
  app.get<{ Params: { id: string }; Querystring: { token?: string; v?: string } }>(
    `${YJS_PATH}/:id`,
    { websocket: true },
    (socket, req) => {
      // Errors on a socket cost that socket only.
      socket.on('error', () => socket.terminate());
      const handle = deps.relay.accept(
        {
          send: (d) => socket.send(d),
          close: (code, reason) => socket.close(code, reason),
          get bufferedAmount() {
            return socket.bufferedAmount;
          },
          terminate: () => socket.terminate(),
          ping: () => socket.ping(),
        },
        { meetingId: req.params.id, token: req.query.token, version: req.query.v, origin: req.headers.origin, host: req.headers.host },
      );
      socket.on('message', (data, isBinary) => handle.receive(isBinary ? toBytes(data) : ''));
      socket.on('pong', () => handle.alive());
      socket.on('close', () => handle.closed());
    },
  );
};

const toBytes = (data: unknown): Uint8Array => {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]));
  const b = data as Buffer;
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};
