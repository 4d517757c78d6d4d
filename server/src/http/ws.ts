import { CloseCode, protocolRefusal, YJS_PATH } from '@bodem/shared';
import type { FastifyInstance } from 'fastify';
import type { TokenSigner } from '../auth/tokens.ts';
import { TokenBucket, type Limits } from '../relay/limits.ts';
import type { Relay } from '../relay/relay.ts';
import type { MeetingStore } from '../storage/store.ts';
import { tokenFits } from './auth.ts';
import { originAllowed } from './origin.ts';

/**
 * The thin adapter between Fastify's websockets and the relay core. A
 * refusal is a websocket close in 4400–4499 (not an HTTP error), so the
 * stock client stops retrying instead of hammering the server forever.
 */
export const registerWebsocket = (
  app: FastifyInstance,
  deps: { store: MeetingStore; relay: Relay; signer: TokenSigner; limits: Limits; allowedOrigins: readonly string[] | null },
): void => {
  // Liveness: every socket is pinged every pingIntervalMs; one that did not
  // answer the previous ping (nor send anything since) is ended, so a tablet
  // whose Wi-Fi dropped leaves presence within two intervals instead of
  // lingering until TCP gives up.
  const alive = new Map<WebSocketLike, boolean>();
  const pinger = setInterval(() => {
    for (const [socket, answered] of alive) {
      if (!answered) {
        alive.delete(socket);
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      try {
        socket.ping();
      } catch {
        // closing already
      }
    }
  }, deps.limits.pingIntervalMs);
  pinger.unref();
  app.addHook('onClose', async () => clearInterval(pinger));

  app.get<{ Params: { id: string }; Querystring: { token?: string; v?: string } }>(
    `${YJS_PATH}/:id`,
    { websocket: true },
    (socket, req) => {
      // Errors on a socket cost that socket only.
      socket.on('error', () => socket.terminate());
      alive.set(socket, true);
      socket.on('pong', () => {
        if (alive.has(socket)) alive.set(socket, true);
      });
      let handle: { receive(d: Uint8Array): void; closed(): void } | null = null;
      const queued: Uint8Array[] = [];
      let refused = false;
      const { limits } = deps;
      const messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
      // One largest frame always fits.
      const volume = new TokenBucket(limits.bytesPerSecond, Math.max(limits.maxPayload, 2 * limits.bytesPerSecond));
      socket.on('message', (data, isBinary) => {
        if (alive.has(socket)) alive.set(socket, true);
        if (refused) return;
        if (!isBinary) {
          refused = true;
          socket.close(CloseCode.badRequest, 'binary frames only');
          return;
        }
        const bytes = toBytes(data);
        if (!messages.take(1) || !volume.take(bytes.byteLength)) {
          // Dropping a frame would break the sender's chain of updates; closing
          // makes it back off and send everything again on reconnect.
          refused = true;
          req.log.warn({ event: 'rate-limited', meeting: req.params.id }, 'rate-limited');
          socket.close(CloseCode.tryAgainLater, 'too many messages');
          return;
        }
        if (handle) handle.receive(bytes);
        else queued.push(bytes);
      });
      socket.on('close', () => {
        alive.delete(socket);
        refused = true;
        handle?.closed();
      });

      if (!originAllowed(req, deps.allowedOrigins)) {
        refused = true;
        socket.close(CloseCode.forbidden, 'origin not allowed');
        return;
      }
      // An outdated tablet is told to reload instead of misbehaving.
      const outdated = protocolRefusal(req.query.v);
      if (outdated) {
        refused = true;
        socket.close(outdated.code, outdated.reason);
        return;
      }
      const claims = deps.signer.verify(req.query.token);
      if (!claims || claims.m !== req.params.id) {
        refused = true;
        socket.close(CloseCode.unauthorized, 'invalid token');
        return;
      }
      const open = async (): Promise<void> => {
        const meeting = await deps.store.getMeeting(req.params.id);
        if (refused) return;
        if (!meeting) {
          // A tablet may still hold a copy of a deleted meeting: say so, and
          // it wipes the copy instead of offering it to anyone again.
          const deleted = await deps.store.wasDeleted(req.params.id);
          refused = true;
          return deleted
            ? socket.close(CloseCode.meetingDeleted, 'meeting deleted')
            : socket.close(CloseCode.unknownMeeting, 'unknown meeting');
        }
        if (!tokenFits(claims, meeting)) {
          refused = true;
          // Epoch fencing: the token (and the tablet's copy) belong to an
          // earlier meeting under this id. Its content must never merge in.
          return claims.ep !== meeting.epoch
            ? socket.close(CloseCode.meetingDeleted, 'meeting was deleted and created again')
            : socket.close(CloseCode.unauthorized, 'token not for this meeting');
        }
        const removed = await deps.store.isRemoved(meeting.id, claims.sub);
        if (refused) return;
        if (removed) {
          refused = true;
          return socket.close(CloseCode.removed, 'removed from the meeting');
        }
        // A removal recorded after the check above is caught by the relay,
        // which refuses removed participants itself.
        handle = deps.relay.connect(meeting.id, claims, {
          send: (d) => socket.send(d),
          close: (code, reason) => socket.close(code, reason),
          get bufferedAmount() {
            return socket.bufferedAmount;
          },
          terminate: () => socket.terminate(),
        });
        for (const d of queued) handle.receive(d);
        queued.length = 0;
      };
      open().catch((e: Error) => {
        req.log.error({ err: e.message }, 'meeting lookup failed');
        socket.close(CloseCode.retry, 'server error');
      });
    },
  );
};

/** What the liveness check needs of a ws socket. */
interface WebSocketLike {
  ping(): void;
  terminate(): void;
}

const toBytes = (data: unknown): Uint8Array => {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]));
  const b = data as Buffer;
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};
