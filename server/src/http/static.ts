import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { sendError } from './errors.ts';

/** Vite fingerprints everything under /assets/: a new build gets new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The HTML, the service worker and the manifest: always checked with the server (an ETag makes that cheap). */
export const REVALIDATE = 'no-cache';

/**
 * The icons (favicon, app icons) keep their names across builds but seldom change: a week. A browser
 * asks for the favicon again on each page of a one-page app (Chromium does, when the URL changes),
 * which with `no-cache` was one more round trip on the way to the board; a changed icon shows within a week.
 */
export const ICONS = 'public, max-age=604800';

/** Files the build also wrote as `.br` and `.gz` (vite.config.ts): their answer depends on Accept-Encoding. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|ttf|webmanifest|txt)(\.br|\.gz)?$/;

const setCacheHeaders = (res: { setHeader(name: string, value: string): unknown }, path: string): void => {
  const hashed = path.includes(`${sep}assets${sep}`) || path.includes('/assets/');
  const icon = path.includes(`${sep}icons${sep}`) || path.includes('/icons/');
  res.setHeader('cache-control', hashed ? IMMUTABLE : icon ? ICONS : REVALIDATE);
  if (COMPRESSIBLE.test(basename(path))) res.setHeader('vary', 'accept-encoding');
};

/**
 * Serves the built client. Any other GET that wants HTML gets index.html, so
 * /m/<id> and /join open the app directly (from a QR code, after a reload).
 *
 * The build wrote brotli and gzip copies beside each text file; `preCompressed`
 * sends the best one the browser accepts, with its content-encoding.
 * `@fastify/static` writes its own `Cache-Control: public, max-age=0` after
 * `setHeaders` unless `cacheControl` is off, so it is off and the header is ours.
 */
export const registerStatic = async (app: FastifyInstance, root: string | null): Promise<void> => {
  const hasClient = root !== null && existsSync(join(root, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root,
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      // No range requests: the app's files are small and read whole (and "accept-ranges" was one more header on each).
      acceptRanges: false,
      // The compressed copies are alternate encodings, never pages of their own.
      allowedPath: (path) => !/\.(br|gz)$/.test(path),
      setHeaders: setCacheHeaders,
    });
  }
  // A hashed asset never changes under its name and is kept a year: a browser never asks again whether it
  // changed, so its validators (ETag, Last-Modified) are ~90 bytes a response that nothing reads.
  app.addHook('onSend', async (_req, reply, payload) => {
    if (reply.getHeader('cache-control') === IMMUTABLE) {
      reply.removeHeader('etag');
      reply.removeHeader('last-modified');
    }
    return payload;
  });
  app.setNotFoundHandler((req, reply) => {
    const wantsPage =
      req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (hasClient && wantsPage) return reply.sendFile('index.html');
    return sendError(reply, 404, 'route_not_found');
  });
};
