import type { FastifyInstance } from 'fastify';
import type { TokenSigner } from '../auth/tokens.ts';
import type { MeetingStore } from '../storage/store.ts';
import { asFacilitator } from './auth.ts';
import { ApiError } from './errors.ts';

/**
 * The meeting's history ("Geschiedenis"), for the facilitator only:
 * `GET /api/meetings/:id/history` lists the snapshots (when, how large);
 * `GET /api/meetings/:id/history/:at` is one of them, a Yjs update of the
 * whole document as it was. The facilitator's page shows a board as it was
 * and brings it, or single notes, back as one change of its own (undoable,
 * seen by everyone). Snapshots go with the meeting when it is deleted.
 */
export const registerHistory = (app: FastifyInstance, deps: { store: MeetingStore; signer: TokenSigner }): void => {

  app.get<{ Params: { id: string } }>('/api/meetings/:id/history', async (req, reply) => {
    const { meeting } = await asFacilitator(req, req.params.id, deps);
    const snapshots = await deps.store.listSnapshots(meeting.id);
    return reply.header('cache-control', 'no-store').send({ snapshots: snapshots.map((s) => ({ at: s.takenAt, bytes: s.bytes })) });
  });

  app.get<{ Params: { id: string; at: string } }>('/api/meetings/:id/history/:at', async (req, reply) => {
    const { meeting } = await asFacilitator(req, req.params.id, deps);
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
