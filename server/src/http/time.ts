import type { FastifyInstance } from 'fastify';

/**
 * The server's clock, for timers every screen shows in step: each device
 * estimates its offset from this (taking the answer with the shortest
 * round trip) instead of trusting its own clock, which on tablets is often
 * minutes off.
 */
export const registerTime = (app: FastifyInstance, now: () => number = Date.now): void => {
  app.get('/api/time', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { now: now() };
  });
};
