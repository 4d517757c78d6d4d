import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from './errors.ts';

/**
 * Which browser pages may talk to this server. A page elsewhere on the web
 * must not open a websocket or post a join with a participant's browser
 * (cross-site websocket hijacking, CSRF). Programs that send no Origin (the
 * tests, a load balancer's health check) are not browsers and pass.
 *
 * `allowed` lists origins like "https://bodem.example.nl"; null means the
 * page's own origin only: the Origin's host must be the Host the request
 * was sent to (a proxy in front must pass the Host header on).
 */
export const originAllowed = (req: FastifyRequest, allowed: readonly string[] | null): boolean => {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed) return allowed.includes(origin);
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
};

/** Refuses writes from foreign pages; reads stay open (the CSP keeps our pages to our origin). */
export const registerOriginCheck = (app: FastifyInstance, allowed: readonly string[] | null): void => {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    if (!originAllowed(req, allowed)) return sendError(reply, 403, 'origin_not_allowed');
  });
};

/** Parses BODEM_ALLOWED_ORIGINS: comma-separated origins, each normalised (scheme://host[:port]). */
export const parseAllowedOrigins = (value: string | undefined): string[] | null => {
  if (!value || !value.trim()) return null;
  return value.split(',').map((raw) => {
    const url = new URL(raw.trim());
    if (url.origin === 'null') throw new Error(`not an origin: ${raw}`);
    return url.origin;
  });
};
