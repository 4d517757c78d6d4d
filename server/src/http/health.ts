import type { FastifyInstance } from 'fastify';
import { EventLoopWindow } from '../health/window.ts';
import type { Relay } from '../relay/relay.ts';
import type { MeasuredStore } from '../storage/measured.ts';

export interface HealthDeps {
  relay: Relay;
  store: MeasuredStore;
  /** This relay's name among several (its lease holder id); null for a single relay. */
  relayId: string | null;
}

const quantile = (sorted: number[], q: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);

/**
 * `GET /api/health`: what to watch on each relay (deploy/README.md), as
 * JSON for a monitoring agent. Counts and durations only: no meeting ids,
 * titles, names or tokens.
 */
export const registerHealth = (app: FastifyInstance, deps: HealthDeps): void => {
  const loop = new EventLoopWindow();
  const startedAt = Date.now();
  app.addHook('onClose', async () => loop.stop());

  app.get('/api/health', async (_req, reply) => {
    const perMeeting = deps.relay.connectionCounts().sort((a, b) => a - b);
    const leases = (deps.store.inner as { leaseCount?: number }).leaseCount;
    reply.header('cache-control', 'no-store');
    return {
      relay: deps.relayId,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      meetingsLoaded: deps.relay.loadedCount,
      ...(leases !== undefined ? { leasesHeld: leases } : {}),
      connections: {
        total: perMeeting.reduce((a, b) => a + b, 0),
        meetings: perMeeting.length,
        perMeetingP50: quantile(perMeeting, 0.5),
        perMeetingMax: perMeeting.length ? perMeeting[perMeeting.length - 1]! : 0,
      },
      eventLoopDelay: loop.summary(),
      store: { writes: deps.store.writes.summary(), loads: deps.store.loads.summary() },
    };
  });
};
