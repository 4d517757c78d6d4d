import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sendError } from './errors.ts';

/**
 * Serves the built client. Any other GET that wants HTML gets index.html, so
 * /m/<id> and /join open the app directly (from a QR code, after a reload).
 */
export const registerStatic = async (app: FastifyInstance, root: string | null): Promise<void> => {
  const hasClient = root !== null && existsSync(join(root, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root,
      wildcard: true,
      index: ['index.html'],
      setHeaders: (res, path) => {
        // Vite fingerprints assets; the HTML must always be fresh.
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const wantsPage =
      req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (hasClient && wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendError(reply, 404, 'route_not_found');
  });
};
