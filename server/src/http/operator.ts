import type { FastifyInstance } from 'fastify';
import { keyMatches } from '../auth/facilitatorKey.ts';
import { deleteMeetingForGood } from '../meetings/deletion.ts';
import type { Relay } from '../relay/relay.ts';
import type { MeetingStore } from '../storage/store.ts';
import { bearer } from './auth.ts';
import { ApiError } from './errors.ts';

/** Whether a socket's peer is this machine. */
const fromLoopback = (address: string | undefined): boolean =>
  !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

/**
 * The running server's side of `pnpm bodem` (server/src/cli.ts): list,
 * delete and purge through the relay, so a deletion is the facilitator's
 * deletion (sockets closed with 4410, rows gone, tombstone). Only from this
 * machine, and only with the operator key, which is derived from the token
 * secret in the data folder: whoever can read that folder is the operator.
 */
export const registerOperator = (
  app: FastifyInstance,
  deps: { store: MeetingStore; relay: Relay; operatorKey: string; purge: () => Promise<number> },
): void => {
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/operator/')) return;
    if (!fromLoopback(req.socket.remoteAddress)) throw new ApiError(403, 'forbidden');
    const key = bearer(req);
    if (!key) throw new ApiError(401, 'unauthorized');
    if (!keyMatches(key, deps.operatorKey)) throw new ApiError(403, 'forbidden');
  });

  app.get('/api/operator/meetings', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    const meetings = await deps.store.listMeetings();
    return { meetings: meetings.map((m) => ({ ...m, connections: deps.relay.connectionCount(m.id) })) };
  });

  app.delete<{ Params: { id: string } }>('/api/operator/meetings/:id', async (req, reply) => {
    if (!(await deps.store.getMeeting(req.params.id))) throw new ApiError(404, 'not_found');
    await deleteMeetingForGood(deps, req.params.id);
    return reply.code(204).send();
  });

  app.post('/api/operator/purge', async () => ({ deleted: await deps.purge() }));
};
