import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TokenSigner } from '../auth/tokens.ts';
import type { MeetingStore } from '../storage/store.ts';
import { tokenFits } from './api.ts';
import { ApiError } from './errors.ts';

const bearer = (req: FastifyRequest): string | null => {
  const h = req.headers.authorization;
  return h && h.startsWith('Bearer ') ? h.slice(7).trim() : null;
};

/**
 * The meeting's history ("Geschiedenis"), for the facilitator only:
 * `GET /api/meetings/:id/history` lists the snapshots (when, how large);
 * `GET /api/meetings/:id/history/:at` is one of them, a Yjs update of the
 * whole document as it was. The facilitator's page shows a board as it was
 * and brings it, or single notes, back as one change of its own (undoable,
 * seen by everyone). Snapshots go with the meeting when it is deleted.
 */
export const registerHistory = (app: FastifyInstance, deps: { store: MeetingStore; signer: TokenSigner }): void => {
  const facilitatorOf = async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const claims = deps.signer.verify(bearer(req));
    if (!claims) throw new ApiError(401, 'unauthorized');
    const meeting = await deps.store.getMeeting(req.params.id);
    if (!meeting) throw new ApiError(404, 'not_found');
    if (!tokenFits(claims, meeting)) throw new ApiError(401, 'unauthorized');
    if (claims.role !== 'facilitator') throw new ApiError(403, 'forbidden');
    return meeting;
  };

  app.get<{ Params: { id: string } }>('/api/meetings/:id/history', async (req, reply) => {
    const meeting = await facilitatorOf(req);
    const snapshots = await deps.store.listSnapshots(meeting.id);
    return reply.header('cache-control', 'no-store').send({ snapshots: snapshots.map((s) => ({ at: s.takenAt, bytes: s.bytes })) });
  });

  app.get<{ Params: { id: string; at: string } }>('/api/meetings/:id/history/:at', async (req, reply) => {
    const meeting = await facilitatorOf(req);
    const at = Number(req.params.at);
    if (!Number.isSafeInteger(at) || at < 0) throw new ApiError(404, 'not_found');
    const snapshot = await deps.store.loadSnapshot(meeting.id, at);
    if (!snapshot) throw new ApiError(404, 'not_found');
    return reply
      .header('content-type', 'application/octet-stream')
      // It holds what families' helpers said: no copy in any cache.
      .header('cache-control', 'no-store')
      .send(Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength));
  });
};
