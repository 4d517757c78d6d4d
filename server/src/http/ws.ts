import { PERSONAL_SEGMENT, YJS_PATH } from '@bodem/shared';
import type { FastifyInstance } from 'fastify';
import type { Relay } from '../relay/relay.ts';

/**
 * The adapter between Fastify's websockets and the relay core: it hands the
 * relay the socket and what the request asked for, and passes frames and
 * events on. Everything decided about a socket (who may connect, how much
 * it may send, whether it is still there) is the relay's (relay/relay.ts).
 */
export const registerWebsocket = (app: FastifyInstance, deps: { relay: Relay }): void => {
  // The meeting's room, and a person's personal room (`<meetingId>/p/<sub>`, shared/src/schema/personal.ts).
  for (const path of [`${YJS_PATH}/:id`, `${YJS_PATH}/:id/${PERSONAL_SEGMENT}/:sub`]) app.get<{ Params: { id: string; sub?: string }; Querystring: { token?: string; v?: string } }>(
    path,
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
        {
          meetingId: req.params.id,
          token: req.query.token,
          version: req.query.v,
          origin: req.headers.origin,
          host: req.headers.host,
          ...(req.params.sub !== undefined ? { personal: req.params.sub } : {}),
        },
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
